import { i18n } from '#i18n';
import { FillPicker } from '@/components/FillPicker';
import { mountFramedPage } from '@/components/mount-framed-page';
import '@/components/app.css';

mountFramedPage(i18n.t('pickerTitle'), ({ generation, gate, refusal, tell }) => (
  <FillPicker generation={generation} gate={gate} refusal={refusal} close={() => tell({ type: 'close' })} />
));
