/**
 * Typed wrappers around runtime messaging. Callers always get a Result: a closed port, a missing
 * receiver or an invalidated extension context become `{ok: false}`, never a thrown error that
 * could escape into the host page.
 */
import browser from 'webextension-polyfill';
import { fail, type Message, type Protocol, type RequestType, type Result, type TabMessage, type TabProtocol } from './protocol';

/** Sends a request to the background and returns its Result. */
export async function request<K extends RequestType>(
  type: K,
  payload: Protocol[K]['request'],
): Promise<Result<Protocol[K]['reply']>> {
  try {
    const message: Message<K> = { type, payload };
    const reply = (await browser.runtime.sendMessage(message)) as Result<Protocol[K]['reply']> | undefined;
    if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
      return { ok: false, error: `no valid reply to "${type}"` };
    }
    return reply;
  } catch (error) {
    return fail(error);
  }
}

/** Sends a request to the content script of one tab and returns its Result. */
export async function requestTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  payload: TabProtocol[K]['request'],
): Promise<Result<TabProtocol[K]['reply']>> {
  try {
    const message: TabMessage<K> = { type, payload };
    const reply = (await browser.tabs.sendMessage(tabId, message)) as Result<TabProtocol[K]['reply']> | undefined;
    if (!reply || typeof reply !== 'object' || typeof reply.ok !== 'boolean') {
      return { ok: false, error: `no valid reply to "${type}" from tab ${tabId}` };
    }
    return reply;
  } catch (error) {
    return fail(error);
  }
}
