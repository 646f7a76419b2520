/**
 * The typed background request over any transport. Kept apart from messaging.ts (which sends through
 * webextension-polyfill for the background and extension pages) so the content script can send
 * through the browser's own API and leave the polyfill out of what every page gets.
 */
import { fail, type Message, type Protocol, type RequestType, type Result } from './protocol';

/** Sends a request to the background and returns its Result; never throws. */
export type RequestFn = <K extends RequestType>(type: K, payload: Protocol[K]['request']) => Promise<Result<Protocol[K]['reply']>>;

/** A `request` that sends through `send` (e.g. runtime.sendMessage). */
export function createRequest(send: (message: Message) => Promise<unknown>): RequestFn {
  return async <K extends RequestType>(type: K, payload: Protocol[K]['request']): Promise<Result<Protocol[K]['reply']>> => {
    try {
      const message: Message<K> = { type, payload };
      const reply = (await send(message as Message)) as Result<Protocol[K]['reply']> | undefined;
      if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
        return { ok: false, error: `no valid reply to "${type}"` };
      }
      return reply;
    } catch (error) {
      return fail(error);
    }
  };
}
