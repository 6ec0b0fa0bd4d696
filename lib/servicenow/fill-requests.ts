import { z } from '../schema/z';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from '../vault/serial-queue';

/** How long a click on "Fill from…" waits for the user's choice and confirmation. */
export const FILL_REQUEST_TTL_MS = 10 * 60_000;
const MAX_REQUESTS = 20;
export const FILL_REQUESTS_KEY = 'pendingFills';

const requestSchema = z.object({
  /** The tab and frame that showed the form: the only place its values go. */
  tabId: z.number(),
  frameId: z.number(),
  /** The instance, from the browser's own record of the sending frame (never from the page). */
  host: z.string(),
  /** The connection the user chose in the picker, waiting for the instance to be confirmed. */
  chosen: z.optional(z.string()),
  expiresAt: z.number(),
});
export type FillRequest = z.infer<typeof requestSchema>;
const requestsSchema = z.catch(z.record(z.string(), requestSchema), {});

/**
 * Clicks on "Fill from SmartRecruiters Admin Helper" that wait for an answer, one per tab (a new
 * click replaces the tab's last). In session storage, so that a service worker stopped while the
 * user reads the confirmation loses nothing; they hold no key.
 */
export function createFillRequests(area: StorageAreaLike, now: () => number, newId: () => string) {
  const enqueue = createSerialQueue();
  async function load(): Promise<Record<string, FillRequest>> {
    const all = requestsSchema.parse((await area.get(FILL_REQUESTS_KEY))[FILL_REQUESTS_KEY] ?? {});
    const t = now();
    return Object.fromEntries(Object.entries(all).filter(([, r]) => r.expiresAt > t));
  }
  const save = (requests: Record<string, FillRequest>) => area.set({ [FILL_REQUESTS_KEY]: requests });

  return {
    put: (request: Omit<FillRequest, 'expiresAt' | 'chosen'>): Promise<string> =>
      enqueue(async () => {
        const requests = Object.entries(await load()).filter(([, r]) => r.tabId !== request.tabId);
        const id = newId();
        requests.push([id, { ...request, expiresAt: now() + FILL_REQUEST_TTL_MS }]);
        await save(Object.fromEntries(requests.slice(-MAX_REQUESTS)));
        return id;
      }),
    get: async (id: string): Promise<FillRequest | undefined> => (await enqueue(load))[id],
    inTab: async (tabId: number): Promise<{ id: string; request: FillRequest } | undefined> => {
      const found = Object.entries(await enqueue(load)).find(([, r]) => r.tabId === tabId);
      return found && { id: found[0], request: found[1] };
    },
    choose: (id: string, connectionId: string): Promise<boolean> =>
      enqueue(async () => {
        const requests = await load();
        const request = requests[id];
        if (!request) return false;
        requests[id] = { ...request, chosen: connectionId };
        await save(requests);
        return true;
      }),
    drop: (id: string): Promise<void> =>
      enqueue(async () => {
        const requests = await load();
        delete requests[id];
        await save(requests);
      }),
  };
}

export type FillRequests = ReturnType<typeof createFillRequests>;
