/**
 * Quoted speech: spans between quote marks in the scanned text, matched against corpus quotes by
 * word bigrams (order-aware, robust to a cut or a small rewording). "same-quote" when the page's
 * words occur contiguously in that article's wording, "variant-quote" otherwise; "differs" when the
 * article reports the same words as more or less certain ("he will say" against "he said").
 */
import type { MatcherData, QuoteSignature } from './data';
import { BREAK, SPACED, Tokens, WORD } from './tokens';
import type { CoverageRef, DifferenceKind, ValueDifference } from '../index/types';
import { Certainty, compareCertainty, readCertainty } from '../lang/certainty';
import { SPEECH_VERBS } from '../lang/reporting-verbs';

/** Share of the page quote's bigrams that must occur in a corpus quote (tuned on the dev set). */
export const QUOTE_THRESHOLD = 0.5;
/** A member of the group holding less of the page's wording than this reported another part of the utterance. */
const MEMBER_FLOOR = 0.3;
/** Shorter quotes ("experts", "reform plan") are scare quotes or too common to attribute. */
const MIN_WORDS = 3;
/** A quote that runs longer than this without closing is a stray mark, not a quotation. */
const MAX_TOKENS = 400;
/** Tokens read on each side of a quote for how it was introduced ("he is expected to say", "she told them:"). */
const ATTRIBUTION_WINDOW = 10;

const TERMINAL = new Set(['.', '!', '?', ',', ':', ';', '-']);
const OPEN_AFTER = new Set(['(', '[', '-', ':', '—']);

/**
 * Writes quoted spans of tokens as flat (first token, end token exclusive) pairs; returns their count.
 * Spans shorter than `minTokens` are left out (MIN_WORDS: a quote detection; a claim's cited
 * fragments are read from two, lang/quoted-words citesFragment).
 */
export function findQuotedSpans(t: Tokens, out: number[], minTokens = MIN_WORDS): number {
  let count = 0;
  let open = -1;
  let openMark = '';
  for (let i = 0; i < t.count; i++) {
    if (open >= 0 && (t.flags[i] & BREAK || i - open > MAX_TOKENS)) {
      // A quote left open at a paragraph end runs to that end (multi-paragraph convention).
      if (t.flags[i] & BREAK) count = emit(out, count, open + 1, i, minTokens);
      open = -1;
    }
    const mark = t.norm[i];
    if (mark !== '"' && mark !== "'") continue;
    const attachedBefore = i > 0 && !(t.flags[i] & SPACED) && !(t.flags[i] & BREAK);
    const next = i + 1 < t.count ? t.flags[i + 1] : SPACED;
    const attachedAfter = i + 1 < t.count && !(next & SPACED);
    const canOpen = attachedAfter && (!attachedBefore || OPEN_AFTER.has(t.norm[i - 1]) || (mark === '"' && TERMINAL.has(t.norm[i - 1])));
    const canClose = attachedBefore && (!attachedAfter || !(next & WORD) || TERMINAL.has(t.norm[i - 1]));
    if (open < 0) {
      if (canOpen) {
        open = i;
        openMark = mark;
      }
      continue;
    }
    if (mark !== openMark) continue;
    if (canClose) {
      count = emit(out, count, open + 1, i, minTokens);
      open = -1;
      // “…movement.“Some people…: one mark closes a quote and opens the next.
      if (mark === '"' && attachedAfter && next & WORD) {
        open = i;
        openMark = mark;
      }
    }
  }
  if (open >= 0) count = emit(out, count, open + 1, t.count, minTokens);
  return count;
}

/** Appends span [from, to) to `out` when long enough; returns the new span count. */
function emit(out: number[], count: number, from: number, to: number, minTokens: number): number {
  if (to - from < minTokens) return count;
  out[count * 2] = from;
  out[count * 2 + 1] = to;
  return count + 1;
}

/**
 * Which corpus quotes hold each word bigram (key: first word id × stride + second), as sorted typed
 * arrays rather than a Map of arrays. Measured on a cold matching side at 5,000 generated articles
 * (35,356 quotes, 1,040,902 bigrams; scripts/measure-matching-side.ts): the Map took 1.5–1.8 s to
 * build; two counting-sort passes over typed arrays take tens of milliseconds, and a look-up is a
 * binary search.
 */
export interface QuoteBigrams {
  /** Distinct bigram keys, ascending. */
  keys: Float64Array;
  /** Per key, where its quotes start in `postings` (one extra entry closes the last key). */
  starts: Uint32Array;
  /** Quote indices, ascending within each key, each quote once per key. */
  postings: Uint32Array;
}

