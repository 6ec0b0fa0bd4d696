import { i18n } from '#i18n';
import { render } from 'preact';
import { FillConfirm } from '@/components/FillConfirm';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');
document.title = i18n.t('confirmFillWindowTitle');

// The hash names the fill request: an id, never a key.
const requestId = new URLSearchParams(location.hash.slice(1)).get('request') ?? '';
render(<FillConfirm requestId={requestId} />, document.getElementById('app')!);
