// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { openShadowRootOf } from '../capture/shadow-roots';
import { fillConnectionForm, findConnectionForm } from './connection-form';
import { normalizeLabel } from './vocabulary';

afterEach(() => {
  document.body.innerHTML = '';
});

const classic = (labels = ['Connection Name', 'Connection URL', 'API Key']) => {
  document.body.innerHTML = `
    <h3>Connection Information</h3>
    <div><label for="a"><span>*</span>${labels[0]}</label><input id="a"></div>
    <div><label for="b">${labels[1]}</label><input id="b" value="https://api.smartrecruiters.com"></div>
    <h3>Credential Information</h3>
    <div><label for="c">${labels[2]}</label><input id="c" type="password"></div>`;
};

class FieldElement extends HTMLElement {
  connectedCallback() {
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    root.innerHTML = `<input type="${this.getAttribute('type') ?? 'text'}">`;
  }
}
customElements.define('test-field', FieldElement);

describe('findConnectionForm', () => {
  it('finds the classic form by its labels, marker and all', () => {
    classic();
    const form = findConnectionForm(document, openShadowRootOf);
    expect(form?.connectionName.id).toBe('a');
    expect(form?.connectionUrl.id).toBe('b');
    expect(form?.apiKey.id).toBe('c');
  });

  it('finds fields drawn inside web components, by the label their host carries', () => {
    document.body.innerHTML = `<div><test-field label="Connection Name"></test-field><test-field label="Connection URL"></test-field>
      <test-field label="API Key" type="password"></test-field></div>`;
    const form = findConnectionForm(document, openShadowRootOf);
    expect(form?.apiKey.type).toBe('password');
    expect(form?.apiKey.getRootNode()).toBeInstanceOf(ShadowRoot);
  });

  it('reads German labels too', () => {
    classic(['Verbindungsname', 'Verbindungs-URL', 'API-Schlüssel']);
    expect(findConnectionForm(document, openShadowRootOf)).toBeDefined();
  });

  it('takes no form that lacks a field, or whose fields answer to the same control', () => {
    document.body.innerHTML = '<label for="k">API Key</label><input id="k"><label for="u">Connection URL</label><input id="u">';
    expect(findConnectionForm(document, openShadowRootOf)).toBeUndefined();
    document.body.innerHTML = '<input aria-label="Connection Name"><input id="x" aria-label="API Key"><label for="x">Connection URL</label>';
    expect(findConnectionForm(document, openShadowRootOf)).toBeUndefined();
  });

  it('strips ServiceNow label decorations', () => {
    expect(normalizeLabel('* API Key:')).toBe('api key');
    expect(normalizeLabel('API Key Mandatory - must be populated before Submit')).toBe('api key');
  });
});

describe('fillConnectionForm', () => {
  it('types URL and key, the name only when empty, with input and change events', () => {
    classic();
    const form = findConnectionForm(document, openShadowRootOf)!;
    const events: string[] = [];
    for (const el of [form.connectionName, form.connectionUrl, form.apiKey]) {
      el.addEventListener('input', () => events.push(`input:${el.id}`));
      el.addEventListener('change', () => events.push(`change:${el.id}`));
    }
    fillConnectionForm(form, { name: 'Prod', url: 'https://api.smartrecruiters.com', key: 'DCRA1-x' });
    expect([form.connectionName.value, form.connectionUrl.value, form.apiKey.value]).toEqual(['Prod', 'https://api.smartrecruiters.com', 'DCRA1-x']);
    expect(events).toEqual(['input:a', 'change:a', 'input:b', 'change:b', 'input:c', 'change:c']);
    form.connectionName.value = 'Typed by the admin';
    fillConnectionForm(form, { name: 'Prod', url: 'https://api.smartrecruiters.com', key: 'DCRA1-y' });
    expect(form.connectionName.value).toBe('Typed by the admin');
    // The key is a value, never an attribute.
    expect(document.body.innerHTML).not.toContain('DCRA1-y');
  });
});
