/**
 * Scoring of the matcher's claim and quote links, shared by `npm run eval` (scripts/eval-claims.ts)
 * and the quality test (tests/unit/match/quality.test.ts): the dev set and its held-back split
 * (tests/fixtures/devset/), and leave-one-outlet-out on the seeds against the hand-made alignment
 * (tests/fixtures/alignment/seeds.json). Everything goes through scripts/lib/lookup.ts, the code
 * path of `npm run lookup`.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ArticleInput } from '../../src/core/analysis';
import { analyseCorpus } from '../../src/core/analysis';
import type { CorpusIndex, Coverage, Detection } from '../../src/core/index/types';
import { validateIndex } from '../../src/core/index/validate';
import type { ScanOptions } from '../../src/core/match';
import { lookup, recognise } from './lookup';

const ROOT = resolve(import.meta.dirname, '../..');
/** The dev split (tuning may read it). */
export const DEVSET_FILE = resolve(ROOT, 'tests/fixtures/devset/devset.json');
/** The held-back split (evaluation only: no fitting or tuning may read it). */
export const HELDBACK_FILE = resolve(ROOT, 'tests/fixtures/devset/heldback.json');
/** Sentences for the kinds of difference (tests/fixtures/devset/kinds.json): scored by the eval, read by no fit. */
export const KINDS_FILE = resolve(ROOT, 'tests/fixtures/devset/kinds.json');
/** Page texts whose person is named earlier (tests/fixtures/devset/page-context-dev.json): scored by the eval, read by no fit (yet). */
export const PAGE_CONTEXT_FILE = resolve(ROOT, 'tests/fixtures/devset/page-context-dev.json');
/** The hand-made alignment of the seed articles. */
export const ALIGNMENT_FILE = resolve(ROOT, 'tests/fixtures/alignment/seeds.json');

/** One dev-set sentence and what the lookup should find in it (see tests/fixtures/devset/README.md). */
export interface DevItem {
  id: string;
  kind: 'name' | 'claim' | 'quote' | 'none';
  text: string;
  people: string[];
  articles: string[];
  relations?: Record<string, string>;
  /** The kind of difference (DifferenceKind) some coverage of that article must name, per article where it is clear (reported, not gated). */
  kinds?: Record<string, string>;
  /** The hard kind of issue 13 the item exercises (absent on the original items). */
  hard?: string;
  note?: string;
}

/** Reads a dev-set file ({"items": [...]}), naming the file and item on a malformed one. */
export function readDevItems(file: string): DevItem[] {
  const json = JSON.parse(readFileSync(file, 'utf8')) as { items?: unknown };
  if (!Array.isArray(json.items)) throw new Error(`${file}: expected {"items": [...]}`);
  json.items.forEach((item: Partial<DevItem>, i: number) => {
    for (const field of ['id', 'kind', 'text'] as const) {
      if (typeof item?.[field] !== 'string') throw new Error(`${file}: item ${i} (${item?.id ?? 'no id'}): field "${field}" must be a string`);
    }
    for (const field of ['people', 'articles'] as const) {
      if (!Array.isArray(item[field])) throw new Error(`${file}: item ${i} (${item.id}): field "${field}" must be an array`);
    }
  });
  return json.items as DevItem[];
}

/** Counts of one scored unit kind. */
export interface Tally {
  tp: number;
  predicted: number;
  expected: number;
  errors: string[];
}

/** An empty tally. */
export function tally(): Tally {
  return { tp: 0, predicted: 0, expected: 0, errors: [] };
}

/** a / b, and 1 when there is nothing to count (no prediction: no wrong prediction). */
export const ratio = (a: number, b: number): number => (b === 0 ? 1 : a / b);

function scoreSets(t: Tally, id: string, predicted: Set<string>, expected: Set<string>): void {
  t.predicted += predicted.size;
  t.expected += expected.size;
  for (const p of predicted) {
    if (expected.has(p)) t.tp++;
    else t.errors.push(`${id}: unexpected ${p}`);
  }
  for (const e of expected) if (!predicted.has(e)) t.errors.push(`${id}: missed ${e}`);
}

