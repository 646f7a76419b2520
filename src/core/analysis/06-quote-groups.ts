/**
 * Step 6: group reports of the same utterance across articles. Candidates are blocked on shared
 * word trigrams (an inverted index, so the cost follows the number of shared trigrams, not the
 * square of the number of quotes); a pair joins when enough of the shorter wording's words are
 * in the longer one, in order (their longest common subsequence, common-subsequence.ts), and the
 * speakers do not contradict each other. Pairs are joined best-first (largest share first) and a
 * group never holds two named speakers.
 * Each group is compared with its longest wording, word by word (the `diff` package), when written.
 */
import type { DiffPart } from '../index/types';
import { comparableWords } from '../lang/segment';
import { wordDiff } from '../lang/word-diff';
import { CommonSubsequence } from './common-subsequence';
import { digest } from '../match/symbols';
import type { QuoteDraft } from './05-quotes';
import { DisjointSets, Edges, components, forEachCandidatePair } from './blocking';

/**
 * A group of quote indices (into the drafts array) with its relations. Each member's word diff
 * against the reference is made when the group is written (memberDiff), not held for every group.
 */
export interface QuoteGroupDraft {
  members: number[];
  reference: number;
  relations: ('same-quote' | 'variant-quote')[];
}

/** Share of the shorter wording's words that must appear, in order, in the other wording. */
export const MIN_SHARED = 0.6;
/** Minimum number of shared words for two wordings to be the same utterance. */
export const MIN_SHARED_WORDS = 5;
/**
 * A trigram found in more quotes than this is a stock phrase and is not used for blocking. It also
 * bounds the work: each trigram of a quote brings at most MAX_BLOCK − 1 candidates, however large
 * the corpus. A real utterance reported by every outlet of a corpus still shares rarer trigrams
 * (its own wording) with each report, so the cap only drops phrases that say nothing by themselves.
 */
export const MAX_BLOCK = 50;

/**
 * What a grouping leaves for the next analysis (AnalysisState.quoteGroups): the articles in quote
 * order with their quote counts, and per quote (numbered in that order) what its pairs are scored
 * on, its text (as its digest: the texts themselves were 13 MB more state at 5,000 generated
 * articles) and speaker, and the number of its group's first member and of its pair-graph
 * component's first member (quotes joined by a pair that passes, whether or not the pair linked them).
 */
export interface KeptQuoteGroups {
  articles: string[];
  counts: Int32Array;
  /** Per quote, digest(text) (symbols.ts). */
  texts: string[];
  /** The speakers, each once. */
  speakerIds: string[];
  /** Per quote, its speaker's number in speakerIds, -1 for none. */
  speakers: Int32Array;
  group: Int32Array;
  component: Int32Array;
}

/** What groupQuotes may take from the analysis before, and where it leaves its own. */
export interface QuoteGroupReuse {
  /** The last grouping's (absent: group every quote). */
  previous?: KeptQuoteGroups;
  /** Receives what this grouping leaves for the next. */
  keep?(kept: KeptQuoteGroups): void;
}

/**
 * Groups quote drafts; every draft ends up in exactly one group. Given the last grouping
 * (`reuse.previous`), only the pair-graph components an add can change are grouped again
 * (regroupChanged); the groups are the same as grouping every quote.
 */
export function groupQuotes(quotes: QuoteDraft[], reuse?: QuoteGroupReuse): QuoteGroupDraft[] {
  // Each wording's words as numbers, all in one flat list: as lists of strings (even interned)
  // and a typed array each, they were most of this step's memory at 20,000 articles.
  const words = QuoteWords.of(quotes);
  const pairs = new QuotePairs(quotes, words);
  const again = reuse?.previous && regroupChanged(quotes, words, pairs, reuse.previous, reuse.keep);
  if (again) return again;
  const edges = new Edges();
  forEachCandidatePair(quotes.length, (i) => words.trigrams(i), MAX_BLOCK, (i, j) => {
    const score = pairs.score(i, j);
    if (score > 0) edges.add(i, j, score);
  });
  const members = linkBestFirst(quotes, edges, quotes.length, (k) => k);
  const groups = described(quotes, words, members);
  if (reuse?.keep) reuse.keep(keptGroups(quotes, groups, components(quotes.length, edges)));
  return groups;
}

