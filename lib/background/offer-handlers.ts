import { DEFAULT_API_URL } from '../connections/schema';
import { captureUrl } from '../policy/environments';
import { urlAllowed } from '../policy/hosts';
import type { Policy, PolicyEnvironment } from '../policy/policy-schema';
import { findByName } from '../connections/names';
import type { OfferStore } from '../capture/offers';
import type { Box, Corner } from '../prompt/placement';
import { type Outcome, fail, ok } from '../result';
import type { SettingsStore } from '../settings/settings-store';
import { addConnection, findConnectionByKey, updateConnection } from '../vault/operations';
import type { VaultStore } from '../vault/vault-store';
import type { Caller, Handlers } from './handlers';
import { ENVIRONMENTS } from '../connections/environments';

/** What the offer handlers need beyond storage: the browser's tabs, windows and alarms. */
export interface OfferDeps {
  vault: VaultStore;
  settings: SettingsStore;
  offers: OfferStore;
  now: () => number;
  newId: () => string;
  /** Asks the top frame of a tab to show the prompt (for a key captured in a subframe). */
  showPromptInTab(tabId: number, request: { avoid: Box | null; corner: Corner }): Promise<void>;
  /** Opens an extension page in its own window (the review window). */
  openWindow(path: string): Promise<void>;
  /** Wakes the background when the next offer expires, so that it is removed then. */
  scheduleOfferExpiry(at: number | undefined): Promise<void>;
  /** Tests a key against this API URL without storing anything. */
  testKey(key: string, url: string): ReturnType<Handlers['testConnection']>;
  /** The administrator's policy now (storage.managed, validated). */
  policy(): Promise<Policy>;
}

/** The built-in environments (the form's Production and Sandbox), which a policy's list replaces. */
const BUILT_IN_ENVIRONMENTS: readonly PolicyEnvironment[] = ENVIRONMENTS.map(({ id, url }) => ({ name: id, url }));

type OfferHandlerNames =
  | 'offerCapturedKey'
  | 'getOffer'
  | 'saveOffer'
  | 'dismissOffer'
  | 'openOfferReview'
  | 'testOfferKey'
  | 'setPromptCorner';

/**
 * Captured keys, from the content script's offer to the user's answer. A key offered by the
 * prompt can be saved under a new name there, in one click; replacing a saved connection's key
 * is refused from the prompt and happens in the review window (an extension window the page
 * cannot draw over), as does unlocking.
 */
