import { i18n } from '#i18n';
import { render } from 'preact';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');

render(<ConnectionsApp layout="popup" />, document.getElementById('app')!);