/** Scores pairs of wordings: the share of the shorter one's words the other holds in order, 0 for a pair that does not join. */
class QuotePairs {
  private readonly common: CommonWords;
  private readonly inOrder: CommonSubsequence;

  constructor(
    private readonly quotes: readonly QuoteDraft[],
    private readonly words: QuoteWords,
  ) {
    this.common = new CommonWords(words.vocabulary.length);
    this.inOrder = new CommonSubsequence(words.vocabulary.length);
  }

  /** Pairs come grouped by `i` where they can (CommonWords keeps the first wording's counts). */
  score(i: number, j: number): number {
    if (!speakersAgree(this.quotes[i], this.quotes[j])) return 0;
    const a = this.words.of(i);
    const b = this.words.of(j);
    const shorter = Math.min(a.length, b.length);
    // Words shared in order are never more than words shared in any order (counted with repeats):
    // a pair that cannot pass on the cheap count skips the in-order count, and no edge changes.
    const upper = this.common.count(i, a, b);
    if (upper < MIN_SHARED_WORDS || upper < MIN_SHARED * shorter) return 0;
    // Word numbers stand for distinct words one to one, so they share in order what the words do.
    const shared = this.inOrder.length(i, a, b);
    return shared >= MIN_SHARED_WORDS && shared >= MIN_SHARED * shorter ? shared / shorter : 0;
  }
}

/**
 * Links the pairs of `edges` best first, a group never holding two named speakers: an unattributed
 * quote that matches two speakers' words joins the one it matches best instead of merging both
 * speakers' groups (chains of such joins made one group of hundreds of speakers, growing with the
 * corpus). The groups of items 0..count-1 (item k is quote quoteOf(k), ascending in k), members ascending.
 */
function linkBestFirst(quotes: readonly QuoteDraft[], edges: Edges, count: number, quoteOf: (k: number) => number): number[][] {
  const sets = new DisjointSets(count);
  const speakerOf = Array.from({ length: count }, (_, k) => quotes[quoteOf(k)].speaker);
  edges.forEachBestFirst((i, j) => {
    const a = sets.find(i);
    const b = sets.find(j);
    if (a === b) return;
    if (speakerOf[a] !== null && speakerOf[b] !== null && speakerOf[a] !== speakerOf[b]) return;
    sets.attach(a, b);
    speakerOf[b] ??= speakerOf[a];
  });
  return sets.groups().map((g) => g.map(quoteOf));
}

/** Groups of the given members (each ascending) with their references and relations, in order of first member. */
function described(quotes: QuoteDraft[], words: QuoteWords, memberLists: number[][]): QuoteGroupDraft[] {
  const groups: QuoteGroupDraft[] = [];
  for (const members of memberLists) {
    // A quote alone is its own reference, the same quote: what the lines below give for it.
    if (members.length === 1) {
      groups.push({ members, reference: members[0], relations: ['same-quote'] });
      continue;
    }
    const reference = pickReference(quotes, words, members);
    // A member whose words stand unbroken in the reference is the same wording, cut: "same-quote",
    // the matcher's meaning too. Only other words, or words in another order, make a variant.
    const refWords = ` ${words.strings(reference).join(' ')} `;
    const relations = members.map((i) => (i === reference || refWords.includes(` ${words.strings(i).join(' ')} `) ? 'same-quote' : 'variant-quote') as 'same-quote' | 'variant-quote');
    groups.push({ members, reference, relations });
  }
  groups.sort((a, b) => a.members[0] - b.members[0]);
  return groups;
}

