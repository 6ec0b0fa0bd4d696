// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { createFormMemory, readCredentialForm } from './credential-form';

function render(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function type(selector: string, value: string, root: ParentNode = document): Element {
  const field = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector)!;
  field.value = value;
  return field;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('readCredentialForm', () => {
  it('reads fields labelled with <label for>', () => {
    render(`
      <label for="n">Credentials name</label><input id="n">
      <label for="d">Description</label><textarea id="d"></textarea>`);
    type('#n', '  ServiceNow  ');
    type('#d', 'Spoke for IT');
    expect(readCredentialForm(document)).toMatchObject({ name: 'ServiceNow', note: 'Spoke for IT' });
  });

  it('reads fields wrapped in a <label> with a required marker', () => {
    render(`
      <label>Credential name *<input></label>
      <label>Description (optional)<input class="d"></label>`);
    type('label input', 'HRIS sync');
    type('.d', 'nightly');
    expect(readCredentialForm(document)).toMatchObject({ name: 'HRIS sync', note: 'nightly' });
  });

  it('reads fields named by aria-label, aria-labelledby, placeholder or name attribute', () => {
    render(`
      <span id="lbl">CREDENTIALS NAME</span><input class="a" aria-labelledby="lbl">
      <textarea placeholder="Description"></textarea>`);
    type('.a', 'from labelledby');
    type('textarea', 'from placeholder');
    expect(readCredentialForm(document)).toMatchObject({ name: 'from labelledby', note: 'from placeholder' });

    render('<input aria-label="Name"><input name="credential_description">');
    type('[aria-label]', 'aria');
    type('[name]', 'snake');
    expect(readCredentialForm(document)).toMatchObject({ name: 'aria', note: 'snake' });

    render('<input name="credentialsName"><input id="description">');
    type('[name]', 'camel');
    type('#description', 'by id');
    expect(readCredentialForm(document)).toMatchObject({ name: 'camel', note: 'by id' });
  });

  it('reads fields captioned by an unlabelled element just before them', () => {
    render(`
      <div><div>Credentials name</div><div><input class="n"></div></div>
      <div><div>Description</div><div><textarea></textarea></div></div>`);
    type('.n', 'caption');
    type('textarea', 'caption too');
    expect(readCredentialForm(document)).toMatchObject({ name: 'caption', note: 'caption too' });
  });

  it('prefers a "Credentials name" field over a bare "Name" one', () => {
    render('<input aria-label="Name" class="a"><input aria-label="Credentials name" class="b">');
    type('.a', 'search box');
    type('.b', 'the credential');
    expect(readCredentialForm(document).name).toBe('the credential');
  });

  it('ignores other fields and field types', () => {
    render(`
      <input type="checkbox" aria-label="Name">
      <input type="hidden" name="name" value="csrf">
      <select aria-label="System role"><option>Admin</option></select>
      <input aria-label="Access Group" value="EU">`);
    // The access group is the only filled line, so it is no more than the order's guess.
    expect(readCredentialForm(document)).toEqual({ guess: { name: 'EU' } });
  });

  it('reads inside an open shadow root', () => {
    const host = render('<div></div>').firstElementChild!;
    const shadow = host.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<label for="n">Credentials name</label><input id="n">';
    type('#n', 'shadowed', shadow);
    expect(readCredentialForm(shadow)).toMatchObject({ name: 'shadowed' });
  });
});

describe('createFormMemory', () => {
  it('uses the form on screen at Generate time', () => {
    const memory = createFormMemory();
    render('<input aria-label="Credentials name"><input aria-label="Description">');
    memory.remember(type('[aria-label="Credentials name"]', 'typed'));
    type('[aria-label="Credentials name"]', 'final');
    expect(memory.take(document)).toEqual({ name: 'final', note: '' });
  });

  it('falls back to what was typed when the form is gone, then forgets it', () => {
    const memory = createFormMemory();
    render('<input aria-label="Credentials name"><textarea aria-label="Description"></textarea>');
    memory.remember(type('input', 'Workday'));
    memory.remember(type('textarea', 'sync users'));
    render('<p>Review</p><button>Generate</button>');
    expect(memory.take(document)).toEqual({ name: 'Workday', note: 'sync users' });
    expect(memory.take(document)).toEqual({ name: '', note: '' });
  });

  it('ignores events from elements that are not name or description fields', () => {
    const memory = createFormMemory();
    render('<input aria-label="Search"><button>Go</button>');
    memory.remember(type('input', 'something'));
    memory.remember(document.querySelector('button'));
    memory.remember(null);
    expect(memory.take(document.createElement('div'))).toEqual({ name: '', note: '' });
  });

  it('takes the form\'s first line and area in a language it has no label for', () => {
    const memory = createFormMemory();
    render('<label>認証情報名<input id="n"></label><label>説明<textarea id="d"></textarea></label><input id="x">');
    type('#n', 'ServiceNow 本番');
    type('#d', '連携用');
    expect(memory.take(document)).toEqual({ name: 'ServiceNow 本番', note: '連携用' });
  });

  it('prefers a labelled field typed earlier over the order\'s guess', () => {
    const memory = createFormMemory();
    render('<input aria-label="Credentials name">');
    memory.remember(type('input', 'Labelled'));
    render('<input aria-label="Gruppe">');
    type('input', 'EU');
    expect(memory.take(document).name).toBe('Labelled');
  });

  it('remembers the credential type chosen by radio, by its untranslated words', () => {
    const memory = createFormMemory();
    render('<label><input type="radio" name="t" id="a">APIキー</label><label><input type="radio" name="t" id="o">OAuthクライアントID</label>');
    expect(memory.chosenType).toBe('unknown');
    const api = document.querySelector<HTMLInputElement>('#a')!;
    api.checked = true;
    memory.remember(api);
    expect(memory.chosenType).toBe('api-key');
    const oauth = document.querySelector<HTMLInputElement>('#o')!;
    oauth.checked = true;
    memory.remember(oauth);
    expect(memory.chosenType).toBe('oauth');
  });
});
