import { render } from 'preact';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import '@/components/app.css';

render(<ConnectionsApp layout="popup" />, document.getElementById('app')!);