/** What a grouping of `quotes` into `groups` with pair-graph components `component` (first member per quote) leaves for the next. */
function keptGroups(quotes: readonly QuoteDraft[], groups: readonly QuoteGroupDraft[], component: Int32Array): KeptQuoteGroups {
  const articles: string[] = [];
  const counts: number[] = [];
  for (const q of quotes) {
    if (articles[articles.length - 1] === q.article) counts[counts.length - 1]++;
    else {
      articles.push(q.article);
      counts.push(1);
    }
  }
  const group = new Int32Array(quotes.length);
  for (const g of groups) for (const m of g.members) group[m] = g.members[0];
  const speakerIds: string[] = [];
  const numbers = new Map<string, number>();
  const speakers = Int32Array.from(quotes, (q) => {
    if (q.speaker === null) return -1;
    let k = numbers.get(q.speaker);
    if (k === undefined) numbers.set(q.speaker, (k = speakerIds.push(q.speaker) - 1));
    return k;
  });
  return { articles, counts: Int32Array.from(counts), texts: quotes.map((q) => digest(q.text)), speakerIds, speakers, group, component };
}

/** Whether `kept` is of KeptQuoteGroups' shape, its numbers within its quotes (a kept state's fields come back unchecked). */
function isKept(kept: KeptQuoteGroups): boolean {
  const { articles, counts, texts, speakerIds, speakers, group, component } = kept as Partial<KeptQuoteGroups>;
  if (!Array.isArray(articles) || !(counts instanceof Int32Array) || !Array.isArray(texts) || !Array.isArray(speakerIds) || !(speakers instanceof Int32Array) || !(group instanceof Int32Array) || !(component instanceof Int32Array)) return false;
  const n = texts.length;
  if (counts.length !== articles.length || speakers.length !== n || group.length !== n || component.length !== n) return false;
  let total = 0;
  for (const c of counts) total += c;
  if (total !== n) return false;
  for (let i = 0; i < n; i++) if (!(group[i] >= 0 && group[i] <= i && component[i] >= 0 && component[i] <= i && speakers[i] >= -1 && speakers[i] < speakerIds.length)) return false;
  return texts.every((t) => typeof t === 'string') && speakerIds.every((s) => typeof s === 'string');
}

/**
 * The groups of groupQuotes given the last grouping, grouping again only the components of the pair
 * graph an add can change; null when the last grouping does not fit (then every quote is grouped).
 * An article whose quotes have the texts and speakers they had is taken: its quotes are the last
 * grouping's. Every other quote is new, and every quote the last grouping had of an article not
 * taken is gone (its trigrams are those of a quote of its article with its text now: a held
 * article's text does not change, and when one of its quotes' texts did, every quote is grouped). A pair of two taken quotes scores as before (the same texts and speakers), and is a
 * candidate as before unless a trigram they share has crossed MAX_BLOCK, which only a new or gone
 * quote holding it can do. So the pair graph differs from the last one only at new quotes, at the
 * components that held a gone quote and at the members of a block that crossed the cap: those and
 * every component a new quote pairs with are grouped again as groupQuotes would (best first among
 * their own pairs: no pair leaves them; the speaker rule is a group's own); every other component
 * is one of the last graph's, with its groups.
 */
