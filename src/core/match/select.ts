/**
 * The marking policy: which of the matcher's matches get a marker. One home for it, used by the
 * page (batch by batch, as blocks come back from the matching side) and by `lookup` (all at once),
 * so the command line prints exactly what the page marks.
 *
 * The rules, in order, per block:
 * 1. kinds the reader switched off are dropped, and so is a match whose offsets do not fit the text;
 * 2. nesting: a match inside another (a name in a claim sentence) is kept, one that straddles
 *    another's edge is dropped, and so is a second match of the same kind on the same span;
 * 3. a lone name (one word: a surname or a first name alone, which other people share) is held back
 *    until the page names that person in full somewhere (in this block, an earlier one or a later
 *    one); a held name is released by the batch that brings the full name, and dropped if none does;
 * 4. a page that restates a corpus article (the article itself at another address, a syndicated
 *    copy): once RESTATED_TWICE of its claim sentences restate claims of one article key for key,
 *    the page is taken for that article, as the matcher does for the article at the page's own
 *    address: that article's evidence is left out of this and later matches, a match left with
 *    none is not marked, and one marked earlier whose only evidence it was is withdrawn
 *    (`withdrawn`), so the page ends with the same markers whatever order its blocks came in (the
 *    page sends the viewport first; `lookup` goes in document order). So such a page lights up
 *    only where other articles cover it;
 * 5. the marker cap: once `maxMarkers` markers are accepted, nothing more is.
 */
import type { DetectionKind } from '../index/types';

/** What the policy needs to know about a match (the matcher's Match, with the corpus it came from). */
export interface Selectable {
  kind: DetectionKind;
  text: string;
  start: number;
  end: number;
  id: string;
  /** The corpus the match came from: ids are only unique within one corpus. */
  corpus?: string;
  /** The corpus articles it cites. */
  refs?: readonly { article: string }[];
  /** How many refs the matching side left out (a match with refs left out is never twin-only). */
  refsLeft?: number;
  /** Claims: the article whose claim the sentence restates key for key (core/match/claims). */
  restates?: string;
  /** Distinct articles cited, when counted before `refs` was cut for transport (the card shows it). */
  articles?: number;
}

/**
 * Restating sentences of one article after which a page is taken for that article. Two: one
 * sentence may be quoted or copied by coverage; two copied claims of one article are a copy of it
 * (and at most one sentence of such a page is marked before it is recognised).
 */
export const RESTATED_TWICE = 2;

/** The reader's settings the policy applies. */
export interface SelectOptions {
  kinds: Record<DetectionKind, boolean>;
  /** Most markers per page. */
  maxMarkers: number;
}

/** Matches of one block to mark, in the order they were accepted. */
export interface Accepted<B, M extends Selectable> {
  block: B;
  matches: M[];
}

/** True for a one-word name ("Doe", "Doe's"): a surname or first name alone, which other people share. */
export function isLoneName(m: Selectable): boolean {
  return m.kind === 'person' && !/\s/.test(m.text.trim());
}

/**
 * Matches sorted by start (outer first), without partial overlaps: a match inside another is kept,
 * one that straddles another's edge is dropped, and so is a repeat of a kind on the same span.
 */
export function nestable<M extends Selectable>(matches: readonly M[]): M[] {
  const sorted = matches.slice().sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: M[] = [];
  for (const m of sorted) {
    const clash = kept.some(
      (k) =>
        (m.start < k.end && m.end > k.start && !(m.start >= k.start && m.end <= k.end)) ||
        (m.start === k.start && m.end === k.end && m.kind === k.kind),
    );
    if (!clash) kept.push(m);
  }
  return kept;
}

const personKey = (m: Selectable) => `${m.corpus ?? ''}\u0000${m.id}`;

/**
 * The policy over a page whose matches arrive block by block. `add` returns what to mark now: the
 * block's own accepted matches, and held lone names (of earlier blocks) that this block released.
 */
export class MarkSelection<B, M extends Selectable = Selectable> {
  private accepted = 0;
  /** People the page names in full somewhere. */
  private readonly confirmed = new Set<string>();
  /** Lone names held back, per person, until the page names them in full. */
  private readonly held = new Map<string, { block: B; match: M }[]>();
  /** Restating sentences so far per corpus article. */
  private readonly restated = new Map<string, number>();
  /**
   * The articles the page is taken for, per corpus: the twin tests read a claim's refs (up to 50,
   * each its own list) through a set per corpus, not a key string built per ref (CDP profile of the
   * bench's 20,000-word page, which restates corpus articles: withoutTwins was the policy's hottest line).
   */
  private readonly twinArticles = new Map<string, Set<string>>();
  /** How many articles twinArticles holds over all corpora (it only grows). */
  private twinCount = 0;
  /** Whether the last `add` recognised a new article the page restates. */
  private twinsGrew = false;
  /**
   * withoutTwins' verdict per refs list: the refs left and the distinct articles dropped, for the
   * twins known then (their count: the set only grows) in one corpus. The matching side sends one
   * list per entity per answer, shared by every mention (entity-refs.ts), with up to 50 refs each
   * read through a key string: judged again for each mention, that was most of the page's
   * policy time on the bench's 200,000-word page, which restates corpus articles (CDP profile).
   */
  private readonly twinFree = new WeakMap<object, { twins: number; corpus: string; kept: readonly { article: string }[]; left: number }>();

  constructor(
    private readonly options: SelectOptions,
    /** Whether a block is still there (a held name in a block the page has since removed is not released). */
    private readonly isLive: (block: B) => boolean = () => true,
  ) {}

  /** How many more markers may be accepted. */
  remaining(): number {
    return Math.max(0, this.options.maxMarkers - this.accepted);
  }

