import { type CredentialDetails, createFormMemory, hasFilledTextField } from './credential-form';
import { findActivatedControl } from './generate-control';
import { type Verdict, judgeSighting } from './judge-sighting';
import { credentialValues, findApiKey, hasDocumentedPrefix, isPrefixedKey, keyIdentity } from './key-shape';
import { type KeyField, type ScanFindings, type Sighting, createNodeScanner, emptyFindings, isKeyField } from './node-scan';
import { isCredentialsContext } from './page-signals';
import { describePopup, findPopup, popupCard } from './popup-scope';
import { type ShadowRootOf, openShadowRootOf } from './shadow-roots';

export interface FoundKey extends CredentialDetails {
  key: string;
  /** The box of the pop-up that shows the key, for the prompt to keep clear of; null in the page. */
  shownIn: Element | null;
}

export interface KeyDetectorOptions {
  root: Document;
  onKey(found: FoundKey): void;
  /** Generate was clicked: a key may follow (lets the prompt get ready). */
  onGenerate?(): void;
  now?: () => number;
  /** Sees closed shadow roots in a content script; open ones only by default. */
  shadowRootOf?: ShadowRootOf;
  /** Whether an event came from the user; a page's own `click()` never arms the detector. */
  isTrusted?: (event: Event) => boolean;
}

export interface KeyDetector {
  /** Starts listening for Generate clicks. */
  start(): void;
  /** Stops listening and watching; keys already reported stay reported. */
  stop(): void;
}

/**
 * How long after a Generate click a new key-shaped value counts as the key it made. Anything
 * later is a list or a detail view re-rendering ids, not the one-time pop-up. The portal may set
 * a field's value up to 30 s after Generate.
 */
export const GENERATE_WINDOW_MS = 60_000;

/**
 * Fields are re-read, since a script may set a read-only field's `.value` when the server answers
 * and no observer sees a property change: often for a few seconds after a field appears, then
 * more slowly until the window closes.
 */
const FIELD_POLL_FAST_MS = 3_000;
const FIELD_POLL_FAST_INTERVAL_MS = 100;
const FIELD_POLL_SLOW_INTERVAL_MS = 400;
/** A page's busy pop-up does not make the detector read thousands of fields. */
const MAX_POLLED_FIELDS = 200;

const OBSERVED_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['value', 'open'],
};

/** Fields that may already be on the page, hidden, waiting for a script to fill them with the key. */
const PREFILLED_FIELDS = 'input[readonly], textarea[readonly], input[disabled], textarea[disabled]';

/** Where the form that a control submits lives: its form or dialog, else its whole tree. */
function formScope(control: Element): ParentNode {
  return control.closest('form, dialog, [role="dialog"]') ?? (control.getRootNode() as Document | ShadowRoot);
}

interface Armed {
  until: number;
  details: CredentialDetails;
  /** What the user typed, in the shapes a pop-up's values are counted in. */
  typed: ReadonlySet<string>;
  inContext: boolean;
  oauthChosen: boolean;
}

/**
 * Notices an API key the portal shows after a Generate, in any language and any markup.
 *
 * Nothing is watched until the user (a trusted event, never a page's `click()`) activates either
 * a button in a form that holds typed text (the flow's shape: a name, then Generate) or a
 * button captioned Generate in a language we know, on the credentials screen. Then, for
 * GENERATE_WINDOW_MS or until a key is found, observers look only at what is added or changed
 * (in the document and in shadow roots, closed ones included where the browser lets us) and
 * fields are polled. Each value found is judged (judge-sighting.ts); each Generate reports at
 * most one key, and each key is reported once.
 */