function regroupChanged(quotes: QuoteDraft[], words: QuoteWords, pairs: QuotePairs, previous: KeptQuoteGroups, keep: QuoteGroupReuse['keep']): QuoteGroupDraft[] | null {
  if (!isKept(previous) || new Set(previous.articles).size !== previous.articles.length) return null;
  const n = quotes.length;
  const oldStart = new Map<string, number>();
  const oldCount = new Map<string, number>();
  let at = 0;
  previous.articles.forEach((id, k) => {
    oldStart.set(id, at);
    oldCount.set(id, previous.counts[k]);
    at += previous.counts[k];
  });
  // Each quote's number in the last grouping (-1: new), by article runs; each article's quotes now.
  const oldOf = new Int32Array(n).fill(-1);
  const texts = quotes.map((q) => digest(q.text));
  const runs = new Map<string, [number, number]>();
  const speakerOf = (old: number): string | null => (previous.speakers[old] < 0 ? null : previous.speakerIds[previous.speakers[old]]);
  for (let i = 0; i < n; ) {
    const id = quotes[i].article;
    let end = i;
    while (end < n && quotes[end].article === id) end++;
    runs.set(id, [i, end]);
    const start = oldStart.get(id);
    if (start !== undefined && oldCount.get(id) === end - i) {
      let same = true;
      for (let m = i; m < end && same; m++) same = previous.texts[start + m - i] === texts[m] && speakerOf(start + m - i) === quotes[m].speaker;
      if (same) for (let m = i; m < end; m++) oldOf[m] = start + m - i;
    }
    i = end;
  }
  const keysOf: (number | string)[][] = Array.from({ length: n }, (_, i) => distinct(words.trigrams(i)));
  // Gone quotes: their trigrams (those of the quote of their article with their text now), and their components.
  const goneKeys: (number | string)[][] = [];
  const goneComponents = new Set<number>();
  for (let k = 0; k < previous.articles.length; k++) {
    const start = oldStart.get(previous.articles[k])!;
    const run = runs.get(previous.articles[k]);
    if (run && oldOf[run[0]] === start) continue;
    for (let m = start; m < start + previous.counts[k]; m++) {
      let now = -1;
      if (run) for (let i = run[0]; i < run[1] && now < 0; i++) if (texts[i] === previous.texts[m]) now = i;
      if (now < 0) return null;
      goneKeys.push(keysOf[now]);
      goneComponents.add(previous.component[m]);
    }
  }
  const fresh: number[] = [];
  for (let i = 0; i < n; i++) if (oldOf[i] < 0) fresh.push(i);
  // The members now of every block a new or gone quote holds, how many are new, and how many quotes held it that are gone.
  const watched = new Map<number | string, { members: number[]; fresh: number; gone: number }>();
  for (const i of fresh) for (const k of keysOf[i]) watched.set(k, { members: [], fresh: 0, gone: 0 });
  for (const keys of goneKeys) for (const k of keys) {
    let block = watched.get(k);
    if (!block) watched.set(k, (block = { members: [], fresh: 0, gone: 0 }));
    block.gone++;
  }
  for (let i = 0; i < n; i++) {
    for (const k of keysOf[i]) {
      const block = watched.get(k);
      if (!block) continue;
      block.members.push(i);
      if (oldOf[i] < 0) block.fresh++;
    }
  }
  // The last graph's components by their first quote's old number: their members now.
  const componentMembers = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (oldOf[i] < 0) continue;
    const c = previous.component[oldOf[i]];
    const list = componentMembers.get(c);
    if (list) list.push(i);
    else componentMembers.set(c, [i]);
  }
  const inRegion = new Uint8Array(n);
  const region: number[] = [];
  const addComponentOf = (i: number) => {
    if (inRegion[i]) return;
    if (oldOf[i] < 0) {
      inRegion[i] = 1;
      region.push(i);
      return;
    }
    for (const m of componentMembers.get(previous.component[oldOf[i]])!) {
      inRegion[m] = 1;
      region.push(m);
    }
  };
  for (const i of fresh) addComponentOf(i);
  for (const c of goneComponents) for (const m of componentMembers.get(c) ?? []) addComponentOf(m);
  for (const block of watched.values()) {
    const before = block.members.length - block.fresh + block.gone;
    if (before <= MAX_BLOCK !== block.members.length <= MAX_BLOCK) for (const m of block.members) addComponentOf(m);
  }
  // The components new quotes pair with.
  for (const i of fresh) {
    for (const k of keysOf[i]) {
      const block = watched.get(k)!;
      if (block.members.length > MAX_BLOCK) continue;
      for (const j of block.members) if (j !== i && !inRegion[j] && pairs.score(i, j) > 0) addComponentOf(j);
    }
  }
  region.sort((a, b) => a - b);
  // The region's pairs, as forEachCandidatePair finds them among every quote (blocks of at most MAX_BLOCK quotes in all).
  const local = new Int32Array(n).fill(-1);
  region.forEach((i, x) => (local[i] = x));
  const regionMembers = new Map<number | string, number[]>();
  for (const i of region) {
    for (const k of keysOf[i]) {
      const list = regionMembers.get(k);
      if (list) list.push(i);
      else regionMembers.set(k, [i]);
    }
  }
  // Every block's size among all quotes, for the blocks the region holds.
  const blockSize = new Map<number | string, number>();
  for (const k of regionMembers.keys()) blockSize.set(k, 0);
  for (let i = 0; i < n; i++) {
    for (const k of keysOf[i]) {
      const size = blockSize.get(k);
      if (size !== undefined) blockSize.set(k, size + 1);
    }
  }
  const edges = new Edges();
  const stamp = new Int32Array(region.length).fill(-1);
  for (let x = 0; x < region.length; x++) {
    const i = region[x];
    for (const k of keysOf[i]) {
      if (blockSize.get(k)! > MAX_BLOCK) continue;
      for (const j of regionMembers.get(k)!) {
        const y = local[j];
        if (y <= x || stamp[y] === x) continue;
        stamp[y] = x;
        const score = pairs.score(i, j);
        if (score > 0) edges.add(x, y, score);
      }
    }
  }
  const members = linkBestFirst(quotes, edges, region.length, (x) => region[x]);
  // Every other quote's group is the last one's, its members renumbered.
  const byOldGroup = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (inRegion[i]) continue;
    const g = previous.group[oldOf[i]];
    const list = byOldGroup.get(g);
    if (list) list.push(i);
    else {
      const group = [i];
      byOldGroup.set(g, group);
      members.push(group);
    }
  }
  const groups = described(quotes, words, members);
  if (keep) {
    const component = new Int32Array(n);
    const regionComponent = components(region.length, edges);
    for (let x = 0; x < region.length; x++) component[region[x]] = region[regionComponent[x]];
    const firstOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (inRegion[i]) continue;
      const c = previous.component[oldOf[i]];
      let first = firstOf.get(c);
      if (first === undefined) firstOf.set(c, (first = i));
      component[i] = first;
    }
    keep(keptGroups(quotes, groups, component));
  }
  return groups;
}

