/**
 * The few extension APIs the content script uses, straight from the browser's own namespace
 * (`browser` in Firefox, `chrome` in Chromium) instead of webextension-polyfill: everything injected
 * into every page counts against the size budget, and the polyfill alone is ~9.5 KB of it.
 *
 * Both browsers return promises from `runtime.sendMessage` in MV3. Replies to `runtime.onMessage`
 * go through `sendResponse` with `return true` (the one form both browsers keep the channel open
 * for; a returned promise is not honoured by every Chromium version).
 */

type Listener<F> = { addListener(fn: F): void; removeListener(fn: F): void };
type MessageListener = (message: unknown, sender: unknown, sendResponse: (reply: unknown) => void) => boolean | undefined;
type StorageListener = (changes: Record<string, { newValue?: unknown } | undefined>, area: string) => void;

interface LiteApi {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown>; onMessage: Listener<MessageListener> };
  storage: { onChanged: Listener<StorageListener> };
  i18n: { getMessage(key: string, substitutions?: string | string[]): string };
}

/** The extension API namespace of this context, or null outside an extension (DOM tests, pages). */
export function extensionApi(): LiteApi | null {
  const scope = globalThis as { browser?: Partial<LiteApi>; chrome?: Partial<LiteApi> };
  const api = scope.browser?.runtime ? scope.browser : scope.chrome?.runtime ? scope.chrome : null;
  return (api as LiteApi | null) ?? null;
}

function required(): LiteApi {
  const api = extensionApi();
  if (!api) throw new Error('the extension API is not available');
  return api;
}

/** Sends a runtime message (to the background) and resolves with its reply. */
export function sendRuntimeMessage(message: unknown): Promise<unknown> {
  try {
    return Promise.resolve(required().runtime.sendMessage(message));
  } catch (error) {
    return Promise.reject(error);
  }
}

/**
 * Listens to runtime messages. The listener returns a promise of the reply, or undefined for a
 * message that is not its own (another listener may answer it). Returns an unsubscribe function.
 */
export function onRuntimeMessage(listener: (message: unknown) => Promise<unknown> | undefined): () => void {
  const api = required();
  const wrapped: MessageListener = (message, _sender, sendResponse) => {
    let reply: Promise<unknown> | undefined;
    try {
      reply = listener(message);
    } catch {
      return undefined;
    }
    if (!reply) return undefined;
    reply.then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
  api.runtime.onMessage.addListener(wrapped);
  return () => {
    try {
      api.runtime.onMessage.removeListener(wrapped);
    } catch {
      // the context is gone: nothing left to remove
    }
  };
}

/** Calls `listener` with the new value whenever `key` changes in storage.local. Returns an unsubscribe function. */
export function onLocalStorageChanged(key: string, listener: (newValue: unknown) => void): () => void {
  const api = required();
  const wrapped: StorageListener = (changes, area) => {
    if (area === 'local' && changes[key]) listener(changes[key]?.newValue);
  };
  api.storage.onChanged.addListener(wrapped);
  return () => {
    try {
      api.storage.onChanged.removeListener(wrapped);
    } catch {
      // the context is gone: nothing left to remove
    }
  };
}

/** A translated message, or '' when there is none or the context is gone. */
export function getMessage(key: string): string {
  try {
    return extensionApi()?.i18n.getMessage(key) ?? '';
  } catch {
    return '';
  }
}
