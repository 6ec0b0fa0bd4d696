import { messageSchemas } from '../messaging/message-schemas';
import type { MessageName } from '../messaging/protocol';
import { type SenderInfo, classifySender } from '../messaging/sender';
import { type Outcome, fail } from '../result';
import type { Caller, Handlers } from './handlers';

/** The one message a content script may send; everything else is for our own pages. */
const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set(['offerCapturedKey']);

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
  if (kind === 'untrusted') return fail('forbidden-sender');
  if ((kind === 'portal-content-script') !== CONTENT_SCRIPT_MESSAGES.has(name)) return fail('forbidden-sender');
  const parsed = messageSchemas[name].safeParse(data);
  if (!parsed.success) return fail('bad-message');
  const caller: Caller = {
    ...(kind === 'portal-content-script' && sender.url && { origin: new URL(sender.url).origin }),
    ...(sender.tab?.id !== undefined && { tabId: sender.tab.id }),
  };
  try {
    const handler = handlers[name] as (data: unknown, caller: Caller) => Promise<Outcome<unknown>>;
    return await handler(parsed.data, caller);
  } catch {
    return fail('internal');
  }
}
