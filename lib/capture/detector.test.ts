// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type FoundKey, GENERATE_WINDOW_MS, createKeyDetector } from './detector';

const KEY = 'DCRA1-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c';
const OTHER_KEY = 'DCRA1-0a1b2c3d4e5f60718293a4b5c6d7e8f9';
const CREDENTIALS_URL = '/settings/administration/app-management/custom-applications';

const FORM = `
  <h1>Apps &amp; Integrations</h1>
  <div role="tablist"><button role="tab">Applications</button><button role="tab">CREDENTIALS</button></div>
  <form>
    <label for="name">Credentials name</label><input id="name">
    <label for="desc">Description</label><textarea id="desc"></textarea>
    <select aria-label="System role"><option>Administrator</option></select>
    <button type="button" class="generate">Generate</button>
  </form>`;

let found: Omit<FoundKey, 'shownIn'>[];
let detector: ReturnType<typeof createKeyDetector>;

function click(target: Element): void {
  target.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
}

function fillAndGenerate(name = 'ServiceNow', note = 'Spoke'): void {
  document.querySelector<HTMLInputElement>('#name')!.value = name;
  document.querySelector<HTMLTextAreaElement>('#desc')!.value = note;
  click(document.querySelector('.generate')!);
}

/** Lets observers deliver their records and advances the clock. */
async function wait(ms = 0): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms);
}

/** What a framework does when it opens the pop-up: drops the form and shows a modal. */
function showPopup(html: string): HTMLElement {
  document.querySelector('form')?.remove();
  const popup = document.createElement('div');
  popup.className = 'popup';
  popup.innerHTML = html;
  document.body.append(popup);
  return popup;
}

beforeEach(() => {
  vi.useFakeTimers();
  history.pushState({}, '', CREDENTIALS_URL);
  document.body.innerHTML = FORM;
  found = [];
  detector = createKeyDetector({ root: document, onKey: (f) => found.push(withoutBox(f)), isTrusted: () => true });
  detector.start();
});

/** What was found, less the pop-up box (checked on its own below). */
function withoutBox({ shownIn: _shownIn, ...found }: FoundKey): Omit<FoundKey, 'shownIn'> {
  return found;
}

afterEach(() => {
  detector.stop();
  vi.useRealTimers();
  document.body.innerHTML = '';
  history.pushState({}, '', '/');
});

describe('key detector: pop-up shapes', () => {
  it('reports a key in a dialog\'s read-only input whose value a script sets after showing it', async () => {
    fillAndGenerate();
    const popup = showPopup('<div role="dialog"><input readonly aria-label="API key"><button>Copy</button></div>');
    await wait();
    expect(found).toEqual([]);
    popup.querySelector('input')!.value = KEY;
    await wait(200);
    expect(found).toEqual([{ key: KEY, name: 'ServiceNow', note: 'Spoke' }]);
  });

  it('reports a key in a <code> of a div modal with no role', async () => {
    fillAndGenerate('Merge', '');
    showPopup(`<div><p>Copy the key now.</p><div><code>${KEY}</code></div><button>Close</button></div>`);
    await wait();
    expect(found).toEqual([{ key: KEY, name: 'Merge', note: '' }]);
  });

  it('reports a key shown as plain text with a caption', async () => {
    fillAndGenerate();
    showPopup(`<p>Your API key: ${KEY}</p>`);
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a plain uppercase hex key that is the one value of its pop-up', async () => {
    fillAndGenerate();
    showPopup('<div role="dialog"><span>D0B1C2A39E8F47A6B5C4D3E2F1A09B8C</span></div>');
    await wait();
    expect(found.map((f) => f.key)).toEqual(['D0B1C2A39E8F47A6B5C4D3E2F1A09B8C']);
  });

  it('reports a key inside an open shadow root attached at insertion', async () => {
    fillAndGenerate();
    const host = document.createElement('sr-key-popup');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><input readonly></div>';
    document.body.append(host);
    await wait();
    host.shadowRoot!.querySelector('input')!.value = KEY;
    await wait(200);
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key rendered later inside an open shadow root (its mutations reach no document observer)', async () => {
    fillAndGenerate();
    const host = document.createElement('sr-key-popup');
    host.attachShadow({ mode: 'open' }).innerHTML = '<div role="dialog"><p>Generating…</p></div>';
    document.body.append(host);
    await wait(5000);
    host.shadowRoot!.querySelector('div')!.innerHTML = `<code>${KEY}</code>`;
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key rendered later into an open shadow root attached after insertion', async () => {
    fillAndGenerate();
    const host = document.createElement('sr-key-popup');
    document.body.append(host);
    await wait();
    const shadow = host.attachShadow({ mode: 'open' });
    await wait(200);
    shadow.innerHTML = `<p>${KEY}</p>`;
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key that appears after a spinner', async () => {
    fillAndGenerate();
    const popup = showPopup('<div role="dialog"><div class="spinner">Generating…</div></div>');
    await wait(800);
    popup.firstElementChild!.innerHTML = `<input readonly value="${KEY}">`;
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key written into a pre-rendered hidden field', async () => {
    document.body.insertAdjacentHTML('beforeend', '<div hidden><input readonly class="slot"></div>');
    fillAndGenerate();
    document.querySelector<HTMLInputElement>('.slot')!.value = KEY;
    await wait(200);
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key when the form and the pop-up live in one open shadow root', async () => {
    const host = document.createElement('sr-settings');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<input aria-label="Credentials name" value="Shadowed"><button>Generate</button>';
    document.body.replaceChildren(host);
    click(shadow.querySelector('button')!);
    shadow.append(Object.assign(document.createElement('pre'), { textContent: KEY }));
    await wait();
    expect(found).toEqual([{ key: KEY, name: 'Shadowed', note: '' }]);
  });

  it('prefers the prefixed key when a plain-hex id is shown beside it', async () => {
    fillAndGenerate();
    showPopup(`<dl><dt>Credential id</dt><dd>a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5</dd><dt>Key</dt><dd>${KEY}</dd></dl>`);
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });
});

