import { type Outcome, fail } from '../result';
import { type MessageData, type MessageName, type MessageResults, sendMessage } from './protocol';

/**
 * Sends a message to the background and always resolves: a background that cannot be reached
 * (being restarted, say) is reported as an internal failure instead of an exception.
 */
export async function call<K extends MessageName>(name: K, data: MessageData<K>): Promise<Outcome<MessageResults[K]>> {
  try {
    return await (sendMessage as (n: K, d: MessageData<K>) => Promise<Outcome<MessageResults[K]>>)(name, data);
  } catch {
    return fail('internal');
  }
}
