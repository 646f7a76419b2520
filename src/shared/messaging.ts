/**
 * Typed wrappers around runtime messaging. Callers always get a Result: a closed port, a missing
 * receiver or an invalidated extension context become `{ok: false}`, never a thrown error that
 * could escape into the host page.
 */
import browser from 'webextension-polyfill';
import { fail, type Result, type TabMessage, type TabProtocol } from './protocol';
import { createRequest, type RequestFn } from './request';

/** Sends a request to the background and returns its Result. */
export const request: RequestFn = createRequest((message) => browser.runtime.sendMessage(message));

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