/** Stable counting sort of entries `order` by `by[entry]` (values below `range`). */
function countingSort(order: Uint32Array, by: Uint32Array, range: number): Uint32Array {
  const starts = new Uint32Array(range + 1);
  for (let i = 0; i < order.length; i++) starts[by[order[i]] + 1]++;
  for (let v = 0; v < range; v++) starts[v + 1] += starts[v];
  const out = new Uint32Array(order.length);
  for (let i = 0; i < order.length; i++) out[starts[by[order[i]]]++] = order[i];
  return out;
}

/** The bigram index of `quotes` (word ids below `stride`). */
export function quoteBigrams(quotes: readonly QuoteSignature[], stride: number): QuoteBigrams {
  let n = 0;
  for (const q of quotes) n += Math.max(0, q[3].length - 1);
  const first = new Uint32Array(n);
  const second = new Uint32Array(n);
  const quote = new Uint32Array(n);
  const order = new Uint32Array(n);
  let i = 0;
  for (let qi = 0; qi < quotes.length; qi++) {
    const ws = quotes[qi][3];
    for (let k = 0; k + 1 < ws.length; k++, i++) {
      first[i] = ws[k];
      second[i] = ws[k + 1];
      quote[i] = qi;
      order[i] = i;
    }
  }
  // Entries are made in quote order; sorting stably by the second word, then by the first, orders
  // them by (first, second, quote): every key's quotes come together, ascending.
  const sorted = countingSort(countingSort(order, second, stride), first, stride);
  const keys = new Float64Array(n);
  const starts = new Uint32Array(n + 1);
  const postings = new Uint32Array(n);
  let distinct = 0;
  let m = 0;
  for (let j = 0; j < n; j++) {
    const e = sorted[j];
    const key = first[e] * stride + second[e];
    if (distinct > 0 && keys[distinct - 1] === key) {
      // A bigram repeated inside one quote counts once for it.
      if (postings[m - 1] === quote[e]) continue;
    } else {
      keys[distinct] = key;
      starts[distinct++] = m;
    }
    postings[m++] = quote[e];
  }
  starts[distinct] = m;
  return { keys: keys.slice(0, distinct), starts: starts.slice(0, distinct + 1), postings: postings.slice(0, m) };
}

