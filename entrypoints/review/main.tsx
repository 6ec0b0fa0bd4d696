import { i18n } from '#i18n';
import { render } from 'preact';
import { OfferReview } from '@/components/OfferReview';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');
document.title = i18n.t('reviewWindowTitle');

// The hash names the offer and, to replace a key, the connection: ids, never a key.
const params = new URLSearchParams(location.hash.slice(1));
render(
  <OfferReview offerId={params.get('offer') ?? ''} {...(params.get('replace') && { replaceId: params.get('replace')! })} />,
  document.getElementById('app')!,
);
