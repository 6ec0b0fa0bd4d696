import { type FramedPage, PROMPT_PORT, readHello, readHostMessage, readHostPortName, readPromptMessage } from '../prompt/host-channel';
import { type SenderInfo, senderOrigin, senderServiceNowHost } from '../messaging/sender';

/** The part of a runtime.Port the relay uses. */
export interface RelayPort {
  name: string;
  sender?: SenderInfo;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** Messages a content script sends before its prompt has joined (an offer while the frame loads). */
const MAX_QUEUED = 8;

interface HostEnd {
  port: RelayPort;
  /** The page this content script framed; only that page joins it. */
  page: FramedPage;
  prompt?: RelayPort;
  queued: unknown[];
}

/**
 * Joins a top-frame content script and the page it framed (host-channel.ts: the prompt on the
 * portal, the picker on ServiceNow): the
 * content script's port is named after a challenge only the document in its frame was given,
 * and a prompt port joins it by saying that challenge from the same tab. Then each message is
 * checked for shape and passed on; nothing else crosses.
 */
export function createPromptRelay(extensionOrigin: string) {
  /** The page a top frame of this origin may frame. */
  const framedPageFor = (sender: SenderInfo): FramedPage | undefined =>
    senderOrigin(sender) ? '/prompt.html' : senderServiceNowHost(sender) ? '/picker.html' : undefined;
  /** Which of our framed pages a port comes from, by its exact path. */
  function framedPageAt(url: string | undefined): FramedPage | undefined {
    const path = url?.startsWith(`${extensionOrigin}/`) ? url.slice(extensionOrigin.length).replace(/[?#].*$/, '') : '';
    return path === '/prompt.html' || path === '/picker.html' ? path : undefined;
  }

  /** By tab, then by challenge. */
  const hosts = new Map<number, Map<string, HostEnd>>();

  function addHost(port: RelayPort, tabId: number, page: FramedPage, challenge: string): void {
    const inTab = hosts.get(tabId) ?? new Map<string, HostEnd>();
    hosts.set(tabId, inTab);
    const end: HostEnd = { port, page, queued: [] };
    inTab.set(challenge, end);
    port.onMessage.addListener((raw) => {
      const message = readHostMessage(raw);
      if (!message) return;
      if (end.prompt) end.prompt.postMessage(message);
      else {
        end.queued.push(message);
        if (end.queued.length > MAX_QUEUED) end.queued.shift();
      }
    });
    port.onDisconnect.addListener(() => {
      if (inTab.get(challenge) === end) inTab.delete(challenge);
      if (inTab.size === 0) hosts.delete(tabId);
      end.prompt?.disconnect();
    });
  }

  function addPrompt(port: RelayPort, tabId: number, page: FramedPage): void {
    let host: HostEnd | undefined;
    port.onMessage.addListener((raw) => {
      if (!host) {
        const hello = readHello(raw);
        const found = hello && hosts.get(tabId)?.get(hello.challenge);
        if (!found || found.page !== page) return;
        host = found;
        host.prompt?.disconnect();
        host.prompt = port;
        port.postMessage({ type: 'joined' });
        for (const message of host.queued.splice(0)) port.postMessage(message);
        return;
      }
      const message = readPromptMessage(raw);
      if (message) host.port.postMessage(message);
    });
    port.onDisconnect.addListener(() => {
      if (host?.prompt === port) host.prompt = undefined;
    });
  }

  return {
    /** For runtime.onConnect: takes the ports it knows, leaves the others alone. */
    onConnect(port: RelayPort): void {
      const sender = port.sender ?? {};
      const tabId = sender.tab?.id;
      if (tabId === undefined) return;
      const hostPort = readHostPortName(port.name);
      if (hostPort) {
        // Only our content script in a top frame frames a page: the prompt on the portal, the
        // picker on ServiceNow.
        if (sender.frameId !== 0 || framedPageFor(sender) !== hostPort.page) return port.disconnect();
        addHost(port, tabId, hostPort.page, hostPort.challenge);
      } else if (port.name === PROMPT_PORT) {
        const page = framedPageAt(sender.url);
        if (!page) return port.disconnect();
        addPrompt(port, tabId, page);
      }
    },
  };
}
