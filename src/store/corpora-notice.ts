/**
 * Change notices for the corpus list. Every context that writes a corpus's metadata row (the
 * background's handlers, the corpora page and its import worker, the add-page path: all through
 * CorpusStore) announces the write once it is committed; a context that keeps the list in memory
 * (the matching side, background/store-corpus-source.ts) drops its copy on a notice and reads the
 * list again on its next request.
 *
 * The writing context's own listeners are called at once, before the write's promise resolves.
 * Other contexts hear it through a BroadcastChannel named after the database: extension pages, their
 * workers, Chrome's service worker and Firefox's event page share the extension's origin, and all
 * have BroadcastChannel, where `runtime` messaging reaches neither a worker nor (from the
 * background) the background itself. A context that was not running (a stopped service worker, an
 * unloaded event page) holds no copy, so a missed notice costs it nothing: it reads fresh on waking.
 */

/** The channel of one database's notices (a test's database has its own). */
export function noticeChannelName(dbName: string): string {
  return `coverage-lens:corpora-changed:${dbName}`;
}

/** What a notice carries: nothing but that the list changed (a listener reads the list itself). */
const NOTICE = 'changed';

/** The notices of one open database in one context. */
export class CorporaNotices {
  private readonly listeners = new Set<() => void>();
  /** Created on first use; null where BroadcastChannel is missing (then only this context hears). */
  private channel: BroadcastChannel | null | undefined;

  constructor(private readonly dbName: string) {}

  /** Calls `listener` after every committed change to the corpus list, from any context; returns the unsubscribe. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    this.open();
    return () => this.listeners.delete(listener);
  }

  /** Tells this context's listeners now and every other context's through the channel. */
  announce(): void {
    for (const listener of [...this.listeners]) listener();
    try {
      this.open()?.postMessage(NOTICE);
    } catch {
      // A closed channel (the store was closed meanwhile): the other contexts read fresh when they start.
    }
  }

  /** Stops hearing and sending notices (the store is closing). */
  close(): void {
    this.listeners.clear();
    this.channel?.close();
    this.channel = null;
  }

  private open(): BroadcastChannel | null {
    if (this.channel !== undefined) return this.channel;
    if (typeof BroadcastChannel !== 'function') return (this.channel = null);
    // One object both sends and hears: a channel does not hear its own messages, so this context's
    // listeners are told once (by announce), not twice.
    const channel = new BroadcastChannel(noticeChannelName(this.dbName));
    channel.onmessage = (event: MessageEvent) => {
      if (event.data !== NOTICE) return;
      for (const listener of [...this.listeners]) listener();
    };
    // Node (tests, bench scripts): a channel that is listened to keeps the process alive; this one must not.
    (channel as unknown as { unref?: () => void }).unref?.();
    return (this.channel = channel);
  }
}
