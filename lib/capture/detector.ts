import { type CredentialDetails, createFormMemory } from './credential-form';
import { findGenerateControl } from './generate-control';
import { findApiKey, keyIdentity, preferredKey } from './key-shape';
import { type KeyField, type ScanFindings, emptyFindings, isKeyField, scanMutation, scanShadowRoot } from './node-scan';
import { isCredentialsContext } from './page-signals';

export interface FoundKey extends CredentialDetails {
  key: string;
}

export interface KeyDetectorOptions {
  root: Document;
  onKey(found: FoundKey): void;
  /** Generate was clicked on the credentials screen: a key may follow (lets the prompt get ready). */
  onGenerate?(): void;
  now?: () => number;
}

export interface KeyDetector {
  /** Starts listening for Generate clicks. */
  start(): void;
  /** Stops listening and watching; keys already reported stay reported. */
  stop(): void;
  /** Re-checks whether the page is the credentials area; call it whenever the URL changes. */
  refresh(): void;
}

/**
 * How long after a Generate click a new key-shaped value counts as the key it made. Anything
 * later is a list or a detail view re-rendering ids, not the one-time pop-up.
 */
export const GENERATE_WINDOW_MS = 60_000;

/**
 * How long fields are re-read after they appear: a script may set a read-only field's `.value`
 * when the server answers, and no observer sees a property change.
 */
const FIELD_POLL_MS = 3_000;
const FIELD_POLL_INTERVAL_MS = 100;

const OBSERVED_CHANGES: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['value'],
};

/** Fields that may already be on the page, hidden, waiting for a script to fill them with the key. */
const PREFILLED_FIELDS = 'input[readonly], textarea[readonly], input[disabled], textarea[disabled]';

/** Where the form that a Generate control submits lives: its form or dialog, else its whole tree. */
function formScope(control: Element): ParentNode {
  return control.closest('form, dialog, [role="dialog"]') ?? (control.getRootNode() as Document | ShadowRoot);
}

/**
 * Notices an API key the portal shows after a Generate click on the credentials screen.
 *
 * Nothing is watched until Generate is clicked on a page that looks like the credentials area;
 * then, for GENERATE_WINDOW_MS or until a key is found, observers look only at what is added or
 * changed (in the document and in open shadow roots), and new fields are polled for a few
 * seconds. Each Generate click reports at most one key, and each key is reported once.
 */
export function createKeyDetector({ root, onKey, onGenerate, now = Date.now }: KeyDetectorOptions): KeyDetector {
  const reported = new Set<string>();
  const memory = createFormMemory();
  const observers = new Map<Node, MutationObserver>();
  /** Fields being polled, with the value last seen in each. */
  const fields = new Map<KeyField, string>();
  const hostsWithoutShadow = new Set<Element>();
  let running = false;
  let inContext = false;
  let armed: { until: number; details: CredentialDetails } | null = null;
  let pollUntil = 0;
  let pollTimer: ReturnType<typeof setTimeout> | undefined;
  let windowTimer: ReturnType<typeof setTimeout> | undefined;

  function disarm(): void {
    armed = null;
    for (const observer of observers.values()) observer.disconnect();
    observers.clear();
    fields.clear();
    hostsWithoutShadow.clear();
    pollUntil = 0;
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
    if (!fields.has(field)) fields.set(field, field.value);
  }

  function report(keys: readonly string[]): void {
    const key = preferredKey(keys.filter((k) => !reported.has(keyIdentity(k))));
    if (!key || !armed) return;
    reported.add(keyIdentity(key));
    const { details } = armed;
    disarm();
    onKey({ key, ...details });
  }

  function absorb(findings: ScanFindings): void {
    for (const shadowRoot of findings.shadowRoots) observe(shadowRoot);
    for (const field of findings.fields) watchField(field);
    for (const host of findings.hosts) hostsWithoutShadow.add(host);
    if (findings.fields.length > 0 || findings.hosts.length > 0) pollFields();
    report(findings.keys);
  }

  function onMutations(records: MutationRecord[]): void {
    if (!isArmed()) return;
    const findings = emptyFindings();
    for (const record of records) scanMutation(record, findings);
    absorb(findings);
  }

  function poll(): void {
    pollTimer = undefined;
    if (!isArmed()) return;
    const findings = emptyFindings();
    for (const [field, seen] of fields) {
      if (field.value === seen) continue;
      fields.set(field, field.value);
      const key = findApiKey(field.value);
      if (key) findings.keys.push(key);
    }
    for (const host of hostsWithoutShadow) {
      if (!host.shadowRoot) continue;
      hostsWithoutShadow.delete(host);
      observe(host.shadowRoot);
      scanShadowRoot(host.shadowRoot, findings);
    }
    absorb(findings);
    if (armed && now() < pollUntil) pollTimer ??= setTimeout(poll, FIELD_POLL_INTERVAL_MS);
  }

  /** Polls fields for FIELD_POLL_MS more: each new field gets its own few seconds. */
  function pollFields(): void {
    pollUntil = now() + FIELD_POLL_MS;
    pollTimer ??= setTimeout(poll, FIELD_POLL_INTERVAL_MS);
  }

  function arm(control: Element, path: readonly EventTarget[]): void {
    const details = memory.take(formScope(control));
    disarm();
    armed = { until: now() + GENERATE_WINDOW_MS, details };
    const trees: (Document | ShadowRoot)[] = [root, ...path.filter((t): t is ShadowRoot => t instanceof ShadowRoot)];
    for (const tree of trees) {
      observe(tree);
      for (const field of tree.querySelectorAll(PREFILLED_FIELDS)) if (isKeyField(field)) watchField(field);
    }
    windowTimer = setTimeout(disarm, GENERATE_WINDOW_MS);
    pollFields();
    onGenerate?.();
  }

  function onActivate(event: Event): void {
    // A control without a native button's Enter/Space-to-click is activated by keydown alone.
    if (event.type === 'keydown' && !['Enter', ' '].includes((event as KeyboardEvent).key)) return;
    const path = event.composedPath();
    const control = findGenerateControl(path);
    if (!control) return;
    inContext = isCredentialsContext(root);
    if (inContext) arm(control, path);
  }

  function onInput(event: Event): void {
    if (inContext) memory.remember(event.composedPath()[0] ?? null);
  }

  return {
    start() {
      if (running) return;
      running = true;
      inContext = isCredentialsContext(root);
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
    refresh() {
      if (!running) return;
      inContext = isCredentialsContext(root);
      if (!inContext) disarm();
    },
  };
}
