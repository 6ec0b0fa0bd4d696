import { render } from 'preact';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import '@/components/app.css';

render(<ConnectionsApp layout="page" />, document.getElementById('app')!);