describe('key detector: when it reports', () => {
  it('does not report a key that appears without a Generate click', async () => {
    showPopup(`<div role="dialog"><code>${KEY}</code></div>`);
    await wait(1000);
    expect(found).toEqual([]);
  });

  it('does not report a key that appears two minutes after Generate', async () => {
    fillAndGenerate();
    await wait(2 * 60_000);
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found).toEqual([]);
  });

  it('goes by the injected clock even when timers lag (a throttled background tab)', async () => {
    detector.stop();
    let clock = 1_000_000;
    detector = createKeyDetector({ root: document, onKey: (f) => found.push(withoutBox(f)), now: () => clock, isTrusted: () => true });
    detector.start();
    fillAndGenerate();
    clock += 2 * 60_000;
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found).toEqual([]);
  });

  it('reports a key that appears just within the window', async () => {
    fillAndGenerate();
    await wait(GENERATE_WINDOW_MS - 1000);
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports once when the pop-up re-renders, shows the key twice, or remounts', async () => {
    fillAndGenerate();
    const popup = showPopup(`<div role="dialog"><input readonly value="${KEY}"><code>${KEY}</code></div>`);
    await wait();
    popup.innerHTML = `<div role="dialog"><code>${KEY.toUpperCase()}</code></div>`;
    await wait();
    popup.remove();
    document.body.append(popup);
    await wait(500);
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports the same key only once even after another Generate', async () => {
    fillAndGenerate();
    showPopup(`<code>${KEY}</code>`);
    await wait();
    document.body.insertAdjacentHTML('beforeend', FORM);
    fillAndGenerate('Second');
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found).toHaveLength(1);
  });

  it('reports each key of two generations', async () => {
    fillAndGenerate('First', 'a');
    showPopup(`<code>${KEY}</code>`);
    await wait();
    document.body.innerHTML = FORM;
    fillAndGenerate('Second', 'b');
    showPopup(`<code>${OTHER_KEY}</code>`);
    await wait();
    expect(found).toEqual([
      { key: KEY, name: 'First', note: 'a' },
      { key: OTHER_KEY, name: 'Second', note: 'b' },
    ]);
  });

  it('reports at most one key per Generate: ids in a list re-rendered after the pop-up are ignored', async () => {
    fillAndGenerate();
    showPopup(`<code>${KEY}</code>`);
    await wait();
    document.body.insertAdjacentHTML('beforeend', '<ul><li>a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5</li></ul>');
    await wait();
    expect(found).toHaveLength(1);
  });

  it('does not report a read-only field that already held a key-shaped id', async () => {
    document.body.insertAdjacentHTML('beforeend', '<input readonly class="client-id" value="a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5">');
    fillAndGenerate();
    await wait(3500);
    expect(found).toEqual([]);
  });

  it('ignores a Generate-like button and Generate clicks outside the credentials area', async () => {
    history.pushState({}, '', '/settings/administration/users');
    document.body.innerHTML = '<h1>Users</h1><button class="report">Generate report</button><button class="gen">Generate</button>';
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    click(document.querySelector('.report')!);
    click(document.querySelector('.gen')!);
    document.body.insertAdjacentHTML('beforeend', `<code>${KEY}</code>`);
    await wait();
    expect(found).toEqual([]);
    expect(observe).not.toHaveBeenCalled();
  });

  it('notices Generate activated by keyboard on a role=button', async () => {
    document.querySelector('.generate')!.outerHTML = '<div role="button" tabindex="0" class="generate">Generate</div>';
    document.querySelector('.generate')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
    );
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('takes the name and description typed into an earlier wizard step', async () => {
    const name = document.querySelector<HTMLInputElement>('#name')!;
    name.value = 'Typed earlier';
    name.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    document.querySelector('form')!.innerHTML = '<p>Review</p><button type="button" class="generate">Generate</button>';
    click(document.querySelector('.generate')!);
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found).toEqual([{ key: KEY, name: 'Typed earlier', note: '' }]);
  });
});

