import { i18n } from '#i18n';
import { render } from 'preact';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import { LIST_HEAD_ROWS } from '@/components/ConnectionList';
import { watchVault } from '@/components/use-vault-view';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');

// Asked before anything renders: the answer's wait and the first render overlap.
const vaultWatch = watchVault(LIST_HEAD_ROWS);
render(<ConnectionsApp layout="popup" vaultWatch={vaultWatch} />, document.getElementById('app')!);
