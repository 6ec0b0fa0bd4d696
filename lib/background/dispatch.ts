import { messageSchemas } from '../messaging/message-schemas';
import type { MessageName } from '../messaging/protocol';
import { type SenderInfo, type SenderKind, classifySender, senderOrigin, senderServiceNowHost } from '../messaging/sender';
import { type Outcome, fail } from '../result';
import type { Caller, Handlers } from './handlers';

/** The one message a content script may send (on the portal, on ServiceNow). */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(['offerCapturedKey']);
const SERVICENOW_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(['requestFill']);
/** What the fill picker, framed into a ServiceNow page, may ask: no key, no confirmation. */
const PICKER_MESSAGES: ReadonlySet<MessageName> = new Set(['getFillRequest', 'chooseFill', 'cancelFill']);
/** What the save prompt, framed into a page we do not trust, may ask (see sender.ts). */
const PROMPT_MESSAGES: ReadonlySet<MessageName> = new Set([
  'getOffer',
  'saveOffer',
  'dismissOffer',
  'openOfferReview',
  'lockStatus',
  'testConnection',
  'setPromptCorner',
]);

function allows(kind: SenderKind, name: MessageName): boolean {
  switch (kind) {
    case 'portal-content-script':
      return CONTENT_SCRIPT_MESSAGES.has(name);
    case 'prompt':
      return PROMPT_MESSAGES.has(name);
    case 'servicenow-content-script':
      return SERVICENOW_SCRIPT_MESSAGES.has(name);
    case 'picker':
      return PICKER_MESSAGES.has(name);
    case 'extension-page':
      return !CONTENT_SCRIPT_MESSAGES.has(name) && !SERVICENOW_SCRIPT_MESSAGES.has(name);
    default:
      return false;
  }
}

export interface ExtensionIdentity {
  id: string;
  /** `chrome-extension://<id>` or `moz-extension://<uuid>`. */
  origin: string;
}

/**
 * The trust boundary in front of every handler: checks who sent the message and validates its
 * data with zod before a handler sees it. Errors never carry the data, so a key cannot leak
 * through an error message.
 */
export async function dispatch<K extends MessageName>(
  handlers: Handlers,
  name: K,
  data: unknown,
  sender: SenderInfo,
  self: ExtensionIdentity,
): Promise<Outcome<unknown>> {
  const kind = classifySender(sender, self.id, self.origin);
  if (!allows(kind, name)) return fail('forbidden-sender');
  const parsed = messageSchemas[name].safeParse(data);
  if (!parsed.success) return fail('bad-message');
  const origin = kind === 'portal-content-script' ? senderOrigin(sender) : undefined;
  const host = kind === 'servicenow-content-script' ? senderServiceNowHost(sender) : undefined;
  const caller: Caller = {
    kind,
    ...(origin && { origin }),
    ...(host && { host }),
    ...(sender.tab?.id !== undefined && { tabId: sender.tab.id }),
    ...(sender.frameId !== undefined && { frameId: sender.frameId }),
  };
  try {
    const handler = handlers[name] as (data: unknown, caller: Caller) => Promise<Outcome<unknown>>;
    return await handler(parsed.data, caller);
  } catch {
    return fail('internal');
  }
}