describe('key detector: lifecycle', () => {
  it('watches nothing before Generate is clicked', async () => {
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    document.body.insertAdjacentHTML('beforeend', '<p>new row</p>');
    await wait(1000);
    expect(observe).not.toHaveBeenCalled();
  });

  it('stop() disconnects the observers and ignores later clicks', async () => {
    const disconnect = vi.spyOn(MutationObserver.prototype, 'disconnect');
    fillAndGenerate();
    detector.stop();
    expect(disconnect).toHaveBeenCalled();
    showPopup(`<code>${KEY}</code>`);
    await wait();
    document.body.innerHTML = FORM;
    fillAndGenerate();
    showPopup(`<code>${OTHER_KEY}</code>`);
    await wait();
    expect(found).toEqual([]);
  });

  it('can start again after stop()', async () => {
    detector.stop();
    detector.start();
    fillAndGenerate();
    showPopup(`<code>${KEY}</code>`);
    await wait();
    expect(found).toHaveLength(1);
  });

  it('does not report a prefixed key shown in the page (not a pop-up) outside the credentials area', async () => {
    history.pushState({}, '', '/app/jobs');
    document.body.innerHTML = '<h1>Jobs</h1><form><input value="Backend engineer"><button>Save</button></form>';
    click(document.querySelector('button')!);
    document.body.insertAdjacentHTML('beforeend', `<code>${KEY}</code>`);
    await wait();
    expect(found).toEqual([]);
  });

  it('never logs', async () => {
    const logs = (['log', 'info', 'warn', 'error', 'debug'] as const).map((m) => vi.spyOn(console, m));
    fillAndGenerate();
    showPopup(`<code>${KEY}</code>`);
    await wait(5000);
    for (const log of logs) expect(log).not.toHaveBeenCalled();
  });
});

