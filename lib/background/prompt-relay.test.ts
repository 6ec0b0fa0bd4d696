import { describe, expect, it } from 'vitest';
import { PROMPT_PORT, hostPortName } from '../prompt/host-channel';
import { type RelayPort, createPromptRelay } from './prompt-relay';

const EXT = 'chrome-extension://ext-id';
const PORTAL = 'https://www.smartrecruiters.com/settings/x';

/** A port end as the background sees it, with what was posted to it and a way to play the other side. */
function fakePort(name: string, sender: RelayPort['sender']) {
  const messageListeners: Array<(m: unknown) => void> = [];
  const disconnectListeners: Array<() => void> = [];
  const port = {
    name,
    sender,
    received: [] as unknown[],
    disconnected: false,
    postMessage: (m: unknown) => port.received.push(m),
    disconnect: () => {
      port.disconnected = true;
    },
    onMessage: { addListener: (l: (m: unknown) => void) => messageListeners.push(l) },
    onDisconnect: { addListener: (l: () => void) => disconnectListeners.push(l) },
    /** The other side posts. */
    say: (m: unknown) => messageListeners.forEach((l) => l(m)),
    /** The other side goes away. */
    drop: () => disconnectListeners.forEach((l) => l()),
  };
  return port;
}

const host = (challenge: string, tabId = 1, frameId = 0, url = PORTAL) =>
  fakePort(hostPortName('/prompt.html', challenge), { id: 'ext-id', url, tab: { id: tabId }, frameId });
const prompt = (tabId = 1, url = `${EXT}/prompt.html`) => fakePort(PROMPT_PORT, { id: 'ext-id', url, tab: { id: tabId }, frameId: 9 });

describe('prompt relay', () => {
  it('joins a prompt to the content script whose challenge it says, queueing what came before, in order', () => {
    const relay = createPromptRelay(EXT);
    const h = host('abc');
    relay.onConnect(h);
    h.say({ type: 'offer' });
    h.say({ type: 'changed' });
    const p = prompt();
    relay.onConnect(p);
    p.say({ type: 'hello', challenge: 'abc' });
    expect(p.received).toEqual([{ type: 'joined' }, { type: 'offer' }, { type: 'changed' }]);
    p.say({ type: 'confirm', id: 1 });
    expect(h.received).toEqual([{ type: 'confirm', id: 1 }]);
    h.say({ type: 'confirmed', id: 1, stableMs: 700 });
    expect(p.received.at(-1)).toEqual({ type: 'confirmed', id: 1, stableMs: 700 });
  });

  it('never answers a prompt that does not know the challenge (a copy the page framed itself)', () => {
    const relay = createPromptRelay(EXT);
    const h = host('secret');
    relay.onConnect(h);
    const copy = prompt();
    relay.onConnect(copy);
    copy.say({ type: 'hello', challenge: 'guess' });
    copy.say({ type: 'confirm', id: 1 });
    h.say({ type: 'confirmed', id: 1, stableMs: 9_000 });
    expect(h.received).toEqual([]);
    expect(copy.received).toEqual([]);
  });

  it('joins nothing across tabs, nor a content script below the top frame or off the portal, nor another page', () => {
    const relay = createPromptRelay(EXT);
    const other = host('abc', 2);
    relay.onConnect(other);
    const p = prompt(1);
    relay.onConnect(p);
    p.say({ type: 'hello', challenge: 'abc' });
    p.say({ type: 'confirm', id: 1 });
    expect(other.received).toEqual([]);
    const sub = host('x', 1, 3);
    relay.onConnect(sub);
    expect(sub.disconnected).toBe(true);
    const evil = host('y', 1, 0, 'https://evil.example/');
    relay.onConnect(evil);
    expect(evil.disconnected).toBe(true);
    const notPrompt = prompt(1, `${EXT}/popup.html`);
    relay.onConnect(notPrompt);
    expect(notPrompt.disconnected).toBe(true);
  });

  it('passes on only messages of the known shapes', () => {
    const relay = createPromptRelay(EXT);
    const h = host('abc');
    relay.onConnect(h);
    const p = prompt();
    relay.onConnect(p);
    p.say({ type: 'hello', challenge: 'abc' });
    p.say({ type: 'saveOffer', name: 'x' });
    p.say({ type: 'ping' });
    h.say({ type: 'confirmed', id: 'not a number', stableMs: 1 });
    expect(h.received).toEqual([]);
    expect(p.received).toEqual([{ type: 'joined' }]);
  });

  it('drops the prompt\'s end when the content script goes', () => {
    const relay = createPromptRelay(EXT);
    const h = host('abc');
    relay.onConnect(h);
    const p = prompt();
    relay.onConnect(p);
    p.say({ type: 'hello', challenge: 'abc' });
    h.drop();
    expect(p.disconnected).toBe(true);
  });

  it('joins the picker only to a ServiceNow top frame that framed it, never a prompt there nor a picker on the portal', () => {
    const relay = createPromptRelay(EXT);
    const sn = 'https://acme.service-now.com/now/nav/ui';
    const pickerHost = fakePort(hostPortName('/picker.html', 'p1'), { id: 'ext-id', url: sn, tab: { id: 1 }, frameId: 0 });
    relay.onConnect(pickerHost);
    expect(pickerHost.disconnected).toBe(false);
    const wrongPage = prompt(1);
    relay.onConnect(wrongPage);
    wrongPage.say({ type: 'hello', challenge: 'p1' });
    expect(wrongPage.received).toEqual([]);
    const picker = prompt(1, `${EXT}/picker.html`);
    relay.onConnect(picker);
    picker.say({ type: 'hello', challenge: 'p1' });
    expect(picker.received).toEqual([{ type: 'joined' }]);
    const promptOnSn = fakePort(hostPortName('/prompt.html', 'p2'), { id: 'ext-id', url: sn, tab: { id: 1 }, frameId: 0 });
    relay.onConnect(promptOnSn);
    expect(promptOnSn.disconnected).toBe(true);
    const pickerOnPortal = fakePort(hostPortName('/picker.html', 'p3'), { id: 'ext-id', url: PORTAL, tab: { id: 1 }, frameId: 0 });
    relay.onConnect(pickerOnPortal);
    expect(pickerOnPortal.disconnected).toBe(true);
  });
});
