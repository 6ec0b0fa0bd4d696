import { i18n } from '#i18n';
import { CapturePrompt } from '@/components/CapturePrompt';
import { mountFramedPage } from '@/components/mount-framed-page';
import '@/components/app.css';

mountFramedPage(i18n.t('promptTitle'), ({ generation, gate, refusal, tell }) => (
  <CapturePrompt
    generation={generation}
    gate={gate}
    refusal={refusal}
    host={{ close: () => tell({ type: 'close' }), move: (corner) => tell({ type: 'move', corner }) }}
  />
));
