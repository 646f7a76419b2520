/**
 * An article's claims kept from one analysis for the next: an add re-extracts the claims of only
 * the articles whose inputs to the claim step changed. extractClaims reads, besides the article's
 * own draft (the same for a held article: its record and tokens do not change), its mentions, its
 * quotes' sentences and speakers, its descriptors, the quotes near it that other articles carry
 * (with their groups), which of the words it asks about are places (a corpus-wide set), and entity
 * kinds, which an entity id carries (`person:…`, book.ts). So the claims are kept with those inputs
 * written out (`inputs`) and the place words the article asked about, with the answers; an article
 * whose inputs and answers are the same gets its kept claims back, and that is the claims
 * extractClaims would give. Quote groups are numbered by position, which an add shifts: kept claims
 * name their speech groups by the group's first quote (article and place among its quotes) and get
 * the numbers of the new analysis back. Inputs and diff keys are kept as digests (`digest`): the
 * store keeps the state beside each generation (stored-state.ts), and written out they were 13 MB
 * of the state at 5,000 generated articles.
 */
import type { Descriptor, DiffPart } from '../index/types';
import { digest } from '../match/symbols';
import { memberDiff, type QuoteGroupDraft } from './06-quote-groups';
import type { QuoteDraft } from './05-quotes';
import type { ClaimDraft, NearbyQuote } from './07-claims';
import type { MentionDraft } from './context';
import type { EntityState } from './03-entities/kept';
import type { KeptClaimGroups } from './08-claim-groups';
import type { KeptMentionSteps } from './mention-steps';

/**
 * What an analysis leaves for the next one (analysePreparable's `onState`). The store keeps it
 * beside the generation it was made with (store/analysis-state.ts), any field of it: a field added
 * here is kept as it is (structured-clone values), `claims` in its compact form (stored-state.ts).
 */
export interface AnalysisState {
  /** By article id, its claims and what they were made from. */
  claims: Map<string, KeptClaims>;
  /** Quote groups' word diffs by the digest of the two wordings (keptDiff): a pure function of them, which an add mostly asks again. */
  diffs: Map<string, DiffPart[]>;
  /** The entity step's per-article evidence and reads (03-entities/kept.ts), absent from a state made before it was kept. */
  entities?: EntityState;
  /** The claim groups and pair-graph components (08-claim-groups.ts), absent from a state made before they were kept. */
  claimGroups?: KeptClaimGroups;
  /** By article id, its descriptors and quotes and what they were made from (mention-steps.ts), absent from a state made before they were kept. */
  mentionSteps?: Map<string, KeptMentionSteps>;
}


/** The word diffs an assembly takes (`previous`, from the last analysis) and writes (`next`, every one it gives). */
export interface QuoteDiffs {
  previous?: ReadonlyMap<string, DiffPart[]>;
  next: Map<string, DiffPart[]>;
}

/** memberDiff, taken from `diffs.previous` when it holds the same two wordings; written to `diffs.next` either way. */
export function keptDiff(diffs: QuoteDiffs, quotes: readonly QuoteDraft[], g: QuoteGroupDraft, k: number): DiffPart[] {
  const i = g.members[k];
  if (i === g.reference) return memberDiff(quotes as QuoteDraft[], g, k);
  // The reference's length first: no two pairs of wordings make one key.
  const reference = quotes[g.reference].text;
  const key = digest(`${reference.length}:${reference}${quotes[i].text}`);
  let diff = diffs.previous?.get(key);
  if (!diff) diff = memberDiff(quotes as QuoteDraft[], g, k);
  diffs.next.set(key, diff);
  return diff;
}

/** One article's claims as kept: the inputs they were made from, the place words asked, and the claims with speech groups named by key. */
export interface KeptClaims {
  /** The digest of the inputs written out (claimInputs). */
  inputs: string;
  /** The words (1-3 word keys) the claim step asked the place set about, one per line. */
  asked: string;
  /** Per asked word, "1" when it was a place, else "0". */
  answers: string;
  claims: ClaimDraft[];
  /** Per claim, its speech groups' keys (groupKeys), when it has any. */
  speechKeys: (string[] | null)[];
}