describe('key detector: any language, any markup', () => {
  const JAPANESE_FORM = `
    <h1>アプリと連携</h1>
    <form><label>認証情報名<input id="name"></label><label>説明<textarea id="desc"></textarea></label>
    <button type="submit" class="generate">生成</button></form>`;

  beforeEach(() => {
    history.pushState({}, '', '/ui/p/7f3a');
    document.body.innerHTML = JAPANESE_FORM;
  });

  it('reports a prefixed key after a button in a filled form, with no caption it knows', async () => {
    fillAndGenerate('本番', 'ServiceNow');
    showPopup(`<div role="dialog"><h2>APIキーを生成しました</h2><input readonly value="${KEY}"></div>`);
    await wait();
    expect(found).toEqual([{ key: KEY, name: '本番', note: 'ServiceNow' }]);
  });

  it('reports a bare key once the flow chose the API key type (the untranslated "API")', async () => {
    document.body.insertAdjacentHTML('afterbegin', '<label><input type="radio" id="api">APIキー</label>');
    const radio = document.querySelector<HTMLInputElement>('#api')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    fillAndGenerate('本番', '');
    showPopup('<div role="dialog"><input readonly value="d0b1c2a39e8f47a6b5c4d3e2f1a09b8c"></div>');
    await wait();
    expect(found.map((f) => f.key)).toEqual(['d0b1c2a39e8f47a6b5c4d3e2f1a09b8c']);
  });

  it('does not report a bare value when nothing says credentials', async () => {
    fillAndGenerate('本番', '');
    showPopup('<div role="dialog"><input readonly value="d0b1c2a39e8f47a6b5c4d3e2f1a09b8c"></div>');
    await wait(5000);
    expect(found).toEqual([]);
  });

  it('ignores the OAuth pop-up: an id and a secret, the secret set a moment later', async () => {
    history.pushState({}, '', CREDENTIALS_URL);
    fillAndGenerate('OAuth app', '');
    const popup = showPopup('<div role="dialog"><input readonly class="id"><input readonly class="secret"></div>');
    popup.querySelector<HTMLInputElement>('.id')!.value = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
    await wait(400);
    popup.querySelector<HTMLInputElement>('.secret')!.value = 'Zq8XwP2kLm9Rt4Vb7Nc1Hy6Ju3Ed5Fg0Si2Ok8Pa';
    await wait(5000);
    expect(found).toEqual([]);
  });

  it('ignores a key-shaped value when the flow chose OAuth', async () => {
    document.body.insertAdjacentHTML('afterbegin', '<label><input type="radio" id="o">OAuth クライアント</label>');
    const radio = document.querySelector<HTMLInputElement>('#o')!;
    radio.checked = true;
    radio.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    fillAndGenerate('x', '');
    showPopup(`<div role="dialog"><input readonly value="${KEY}"></div>`);
    await wait(3000);
    expect(found).toEqual([]);
  });

  it('reports a value set 30 s after Generate into a field that never changes the DOM', async () => {
    fillAndGenerate('Late', '');
    const popup = showPopup('<div role="dialog"><input readonly></div>');
    await wait(30_000);
    popup.querySelector('input')!.value = KEY;
    await wait(500);
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reports a key in a native dialog drawn ahead and opened with showModal()', async () => {
    document.body.insertAdjacentHTML('beforeend', `<dialog><code>${KEY}</code></dialog>`);
    fillAndGenerate('Native', '');
    document.querySelector('dialog')!.setAttribute('open', '');
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('reads a closed shadow root through the extension\'s opener', async () => {
    detector.stop();
    const roots = new Map<Element, ShadowRoot>();
    detector = createKeyDetector({
      root: document,
      onKey: (f) => found.push(withoutBox(f)),
      isTrusted: () => true,
      shadowRootOf: (el) => roots.get(el) ?? el.shadowRoot,
    });
    detector.start();
    fillAndGenerate('Closed', '');
    const host = document.createElement('sr-closed-popup');
    const root = host.attachShadow({ mode: 'closed' });
    roots.set(host, root);
    root.innerHTML = '<div role="dialog"><p>…</p></div>';
    document.body.append(host);
    await wait();
    root.querySelector('p')!.textContent = KEY;
    await wait();
    expect(found.map((f) => f.key)).toEqual([KEY]);
  });

  it('ignores clicks that are not the user\'s (a page calling click() in a loop)', async () => {
    detector.stop();
    detector = createKeyDetector({ root: document, onKey: (f) => found.push(withoutBox(f)) });
    detector.start();
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    for (let i = 0; i < 20; i++) fillAndGenerate(`flood ${i}`, '');
    showPopup(`<div role="dialog"><code>${KEY}</code></div>`);
    await wait();
    expect(found).toEqual([]);
    expect(observe).not.toHaveBeenCalled();
  });

  it('gives the pop-up\'s box, to keep the prompt clear of it', async () => {
    detector.stop();
    const boxes: (Element | null)[] = [];
    detector = createKeyDetector({ root: document, onKey: (f) => boxes.push(f.shownIn), isTrusted: () => true });
    detector.start();
    fillAndGenerate();
    const popup = showPopup(`<div role="dialog" class="card"><code>${KEY}</code></div>`);
    await wait();
    expect(boxes).toEqual([popup.querySelector('.card')]);
  });

  it('does not arm on a filled field outside any form or dialog (a search box and a button)', async () => {
    document.body.innerHTML = '<input id="search" value="acme"><button class="go">検索</button>';
    const observe = vi.spyOn(MutationObserver.prototype, 'observe');
    click(document.querySelector('.go')!);
    showPopup(`<div role="dialog"><code>${KEY}</code></div>`);
    await wait();
    expect(found).toEqual([]);
    expect(observe).not.toHaveBeenCalled();
  });

  it('does not count the typed name as a second value of the pop-up', async () => {
    history.pushState({}, '', CREDENTIALS_URL);
    fillAndGenerate('acme-ats-connector-2', '');
    showPopup('<div role="dialog"><p>acme-ats-connector-2</p><input readonly value="d0b1c2a39e8f47a6b5c4d3e2f1a09b8c"></div>');
    await wait();
    expect(found.map((f) => f.key)).toEqual(['d0b1c2a39e8f47a6b5c4d3e2f1a09b8c']);
  });
});
