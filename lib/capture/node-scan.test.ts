// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { type ScanFindings, createNodeScanner, emptyFindings } from './node-scan';
import { openShadowRootOf } from './shadow-roots';

const { scanMutation, scanSubtree: scanShadowRoot } = createNodeScanner(openShadowRootOf);

const KEY = 'DCRA1-d0b1c2a39e8f47a6b5c4d3e2f1a09b8c';

/** Runs `change` under an observer like the detector's and scans what it reports. */
async function scanChange(target: Node, change: () => void): Promise<ScanFindings> {
  const findings = emptyFindings();
  const observer = new MutationObserver((records) => records.forEach((r) => scanMutation(r, findings)));
  observer.observe(target, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['value', 'open'] });
  change();
  await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  observer.disconnect();
  return findings;
}

function element(html: string): Element {
  const template = document.createElement('template');
  template.innerHTML = html.trim();
  return template.content.firstElementChild!;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('scanMutation', () => {
  it('finds a key in an added text node', async () => {
    const found = await scanChange(document.body, () => document.body.append(KEY));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
  });

  it('finds a key deep in an added subtree, in document order', async () => {
    const plain = 'a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5';
    const dialog = element(`<div><h2>Done</h2><p>${plain}</p><section><p>Key: ${KEY}</p></section></div>`);
    const found = await scanChange(document.body, () => document.body.append(dialog));
    expect(found.keys.map((s) => s.key)).toEqual([plain, KEY]);
  });

  it('finds a key split over several nodes of a <code>', async () => {
    const code = element('<code><span>DCRA1-</span><span>d0b1c2a39e8f47a6</span>b5c4d3e2f1a09b8c</code>');
    const found = await scanChange(document.body, () => document.body.append(code));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
  });

  it('reads the value of an added field, set as a property before insertion, and keeps the field', async () => {
    const input = element('<input readonly>') as HTMLInputElement;
    input.value = KEY;
    const found = await scanChange(document.body, () => document.body.append(input));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
    expect(found.fields).toEqual([input]);
  });

  it('keeps empty text fields and password fields for polling, not other inputs', async () => {
    const form = element('<div><input><textarea></textarea><input type="password"><input type="checkbox"><input type="hidden"></div>');
    const found = await scanChange(document.body, () => document.body.append(form));
    expect(found.fields.map((f) => f.getAttribute('type') ?? f.localName)).toEqual(['input', 'textarea', 'password']);
  });

  it('skips scripts, styles and templates', async () => {
    const noise = element(`<div><script>var id="${KEY}"</script><style>/* ${KEY} */</style><template>${KEY}</template></div>`);
    const found = await scanChange(document.body, () => document.body.append(noise));
    expect(found.keys.map((s) => s.key)).toEqual([]);
  });

  it('enters open shadow roots of added elements and lists them', async () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = `<div><code>${KEY}</code></div>`;
    const found = await scanChange(document.body, () => document.body.append(host));
    expect(found.keys.map((s) => s.key)).toContain(KEY);
    expect(found.shadowRoots).toEqual([shadow]);
  });

  it('lists custom elements that have no shadow root yet', async () => {
    const host = document.createElement('sr-key-dialog');
    const found = await scanChange(document.body, () => document.body.append(host));
    expect(found.hosts).toEqual([host]);
  });

  it('finds a key written into an existing text node', async () => {
    document.body.innerHTML = '<p>Generating…</p>';
    const text = document.querySelector('p')!.firstChild as Text;
    const found = await scanChange(document.body, () => (text.data = KEY));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
  });

  it('reads a whole <code> when one of its text nodes changes', async () => {
    document.body.innerHTML = '<code><b>DCRA1-</b>0000</code>';
    const text = document.querySelector('code')!.lastChild as Text;
    const found = await scanChange(document.body, () => (text.data = 'd0b1c2a39e8f47a6b5c4d3e2f1a09b8c'));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
  });

  it('reads a field whose value attribute changes', async () => {
    document.body.innerHTML = '<input readonly>';
    const input = document.querySelector('input')!;
    const found = await scanChange(document.body, () => input.setAttribute('value', KEY));
    expect(found.keys.map((s) => s.key)).toEqual([KEY]);
  });

  it('does not look at what was already there', async () => {
    document.body.innerHTML = `<ul><li>${KEY}</li></ul>`;
    const found = await scanChange(document.body, () => document.querySelector('ul')!.append(element('<li>new row</li>')));
    expect(found.keys.map((s) => s.key)).toEqual([]);
  });

  it('ignores masked keys and long texts', async () => {
    const list = element(`<ul><li>DCRA1-d0b1••••</li><li>${'word '.repeat(60)}${KEY}</li></ul>`);
    const found = await scanChange(document.body, () => document.body.append(list));
    expect(found.keys.map((s) => s.key)).toEqual([]);
  });
});

describe('scanShadowRoot', () => {
  it('scans a whole shadow root and lists nested ones', () => {
    const host = document.createElement('div');
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>x</p><span></span>';
    const inner = shadow.querySelector('span')!.attachShadow({ mode: 'open' });
    inner.innerHTML = `<pre>${KEY}</pre>`;
    const found = emptyFindings();
    scanShadowRoot(shadow, found);
    expect(found.keys.map((s) => s.key)).toContain(KEY);
    expect(found.shadowRoots).toEqual([inner]);
  });
});

describe('closed shadow roots', () => {
  it('reads into a closed root when the extension can see it, and not otherwise', async () => {
    const host = document.createElement('sr-closed');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = `<span>${KEY}</span>`;
    const asPage = await scanChange(document.body, () => document.body.append(host));
    expect(asPage.keys).toEqual([]);
    host.remove();
    const withExtension = createNodeScanner((el) => (el === host ? root : el.shadowRoot));
    const findings = emptyFindings();
    withExtension.scanSubtree(host, findings);
    expect(findings.keys.map((s) => s.key)).toEqual([KEY]);
    expect(findings.shadowRoots).toEqual([root]);
  });
});

describe('dialogs opened later', () => {
  it('scans a dialog drawn ahead when it opens', async () => {
    const dialog = element(`<dialog><code>${KEY}</code></dialog>`);
    document.body.append(dialog);
    const found = await scanChange(document.body, () => dialog.setAttribute('open', ''));
    expect(new Set(found.keys.map((s) => s.key))).toEqual(new Set([KEY]));
  });
});