export function createKeyDetector({
  root,
  onKey,
  onGenerate,
  now = Date.now,
  shadowRootOf = openShadowRootOf,
  isTrusted = (event) => event.isTrusted,
}: KeyDetectorOptions): KeyDetector {
  const reported = new Set<string>();
  const memory = createFormMemory();
  const scanner = createNodeScanner(shadowRootOf);
  const observers = new Map<Node, MutationObserver>();
  /** Fields being polled, with the value last seen in each. */
  const fields = new Map<KeyField, string>();
  const hostsWithoutShadow = new Set<Element>();
  /** Values whose pop-up still has empty fields, with when they were first seen. */
  const waiting = new Map<string, { sighting: Sighting; since: number }>();
  let running = false;
  let armed: Armed | null = null;
  let fastUntil = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;

  function disarm(): void {
    armed = null;
    for (const observer of observers.values()) observer.disconnect();
    observers.clear();
    fields.clear();
    hostsWithoutShadow.clear();
    waiting.clear();
    fastUntil = 0;
    clearTimeout(pollTimer);
    clearTimeout(windowTimer);
    pollTimer = windowTimer = undefined;
  }

  function isArmed(): boolean {
    if (armed && now() <= armed.until) return true;
    if (armed) disarm();
    return false;
  }

  function observe(node: Document | ShadowRoot): void {
    if (observers.has(node)) return;
    const observer = new MutationObserver(onMutations);
    observer.observe(node, OBSERVED_CHANGES);
    observers.set(node, observer);
  }

  function watchField(field: KeyField): void {
    if (!fields.has(field) && fields.size < MAX_POLLED_FIELDS) fields.set(field, field.value);
  }

  function judge(sighting: Sighting, since: number): Verdict {
    const popup = findPopup(sighting.node);
    return judgeSighting({
      prefixed: isPrefixedKey(sighting.key),
      documentedPrefix: hasDocumentedPrefix(sighting.key),
      inContext: armed!.inContext,
      oauthChosen: armed!.oauthChosen,
      popup: popup && describePopup(popup, shadowRootOf, armed!.typed),
      waitedMs: now() - since,
    });
  }

  function report(sighting: Sighting): void {
    reported.add(keyIdentity(sighting.key));
    const popup = findPopup(sighting.node);
    const found = { key: sighting.key, ...armed!.details, shownIn: popup && popupCard(sighting.node, popup) };
    disarm();
    onKey(found);
  }

  /** Judges new sightings and those still waiting; reports the first that is a key. */
  function consider(sightings: readonly Sighting[]): void {
    if (!armed) return;
    const t = now();
    // A prefixed key first: a plain-hex id shown beside it is not the key.
    const fresh = [...sightings].sort((a, b) => Number(isPrefixedKey(b.key)) - Number(isPrefixedKey(a.key)));
    const candidates = [...fresh.map((sighting) => ({ sighting, since: waiting.get(keyIdentity(sighting.key))?.since ?? t })), ...waiting.values()];
    for (const { sighting, since } of candidates) {
      const identity = keyIdentity(sighting.key);
      if (reported.has(identity)) continue;
      const verdict = judge(sighting, since);
      if (verdict === 'offer') return report(sighting);
      if (verdict === 'wait') waiting.set(identity, { sighting, since });
      else waiting.delete(identity);
    }
  }

  function absorb(findings: ScanFindings): void {
    for (const shadowRoot of findings.shadowRoots) observe(shadowRoot);
    for (const field of findings.fields) watchField(field);
    for (const host of findings.hosts) hostsWithoutShadow.add(host);
    if (findings.fields.length > 0 || findings.hosts.length > 0) pollFast();
    consider(findings.keys);
  }

  function onMutations(records: MutationRecord[]): void {
    if (!isArmed()) return;
    const findings = emptyFindings();
    for (const record of records) scanner.scanMutation(record, findings);
    absorb(findings);
  }

  function poll(): void {
    pollTimer = undefined;
    if (!isArmed()) return;
    const findings = emptyFindings();
    for (const [field, seen] of fields) {
      if (!field.isConnected) {
        fields.delete(field);
        continue;
      }
      if (field.value === seen) continue;
      fields.set(field, field.value);
      const key = findApiKey(field.value);
      if (key) findings.keys.push({ key, node: field });
    }
    for (const host of hostsWithoutShadow) {
      const shadowRoot = shadowRootOf(host);
      if (!shadowRoot) continue;
      hostsWithoutShadow.delete(host);
      observe(shadowRoot);
      scanner.scanSubtree(shadowRoot, findings);
    }
    absorb(findings);
    schedulePoll();
  }

  function schedulePoll(): void {
    if (!armed || pollTimer !== undefined) return;
    if (fields.size === 0 && hostsWithoutShadow.size === 0 && waiting.size === 0) return;
    pollTimer = setTimeout(poll, now() < fastUntil ? FIELD_POLL_FAST_INTERVAL_MS : FIELD_POLL_SLOW_INTERVAL_MS);
  }

  /** Polls often for a few seconds more: each new field gets its own few seconds. */
  function pollFast(): void {
    fastUntil = now() + FIELD_POLL_FAST_MS;
    if (pollTimer !== undefined && armed) {
      clearTimeout(pollTimer);
      pollTimer = undefined;
    }
    schedulePoll();
  }

  function arm(scope: ParentNode, path: readonly EventTarget[], inContext: boolean): void {
    const details = memory.take(scope);
    const oauthChosen = memory.chosenType === 'oauth';
    disarm();
    const typed = new Set(credentialValues(`${details.name} ${details.note}`));
    armed = { until: now() + GENERATE_WINDOW_MS, details, typed, inContext, oauthChosen };
    const trees: (Document | ShadowRoot)[] = [root, ...path.filter((t): t is ShadowRoot => t instanceof ShadowRoot)];
    for (const tree of trees) {
      observe(tree);
      for (const field of tree.querySelectorAll(PREFILLED_FIELDS)) if (isKeyField(field)) watchField(field);
    }
    windowTimer = setTimeout(disarm, GENERATE_WINDOW_MS);
    pollFast();
    onGenerate?.();
  }

  function onActivate(event: Event): void {
    if (!isTrusted(event)) return;
    // A control without a native button's Enter/Space-to-click is activated by keydown alone.
    if (event.type === 'keydown' && !['Enter', ' '].includes((event as KeyboardEvent).key)) return;
    const path = event.composedPath();
    const activated = findActivatedControl(path);
    if (!activated) return;
    const scope = formScope(activated.control);
    // The flow's shape is a form or dialog with typed text, not a search box somewhere on the page.
    const shaped = scope !== activated.control.getRootNode() && hasFilledTextField(scope);
    if (!shaped && !activated.captioned) return;
    const pageSays = memory.chosenType === 'api-key' || isCredentialsContext(root);
    // The flow's shape works in any language; a known Generate caption works where the form is
    // gone (a wizard's last step), but only on the credentials screen.
    if (shaped || pageSays) arm(scope, path, pageSays || activated.captioned);
  }

  function onInput(event: Event): void {
    if (isTrusted(event)) memory.remember(event.composedPath()[0] ?? null);
  }

  return {
    start() {
      if (running) return;
      running = true;
      root.addEventListener('click', onActivate, true);
      root.addEventListener('keydown', onActivate, true);
      root.addEventListener('input', onInput, true);
    },
    stop() {
      if (!running) return;
      running = false;
      root.removeEventListener('click', onActivate, true);
      root.removeEventListener('keydown', onActivate, true);
      root.removeEventListener('input', onInput, true);
      disarm();
    },
  };
}
