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
import type { ArticleDraft, EntityDraft, MentionDraft } from '../context';
import type { WordStats } from './02-word-stats';
import type { StatsLookup } from './04-candidates';
import { ACRONYM_MIN_SENTENCES } from './06-classify';
import type { SurnameUsage } from './07-people';
import type { OrganisationScans, ShortForms } from './08-organisations';
import type { GivenNames } from './09-given-names';
import type { AliasTable } from './11-mentions';
import { emptyEvidence, type Evidence } from './shared';

/** One candidate key's evidence from one article (Evidence, with counts in place of the corpus-wide sets). */
export interface KeyShare {
  key: string;
  person: number;
  org: number;
  place: number;
  titles: string[];
  /** Ways the key is written in the article and how often, in the order first written. */
  displays: [string, number][];
  /** Distinct sentences of the article the key occurs in, up to ACRONYM_MIN_SENTENCES. */
  sentences: number;
  bareCues: number;
}

/** One article's part of the entity step's evidence. */
export interface ArticleShare {
  /** The article it was made from (articleFingerprint). */
  fingerprint: string;
  /** The word-statistics questions its candidates asked: "c" (capitalised mid-sentence) or "l" (lower case), then the word; one per line. */
  asked: string;
  /** Per question, "1" when the statistics said yes, else "0". */
  answers: string;
  /** Its candidate keys' evidence, in the order first met. */
  keys: KeyShare[];
  /** Its capitalised lists (06-classify capitalisedLists). */
  lists: string[][];
  /** Its distinct capitalised words (normalised): every word the later reads look a table up by. */
  capWords: string[];
}

/** One per-article read kept: its table's entries by first word (as signatures), and each article's result. */
export interface KeptScan<T> {
  signatures: Map<string, string>;
  results: Map<string, T>;
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
  /** Per article, its mentions (3.11). */
  mentions: KeptScan<MentionDraft[]>;
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

/** One article's evidence per key (filled by weigh) as a share. */
export function keyShares(local: Map<string, Evidence>): KeyShare[] {
  return [...local].map(([key, e]) => ({ key, person: e.person, org: e.org, place: e.place, titles: [...e.titles], displays: [...e.displays], sentences: e.sentences.size, bareCues: e.bareCues }));
}

/** Adds article `a`'s share to the corpus evidence: what weigh over its occurrences would have added. */
export function mergeShare(evidence: Map<string, Evidence>, keys: readonly KeyShare[], a: number): void {
  for (const k of keys) {
    let e = evidence.get(k.key);
    if (!e) evidence.set(k.key, (e = emptyEvidence()));
    e.person += k.person;
    e.org += k.org;
    e.place += k.place;
    for (const t of k.titles) e.titles.add(t);
    for (const [dsp, n] of k.displays) e.displays.set(dsp, (e.displays.get(dsp) ?? 0) + n);
    // Only the count is ever read (up to ACRONYM_MIN_SENTENCES): distinct placeholders per article.
    for (let s = 0; s < k.sentences && e.sentences.size < ACRONYM_MIN_SENTENCES; s++) e.sentences.add(`${a}:${s}`);
    e.articles.add(a);
    e.bareCues += k.bareCues;
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

/** Each first word's entries as one string: an article's result is kept only when the entries of none of its words changed. */
function signaturesOf<T>(table: ReadonlyMap<string, T>, signature: (entries: T) => string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [word, entries] of table) out.set(word, signature(entries));
  return out;
}

/** The words whose entries differ between two signature maps. */
function changedWords(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Set<string> {
  const out = new Set<string>();
  for (const [w, s] of after) if (before.get(w) !== s) out.add(w);
  for (const w of before.keys()) if (!after.has(w)) out.add(w);
  return out;
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

  /** `read` for every article, in article order, kept results used where the table's entries for the article's words are the same. */
  private each<T, E>(name: 'shortForms' | 'givenNames' | 'mentions', table: ReadonlyMap<string, E>, signature: (entries: E) => string, read: (d: ArticleDraft, a: number) => T): T[] {
    const next = this.next?.[name] as KeptScan<T> | undefined;
    const kept = this.previous?.[name] as KeptScan<T> | undefined;
    if (!next && !kept) return this.drafts.map(read);
    const signatures = signaturesOf(table, signature);
    if (next) next.signatures = signatures;
    const changed = kept ? changedWords(kept.signatures, signatures) : null;
    return this.drafts.map((d, a) => {
      let result = changed ? kept!.results.get(d.id) : undefined;
      if (result !== undefined) {
        for (const w of this.shares[a]!.capWords) {
          if (changed!.has(w)) {
            result = undefined;
            break;
          }
        }
      }
      if (result === undefined) result = read(d, a);
      next?.results.set(d.id, result);
      return result;
    });
  }

  /** Per article, the short forms it uses alone (08-organisations). */
  shortForms(wanted: ShortForms, read: (d: ArticleDraft) => string[]): string[][] {
    return this.each('shortForms', wanted, (entries) => JSON.stringify(entries), read);
  }

  /** Per article, the given names it uses alone (09-given-names). */
  givenNames(byGiven: GivenNames, read: (d: ArticleDraft) => string[]): string[][] {
    return this.each('givenNames', byGiven, (entries) => JSON.stringify(entries), read);
  }

  /** Per article, its mentions (11-mentions): an entry's signature names its entity's kind and name, which the mentions read. */
  mentions(table: AliasTable, entities: ReadonlyMap<string, EntityDraft>, read: (d: ArticleDraft, a: number) => MentionDraft[]): MentionDraft[][] {
    const signature = (entries: AliasTable extends Map<string, infer E> ? E : never) =>
      JSON.stringify(entries.map((x) => [x.words, x.hasApostrophe, x.entity, x.entity ? entities.get(x.entity)?.kind : null, x.entity ? entities.get(x.entity)?.name : null]));
    return this.each('mentions', table, signature, read);
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
