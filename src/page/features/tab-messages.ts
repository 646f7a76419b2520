/** Feature: answering the background's messages to this tab (reveal a record, settings changed, findings, next marker). */
import type { Result, TabProtocol } from '../../shared/protocol';

/** One handler per tab message. */
export type TabHandlers = { [K in keyof TabProtocol]: (payload: TabProtocol[K]['request']) => TabProtocol[K]['reply'] };

/** Subscribes through `subscribe` until `signal` aborts. */
export function initTabMessages(
  subscribe: (listener: (message: unknown) => Promise<Result<unknown>> | undefined) => () => void,
  handlers: TabHandlers,
  signal: AbortSignal,
): void {
  const unsubscribe = subscribe((message) => {
    if (typeof message !== 'object' || message === null) return undefined;
    const { type, payload } = message as { type?: unknown; payload?: unknown };
    if (typeof type !== 'string' || !Object.hasOwn(handlers, type)) return undefined;
    try {
      const value = (handlers[type as keyof TabProtocol] as (p: unknown) => unknown)(payload);
      return Promise.resolve({ ok: true as const, value });
    } catch (error) {
      return Promise.resolve({ ok: false as const, error: error instanceof Error ? error.message : String(error) });
    }
  });
  signal.addEventListener('abort', unsubscribe, { once: true });
}
