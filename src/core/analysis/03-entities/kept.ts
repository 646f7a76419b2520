/**
 * What the entity step keeps from one analysis for the next (AnalysisState.entities), so that an
 * add reads again only the articles whose part of the evidence, or whose answers, can have changed.
 *
 * Step 3 decides on corpus-wide evidence, but that evidence is a sum of per-article parts:
 * - the word statistics (3.2) and the surname usage (3.7) are unions over articles: an add only
 *   grows them, so the kept union plus the added articles' parts is the corpus's;
 * - a key's evidence (3.5) is a sum of each article's occurrences (an "article share"); an
 *   article's share depends on the article and on the answers the word statistics gave its
 *   candidates (3.4 asks whether a sentence-initial word is written in lower case or capitalised
 *   mid-sentence elsewhere). A share is kept with the questions and answers, and used again when
 *   the statistics answer them alike (as claim-reuse.ts keeps claims with their place answers);
 * - the reads after the decisions (short forms used alone 3.8, acronyms introduced 3.8, given
 *   names used alone 3.9, mentions 3.11) each look a table up by an article's capitalised words.
 *   An article's result is kept with the table's entries as a signature per first word; it is used
 *   again when none of its capitalised words has entries that changed.
 * Shares are merged in article order, so every map the decisions read is built in the order a full
 * analysis builds it (first occurrence in the corpus), and the decisions run whole over the merged
 * evidence: which names become people is decided exactly as without the state.
 *
 * A kept part is used only for an article with the same id and fingerprint, and only when every
 * article the state knows is still in the corpus (an add); otherwise the state is not used.
 */
import type { Span } from '../../index/types';
import { hashText } from '../../match/symbols';
import type { ArticleDraft, EntityDraft, MentionDraft } from '../context';
import type { WordStats } from './02-word-stats';
import type { StatsLookup } from './04-candidates';
import { ACRONYM_MIN_SENTENCES } from './06-classify';
import type { SurnameUsage } from './07-people';
import type { OrganisationScans, ShortForms } from './08-organisations';
import type { GivenNames } from './09-given-names';
import type { AliasTable } from './11-mentions';
import { emptyEvidence, type Evidence } from './shared';

/**
 * One article's evidence per candidate key (Evidence, with counts in place of the corpus-wide
 * sets), packed in flat lists: keys in the order first met; per key KEY_FIELDS numbers (person,
 * org and place weights, distinct sentences up to ACRONYM_MIN_SENTENCES, bare cues, then how many
 * of the flat titles and displays are its); displays in the order first written, with their counts.
 */
export interface KeyShares {
  keys: string[];
  numbers: Int32Array;
  titles: string[];
  displays: string[];
  displayCounts: Int32Array;
}

/** Numbers kept per key in KeyShares. */
const KEY_FIELDS = 7;

/** One article's part of the entity step's evidence. */
export interface ArticleShare {
  /** The article it was made from (articleFingerprint). */
  fingerprint: string;
  /** The word-statistics questions its candidates asked: "c" (capitalised mid-sentence) or "l" (lower case), then the word; one per line. */
  asked: string;
  /** Per question, "1" when the statistics said yes, else "0". */
  answers: string;
  /** Its candidate keys' evidence. */
  keys: KeyShares;
  /** Its capitalised lists (06-classify capitalisedLists). */
  lists: string[][];
  /** Its distinct capitalised words (normalised): every word the later reads look a table up by. */
  capWords: string[];
  /** Its words (normalised) as a Bloom filter (wordFilter): whether a table entry's later words may all be in it. */
  words: Uint32Array;
}

/**
 * One article's mentions as kept: the entities they name, and per mention seven numbers (the
 * entity's place in `entities`, start, end, sentence, token start, token end, 1 when possessive).
 * A mention's surface is the article's text between its start and end, so it is not kept.
 */
export interface KeptMentions {
  entities: string[];
  numbers: Int32Array;
}

/** Numbers kept per mention. */
const MENTION_FIELDS = 7;

/** Mentions packed for keeping. */
export function packMentions(mentions: readonly MentionDraft[]): KeptMentions {
  const entities: string[] = [];
  const at = new Map<string, number>();
  const numbers = new Int32Array(mentions.length * MENTION_FIELDS);
  mentions.forEach((m, k) => {
    let e = at.get(m.entity);
    if (e === undefined) {
      at.set(m.entity, (e = entities.length));
      entities.push(m.entity);
    }
    numbers.set([e, m.start, m.end, m.sentence, m.tokenStart, m.tokenEnd, m.isPossessive ? 1 : 0], k * MENTION_FIELDS);
  });
  return { entities, numbers };
}