/** The distinct values of a short list, in order. */
function distinct<T>(list: T[]): T[] {
  const out: T[] = [];
  for (const v of list) if (!out.includes(v)) out.push(v);
  return out;
}

/** The word diff of member `k` of group `g` against the group's reference (none for the reference itself). */
export function memberDiff(quotes: QuoteDraft[], g: QuoteGroupDraft, k: number): DiffPart[] {
  const i = g.members[k];
  return i === g.reference ? [] : wordDiff(quotes[g.reference].text, quotes[i].text);
}

// Word numbers below 2^17 pack three to a number below 2^51, exact in a double.
const TRIGRAM_BASE = 2 ** 17;

/** The comparable words of every wording, numbered (one number per distinct word), in one flat list. */
class QuoteWords {
  private constructor(
    /** Word number → word. */
    readonly vocabulary: string[],
    /** Every wording's word numbers, one after another. */
    private readonly ids: Int32Array,
    /** Where wording i's numbers start (and i + 1's: where they end). */
    private readonly starts: Int32Array,
  ) {}

  /** Numbers the comparable words of each quote's text. */
  static of(quotes: QuoteDraft[]): QuoteWords {
    const numbers = new Map<string, number>();
    const vocabulary: string[] = [];
    let ids = new Int32Array(Math.max(16, quotes.length * 32));
    const starts = new Int32Array(quotes.length + 1);
    let used = 0;
    quotes.forEach((q, i) => {
      starts[i] = used;
      for (const w of comparableWords(q.text)) {
        let id = numbers.get(w);
        if (id === undefined) {
          id = vocabulary.length;
          numbers.set(w, id);
          vocabulary.push(w);
        }
        if (used === ids.length) {
          const grown = new Int32Array(ids.length * 2);
          grown.set(ids);
          ids = grown;
        }
        ids[used++] = id;
      }
    });
    starts[quotes.length] = used;
    return new QuoteWords(vocabulary, ids.slice(0, used), starts);
  }

