import { render } from 'preact';
import { CapturePrompt } from '@/components/CapturePrompt';
import { type PromptSignal, toPromptMessage } from '@/lib/messaging/prompt-channel';
import '@/components/app.css';

const tell = (signal: PromptSignal) => window.parent.postMessage(toPromptMessage(signal), '*');
const app = document.getElementById('app')!;
const offerId = new URLSearchParams(location.search).get('offer') ?? '';

render(<CapturePrompt offerId={offerId} close={() => tell({ type: 'close' })} />, app);
new ResizeObserver(() => tell({ type: 'resize', height: app.scrollHeight })).observe(app);