/** The mentions packMentions kept, for article `d`. */
export function unpackMentions(kept: KeptMentions, d: ArticleDraft): MentionDraft[] {
  const out: MentionDraft[] = [];
  const n = kept.numbers;
  for (let k = 0; k < n.length; k += MENTION_FIELDS) {
    out.push({ entity: kept.entities[n[k]], start: n[k + 1], end: n[k + 2], sentence: n[k + 3], surface: d.text.slice(n[k + 1], n[k + 2]), tokenStart: n[k + 4], tokenEnd: n[k + 5], isPossessive: n[k + 6] === 1 });
  }
  return out;
}

/** One per-article read kept: its table's entries (by key, as signatures: their words and what else the read reads of them), and each article's result. */
export interface KeptScan<T> {
  signatures: Map<string, string>;
  results: Map<string, T>;
}

/**
 * One entry of a table a read looks up: its key, its words (the first looked up by a capitalised
 * word of the article, the rest matched against the words after it) and what else the read
 * reads of it. A read's result for an article is decided by the entries whose words all occur in
 * the article; an entry list's order never decides between two (longest first, one entry per words).
 */
export interface ReadEntry {
  key: string;
  words: readonly string[];
  data: unknown;
}

/** What the entity step leaves for the next analysis. */
export interface EntityState {
  /** By article id, its share of the evidence. */
  articles: Map<string, ArticleShare>;
  /** The corpus's word statistics (3.2). */
  lower: Set<string>;
  capMid: Set<string>;
  /** The corpus's surname usage (3.7). */
  surnames: SurnameUsage;
  /** Per article, the short forms it uses alone (3.8). */
  shortForms: KeptScan<string[]>;
  /** Per article, the given names it uses alone (3.9). */
  givenNames: KeptScan<string[]>;
  /** Per article, its mentions (3.11), packed (KeptMentions). */
  mentions: KeptScan<KeptMentions>;
  /** Per article id and organisation key ("id\nkey"), the acronym the article introduces for it (null: none). */
  acronyms: Map<string, string | null>;
}

/**
 * What identifies an article's text cheaply: its length, where its body starts, its sentence count
 * and its ends. Held articles never change under one id (the store's records are written once);
 * this guards against a state kept for another corpus under the same ids.
 */
export function articleFingerprint(d: ArticleDraft): string {
  return `${d.text.length}:${d.bodyStart}:${d.sentences.length}:${d.text.slice(0, 48)}:${d.text.slice(-48)}`;
}

/** The state when it can be used for these articles: every article it knows is among them, with the same fingerprint. */
export function usableState(state: EntityState | undefined, drafts: readonly ArticleDraft[], fingerprints: readonly string[]): EntityState | null {
  if (!state) return null;
  const at = new Map<string, number>();
  drafts.forEach((d, a) => at.set(d.id, a));
  for (const [id, share] of state.articles) {
    const a = at.get(id);
    if (a === undefined || fingerprints[a] !== share.fingerprint) return null;
  }
  return state;
}

/** Word statistics that write down every question asked of them, and the answer. */
export class AskedStats implements StatsLookup {
  private readonly asked: string[] = [];
  private readonly answers: string[] = [];
  readonly lower: { has(word: string): boolean };
  readonly capMid: { has(word: string): boolean };

  constructor(stats: WordStats) {
    this.lower = { has: (w) => this.ask('l', w, stats.lower) };
    this.capMid = { has: (w) => this.ask('c', w, stats.capMid) };
  }

  private ask(tag: string, word: string, set: Set<string>): boolean {
    const hit = set.has(word);
    this.asked.push(tag + word);
    this.answers.push(hit ? '1' : '0');
    return hit;
  }

  /** The questions, one per line, and the answers. */
  written(): { asked: string; answers: string } {
    return { asked: this.asked.join('\n'), answers: this.answers.join('') };
  }
}

/** Whether `stats` answers every question a share's candidates asked as it was answered then. */
export function sameStatsAnswers(share: ArticleShare, stats: WordStats): boolean {
  if (!share.asked) return true;
  const asked = share.asked.split('\n');
  for (let k = 0; k < asked.length; k++) {
    const q = asked[k];
    const set = q.charCodeAt(0) === 108 ? stats.lower : stats.capMid;
    if (set.has(q.slice(1)) !== (share.answers.charCodeAt(k) === 49)) return false;
  }
  return true;
}