  /** Wording i's word numbers (a view, not a copy). */
  of(i: number): Int32Array {
    return this.ids.subarray(this.starts[i], this.starts[i + 1]);
  }

  /** Wording i's words. */
  strings(i: number): string[] {
    return Array.from(this.of(i), (id) => this.vocabulary[id]);
  }

  /**
   * Wording i's word trigrams as compact keys: three word numbers packed into one number (a
   * corpus with more distinct quote words than TRIGRAM_BASE falls back to the words joined).
   */
  trigrams(i: number): (number | string)[] {
    return this.trigramKeys(this.of(i));
  }

  private trigramKeys(ns: ArrayLike<number>): (number | string)[] {
    const packed = this.vocabulary.length <= TRIGRAM_BASE;
    const v = this.vocabulary;
    const keys: (number | string)[] = [];
    for (let k = 0; k + 2 < ns.length; k++) {
      keys.push(packed ? (ns[k] * TRIGRAM_BASE + ns[k + 1]) * TRIGRAM_BASE + ns[k + 2] : `${v[ns[k]]} ${v[ns[k + 1]]} ${v[ns[k + 2]]}`);
    }
    return keys;
  }
}

/**
 * Counts the words two wordings share in any order, repeats counted as often as both hold them, in
 * time linear in their lengths: the first wording's counts are kept while it is compared with each
 * of its candidates in turn (pairs come grouped by the first item).
 */
class CommonWords {
  private readonly counts: Int32Array;
  private readonly taken: Int32Array;
  private readonly takenBy: Int32Array;
  private first = -1;
  private firstWords: Int32Array = new Int32Array(0);
  private visit = 0;

  constructor(vocabulary: number) {
    this.counts = new Int32Array(vocabulary);
    this.taken = new Int32Array(vocabulary);
    this.takenBy = new Int32Array(vocabulary).fill(-1);
  }

  /** Words wording `i` (numbered `a`) and another (numbered `b`) have in common. */
  count(i: number, a: Int32Array, b: Int32Array): number {
    if (i !== this.first) {
      for (const w of this.firstWords) this.counts[w] = 0;
      for (const w of a) this.counts[w]++;
      this.first = i;
      this.firstWords = a;
    }
    const visit = this.visit++;
    let shared = 0;
    for (const w of b) {
      if (this.takenBy[w] !== visit) {
        this.takenBy[w] = visit;
        this.taken[w] = 0;
      }
      if (this.taken[w] < this.counts[w]) {
        this.taken[w]++;
        shared++;
      }
    }
    return shared;
  }
}

/**
 * The wording the others are compared with: the one whose words are most often found in the other
 * outlets' wordings (so a group that chains two quotes of one article through a third outlet's
 * longer report compares against that report), then the longest, then the first. Linear in the
 * group's words: word-to-articles counts, not pairwise diffs.
 */
function pickReference(quotes: QuoteDraft[], words: QuoteWords, members: number[]): number {
  const articlesWith = new Map<number, Set<string>>();
  for (const i of members) {
    for (const w of new Set(words.of(i))) {
      let set = articlesWith.get(w);
      if (!set) articlesWith.set(w, (set = new Set()));
      set.add(quotes[i].article);
    }
  }
  let best = members[0];
  let bestScore = -1;
  for (const i of members) {
    let score = 0;
    for (const w of new Set(words.of(i))) score += articlesWith.get(w)!.size - 1;
    if (score > bestScore || (score === bestScore && words.of(i).length > words.of(best).length)) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

function speakersAgree(a: QuoteDraft, b: QuoteDraft): boolean {
  return a.speaker === null || b.speaker === null || a.speaker === b.speaker;
}