const isStatement = (d: Detection) => d.kind === 'claim' || d.kind === 'quote';

/** The dev-set figures of one split. */
export interface DevScore {
  items: number;
  unrelated: number;
  people: Tally;
  claims: Tally;
  relationsRight: number;
  relationsTotal: number;
  relationErrors: string[];
  /** Expected kinds of difference (DevItem.kinds) that a coverage of the article names, of all labelled. */
  kindsRight: number;
  kindsTotal: number;
  kindErrors: string[];
  /** Claim-link counts per item group (`hard` kind, or the item's `kind` for the original items). */
  byGroup: Map<string, Tally>;
  /** Sentences that must link nothing (articles = []) but linked something. */
  falseAlarms: string[];
}

/**
 * Scores dev items through the lookup. Units, micro-averaged: people are (sentence, canonical name)
 * pairs from "person" detections; claims are (sentence, corpus article) links from "claim" and
 * "quote" detections. Relations: for each expected relation, whether the best-scoring claim/quote
 * coverage of that article has it (reported, not gated). `scan` options go to every recognise
 * (a sweep's `claimThreshold`).
 */
export function scoreDev(items: DevItem[], index: CorpusIndex, scan?: ScanOptions): DevScore {
  const s: DevScore = { items: items.length, unrelated: items.filter((i) => i.kind === 'none').length, people: tally(), claims: tally(), relationsRight: 0, relationsTotal: 0, relationErrors: [], kindsRight: 0, kindsTotal: 0, kindErrors: [], byGroup: new Map(), falseAlarms: [] };
  for (const item of items) {
    // Each sentence is scored alone, with no rest of a page to name a person in full: score what the
    // matcher recognises, before the page's marking policy holds lone names back.
    const detections = recognise(item.text, index, scan);
    for (const d of detections) {
      if (item.text.slice(d.start, d.end) !== d.text) throw new Error(`${item.id}: detection text does not slice back to the input`);
    }
    scoreSets(s.people, item.id, new Set(detections.filter((d) => d.kind === 'person').map((d) => d.entity!)), new Set(item.people));
    const statements = detections.filter(isStatement);
    const links = new Set(statements.flatMap((d) => d.coverage.map((c) => c.article)));
    scoreSets(s.claims, item.id, links, new Set(item.articles));
    const group = item.hard ?? item.kind;
    if (!s.byGroup.has(group)) s.byGroup.set(group, tally());
    scoreSets(s.byGroup.get(group)!, item.id, links, new Set(item.articles));
    if (item.articles.length === 0 && links.size > 0) s.falseAlarms.push(item.id);
    for (const [article, relation] of Object.entries(item.relations ?? {})) {
      s.relationsTotal++;
      const best = statements
        .flatMap((d) => d.coverage)
        .filter((c) => c.article === article)
        .sort((a, b) => b.score - a.score)[0];
      if (best?.relation === relation) s.relationsRight++;
      else s.relationErrors.push(`${item.id}: ${article} expected ${relation}, got ${best?.relation ?? 'nothing'}`);
    }
    for (const [article, kind] of Object.entries(item.kinds ?? {})) {
      s.kindsTotal++;
      const named = statements.flatMap((d) => d.coverage).filter((c) => c.article === article).flatMap((c) => (c.differences ?? (c.values ? [c.values] : [])).map((v) => v.kind));
      if (named.includes(kind as never)) s.kindsRight++;
      else s.kindErrors.push(`${item.id}: ${article} expected kind ${kind}, got ${named.join(', ') || 'none'}`);
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Leave-one-outlet-out on the seeds

/** One sentence of the alignment, quoted verbatim from its article. */
export interface AlignedMember {
  article: string;
  text: string;
  note?: string;
}

/** A difference between two articles' members of one fact. */
export interface AlignedDifference {
  articles: [string, string];
  kind: string;
  values?: (string | null)[];
  contains?: string;
  note?: string;
}

/** Sentences across the seeds that state the same thing, and how the articles differ on it. */
export interface AlignedFact {
  id: string;
  type: 'claim' | 'quote';
  gist: string;
  members: AlignedMember[];
  differences: AlignedDifference[];
}

/** Sentences that share people, places or words but not a statement (another event, another speaker). */
export interface DistinctSet {
  id: string;
  note: string;
  members: AlignedMember[];
}

/** The alignment file. */
export interface Alignment {
  facts: AlignedFact[];
  /** Near misses, for the record: a link between them is a false link, counted apart as "near-miss". */
  distinct?: DistinctSet[];
  kinds: Record<string, string>;
}

/**
 * The relations that name each kind of difference rightly. A cut quote is the project's
 * "same-quote" (the same wording, cut) and an added detail its "adds": neither is a difference a
 * reader must be warned of, so they are reported per kind but left out of the flagged share.
 */
export const ACCEPTED_RELATIONS: Record<string, readonly string[]> = {
  number: ['differs'],
  place: ['differs'],
  date: ['differs'],
  certainty: ['differs'],
  scope: ['differs'],
  'quote-varied': ['variant-quote', 'differs'],
  'quote-different': ['variant-quote', 'differs'],
  'quote-cut': ['same-quote'],
  'adds-context': ['adds'],
};
/**
 * The matcher's difference kinds (Coverage.kind / differences[].kind, see DifferenceKind in
 * src/core/index/types.ts) that name each alignment kind rightly, and the attribute they must be
 * about (none: any). A difference is "named" when a covering link carries one of them.
 */
export const ACCEPTED_KINDS: Record<string, { kinds: readonly string[]; attribute?: string }> = {
  number: { kinds: ['contradiction', 'more-precise', 'less-precise'], attribute: 'figure' },
  // Lists of places that share some and each name others are one statement about other places: scope of the place attribute (kinds.json labels them so).
  place: { kinds: ['contradiction', 'place-within', 'place-around', 'scope'], attribute: 'place' },
  date: { kinds: ['contradiction', 'more-precise', 'less-precise'], attribute: 'date' },
  certainty: { kinds: ['more-certain', 'less-certain'] },
  scope: { kinds: ['scope'] },
  'quote-varied': { kinds: ['quote-varied'] },
  'quote-different': { kinds: ['quote-other'] },
  'quote-cut': { kinds: ['quote-cut'] },
  'adds-context': { kinds: [] },
};

/** Whether a coverage names an alignment kind of difference by one of its own kinds. */
export function namesKind(c: Coverage, alignmentKind: string): boolean {
  const accepted = ACCEPTED_KINDS[alignmentKind];
  if (!accepted) return false;
  const all = c.differences ?? (c.values ? [c.values] : []);
  return all.some((v) => v.kind !== undefined && accepted.kinds.includes(v.kind) && (!accepted.attribute || v.attribute === accepted.attribute));
}

/** Kinds that are not a real difference (see ACCEPTED_RELATIONS). */
export const NOT_A_DIFFERENCE = new Set(['quote-cut', 'adds-context']);

/** Reads the alignment and checks every member is found verbatim, exactly once, in its article. */
export function readAlignment(file: string, texts: Map<string, string>): Alignment {
  return checkAlignment(JSON.parse(readFileSync(file, 'utf8')) as Alignment, texts, file);
}

/** Checks an alignment against the article texts; throws naming the file, fact and article. */
export function checkAlignment(alignment: Alignment, texts: Map<string, string>, file: string): Alignment {
  if (!Array.isArray(alignment?.facts)) throw new Error(`${file}: expected {"facts": [...]}`);
  const locate = (id: string, m: AlignedMember) => {
    const text = texts.get(m.article);
    if (text === undefined) throw new Error(`${file}: ${id}: unknown article ${m.article}`);
    const first = text.indexOf(m.text);
    if (first < 0) throw new Error(`${file}: ${id}: sentence not found verbatim in ${m.article}: ${m.text.slice(0, 60)}`);
    if (text.indexOf(m.text, first + 1) >= 0) throw new Error(`${file}: ${id}: sentence found more than once in ${m.article}: ${m.text.slice(0, 60)}`);
  };
  for (const set of alignment.distinct ?? []) for (const m of set.members) locate(`distinct ${set.id}`, m);
  for (const fact of alignment.facts) {
    const articles = new Set(fact.members.map((m) => m.article));
    for (const m of fact.members) locate(`fact ${fact.id}`, m);
    for (const d of fact.differences) {
      for (const a of d.articles) if (!articles.has(a)) throw new Error(`${file}: fact ${fact.id}: difference names ${a}, which has no member`);
      if (!(d.kind in alignment.kinds) || !(d.kind in ACCEPTED_RELATIONS)) throw new Error(`${file}: fact ${fact.id}: unknown difference kind ${d.kind}`);
    }
  }
  return alignment;
}

/** Figures of one held-out article (or of all of them summed). "Flagged" means named by an accepted relation. */
export interface LooScore {
  /** Claim/quote links (detection, corpus article) predicted, and how many the alignment supports. */
  predicted: number;
  correct: number;
  /** False links between two sentences of one `distinct` set (same people or place, another statement). */
  nearMiss: number;
  /** (fact, held-out article, other article) units the alignment expects, and how many were linked. */
  expected: number;
  found: number;
  /** Real differences (pairs of a fact's members with a kind other than adds-context) and how many were flagged. */
  differences: number;
  flagged: number;
  /** Real differences whose kind a covering link names (ACCEPTED_KINDS), whatever its relation. */
  named: number;
  /** Per difference kind: units, linked at all, flagged, named by the link's kind. */
  byKind: Map<string, { units: number; linked: number; flagged: number; named: number }>;
  errors: string[];
}

/** An empty leave-one-out score. */
export function looScore(): LooScore {
  return { predicted: 0, correct: 0, nearMiss: 0, expected: 0, found: 0, differences: 0, flagged: 0, named: 0, byKind: new Map(), errors: [] };
}

/** Adds b's counts into a. */
export function addLoo(a: LooScore, b: LooScore): void {
  a.predicted += b.predicted;
  a.correct += b.correct;
  a.nearMiss += b.nearMiss;
  a.expected += b.expected;
  a.found += b.found;
  a.differences += b.differences;
  a.flagged += b.flagged;
  a.named += b.named;
  for (const [k, v] of b.byKind) {
    const t = a.byKind.get(k) ?? { units: 0, linked: 0, flagged: 0, named: 0 };
    t.units += v.units;
    t.linked += v.linked;
    t.flagged += v.flagged;
    t.named += v.named;
    a.byKind.set(k, t);
  }
  a.errors.push(...b.errors);
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number) => aStart < bEnd && bStart < aEnd;

/** Indexes the articles as `npm run corpus` does (analysis, then through JSON and validation). */
export function indexArticles(articles: ArticleInput[]): CorpusIndex {
  // Without the gazetteer: the scores read the matcher's relations (lookup.ts gives it the gazetteer's
  // place pairs), never the claim groups' differences, and relating a corpus's places by it costs
  // a pass over every gazetteer place per index (five indexes per leave-one-outlet-out run).
  return validateIndex(JSON.parse(JSON.stringify(analyseCorpus(articles))));
}

/**
 * Scores the lookup of one held-out article's text against an index of the other articles
 * (`claimThreshold`: another link probability than the fitted one, for a sweep).
 * - A predicted link is a (claim/quote detection, coverage article) pair; it is correct when some
 *   fact has a member in the held-out text overlapping the detection and a member in that article.
 * - An expected unit is (fact, other article) for each fact with members in both; it is found when
 *   a detection overlapping any of the held-out members covers that article.
 * - A real difference (a listed difference between the held-out article and another, of a kind
 *   other than adds-context) is flagged when a covering link has relation "differs" (or, for quote
 *   wording, "variant-quote").
 */
export function scoreHeldOut(heldOut: string, text: string, index: CorpusIndex, alignment: Alignment, claimThreshold?: number): LooScore {
  return scoreDetections(heldOut, text, lookup(text, index, undefined, undefined, claimThreshold).detections, alignment);
}

/** Scores given detections of a held-out article's text (see scoreHeldOut). */
export function scoreDetections(heldOut: string, text: string, detections: Detection[], alignment: Alignment): LooScore {
  const s = looScore();
  const short = (a: string) => a.slice(0, 3);
  const statements = detections.filter(isStatement);
  const spansOf = (members: AlignedMember[]) =>
    members
      .filter((m) => m.article === heldOut)
      .map((m) => {
        const start = text.indexOf(m.text);
        return { start, end: start + m.text.length };
      });
  const facts = alignment.facts.map((fact) => ({ fact, spans: spansOf(fact.members) })).filter((f) => f.spans.length > 0);
  const distinct = (alignment.distinct ?? []).map((set) => ({ set, spans: spansOf(set.members) })).filter((f) => f.spans.length > 0);
  const hits = (d: Detection, spans: { start: number; end: number }[]) => spans.some((sp) => overlaps(d.start, d.end, sp.start, sp.end));

  for (const d of statements) {
    const supported = new Set(facts.filter((f) => hits(d, f.spans)).flatMap((f) => f.fact.members.map((m) => m.article)));
    const nearMisses = new Set(distinct.filter((f) => hits(d, f.spans)).flatMap((f) => f.set.members.map((m) => m.article)));
    for (const article of new Set(d.coverage.map((c) => c.article))) {
      s.predicted++;
      if (supported.has(article) && article !== heldOut) {
        s.correct++;
        continue;
      }
      if (nearMisses.has(article)) s.nearMiss++;
      s.errors.push(`${short(heldOut)}: false link${nearMisses.has(article) ? ' (near miss)' : ''} to ${short(article)}: "${d.text.slice(0, 90)}" -> "${d.coverage.find((c) => c.article === article)!.excerpt.slice(0, 90)}"`);
    }
  }

  for (const { fact, spans } of facts) {
    const covering = statements.filter((d) => hits(d, spans));
    const others = [...new Set(fact.members.map((m) => m.article))].filter((a) => a !== heldOut);
    for (const other of others) {
      s.expected++;
      const links = covering.flatMap((d) => d.coverage).filter((c) => c.article === other);
      if (links.length) s.found++;
      else s.errors.push(`${short(heldOut)}: missed ${fact.id} in ${short(other)}`);
      for (const diff of fact.differences.filter((x) => x.articles.includes(heldOut) && x.articles.includes(other))) {
        const k = s.byKind.get(diff.kind) ?? { units: 0, linked: 0, flagged: 0, named: 0 };
        k.units++;
        if (links.length) k.linked++;
        const flagged = links.some((c) => ACCEPTED_RELATIONS[diff.kind].includes(c.relation));
        const named = links.some((c) => namesKind(c, diff.kind));
        if (flagged) k.flagged++;
        if (named) k.named++;
        s.byKind.set(diff.kind, k);
        if (NOT_A_DIFFERENCE.has(diff.kind)) continue;
        s.differences++;
        if (flagged) s.flagged++;
        if (named) s.named++;
        const got = `linked as ${[...new Set(links.map((c) => c.relation + (c.kind ? ` (${(c.differences ?? [c.values!]).map((v) => v.kind).join(', ')})` : '')))].join('/')}`;
        if (!flagged || !named) s.errors.push(`${short(heldOut)}: ${diff.kind} difference with ${short(other)} on ${fact.id} ${links.length ? `${got}${flagged ? ', kind not named' : ''}` : 'not linked'}`);
      }
    }
  }
  return s;
}

/** Leave-one-outlet-out over a corpus: for each article, index the others and look up its text. */
export function leaveOneOutletOut(articles: ArticleInput[], alignment: Alignment): Map<string, LooScore> {
  const out = new Map<string, LooScore>();
  for (const held of articles) {
    const index = indexArticles(articles.filter((a) => a.id !== held.id));
    out.set(held.id, scoreHeldOut(held.id, held.text, index, alignment));
  }
  return out;
}
