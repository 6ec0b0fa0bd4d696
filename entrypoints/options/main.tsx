import { i18n } from '#i18n';
import { render } from 'preact';
import { BackupSection } from '@/components/BackupSection';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import { HygieneSettings } from '@/components/HygieneSettings';
import { QuarantineList } from '@/components/QuarantineList';
import { SecuritySection } from '@/components/SecuritySection';
import { ServiceNowSection } from '@/components/ServiceNowSection';
import '@/components/app.css';

// index.html says lang="en"; the text shown is in whichever locale the browser picked.
document.documentElement.lang = i18n.t('htmlLang');

render(
  <ConnectionsApp
    layout="page"
    managerSections={({ connections, quarantine, say }) => (
      <>
        <SecuritySection onMessage={say} />
        <BackupSection connections={connections} onMessage={say} />
        <HygieneSettings />
        <ServiceNowSection />
        <QuarantineList records={quarantine} />
      </>
    )}
  />,
  document.getElementById('app')!,
);