  /** Markers that were accepted are gone again (their block changed or was removed): their room is free. */
  release(count: number): void {
    this.accepted = Math.max(0, this.accepted - count);
  }

  /** Applies the policy to one block's matches (offsets into `length` characters of text). */
  add(block: B, matches: readonly M[], length = Number.POSITIVE_INFINITY): Accepted<B, M>[] {
    const kinds = this.options.kinds;
    this.twinsGrew = false;
    for (const m of matches) {
      if (m.restates === undefined) continue;
      const key = `${m.corpus ?? ''}\u0000${m.restates}`;
      const n = (this.restated.get(key) ?? 0) + 1;
      this.restated.set(key, n);
      if (n < RESTATED_TWICE) continue;
      const corpus = m.corpus ?? '';
      let articles = this.twinArticles.get(corpus);
      if (!articles) this.twinArticles.set(corpus, (articles = new Set()));
      if (!articles.has(m.restates)) {
        articles.add(m.restates);
        this.twinCount++;
        this.twinsGrew = true;
      }
    }
    const valid = this.withoutTwins(matches).filter((m) => kinds[m.kind] === true && m.start >= 0 && m.end > m.start && m.end <= length);
    const own: M[] = [];
    const released: Accepted<B, M>[] = [];
    for (const m of nestable(valid)) {
      const key = personKey(m);
      if (m.kind === 'person' && !isLoneName(m)) {
        if (!this.confirmed.has(key)) {
          this.confirmed.add(key);
          for (const h of this.held.get(key) ?? []) {
            if (h.block === block) own.push(h.match);
            else released.push({ block: h.block, matches: [h.match] });
          }
          this.held.delete(key);
        }
        own.push(m);
      } else if (m.kind === 'person' && !this.confirmed.has(key)) {
        const list = this.held.get(key) ?? [];
        list.push({ block, match: m });
        this.held.set(key, list);
      } else own.push(m);
    }
    own.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: Accepted<B, M>[] = [];
    // Released names come first: they were found earlier on the page.
    for (const r of released) {
      if (this.remaining() <= 0) break;
      if (!this.isLive(r.block)) continue;
      this.accepted += 1;
      out.push(r);
    }
    const room = this.remaining();
    if (own.length > 0 && room > 0) {
      const taken = own.slice(0, room);
      this.accepted += taken.length;
      out.push({ block, matches: taken });
    }
    return out;
  }

  /**
   * After an `add` that recognised a new article the page restates: whether a match marked earlier
   * must go, its only evidence being articles the page is taken for (false for every match when the
   * last `add` recognised none). The caller removes those markers and `release`s their room.
   */
  withdrawn(m: Selectable): boolean {
    return this.twinsGrew && this.onlyTwins(m);
  }

  /** Whether a match's only evidence is articles the page is taken for (so far: the set only grows). */
  onlyTwins(m: Selectable): boolean {
    const refs = m.refs;
    if (this.twinCount === 0 || m.refsLeft || !refs || refs.length === 0) return false;
    const articles = this.twinArticles.get(m.corpus ?? '');
    return articles !== undefined && refs.every((r) => articles.has(r.article));
  }

  /** Whether the last `add` recognised a new article the page restates. */
  recognisedTwin(): boolean {
    return this.twinsGrew;
  }

  /** The matches with the evidence of articles the page is taken for left out; a match left with none is dropped. */
  private withoutTwins(matches: readonly M[]): readonly M[] {
    if (this.twinCount === 0) return matches;
    const out: M[] = [];
    for (const m of matches) {
      const refs = m.refs;
      const verdict = refs ? this.twinFreeRefs(refs, m.corpus ?? '') : null;
      if (!verdict || verdict.kept === refs) {
        out.push(m);
        continue;
      }
      const kept = verdict.kept;
      if (kept.length === 0 && !m.refsLeft) continue;
      if (m.articles === undefined) out.push({ ...m, refs: kept });
      else out.push({ ...m, refs: kept, articles: m.articles - verdict.left });
    }
    return out;
  }

  /** A refs list without the twins' refs (the list itself when it cites none), and how many distinct articles that drops; remembered per list (twinFree). */
  private twinFreeRefs(refs: readonly { article: string }[], corpus: string): { kept: readonly { article: string }[]; left: number } {
    const known = this.twinFree.get(refs);
    if (known && known.twins === this.twinCount && known.corpus === corpus) return known;
    let kept: readonly { article: string }[] = refs;
    let left = 0;
    const articles = this.twinArticles.get(corpus);
    if (articles && refs.some((r) => articles.has(r.article))) {
      kept = refs.filter((r) => !articles.has(r.article));
      left = new Set(refs.map((r) => r.article)).size - new Set(kept.map((r) => r.article)).size;
    }
    const verdict = { twins: this.twinCount, corpus, kept, left };
    this.twinFree.set(refs, verdict);
    return verdict;
  }
}

/**
 * The policy all at once over a page's blocks, in order: per block, the matches marked (offsets into
 * that block), in document order of the blocks they belong to.
 */
export function selectMatches<M extends Selectable>(
  blocks: readonly { text: string; matches: readonly M[] }[],
  options: SelectOptions,
): M[][] {
  const selection = new MarkSelection<number, M>(options);
  const out: M[][] = blocks.map(() => []);
  blocks.forEach((b, i) => {
    const accepted = selection.add(i, b.matches, b.text.length);
    for (let k = 0; k < i; k++) {
      const before = out[k].length;
      out[k] = out[k].filter((m) => !selection.withdrawn(m));
      selection.release(before - out[k].length);
    }
    for (const a of accepted) out[a.block].push(...a.matches);
  });
  for (const list of out) list.sort((a, b) => a.start - b.start || b.end - a.end);
  return out;
}
