import { SERVICENOW_HOST_PATTERN } from './host';

export const SERVICENOW_SCRIPT_ID = 'servicenow-helper';
/** Built by WXT from entrypoints/servicenow.content.ts, registered at run time only. */
export const SERVICENOW_SCRIPT_FILE = 'content-scripts/servicenow.js';

/** The part of the browser the registration needs (the WebExtension `permissions` and `scripting`). */
export interface RegistrationApi {
  hasGrant(): Promise<boolean>;
  registered(): Promise<string[]>;
  register(script: {
    id: string;
    js: string[];
    matches: string[];
    allFrames: boolean;
    runAt: 'document_idle';
  }): Promise<void>;
  unregister(ids: string[]): Promise<void>;
}

/**
 * Makes the ServiceNow content script's registration follow the host grant: registered while
 * `https://*.service-now.com/*` is granted, not registered otherwise (so with the helper off
 * nothing of ours runs there). Called at start-up and whenever a permission is added or removed;
 * calls are serialised so two quick changes cannot register twice.
 */
export function createServiceNowRegistration(api: RegistrationApi) {
  let queue: Promise<unknown> = Promise.resolve();

  async function sync(): Promise<boolean> {
    const [granted, ids] = await Promise.all([api.hasGrant(), api.registered()]);
    const present = ids.includes(SERVICENOW_SCRIPT_ID);
    if (granted && !present) {
      await api.register({
        id: SERVICENOW_SCRIPT_ID,
        js: [SERVICENOW_SCRIPT_FILE],
        matches: [SERVICENOW_HOST_PATTERN],
        // The classic UI shows the form inside its gsft_main frame.
        allFrames: true,
        runAt: 'document_idle',
      });
    }
    if (!granted && present) await api.unregister([SERVICENOW_SCRIPT_ID]);
    return granted;
  }

  return {
    /** Registers or unregisters as the grant says; resolves to whether the helper is on. */
    sync(): Promise<boolean> {
      const next = queue.then(sync, sync);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
