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
import type { QuoteDraft } from './05-quotes';
import { DisjointSets, Edges, forEachCandidatePair } from './blocking';

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

/** Groups quote drafts; every draft ends up in exactly one group. */
export function groupQuotes(quotes: QuoteDraft[]): QuoteGroupDraft[] {
  // Each wording's words as numbers, all in one flat list: as lists of strings (even interned)
  // and a typed array each, they were most of this step's memory at 20,000 articles.
  const words = QuoteWords.of(quotes);
  const common = new CommonWords(words.vocabulary.length);
  const inOrder = new CommonSubsequence(words.vocabulary.length);
  const edges = new Edges();
  forEachCandidatePair(quotes.length, (i) => words.trigrams(i), MAX_BLOCK, (i, j) => {
    if (!speakersAgree(quotes[i], quotes[j])) return;
    const a = words.of(i);
    const b = words.of(j);
    const shorter = Math.min(a.length, b.length);
    // Words shared in order are never more than words shared in any order (counted with repeats):
    // a pair that cannot pass on the cheap count skips the in-order count, and no edge changes.
    const upper = common.count(i, a, b);
    if (upper < MIN_SHARED_WORDS || upper < MIN_SHARED * shorter) return;
    // Word numbers stand for distinct words one to one, so they share in order what the words do.
    const shared = inOrder.length(i, a, b);
    if (shared >= MIN_SHARED_WORDS && shared >= MIN_SHARED * shorter) edges.add(i, j, shared / shorter);
  });
  // Best-first, and a group never holds two named speakers: an unattributed quote that matches
  // two speakers' words joins the one it matches best instead of merging both speakers' groups
  // (chains of such joins made one group of hundreds of speakers, growing with the corpus).
  const sets = new DisjointSets(quotes.length);
  const speakerOf = quotes.map((q) => q.speaker);
  edges.forEachBestFirst((i, j) => {
    const a = sets.find(i);
    const b = sets.find(j);
    if (a === b) return;
    if (speakerOf[a] !== null && speakerOf[b] !== null && speakerOf[a] !== speakerOf[b]) return;
    sets.attach(a, b);
    speakerOf[b] ??= speakerOf[a];
  });
  const groups: QuoteGroupDraft[] = [];
  for (const members of sets.groups()) {
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
    const ns = this.of(i);
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
