import type { Connection } from '@/lib/connections/schema';
import type { ConnectionInput } from '@/lib/connections/validate-input';
import { call } from '@/lib/messaging/call';
import { hasHostAccess, requestHostAccess } from '@/lib/permissions/host-access';
import { urlAllowed } from '@/lib/policy/hosts';
import type { Policy } from '@/lib/policy/policy-schema';
import { fail } from '@/lib/result';
import { ConnectionForm } from './ConnectionForm';

interface Props {
  /** The connection being edited; none to add one. */
  editId: string | undefined;
  /** Its record (gone if it was deleted meanwhile: then Save says so). */
  editing: Connection | undefined;
  connections: Connection[];
  policy: Policy;
  layout: 'popup' | 'page';
  onSaved(connection: Connection): void;
  onCancel(): void;
}

/** The add and edit form with what its Test and Save do: ask the background, and for a custom host where that can be done. */
export function ConnectionEditor({ editId, editing, connections, policy, layout, onSaved, onCancel }: Props) {
  async function testDraft(draft: { url: string; key?: string }) {
    // The manager tab may ask for a custom host from this click; the popup only checks (see submit).
    const granted = layout === 'page' ? await requestHostAccess(draft.url) : await hasHostAccess(draft.url).catch(() => false);
    if (!granted) return fail('permission-denied');
    return call('testDraft', { ...draft, ...(editId && { id: editId }) });
  }

  async function submit(input: Partial<ConnectionInput>) {
    // In the manager tab, ask for a custom host while the Save click still counts as a user
    // gesture. Not in the popup: Chromium closes it for the dialog, and the saved connection would
    // show no confirmation. There the row says the host is not allowed yet, and offers to ask.
    const access =
      input.url && layout === 'page' && urlAllowed(input.url, policy.allowedApiHosts) ? requestHostAccess(input.url) : Promise.resolve(true);
    const outcome = editId
      ? await call('updateConnection', { id: editId, patch: input })
      : await call('addConnection', input as ConnectionInput);
    if (!outcome.ok) return outcome.error;
    await access;
    onSaved(outcome.value);
    return null;
  }

  return (
    <ConnectionForm
      editing={editing}
      connections={connections}
      environments={policy.environments}
      onSubmit={submit}
      onTest={testDraft}
      onCancel={onCancel}
    />
  );
}
