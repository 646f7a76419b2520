/**
 * The page's context for matching across its requests: what the blocks before a block, in document
 * order, tell the matching side about it. A sentence whose subject is only "he", "she" or a role is
 * read as about the most recent person named before it (core/index/page-people), and a quote that
 * opens a block unattributed continues the quote that ended the block before it.
 *
 * The page sends its blocks viewport first and in batches, two in flight at once, so "before in the
 * document" is not "sent before". Kept here, in the page's memory for the life of one address (never
 * stored, dropped when the address changes), per block sent: its place in the document, and once
 * answered, the people it named (per corpus, from the answer's person matches) and how it ended
 * inside a quote (reply `ends`). A batch is sent in document order; it first waits for the answers
 * of earlier requests' blocks that come before its last block in the document, then carries the
 * context of the blocks before its first block (`people`, `speech`) and of the blocks of other
 * requests that lie between its own (`between`). The matching side keeps nothing between requests
 * (Chrome may stop it at any time).
 *
 * A block answered before a block above it was (the page opened scrolled into the article: the
 * on-screen blocks go first) keeps its answer: it is not asked again once the blocks above it are
 * answered. Its markers are the ones the reader is looking at, and the page has no path to replace a
 * block's answer; the blocks after it get the whole context.
 */
import { MAX_PAGE_PEOPLE, type QuoteSpeech } from '../core/index/page-people';
import type { ContextStep, CorpusMatch } from '../shared/protocol';

interface Entry {
  /** The element the block was read from; null when the caller gave none (then it follows every block sent before it). */
  node: Node | null;
  /** Per corpus, the people the block named, in text order; null until its request is answered. */
  people: Map<string, string[]> | null;
  /** Per corpus, how the block ended inside a quote; null when it did not (or is unanswered). */
  end: Record<string, QuoteSpeech> | null;
  /** Resolved when its request has settled (answered or failed). */
  done: Promise<void>;
  settle: () => void;
}

/** What one batch sends (in `order`) and how its answer is kept. */
export interface ContextBatch {
  /** The batch's block indices in document order: the order the blocks are sent in. */
  order: number[];
  /** The context fields of the request (MatchingProtocol `people`, `speech`, `between`), only those that hold something. */
  request: { people?: Record<string, string[]>; speech?: Record<string, QuoteSpeech>; between?: ContextStep[] };
  /** Keeps a whole answer (blocks in `order`'s order). */
  answered(matches: CorpusMatch[][], ends: readonly (Record<string, QuoteSpeech> | null)[] | undefined): void;
  /** The request has settled: later batches stop waiting for it; blocks left unanswered are forgotten. */
  settle(): void;
}

/**
 * Whether `a` comes before `b` in the document (by the order sent when either has no element).
 * Asked of `b`: Blink answers two siblings' order by walking back from the node passed in, looking
 * for the one asked, and `a` is usually a new block after `b`, the last one sent: asked of `a`, each
 * call walked back from `b` over every earlier sibling to the parent's first child without finding
 * `a`, quadratic in a long article of sibling paragraphs (bench README, scan-ablations: 200k words whose answers mark
 * nothing, 343 -> 138 ms of the page's thread). The answer is the same either way round.
 */
function precedes(a: Node | null, b: Node | null): boolean {
  if (!a || !b || a === b) return false;
  return (b.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_PRECEDING) !== 0;
}

/** The context of one page address. */
export class PageContext {
  private url = '';
  /** Every block sent for this address, in document order. */
  private entries: Entry[] = [];
  private byNode = new Map<Node, Entry>();
  /** Corpora an answer named people in (the walk back for a batch's people stops once each has enough). */
  private corpora = new Set<string>();

  /** The page's address now: another one (a single-page app moved on) starts afresh. */
  at(url: string): void {
    if (url === this.url) return;
    this.url = url;
    this.entries = [];
    this.byNode.clear();
    this.corpora.clear();
  }