/** A place set that writes down every word it is asked about and its answer (extractClaims only asks `has`). */
export class AskedPlaces extends Set<string> {
  readonly asked: string[] = [];
  readonly answers: string[] = [];
  constructor(private readonly places: ReadonlySet<string>) {
    super();
  }

  override has(key: string): boolean {
    const hit = this.places.has(key);
    this.asked.push(key);
    this.answers.push(hit ? '1' : '0');
    return hit;
  }
}

/** The inputs of one article's claims, besides its draft and the place answers, written out: their digest. */
export function claimInputs(mentions: readonly MentionDraft[], quotes: readonly QuoteDraft[] | undefined, descriptors: ReadonlyMap<string, readonly Descriptor[]> | undefined, nearby: readonly NearbyQuote[] | undefined, groupKeys: readonly string[]): string {
  return digest(JSON.stringify([
    mentions.map((m) => [m.entity, m.start, m.end, m.sentence, m.surface, m.tokenStart, m.tokenEnd, m.isPossessive]),
    (quotes ?? []).map((q) => [q.sentences, q.speaker]),
    descriptors ? [...descriptors].map(([e, ds]) => [e, ds.map((x) => [x.sentence, x.text])]) : [],
    (nearby ?? []).map((q) => [q.sentence, groupKeys[q.group], q.speaker]),
  ]));
}

/** Whether `places` answers every word `kept` asked about as it was answered then. */
export function sameAnswers(kept: KeptClaims, places: ReadonlySet<string>): boolean {
  if (!kept.asked) return true;
  const asked = kept.asked.split('\n');
  for (let k = 0; k < asked.length; k++) if (places.has(asked[k]) !== (kept.answers.charCodeAt(k) === 49)) return false;
  return true;
}

/** Claims to keep, made by extractClaims from `inputs` with `places`' questions. */
export function keepClaims(inputs: string, places: AskedPlaces, claims: ClaimDraft[], groupKeys: readonly string[]): KeptClaims {
  return {
    inputs,
    asked: places.asked.join('\n'),
    answers: places.answers.join(''),
    claims,
    speechKeys: claims.map((c) => (c.speechGroups.length ? c.speechGroups.map((g) => groupKeys[g]) : null)),
  };
}

/**
 * The kept claims for this analysis: the same drafts, a claim with speech groups copied with the
 * groups' numbers here (`groupOf`: key → number). Null when a group is gone (its key is in the
 * inputs, so that does not happen when they are the same).
 */
export function keptClaims(kept: KeptClaims, groupOf: ReadonlyMap<string, number>): ClaimDraft[] | null {
  const out: ClaimDraft[] = [];
  for (let k = 0; k < kept.claims.length; k++) {
    const keys = kept.speechKeys[k];
    if (!keys) {
      out.push(kept.claims[k]);
      continue;
    }
    const groups: number[] = [];
    for (const key of keys) {
      const g = groupOf.get(key);
      if (g === undefined) return null;
      groups.push(g);
    }
    out.push({ ...kept.claims[k], speechGroups: groups });
  }
  return out;
}

/** Each quote group's key: its first member's article and place among that article's quotes ("a#q2"), which an add leaves alone. */
export function quoteGroupKeys(quotes: readonly QuoteDraft[], groups: readonly { members: readonly number[] }[]): string[] {
  // Numbered as the index numbers quote ids (09-index.ts).
  const ordinal = new Int32Array(quotes.length);
  const counts = new Map<string, number>();
  quotes.forEach((q, i) => {
    const n = (counts.get(q.article) ?? 0) + 1;
    counts.set(q.article, n);
    ordinal[i] = n;
  });
  return groups.map((g) => {
    let first = g.members[0];
    for (const m of g.members) if (m < first) first = m;
    return `${quotes[first].article}#q${ordinal[first]}`;
  });
}
