import { HygieneSettings } from './HygieneSettings';
import { NeverSites } from './NeverSites';
import { PolicySection } from './PolicySection';
import { TestSettings } from './TestSettings';

/** The settings the popup keeps under its Settings disclosure (the manager shows them as sections). */
export function PopupSettings() {
  return (
    <>
      <PolicySection showProblems={false} />
      <HygieneSettings />
      <NeverSites />
      <TestSettings />
    </>
  );
}
