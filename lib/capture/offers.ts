import { z } from '../schema/z';
import type { StorageAreaLike } from '../storage/storage-area';
import { createSerialQueue } from '../vault/serial-queue';

/** How long a captured key waits for the user's answer before it is dropped. */
export const OFFER_TTL_MS = 5 * 60_000;
const OFFERS_KEY = 'pendingOffers';

const offerSchema = z.object({
  key: z.string(),
  name: z.string(),
  note: z.string(),
  origin: z.string(),
  /** The tab the key was seen in: its prompt asks for the offer by tab, never by a URL. */
  tabId: z.optional(z.number()),
  expiresAt: z.number(),
});
export type PendingOffer = z.infer<typeof offerSchema>;
const offersSchema = z.catch(z.record(z.string(), offerSchema), {});


/**
 * Keys captured on the portal and not yet saved. Kept in session storage, not memory, so that a
 * service worker stopped while the prompt is open does not lose them; never written to disk.
 */
export function createOfferStore(area: StorageAreaLike, now: () => number, newId: () => string) {
  async function load(): Promise<Record<string, PendingOffer>> {
    const all = offersSchema.parse((await area.get(OFFERS_KEY))[OFFERS_KEY] ?? {});
    const t = now();
    return Object.fromEntries(Object.entries(all).filter(([, offer]) => offer.expiresAt > t));
  }
  const save = (offers: Record<string, PendingOffer>) => area.set({ [OFFERS_KEY]: offers });
  const enqueue = createSerialQueue();

  return {
    /** Returns the id of the pending offer for this key, creating it if there is none. */
    put: (offer: Omit<PendingOffer, 'expiresAt'>): Promise<string> =>
      enqueue(async () => {
        const offers = await load();
        const existing = Object.entries(offers).find(([, o]) => o.key === offer.key);
        const offerId = existing?.[0] ?? newId();
        offers[offerId] = { ...offer, expiresAt: now() + OFFER_TTL_MS };
        await save(offers);
        return offerId;
      }),
    get: (offerId: string): Promise<PendingOffer | undefined> => enqueue(async () => (await load())[offerId]),
    /** The newest pending offer made in this tab, with its id. */
    latestInTab: (tabId: number): Promise<{ offerId: string; offer: PendingOffer } | undefined> =>
      enqueue(async () => {
        const mine = Object.entries(await load()).filter(([, offer]) => offer.tabId === tabId);
        const [offerId, offer] = mine.sort(([, a], [, b]) => b.expiresAt - a.expiresAt)[0] ?? [];
        return offerId && offer ? { offerId, offer } : undefined;
      }),
    drop: (offerId: string): Promise<void> =>
      enqueue(async () => {
        const offers = await load();
        delete offers[offerId];
        await save(offers);
      }),
  };
}

export type OfferStore = ReturnType<typeof createOfferStore>;
