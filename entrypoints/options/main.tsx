import { i18n } from '#i18n';
import { render } from 'preact';
import { BackupSection } from '@/components/BackupSection';
import { ConnectionsApp } from '@/components/ConnectionsApp';
import { HygieneSettings } from '@/components/HygieneSettings';
import { NeverSites } from '@/components/NeverSites';
import { PolicySection } from '@/components/PolicySection';
import { QuarantineList } from '@/components/QuarantineList';
import { SecuritySection } from '@/components/SecuritySection';
import { ServiceNowSection } from '@/components/ServiceNowSection';
import { TestSettings } from '@/components/TestSettings';
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
        <PolicySection showProblems />
        <NeverSites />
        <TestSettings />
      </>
    )}
  />,
  document.getElementById('app')!,
);