/** One article's evidence per key (filled by weigh), packed. */
export function keyShares(local: Map<string, Evidence>): KeyShares {
  const keys: string[] = [];
  const numbers = new Int32Array(local.size * KEY_FIELDS);
  const titles: string[] = [];
  const displays: string[] = [];
  const counts: number[] = [];
  let k = 0;
  for (const [key, e] of local) {
    keys.push(key);
    for (const t of e.titles) titles.push(t);
    for (const [dsp, n] of e.displays) {
      displays.push(dsp);
      counts.push(n);
    }
    numbers.set([e.person, e.org, e.place, e.sentences.size, e.bareCues, e.titles.size, e.displays.size], k * KEY_FIELDS);
    k++;
  }
  return { keys, numbers, titles, displays, displayCounts: Int32Array.from(counts) };
}

/** Adds article `a`'s share to the corpus evidence: what weigh over its occurrences would have added. */
export function mergeShare(evidence: Map<string, Evidence>, shares: KeyShares, a: number): void {
  const n = shares.numbers;
  let title = 0;
  let display = 0;
  for (let k = 0; k < shares.keys.length; k++) {
    const key = shares.keys[k];
    const at = k * KEY_FIELDS;
    let e = evidence.get(key);
    if (!e) evidence.set(key, (e = emptyEvidence()));
    e.person += n[at];
    e.org += n[at + 1];
    e.place += n[at + 2];
    // Only the count is ever read (up to ACRONYM_MIN_SENTENCES): distinct placeholders per article.
    for (let s = 0; s < n[at + 3] && e.sentences.size < ACRONYM_MIN_SENTENCES; s++) e.sentences.add(`${a}:${s}`);
    e.bareCues += n[at + 4];
    for (const end = title + n[at + 5]; title < end; title++) e.titles.add(shares.titles[title]);
    for (const end = display + n[at + 6]; display < end; display++) {
      const dsp = shares.displays[display];
      e.displays.set(dsp, (e.displays.get(dsp) ?? 0) + shares.displayCounts[display]);
    }
    e.articles.add(a);
  }
}

/** The union of the kept surname usage and the added articles' (neither is changed). */
export function mergeSurnames(kept: SurnameUsage, added: SurnameUsage): SurnameUsage {
  const out: SurnameUsage = new Map(kept);
  for (const [word, u] of added) {
    const old = out.get(word);
    out.set(word, old ? { bare: old.bare || u.bare, titled: new Set([...old.titled, ...u.titled]) } : u);
  }
  return out;
}

/** Bits a word filter gives each distinct word: two hashes, about 5% of absent words let through. */
const FILTER_BITS_PER_WORD = 16;
/** The smallest filter, in 32-bit words. */
const FILTER_MIN_WORDS = 8;

/** Two bit positions for a word (FNV-1a, then a multiplicative remix for the second). */
function wordBits(word: string, mask: number): [number, number] {
  const h = hashText(word);
  return [h & mask, (Math.imul(h, 0x9e3779b1) >>> 7) & mask];
}

/** A Bloom filter of distinct words: mayHold is true for every word given, and for few others. */
export function wordFilter(words: ReadonlySet<string>): Uint32Array {
  let size = FILTER_MIN_WORDS;
  while (size * 32 < words.size * FILTER_BITS_PER_WORD) size *= 2;
  const filter = new Uint32Array(size);
  const mask = size * 32 - 1;
  for (const w of words) for (const b of wordBits(w, mask)) filter[b >>> 5] |= 1 << (b & 31);
  return filter;
}

/** Whether `word` may be among a filter's words (never false for one that is). */
export function mayHold(filter: Uint32Array, word: string): boolean {
  const mask = filter.length * 32 - 1;
  for (const b of wordBits(word, mask)) if (!(filter[b >>> 5] & (1 << (b & 31)))) return false;
  return true;
}

/** The entries changed between two signature maps (added, removed or other), as word lists by first word. */
function changedEntries(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  const note = (signature: string) => {
    const [words] = JSON.parse(signature) as [string[]];
    const list = out.get(words[0]);
    if (list) list.push(words);
    else out.set(words[0], [words]);
  };
  for (const [key, s] of after) {
    const old = before.get(key);
    if (old === s) continue;
    note(s);
    if (old !== undefined) note(old);
  }
  for (const [key, s] of before) if (!after.has(key)) note(s);
  return out;
}

/** Whether an article may hold all the words of a changed entry: its first as a capitalised word, the rest anywhere. */
function touches(share: ArticleShare, changed: ReadonlyMap<string, string[][]>): boolean {
  if (!changed.size) return false;
  for (const w of share.capWords) {
    const lists = changed.get(w);
    if (!lists) continue;
    for (const words of lists) if (words.every((x, k) => k === 0 || mayHold(share.words, x))) return true;
  }
  return false;
}

