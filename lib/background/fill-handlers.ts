import { plainKeyOf } from '../connections/schema';
import type { FillRequest, FillRequests } from '../servicenow/fill-requests';
import type { ToServiceNowScript } from '../servicenow/content-messages';
import { type Outcome, fail, ok } from '../result';
import type { SettingsStore } from '../settings/settings-store';
import { recordFill } from '../vault/operations';
import type { VaultStore } from '../vault/vault-store';
import type { Caller, Handlers } from './handlers';
import type { ResultStore } from '../results/result-store';

export interface FillDeps {
  vault: VaultStore;
  settings: SettingsStore;
  fills: FillRequests;
  results: ResultStore;
  now: () => number;
  /** Opens an extension page in its own window (the fill confirmation). */
  openWindow(path: string): Promise<void>;
  /** Sends to our ServiceNow content script in one frame of a tab; resolves to its answer. */
  sendToServiceNow(tabId: number, frameId: number, message: ToServiceNowScript): Promise<unknown>;
}

type FillHandlerNames =
  | 'requestFill'
  | 'getFillRequest'
  | 'chooseFill'
  | 'getFillConfirmation'
  | 'confirmFill'
  | 'cancelFill'
  | 'forgetTrustedInstance';

const filledAnswer = (answer: unknown): boolean =>
  typeof answer === 'object' && answer !== null && (answer as { filled?: unknown }).filled === true;

/**
 * The ServiceNow helper, from a click on "Fill from…" to the filled form. The picker (framed
 * into the ServiceNow page, page-proof like the save prompt) lists names and verdicts, never a
 * key; choosing one sends the key to the frame that showed the form, and only to it, once the
 * instance is trusted: the first fill into an instance is confirmed in an extension window the
 * page cannot draw over.
 */
export function createFillHandlers(deps: FillDeps): Pick<Handlers, FillHandlerNames> {
  const { vault, settings, fills } = deps;

  /** The picker sees only its own tab's request. */
  async function requestFor(requestId: string, { kind, tabId }: Caller): Promise<FillRequest | undefined> {
    const request = await fills.get(requestId);
    return request && (kind !== 'picker' || request.tabId === tabId) ? request : undefined;
  }

  const hidePicker = (request: FillRequest) =>
    deps.sendToServiceNow(request.tabId, 0, { type: 'hide-picker' }).catch(() => undefined);

  async function deliver(requestId: string, request: FillRequest, connectionId: string): Promise<Outcome<{ name: string }>> {
    const read = await vault.read();
    if (!read.ok) return read;
    const connection = read.value.connections.find((c) => c.id === connectionId);
    if (!connection) return fail('not-found');
    const key = plainKeyOf(connection.key);
    if (key === undefined) return fail('locked');
    const message = { type: 'fill', host: request.host, name: connection.name, url: connection.url, key } as const;
    const answer = await deps.sendToServiceNow(request.tabId, request.frameId, message).catch(() => undefined);
    if (!filledAnswer(answer)) return fail('form-gone');
    await fills.drop(requestId);
    await hidePicker(request);
    const recorded = await vault.change((state) => recordFill(state, connectionId, request.host, { now: deps.now() }));
    return recorded.ok ? ok({ name: connection.name }) : recorded;
  }

  const isTrusted = async (host: string) => (await settings.read()).trustedInstances.includes(host);

  return {
    async requestFill(_data, { host, tabId, frameId }) {
      if (!host || tabId === undefined || frameId === undefined) return fail('forbidden-sender');
      await fills.put({ tabId, frameId, host });
      // The picker is drawn by the top frame, over the whole page, whichever frame has the form.
      await deps.sendToServiceNow(tabId, 0, { type: 'show-picker' }).catch(() => undefined);
      return ok(null);
    },

    async getFillRequest(_data, { tabId }) {
      const found = tabId === undefined ? undefined : await fills.inTab(tabId);
      if (!found) return fail('offer-expired');
      const read = await vault.read();
      if (!read.ok) return read;
      const results = await deps.results.readMany(read.value.connections.map((c) => c.id));
      return ok({
        requestId: found.id,
        host: found.request.host,
        trusted: await isTrusted(found.request.host),
        choices: read.value.connections.map((c) => ({
          id: c.id,
          name: c.name,
          url: c.url,
          ...(results[c.id]?.last && { verdict: results[c.id]!.last!.category }),
        })),
      });
    },

    async chooseFill({ requestId, connectionId }, caller) {
      const request = await requestFor(requestId, caller);
      if (!request) return fail('offer-expired');
      if (await isTrusted(request.host)) {
        const filled = await deliver(requestId, request, connectionId);
        return filled.ok ? ok({ status: 'filled' as const }) : filled;
      }
      await fills.choose(requestId, connectionId);
      await deps.openWindow(`/confirm-fill.html#${new URLSearchParams({ request: requestId })}`);
      return ok({ status: 'confirming' as const });
    },

    async getFillConfirmation({ requestId }) {
      const request = await fills.get(requestId);
      if (!request?.chosen) return fail('offer-expired');
      const read = await vault.read();
      if (!read.ok) return read;
      const connection = read.value.connections.find((c) => c.id === request.chosen);
      return connection ? ok({ host: request.host, name: connection.name, url: connection.url }) : fail('not-found');
    },

    async confirmFill({ requestId }) {
      const request = await fills.get(requestId);
      if (!request?.chosen) return fail('offer-expired');
      const filled = await deliver(requestId, request, request.chosen);
      // Trusted once the key is there: a failed fill (locked, form closed) trusts nothing yet.
      if (filled.ok) {
        await settings.change((s) => ({ ...s, trustedInstances: [...new Set([...s.trustedInstances, request.host])] }));
      }
      return filled;
    },

    async cancelFill({ requestId }, caller) {
      const request = await requestFor(requestId, caller);
      if (!request) return ok(null);
      await fills.drop(requestId);
      await hidePicker(request);
      return ok(null);
    },

    async forgetTrustedInstance({ host }) {
      await settings.change((s) => ({ ...s, trustedInstances: s.trustedInstances.filter((h) => h !== host) }));
      return ok(null);
    },
  };
}