/** Index of `key` in ascending `keys`, or -1. */
function findKey(keys: Float64Array, key: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = keys[mid];
    if (k === key) return mid;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Result of matching one quoted span. */
export interface QuoteResult {
  group: number;
  score: number;
  refs: CoverageRef[];
}

/** Run-time quote matcher. */
export class QuoteMatcher {
  private readonly quotes: QuoteSignature[];
  private readonly bigrams: QuoteBigrams;
  private readonly stride: number;
  /** Each group's quotes, ascending: groupQuotes[groupStarts[g] .. groupStarts[g + 1]). */
  private readonly groupStarts: Int32Array;
  private readonly groupQuotes: Int32Array;
  private readonly counts: Uint16Array;
  private readonly articles: string[];
  private readonly certainty: readonly number[];
  // Per-match buffers, reused.
  private readonly ids: number[] = [];
  /** The quotes the page quote's bigrams reached (touched[0 .. nTouched)). */
  private readonly touched: Uint32Array;
  private readonly seenBigrams = new Set<number>();
  private readonly pageBigrams = new Set<number>();

  /** `bigrams`: the bigram index of `data.quotes` when already built (quoteBigrams(data.quotes, data.words.length + 1)). */
  constructor(data: MatcherData, bigrams?: QuoteBigrams) {
    this.quotes = data.quotes;
    this.articles = data.articles;
    this.certainty = data.quoteCertainty ?? [];
    this.stride = data.words.length + 1;
    // Each group's quotes in one buffer by counting, not a list per group: at 20,000 generated
    // articles the lists were ~60–125 ms of CPU of the matching side's first claims build (load ~12).
    const nGroups = data.quoteGroups.length;
    const starts = (this.groupStarts = new Int32Array(nGroups + 1));
    for (const q of data.quotes) starts[q[2] + 1]++;
    for (let g = 0; g < nGroups; g++) starts[g + 1] += starts[g];
    this.groupQuotes = new Int32Array(starts[nGroups]);
    const fill = starts.slice(0, nGroups);
    data.quotes.forEach((q, qi) => (this.groupQuotes[fill[q[2]]++] = qi));
    this.bigrams = bigrams ?? quoteBigrams(data.quotes, this.stride);
    this.counts = new Uint16Array(data.quotes.length);
    this.touched = new Uint32Array(data.quotes.length);
  }

  /** Matches the words of tokens [a, b); null when no corpus quote is close enough. `introduced`: how the quote was introduced, when the caller read it (else attribution()). */
  match(t: Tokens, a: number, b: number, introduced?: Attribution): QuoteResult | null {
    const ids = this.ids;
    ids.length = 0;
    for (let i = a; i < b; i++) {
      if (!(t.flags[i] & WORD)) continue;
      ids.push(t.table.word[t.sym[i]]);
    }
    if (ids.length < MIN_WORDS) return null;
    const pageBigrams = ids.length - 1;
    const counts = this.counts;
    const touched = this.touched;
    let nTouched = 0;
    const seen = this.seenBigrams;
    seen.clear();
    for (let k = 0; k + 1 < ids.length; k++) {
      if (ids[k] < 0 || ids[k + 1] < 0) continue;
      const key = ids[k] * this.stride + ids[k + 1];
      // Only bigrams the corpus has count, so only they need de-duplicating.
      const at = findKey(this.bigrams.keys, key);
      if (at < 0 || seen.has(key)) continue;
      seen.add(key);
      const postings = this.bigrams.postings;
      for (let p = this.bigrams.starts[at], end = this.bigrams.starts[at + 1]; p < end; p++) {
        const q = postings[p];
        if (counts[q] === 0) touched[nTouched++] = q;
        counts[q]++;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (let i = 0; i < nTouched; i++) {
      const q = touched[i];
      const s = counts[q] / pageBigrams;
      if (counts[q] >= 2 && (s > bestScore || (s === bestScore && q < best))) {
        best = q;
        bestScore = s;
      }
    }
    let result: QuoteResult | null = null;
    if (best >= 0 && bestScore >= QUOTE_THRESHOLD) {
      const group = this.quotes[best][2];
      const byArticle = new Map<number, CoverageRef>();
      const page = introduced ?? attribution(t, a, b);
      // Read by every quote below, so made once: whether every page word is a corpus word (a run
      // with an unknown one is in no quote), and the page's bigrams.
      const idsKnown = ids.every((w) => w >= 0);
      const pageSet = this.pageBigrams;
      pageSet.clear();
      for (let k = 0; k + 1 < ids.length; k++) if (ids[k] >= 0 && ids[k + 1] >= 0) pageSet.add(ids[k] * this.stride + ids[k + 1]);
      const members = this.groupQuotes.subarray(this.groupStarts[group], this.groupStarts[group + 1]);
      // A quote of another group close enough on its own is evidence too, for an article the
      // group does not cover: the analysis's grouping misses a short quote inside a long one.
      // The counts first: at 5,000 generated articles a page quote reaches thousands of corpus
      // quotes, few of them close enough, and reading a quote's group is a look-up into its
      // signature for each (that look-up first made this filter most of quote matching's time there).
      const others: number[] = [];
      for (let i = 0; i < nTouched; i++) {
        const q = touched[i];
        if (counts[q] >= 2 && counts[q] / pageBigrams >= QUOTE_THRESHOLD && this.quotes[q][2] !== group) others.push(q);
      }
      others.sort((x, y) => x - y);
      for (const q of [...members, ...others]) {
        const [article, , , words, turns] = this.quotes[q];
        const score = Math.min(1, counts[q] / pageBigrams);
        if (score < MEMBER_FLOOR) continue;
        if (this.quotes[q][2] !== group && byArticle.has(article)) continue;
        const relation = idsKnown && containsRun(words, ids) ? 'same-quote' : 'variant-quote';
        const sentence = sentenceOfWord(turns, firstSharedWord(words, pageSet, this.stride));
        const prev = byArticle.get(article);
        if (prev && score <= prev.score) continue;
        const ref: CoverageRef = { article: this.articles[article], sentence, relation, score: Math.round(score * 1000) / 1000 };
        const differences: ValueDifference[] = [];
        const corpusLevel = this.certainty[q];
        const certainty = corpusLevel === undefined ? null : compareCertainty(page.level, corpusLevel);
        if (certainty) differences.push({ attribute: 'certainty', kind: certainty, page: page.cue || 'stated', corpus: corpusLevel === Certainty.expected ? 'will say' : 'stated' });
        const wording: DifferenceKind | null = relation === 'variant-quote' ? 'quote-varied' : words.length > ids.length ? 'quote-cut' : null;
        if (wording) differences.push({ attribute: 'wording', kind: wording, page: `${ids.length} words`, corpus: `${words.length} words` });
        // The same words stated as planned ("he will say") against as said: a difference of certainty
        // the reader must see, so the relation is "differs" (the wording kind stays beside it).
        if (certainty) ref.relation = 'differs';
        if (differences.length) {
          ref.kind = differences[0].kind;
          ref.values = differences[0];
          if (differences.length > 1) ref.differences = differences;
        }
        byArticle.set(article, ref);
      }
      // `ids` is reused by the next match: the refs below keep no reference to it.
      const refs = [...byArticle.keys()].sort((x, y) => x - y).map((k) => byArticle.get(k)!);
      result = { group, score: Math.round(Math.min(1, bestScore) * 1000) / 1000, refs };
    }
    for (let i = 0; i < nTouched; i++) counts[touched[i]] = 0;
    return result;
  }
}

/** How a quote was introduced: the certainty of the words around it, and whether anything there attributes it (a cue or a speech verb). */
export interface Attribution {
  level: number;
  cue: string;
  attributed: boolean;
}

/**
 * How the quote in tokens [a, b) was introduced: the certainty of the words around it, up to
 * ATTRIBUTION_WINDOW tokens each side within its paragraph and sentence ("he will say: …", "…,
 * she is expected to say"). A plain "said" or none is a statement; with none, `attributed` is
 * false (a quote whose paragraph carries no attribution continues the previous one's: scan.ts).
 */
export function attribution(t: Tokens, a: number, b: number): Attribution {
  const speechIn = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (SPEECH_VERBS.has(t.norm[i])) return true;
    return false;
  };
  // After the closing mark: to the sentence's end.
  let end = b + 1;
  while (end < t.count && end - b <= ATTRIBUTION_WINDOW && !(t.flags[end] & BREAK) && !SENTENCE_END.has(t.norm[end])) end++;
  const after = readCertainty(t, b + 1, end);
  if (after.cue) return { ...after, attributed: true };
  // Before the opening mark: back to the sentence's start.
  let start = a - 1;
  while (start > 0 && a - start <= ATTRIBUTION_WINDOW && !(t.flags[start] & BREAK) && !SENTENCE_END.has(t.norm[start - 1])) start--;
  const before = readCertainty(t, Math.max(0, start), Math.max(0, a - 1));
  const plain = { ...before, attributed: before.cue !== '' || speechIn(b + 1, end) || speechIn(Math.max(0, start), Math.max(0, a - 1)) };
  if (before.cue || start < a - 1 || start < 2 || !SENTENCE_END.has(t.norm[start - 1]) || t.flags[a - 1] & BREAK) return plain;
  // A quote that opens its sentence continues the previous one's attribution: '"…," he will say. "…"'.
  const stop = start - 1;
  let from = stop - 1;
  while (from > 0 && stop - from <= ATTRIBUTION_WINDOW && !(t.flags[from] & BREAK) && t.norm[from - 1] !== '"' && !SENTENCE_END.has(t.norm[from - 1])) from--;
  return speechIn(from, stop) ? { ...readCertainty(t, from, stop), attributed: true } : plain;
}

/** Whether the quote whose words start at token a opens its text: nothing but marks before its opening mark. */
export function opensText(t: Tokens, a: number): boolean {
  for (let i = 0; i < a - 1; i++) if (t.flags[i] & WORD) return false;
  return true;
}

const SENTENCE_END = new Set(['.', '!', '?']);

/** Whether `needle` (known words only) occurs contiguously in `hay` (quotes are short; naive search is fine). */
function containsRun(hay: number[], needle: number[]): boolean {
  outer: for (let s = 0; s + needle.length <= hay.length; s++) {
    for (let k = 0; k < needle.length; k++) if (hay[s + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Position in `words` of the first bigram it shares with the page (`pageBigrams`: word id × stride + next word id; 0 when none). */
function firstSharedWord(words: number[], pageBigrams: ReadonlySet<number>, stride: number): number {
  for (let k = 0; k + 1 < words.length; k++) if (pageBigrams.has(words[k] * stride + words[k + 1])) return k;
  return 0;
}

/** The corpus sentence of word `w` of a quote, from its (word index, sentence) turn points. */
function sentenceOfWord(turns: number[], w: number): number {
  let sentence = turns[1] ?? 0;
  for (let k = 0; k < turns.length && turns[k] <= w; k += 2) sentence = turns[k + 1];
  return sentence;
}