/**
 * The per-article reads of one analysis, each result taken from the kept state when the article's
 * capitalised words' entries are the same, and written to the next state when one is asked for.
 */
export class EntityReads {
  /** The state this analysis leaves, filled as the reads run (null: none asked for). */
  readonly next: Pick<EntityState, 'shortForms' | 'givenNames' | 'mentions' | 'acronyms'> | null;

  constructor(
    private readonly drafts: readonly ArticleDraft[],
    /** Per article, its share (its capitalised words); only read when a state is kept or given. */
    private readonly shares: readonly (ArticleShare | null)[],
    private readonly previous: EntityState | null,
    keep: boolean,
  ) {
    this.next = keep ? { shortForms: emptyScan(), givenNames: emptyScan(), mentions: emptyScan(), acronyms: new Map() } : null;
  }

  /** `read` for every article, in article order; a kept result is used where no entry whose words the article may hold changed. Results are kept as `pack` gives them and read back by `unpack`. */
  private each<T, P = T>(name: 'shortForms' | 'givenNames' | 'mentions', entries: () => ReadEntry[], read: (d: ArticleDraft, a: number) => T, pack: (result: T) => P = (r) => r as unknown as P, unpack: (kept: P, d: ArticleDraft) => T = (k) => k as unknown as T): T[] {
    const next = this.next?.[name] as KeptScan<P> | undefined;
    const kept = this.previous?.[name] as KeptScan<P> | undefined;
    if (!next && !kept) return this.drafts.map(read);
    const signatures = new Map<string, string>();
    for (const e of entries()) signatures.set(e.key, JSON.stringify([e.words, e.data]));
    if (next) next.signatures = signatures;
    const changed = kept ? changedEntries(kept.signatures, signatures) : null;
    return this.drafts.map((d, a) => {
      const old = changed ? kept!.results.get(d.id) : undefined;
      if (old !== undefined && !touches(this.shares[a]!, changed!)) {
        next?.results.set(d.id, old);
        return unpack(old, d);
      }
      const result = read(d, a);
      next?.results.set(d.id, pack(result));
      return result;
    });
  }

  /** Per article, the short forms it uses alone (08-organisations). */
  shortForms(wanted: ShortForms, read: (d: ArticleDraft) => string[]): string[][] {
    const entries = () => [...wanted.values()].flat().map((w) => ({ key: `${w.words.join(' ')}\n${w.head}`, words: w.words, data: w.head }));
    return this.each('shortForms', entries, read);
  }

  /** Per article, the given names it uses alone (09-given-names). */
  givenNames(byGiven: GivenNames, read: (d: ArticleDraft) => string[]): string[][] {
    const entries = () => [...byGiven].flatMap(([given, people]) => people.map((p) => ({ key: p.id, words: [given, ...p.rest], data: p.display })));
    return this.each('givenNames', entries, read);
  }

  /** Per article, its mentions (11-mentions): an entry's data names its entity's kind and name, which the mentions read. */
  mentions(table: AliasTable, entities: ReadonlyMap<string, EntityDraft>, read: (d: ArticleDraft, a: number) => MentionDraft[]): MentionDraft[][] {
    const entries = () =>
      [...table.values()].flat().map((x) => {
        const e = x.entity ? entities.get(x.entity) : undefined;
        return { key: x.words.join(' '), words: x.words, data: [x.hasApostrophe, x.entity, e?.kind ?? null, e?.name ?? null] };
      });
    return this.each('mentions', entries, read, packMentions, unpackMentions);
  }

  /** makeOrganisations's reads: short forms as above, acronyms by article and organisation. */
  organisations(read: (d: ArticleDraft, wanted: ShortForms) => string[]): OrganisationScans {
    return {
      shortForms: (wanted) => this.shortForms(wanted, (d) => read(d, wanted)),
      acronym: (a, key, compute) => {
        const id = `${this.drafts[a].id}\n${key}`;
        let found = this.previous?.acronyms.get(id);
        if (found === undefined) found = compute();
        this.next?.acronyms.set(id, found);
        return found;
      },
    };
  }
}

function emptyScan<T>(): KeptScan<T> {
  return { signatures: new Map(), results: new Map() };
}

/** Lazily computed non-prose spans per article (only the articles read again need theirs). */
export function lazySpans(drafts: readonly ArticleDraft[], spans: (d: ArticleDraft) => Span[]): (a: number) => Span[] {
  const made: (Span[] | undefined)[] = new Array(drafts.length);
  return (a) => (made[a] ??= spans(drafts[a]));
}