export function createOfferHandlers(deps: OfferDeps): Pick<Handlers, OfferHandlerNames> {
  const { vault, settings, offers } = deps;
  const ctx = () => ({ now: deps.now(), newId: deps.newId });

  /** Where a captured key goes: the first environment offered, if the policy allows its host. */
  async function captureTarget(): Promise<Outcome<string>> {
    const policy = await deps.policy();
    const url = captureUrl(policy, BUILT_IN_ENVIRONMENTS) ?? DEFAULT_API_URL;
    return urlAllowed(url, policy.allowedApiHosts) ? ok(url) : fail('policy-host-not-allowed');
  }

  async function afterOffersChanged(): Promise<void> {
    await deps.scheduleOfferExpiry(await offers.nextExpiry());
  }

  /** An offer by id; the prompt, framed into one tab, may see only that tab's offers. */
  async function offerFor(offerId: string, { kind, tabId }: Caller) {
    const offer = await offers.get(offerId);
    return offer && (kind !== 'prompt' || offer.tabId === tabId) ? offer : undefined;
  }

  async function findOffer(offerId: string | undefined, caller: Caller) {
    if (offerId) {
      const offer = await offerFor(offerId, caller);
      return offer && { offerId, offer };
    }
    return caller.tabId === undefined ? undefined : offers.latestInTab(caller.tabId);
  }

  return {
    async offerCapturedKey({ key, name, note, shownIn }, { origin, tabId, frameId }) {
      if (!origin) return fail('forbidden-sender');
      // The content script stops itself too; this holds if it is older than the policy.
      if ((await deps.policy()).captureEnabled === false) return ok(null);
      const read = await vault.read();
      if (!read.ok) return read;
      // While locked the keys are sealed and this finds nothing: every key is offered then.
      if (findConnectionByKey(read.value, key.trim())) return ok(null);
      const current = await settings.read();
      if (current.neverSites.includes(origin)) return ok(null);
      const offerId = await offers.put({ key: key.trim(), name, note, origin, ...(tabId !== undefined && { tabId }) });
      await afterOffersChanged();
      const corner = current.promptCorner;
      // A key seen in a subframe is offered by the top frame, above the whole page.
      if (frameId !== undefined && frameId !== 0 && tabId !== undefined) {
        await deps.showPromptInTab(tabId, { avoid: shownIn ?? null, corner }).catch(() => undefined);
      }
      return ok({ offerId, corner });
    },

    async getOffer({ offerId }, caller) {
      const found = await findOffer(offerId, caller);
      if (!found) return fail('offer-expired');
      const read = await vault.read();
      if (!read.ok) return read;
      const { name, note, origin, capturedAt } = found.offer;
      const same = findByName(read.value.connections, name);
      return ok({
        offerId: found.offerId,
        name,
        note,
        origin,
        capturedAt,
        conflict: same
          ? {
              id: same.id,
              name: same.name,
              ...(caller.kind !== 'prompt' && same.usedIn?.length && { usedIn: same.usedIn.map((use) => use.host) }),
            }
          : null,
        corner: (await settings.read()).promptCorner,
        ...(caller.kind !== 'prompt' && { keyEnd: `…${found.offer.key.slice(-4)}` }),
      });
    },

    async saveOffer({ offerId, name, mode, replaceId }, caller) {
      // The prompt lives in a page we do not trust: it never replaces a key (see sender.ts).
      if (mode === 'replace' && caller.kind === 'prompt') return fail('forbidden-sender');
      const offer = await offerFor(offerId, caller);
      if (!offer) return fail('offer-expired');
      // A replaced key keeps its connection's URL.
      const target = mode === 'new' ? await captureTarget() : ok(DEFAULT_API_URL);
      if (!target.ok) return target;
      const passphraseRequired = (await deps.policy()).requirePassphrase === true;
      const saved = await vault.change((state) => {
        // The offer waits (it is shown only once) until a passphrase is set in our own pages.
        if (passphraseRequired && !state.lock) return fail('policy-passphrase-required');
        // Checked here as well as when offered: a locked vault could not tell then.
        if (findConnectionByKey(state, offer.key)) return fail('already-saved');
        // Replace names its target by id: the one the confirmation showed, whatever the name field says.
        if (mode === 'replace') {
          return replaceId
            ? updateConnection(state, replaceId, { key: offer.key }, ctx(), { via: 'captured', origin: offer.origin })
            : fail('not-found');
        }
        return addConnection(state, { name, url: target.value, key: offer.key, note: offer.note }, 'captured', ctx());
      });
      if (saved.ok || saved.error.code === 'already-saved') {
        await offers.drop(offerId);
        await afterOffersChanged();
      }
      return saved;
    },

    async dismissOffer({ offerId, never }, caller) {
      const offer = await offerFor(offerId, caller);
      if (!offer) return ok(null);
      await offers.drop(offerId);
      await afterOffersChanged();
      if (never) {
        await settings.change((s) => ({ ...s, neverSites: [...new Set([...s.neverSites, offer.origin])] }));
      }
      return ok(null);
    },

    async openOfferReview({ offerId, replaceId }, caller) {
      if (!(await offerFor(offerId, caller))) return fail('offer-expired');
      const query = new URLSearchParams({ offer: offerId, ...(replaceId && { replace: replaceId }) });
      await deps.openWindow(`/review.html#${query}`);
      return ok(null);
    },

    async testOfferKey({ offerId }) {
      const offer = await offers.get(offerId);
      if (!offer) return fail('offer-expired');
      const target = await captureTarget();
      return target.ok ? deps.testKey(offer.key, target.value) : target;
    },

    async setPromptCorner({ corner }) {
      await settings.change((s) => ({ ...s, promptCorner: corner }));
      return ok(null);
    },
  };
}
