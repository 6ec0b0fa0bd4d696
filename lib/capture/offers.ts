import { z } from '../schema/z';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from '../vault/serial-queue';
import { OFFERS_KEY } from './offers-key';

/** How long a captured key waits for the user's answer before it is dropped. */
export const OFFER_TTL_MS = 5 * 60_000;
/**
 * Offers kept per tab; a newer one drops the oldest. A page that fakes key after key (it cannot
 * click Generate for the user any more, but it can show values) costs a bounded, small record.
 */
export const MAX_OFFERS_PER_TAB = 3;
const MAX_OFFERS = 20;

const offerSchema = z.object({
  key: z.string(),
  name: z.string(),
  note: z.string(),
  origin: z.string(),
  /** The tab the key was seen in: its prompt asks for the offer by tab, never by a URL. */
  tabId: z.optional(z.number()),
  capturedAt: z._default(z.number(), 0),
  expiresAt: z.number(),
});
export type PendingOffer = z.infer<typeof offerSchema>;
const offersSchema = z.catch(z.record(z.string(), offerSchema), {});

type Entry = [string, PendingOffer];
const newestFirst = ([, a]: Entry, [, b]: Entry) => b.capturedAt - a.capturedAt || b.expiresAt - a.expiresAt;

/**
 * Keys captured on the portal and not yet saved. Kept in session storage, not memory, so that a
 * service worker stopped while the prompt is open does not lose them; never written to disk.
 * Expired offers are removed by `purge()`, which the background runs on an alarm at `nextExpiry()`.
 */
export function createOfferStore(area: StorageAreaLike, now: () => number, newId: () => string) {
  async function loadAll(): Promise<Record<string, PendingOffer>> {
    return offersSchema.parse((await area.get(OFFERS_KEY))[OFFERS_KEY] ?? {});
  }
  async function load(): Promise<Record<string, PendingOffer>> {
    const t = now();
    return Object.fromEntries(Object.entries(await loadAll()).filter(([, offer]) => offer.expiresAt > t));
  }
  const save = (offers: Record<string, PendingOffer>) => area.set({ [OFFERS_KEY]: offers });
  const enqueue = createSerialQueue();

  return {
    /** Returns the id of the pending offer for this key, creating it if there is none. */
    put: (offer: Omit<PendingOffer, 'expiresAt' | 'capturedAt'>): Promise<string> =>
      enqueue(async () => {
        const offers = await load();
        const existing = Object.entries(offers).find(([, o]) => o.key === offer.key);
        const offerId = existing?.[0] ?? newId();
        const t = now();
        offers[offerId] = { ...offer, capturedAt: t, expiresAt: t + OFFER_TTL_MS };
        const entries = Object.entries(offers).sort(newestFirst);
        const sameTab = entries.filter(([, o]) => o.tabId === offer.tabId);
        const dropped = new Set([...sameTab.slice(MAX_OFFERS_PER_TAB), ...entries.slice(MAX_OFFERS)].map(([id]) => id));
        await save(Object.fromEntries(entries.filter(([id]) => !dropped.has(id))));
        return offerId;
      }),
    get: (offerId: string): Promise<PendingOffer | undefined> => enqueue(async () => (await load())[offerId]),
    /** The newest pending offer made in this tab, with its id. */
    latestInTab: (tabId: number): Promise<{ offerId: string; offer: PendingOffer } | undefined> =>
      enqueue(async () => {
        const [offerId, offer] = Object.entries(await load()).filter(([, o]) => o.tabId === tabId).sort(newestFirst)[0] ?? [];
        return offerId && offer ? { offerId, offer } : undefined;
      }),
    drop: (offerId: string): Promise<void> =>
      enqueue(async () => {
        const offers = await load();
        delete offers[offerId];
        await save(offers);
      }),
    /** Removes expired offers from storage now. */
    purge: (): Promise<void> =>
      enqueue(async () => {
        const all = await loadAll();
        const live = await load();
        if (Object.keys(live).length !== Object.keys(all).length) await save(live);
      }),
    /** When the next offer expires, or undefined when none is pending. */
    nextExpiry: (): Promise<number | undefined> =>
      enqueue(async () => {
        const times = Object.values(await loadAll()).map((o) => o.expiresAt);
        return times.length > 0 ? Math.min(...times) : undefined;
      }),
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