  /**
   * Notes a batch of `count` blocks (read from `nodes`, when given): the order to send them in, what
   * to wait for first (other requests' blocks still unanswered that come before this batch's last
   * block: their people and quotes are context here; the matching side answers one batch at a time
   * anyway), and the batch's context once that is answered.
   */
  note(count: number, nodes?: readonly Node[]): { order: number[]; wait: Promise<void> | null; batch: () => ContextBatch } {
    // Blocks the page removed (a rescan reads their replacements) tell nothing any more.
    if (this.entries.some((e) => e.node !== null && !e.node.isConnected)) this.entries = this.entries.filter((e) => e.node === null || e.node.isConnected || (this.byNode.delete(e.node), false));
    const own: Entry[] = [];
    for (let i = 0; i < count; i++) {
      let settle = () => {};
      const done = new Promise<void>((r) => (settle = r));
      const entry: Entry = { node: nodes?.[i] ?? null, people: null, end: null, done, settle };
      own.push(entry);
      this.insert(entry);
    }
    const at = new Map<Entry, number>();
    this.entries.forEach((e, k) => at.set(e, k));
    // Later insertions never change the order of these blocks among themselves.
    const order = own.map((_, i) => i).sort((a, b) => at.get(own[a])! - at.get(own[b])!);
    const mine = new Set(own);
    const lastAt = order.length > 0 ? at.get(own[order[order.length - 1]])! : 0;
    const waits = this.entries.slice(0, lastAt).filter((e) => e.people === null && !mine.has(e)).map((e) => e.done);
    return { order, wait: waits.length > 0 ? Promise.all(waits).then(() => undefined) : null, batch: () => this.batch(own, order) };
  }

  private insert(entry: Entry): void {
    const node = entry.node;
    if (node) {
      // A block read again (a rescan) replaces its earlier answer.
      const old = this.byNode.get(node);
      if (old) this.entries.splice(this.entries.indexOf(old), 1);
      this.byNode.set(node, entry);
    }
    const list = this.entries;
    // Most blocks come in document order: after the last one.
    if (!node || list.length === 0 || !precedes(node, list[list.length - 1].node)) {
      list.push(entry);
      return;
    }
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (precedes(node, list[mid].node)) hi = mid;
      else lo = mid + 1;
    }
    list.splice(lo, 0, entry);
  }

  /** The people of the answered entries in [from, to), most recent first, per corpus (at most MAX_PAGE_PEOPLE each). */
  private peopleIn(from: number, to: number): Record<string, string[]> | undefined {
    const out = new Map<string, string[]>();
    let full = 0;
    for (let k = to - 1; k >= from && (full < this.corpora.size || this.corpora.size === 0); k--) {
      const people = this.entries[k].people;
      if (!people) continue;
      for (const [corpus, ids] of people) {
        let list = out.get(corpus);
        if (!list) out.set(corpus, (list = []));
        if (list.length >= MAX_PAGE_PEOPLE) continue;
        for (let i = ids.length - 1; i >= 0 && list.length < MAX_PAGE_PEOPLE; i--) if (!list.includes(ids[i])) list.push(ids[i]);
        if (list.length >= MAX_PAGE_PEOPLE) full++;
      }
    }
    return out.size > 0 ? Object.fromEntries(out) : undefined;
  }

  private batch(own: Entry[], order: number[]): ContextBatch {
    const at = new Map<Entry, number>();
    this.entries.forEach((e, k) => at.set(e, k));
    // Blocks forgotten meanwhile (the address changed) carry no context.
    const request: ContextBatch['request'] = {};
    const between: ContextStep[] = [];
    let previous = -1;
    order.forEach((i, k) => {
      const pos = at.get(own[i]);
      if (pos === undefined) return;
      const from = k === 0 ? 0 : previous + 1;
      if (k === 0 || pos > from) {
        const people = this.peopleIn(from, pos);
        const speech = pos > 0 ? this.entries[pos - 1].end : null;
        if (k === 0) {
          if (people) request.people = people;
          if (speech) request.speech = speech;
        } else between.push({ at: k, ...(people ? { people } : {}), ...(speech ? { speech } : {}) });
      }
      previous = pos;
    });
    if (between.length > 0) request.between = between;
    return {
      order,
      request,
      answered: (matches, ends) => {
        order.forEach((i, k) => {
          const entry = own[i];
          const people = new Map<string, string[]>();
          for (const m of matches[k] ?? []) {
            if (m.kind !== 'person' || typeof m.corpus !== 'string') continue;
            let ids = people.get(m.corpus);
            if (!ids) people.set(m.corpus, (ids = []));
            ids.push(m.id);
            this.corpora.add(m.corpus);
          }
          entry.people = people;
          entry.end = ends?.[k] ?? null;
        });
      },
      settle: () => {
        for (const entry of own) {
          if (entry.people === null) {
            const k = this.entries.indexOf(entry);
            if (k >= 0) this.entries.splice(k, 1);
            if (entry.node && this.byNode.get(entry.node) === entry) this.byNode.delete(entry.node);
          }
          entry.settle();
        }
      },
    };
  }
}
