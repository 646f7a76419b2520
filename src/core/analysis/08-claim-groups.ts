/**
 * Step 8: group claims from different articles that are about the same thing, then mark each
 * member as agreeing with, differing from (values side by side) or adding to the reference.
 *
 * Candidate pairs come from an inverted index on keywords, counted units and actors (blocking),
 * so the work grows with the number of shared keys, not with the square of the corpus. Pairs are
 * linked best-first and a group never takes two claims from the same article, so groups stay
 * about one thing rather than chaining into blobs.
 */
import type { Difference, DifferenceKind, Figure } from '../index/types';
import { compareDates, dayOf, findDateSpans, type DateSpan } from '../lang/date-spans';
import { Tokens, tokenize } from '../match/tokens';
import { FigureClass, QUALIFIERS, parseFigures, type ParsedFigure } from '../lang/figures';
import { measureRelation, valueRelation } from '../lang/figure-compare';
import { figureUnits } from '../match/claims';
import { shareGroupSpan } from '../match/relate';
import { gazetteerContainment, type Gazetteer } from '../lang/gazetteer';
import { closeWithin, greaterPairs, placePairsInText, relatePlaces, type PlaceBasis, type PlaceHit, type PlaceWithin } from '../lang/places';
import type { ClaimDraft } from './07-claims';
import { unitKey } from './07-claims';
import { DisjointSets, Edges, forEachCandidatePair } from './blocking';

/** A group of claim indices with the comparison results. */
export interface ClaimGroupDraft {
  members: number[];
  reference: number;
  relations: ('agrees' | 'differs' | 'adds')[];
  values: string[][];
  differences: Difference[];
  topic: string;
}

/**
 * Keys (keyword, counted unit, speech event) shared by more claims than this are too common to
 * block on; they still count in scores. The cap bounds the work per claim (at most MAX_BLOCK − 1
 * candidates per key, however large the corpus); two claims about one thing share a rarer keyword.
 */
export const MAX_BLOCK = 60;
/** Keyword overlap (Dice) at which two claims are about the same thing on wording alone. */
export const MIN_DICE = 0.4;

/**
 * Keywords two claims must share to be linked on wording alone. Dice over short keyword lists is
 * unstable: two claims of two or three keywords reach 0.4 with one word in common ("general" in
 * "the last two general elections" and in "the general secretary of …"), which on the seeds put
 * unrelated short claims (facts in direct speech, headlines) in one group.
 */
export const MIN_SHARED_KEYWORDS = 2;

/**
 * Items two sorted lists share, by one merge pass (claims' keywords are sorted, as strings or as the
 * keyword numbers ClaimFeatures gives them in the same order; no allocation per pair): a[x, xe)
 * against b[y, ye), the whole lists when no range is given.
 */
function shared<T extends string | number>(a: ArrayLike<T>, b: ArrayLike<T>, x = 0, xe = a.length, y = 0, ye = b.length): number {
  let n = 0;
  while (x < xe && y < ye) {
    if (a[x] === b[y]) {
      n++;
      x++;
      y++;
    } else if (a[x] < b[y]) x++;
    else y++;
  }
  return n;
}

function dice(a: readonly string[], b: readonly string[]): number {
  if (!a.length || !b.length) return 0;
  return (2 * shared(a, b)) / (a.length + b.length);
}

/** The unit keys of a claim's figures, computed once per claim rather than once per pair. */
const unitKeysCache = new WeakMap<ClaimDraft, string[]>();
function unitKeys(c: ClaimDraft): string[] {
  let keys = unitKeysCache.get(c);
  if (!keys) unitKeysCache.set(c, (keys = c.figures.map((f) => unitKey(f.unit)).filter((u): u is string => u !== null)));
  return keys;
}

function sharedUnit(a: ClaimDraft, b: ClaimDraft): boolean {
  const ub = unitKeys(b);
  return ub.length > 0 && unitKeys(a).some((u) => ub.includes(u));
}

/** Whether two short lists share a value (plain loops: called for every candidate pair). */
function intersectsNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (!a.length || !b.length) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** Whether two short lists share a value (plain loops: called for every candidate pair). */
function intersects(a: readonly string[], b: readonly string[]): boolean {
  if (!a.length || !b.length) return false;
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** How strongly two claims are about the same thing (0 = not at all). Keywords must be sorted, as extractClaims gives them. */
export function pairScore(a: ClaimDraft, b: ClaimDraft): number {
  const gathering = a.actor !== null && a.actor === b.actor && a.places.length > 0 && b.places.length > 0 && intersectsNumbers(a.speechGroups, b.speechGroups);
  return scoreOf(shared(a.keywords, b.keywords), a.keywords.length, b.keywords.length, intersects(a.entities, b.entities), sharedUnit(a, b), a.actor !== null && a.actor === b.actor, gathering);
}

/** pairScore from what it reads of a pair: keywords shared and each side's count, and whether they share an entity, a unit, the actor, a gathering. */
function scoreOf(common: number, lengthA: number, lengthB: number, sameEntity: boolean, unit: boolean, sameActor: boolean, gathering: boolean): number {
  const kw = lengthA && lengthB ? (2 * common) / (lengthA + lengthB) : 0;
  let ok = kw >= MIN_DICE && common >= MIN_SHARED_KEYWORDS;
  if (!ok && unit && kw >= 0.15 && (sameEntity || kw >= 0.25)) ok = true;
  if (!ok && gathering) ok = true;
  if (!ok) return 0;
  return kw + (unit ? 0.3 : 0) + (gathering ? 0.3 : 0) + (sameEntity ? 0.1 : 0) + (sameActor ? 0.1 : 0);
}

/**
 * What pairScore and the blocking read of every claim, made once per claim rather than once per
 * pair, as numbers in flat lists (one list per field for the whole corpus, claim i's part from
 * start[i] to start[i + 1]): a pair is scored from a few typed arrays read side by side rather
 * than from two claim objects and their lists scattered over the heap. Keyword numbers follow the
 * keywords' sorted order, so a merge over a claim's numbers steps exactly as one over its (sorted)
 * strings; entities, units, actors and articles are numbered one per distinct string, so two
 * claims share a number exactly when they share the string.
 */
class ClaimFeatures {
  /** Claim i's blocking keys: keyword numbers, then its units', then its speech groups' (blockingKeys as numbers, one per distinct string). */
  readonly keys: number[][];
  readonly keywords: FlatLists;
  readonly units: FlatLists;
  readonly entities: FlatLists;
  readonly speech: FlatLists;
  /** Claim i's article's number. */
  readonly article: Int32Array;
  /** Claim i's actor's number, -1 for none. */
  readonly actor: Int32Array;
  /** 1 when claim i names a place. */
  readonly placed: Uint8Array;

  constructor(claims: readonly ClaimDraft[]) {
    const words = new Set<string>();
    for (const c of claims) for (const k of c.keywords) words.add(k);
    const wordIds = new Map<string, number>();
    for (const w of [...words].sort()) wordIds.set(w, wordIds.size);
    const unitIds = new Map<string, number>();
    const number = (ids: Map<string, number>, s: string) => {
      let id = ids.get(s);
      if (id === undefined) ids.set(s, (id = ids.size));
      return id;
    };
    const entityIds = new Map<string, number>();
    const articleIds = new Map<string, number>();
    const actorIds = new Map<string, number>();
    this.keywords = FlatLists.of(claims, (c) => c.keywords.map((k) => wordIds.get(k)!));
    this.units = FlatLists.of(claims, (c) => unitKeys(c).map((u) => number(unitIds, u)));
    this.entities = FlatLists.of(claims, (c) => c.entities.map((e) => number(entityIds, e)));
    this.speech = FlatLists.of(claims, (c) => c.speechGroups);
    this.article = Int32Array.from(claims, (c) => number(articleIds, c.article));
    this.actor = Int32Array.from(claims, (c) => (c.actor === null ? -1 : number(actorIds, c.actor)));
    this.placed = Uint8Array.from(claims, (c) => (c.places.length ? 1 : 0));
    // Blocking keys: unit numbers of their own (figures with a unit, as String(unitKey)), above every keyword's.
    const blockUnitIds = new Map<string, number>();
    this.keys = claims.map((c, i) => {
      if (c.part) return [];
      const keys = Array.from(this.keywords.of(i));
      for (const f of c.figures) {
        if (!f.unit) continue;
        keys.push(wordIds.size + number(blockUnitIds, String(unitKey(f.unit))));
      }
      // Speech groups are quote group numbers (small integers): above every word and unit number.
      if (c.places.length) for (const g of c.speechGroups) keys.push(SPEECH_KEYS + g);
      return keys;
    });
    if (wordIds.size + blockUnitIds.size > SPEECH_KEYS) throw new Error(`groupClaims: ${wordIds.size + blockUnitIds.size} keywords and units, more than the ${SPEECH_KEYS} blocking numbers set apart for them`);
  }

  /** pairScore of claims i and j (of different articles), on the numbers. */
  score(i: number, j: number): number {
    const sameActor = this.actor[i] >= 0 && this.actor[i] === this.actor[j];
    const gathering = sameActor && this.placed[i] === 1 && this.placed[j] === 1 && this.speech.intersect(i, j);
    const unit = this.units.intersect(i, j);
    return scoreOf(this.keywords.sharedSorted(i, j), this.keywords.size(i), this.keywords.size(j), this.entities.intersect(i, j), unit, sameActor, gathering);
  }
}

/** One list of numbers per item, all in one flat array. */
class FlatLists {
  private constructor(
    private readonly values: Int32Array,
    private readonly start: Int32Array,
  ) {}

  /** The lists `of` gives for each item. */
  static of<T>(items: readonly T[], of: (item: T) => readonly number[]): FlatLists {
    const lists = items.map(of);
    const start = new Int32Array(items.length + 1);
    for (let i = 0; i < lists.length; i++) start[i + 1] = start[i] + lists[i].length;
    const values = new Int32Array(start[items.length]);
    for (let i = 0; i < lists.length; i++) values.set(lists[i], start[i]);
    return new FlatLists(values, start);
  }

  /** Item i's list (a view). */
  of(i: number): Int32Array {
    return this.values.subarray(this.start[i], this.start[i + 1]);
  }

  /** Item i's list's length. */
  size(i: number): number {
    return this.start[i + 1] - this.start[i];
  }

  /** Whether items i and j share a number (short lists: plain loops). */
  intersect(i: number, j: number): boolean {
    const v = this.values;
    const [a0, a1, b0, b1] = [this.start[i], this.start[i + 1], this.start[j], this.start[j + 1]];
    for (let x = a0; x < a1; x++) for (let y = b0; y < b1; y++) if (v[x] === v[y]) return true;
    return false;
  }

  /** How many numbers two ascending lists share, by one merge pass (as `shared`). */
  sharedSorted(i: number, j: number): number {
    return shared(this.values, this.values, this.start[i], this.start[i + 1], this.start[j], this.start[j + 1]);
  }
}

/** Where the speech groups' blocking numbers start: past any corpus's keywords and units (a Float64 key holds it exactly). */
const SPEECH_KEYS = 2 ** 40;

/**
 * What a grouping leaves for the next analysis (AnalysisState.claimGroups): the articles in claim
 * order with their claim counts, and per claim (numbered in that order) the number of its group's
 * first member and of its pair-graph component's first member (claims joined by a pair that scores,
 * whether or not the pair linked them).
 */
export interface KeptClaimGroups {
  articles: string[];
  counts: Int32Array;
  group: Int32Array;
  component: Int32Array;
}

/** What groupClaims may take from the analysis before (claim-reuse.ts), and where it leaves its own. */
export interface ClaimGroupReuse {
  /** The last grouping's (absent: group every claim). */
  previous?: KeptClaimGroups;
  /** Whether article `id`'s claims are the very ones the last analysis made (taken from its state). */
  taken(id: string): boolean;
  /** The last analysis's claims of article `id` and their speech groups' keys, when it kept them. */
  before(id: string): { claims: readonly ClaimDraft[]; speechKeys: readonly (readonly string[] | null)[] } | undefined;
  /** The key of this analysis's speech group `g` (claim-reuse.ts quoteGroupKeys: the same group, the same key). */
  speechKey(g: number): string;
  /** Receives what this grouping leaves for the next. */
  keep?(kept: KeptClaimGroups): void;
}

/**
 * Groups claims; every claim ends up in exactly one group. Returns each group's members (claim
 * indices, ascending; groups in order of first member): the comparison (compareGroup) is made when
 * the group is written, so a large corpus never holds every group's relations and values at once.
 *
 * Given the last grouping (`reuse`), only the pair-graph components an add can change are grouped
 * again (regroupChanged); the groups are the same as grouping every claim.
 */
export function groupClaims(claims: ClaimDraft[], reuse?: ClaimGroupReuse): number[][] {
  if (reuse?.previous) {
    const again = regroupChanged(claims, reuse, reuse.previous);
    if (again) return again;
  }
  const edges = new Edges();
  const features = new ClaimFeatures(claims);
  const article = features.article;
  forEachCandidatePair(claims.length, (i) => features.keys[i], MAX_BLOCK, (i, j) => {
    if (article[i] === article[j]) return;
    const score = features.score(i, j);
    if (score > 0) edges.add(i, j, score);
  });
  const groups = linkBestFirst(claims, edges, claims.length, (i) => i);
  if (reuse?.keep) reuse.keep(keptGroups(claims, groups, components(claims.length, edges)));
  return groups;
}

/**
 * Links the pairs of `edges` best first, a group never taking two claims of one article: the groups
 * of items 0..count-1 (item k is claim claimOf(k), ascending in k), members ascending, groups in
 * order of first member.
 */
function linkBestFirst(claims: readonly ClaimDraft[], edges: Edges, count: number, claimOf: (k: number) => number): number[][] {
  const sets = new DisjointSets(count);
  // The articles of each group, by its representative; made when a claim first joins another (a
  // set per claim up front was 330,000 sets at 20,000 articles, most of them never merged).
  const articles = new Map<number, Set<string>>();
  const articlesOf = (root: number): Set<string> => {
    let set = articles.get(root);
    if (!set) articles.set(root, (set = new Set([claims[claimOf(root)].article])));
    return set;
  };
  edges.forEachBestFirst((i, j) => {
    const a = sets.find(i);
    const b = sets.find(j);
    if (a === b) return;
    const [setA, setB] = [articlesOf(a), articlesOf(b)];
    const [small, large, smallSet, largeSet] = setA.size <= setB.size ? [a, b, setA, setB] : [b, a, setB, setA];
    for (const x of smallSet) if (largeSet.has(x)) return;
    sets.attach(small, large);
    for (const x of smallSet) largeSet.add(x);
    articles.delete(small);
  });
  const groups = sets.groups().map((g) => g.map(claimOf));
  groups.sort((a, b) => a[0] - b[0]);
  return groups;
}

/** Per item, the first item of its component of `edges` (items 0..count-1). */
function components(count: number, edges: Edges): Int32Array {
  const sets = new DisjointSets(count);
  edges.forEach((i, j) => {
    const a = sets.find(i);
    const b = sets.find(j);
    if (a !== b) sets.attach(Math.max(a, b), Math.min(a, b));
  });
  return Int32Array.from({ length: count }, (_, i) => sets.find(i));
}

/** What a grouping of `claims` into `groups` with pair-graph components `component` (first member per claim) leaves for the next. */
function keptGroups(claims: readonly ClaimDraft[], groups: readonly number[][], component: Int32Array): KeptClaimGroups {
  const articles: string[] = [];
  const counts: number[] = [];
  for (const c of claims) {
    if (articles[articles.length - 1] === c.article) counts[counts.length - 1]++;
    else {
      articles.push(c.article);
      counts.push(1);
    }
  }
  const group = new Int32Array(claims.length);
  for (const g of groups) for (const m of g) group[m] = g[0];
  return { articles, counts: Int32Array.from(counts), group, component };
}

/**
 * A claim's blocking keys as strings that mean the same in two analyses (ClaimFeatures.keys numbers
 * them within one): keywords, units and speech groups (by key), each once.
 */
function blockingKeys(c: ClaimDraft, speechKeys: readonly string[] | null): string[] {
  if (c.part) return NO_KEYS;
  // Short lists: a look back rather than a set per claim (every claim's keys are made twice an add).
  const keys: string[] = [];
  const push = (k: string) => {
    if (!keys.includes(k)) keys.push(k);
  };
  for (const k of c.keywords) push(k);
  for (const f of c.figures) if (f.unit) push(`\u0001${String(unitKey(f.unit))}`);
  if (c.places.length && speechKeys) for (const k of speechKeys) push(`\u0002${k}`);
  return keys;
}

/** The keys of a claim without any. */
const NO_KEYS: string[] = [];

/**
 * The groups of groupClaims given the last grouping, grouping again only the components of the pair
 * graph an add can change; null when the last grouping does not fit these claims (then every claim
 * is grouped). Claims of articles taken from the state are the last analysis's; the rest are new
 * (an added article's, or one extracted again), and the last analysis's claims of an article
 * extracted again are gone. A pair of two kept claims scores as before (the same drafts; speech
 * groups compared by key), and is a candidate as before unless a key they share has crossed
 * MAX_BLOCK, which only a new or gone claim holding it can do. So the pair graph differs from the
 * last one only at new claims, at the components that held a gone claim and at the members of a
 * block that crossed the cap: those (seeds) and every component a new claim pairs with are grouped
 * again as groupClaims would (links best first among their own pairs: no pair leaves them); every
 * other component is one of the last graph's, with its groups.
 */
function regroupChanged(claims: ClaimDraft[], reuse: ClaimGroupReuse, previous: KeptClaimGroups): number[][] | null {
  const n = claims.length;
  // Where each article's claims started in the last analysis.
  const oldStart = new Map<string, number>();
  const oldCount = new Map<string, number>();
  let at = 0;
  previous.articles.forEach((id, k) => {
    oldStart.set(id, at);
    oldCount.set(id, previous.counts[k]);
    at += previous.counts[k];
  });
  if (at !== previous.group.length || at !== previous.component.length) return null;
  // Each claim's number in the last analysis (-1: new), by article runs.
  const oldOf = new Int32Array(n).fill(-1);
  const takenArticles = new Set<string>();
  for (let i = 0; i < n; ) {
    const id = claims[i].article;
    let end = i;
    while (end < n && claims[end].article === id) end++;
    if (reuse.taken(id)) {
      const start = oldStart.get(id);
      if (start === undefined || oldCount.get(id) !== end - i) return null;
      for (let m = i; m < end; m++) oldOf[m] = start + m - i;
      takenArticles.add(id);
    }
    i = end;
  }
  // Gone claims: those of every article of the last analysis not taken, with their drafts.
  const goneKeys: string[][] = [];
  const goneComponents = new Set<number>();
  for (const id of previous.articles) {
    if (takenArticles.has(id)) continue;
    const before = reuse.before(id);
    const start = oldStart.get(id)!;
    if (!before || before.claims.length !== oldCount.get(id)) return null;
    before.claims.forEach((c, k) => {
      goneKeys.push(blockingKeys(c, before.speechKeys[k] ?? null));
      goneComponents.add(previous.component[start + k]);
    });
  }
  const keysOf = (i: number): string[] => blockingKeys(claims[i], claims[i].speechGroups.length ? claims[i].speechGroups.map((g) => reuse.speechKey(g)) : null);
  const fresh: number[] = [];
  for (let i = 0; i < n; i++) if (oldOf[i] < 0) fresh.push(i);
  // Every block's size now; the members of every block a new or gone claim holds, and its size before.
  const watched = new Map<string, { members: number[]; fresh: number; gone: number }>();
  for (const i of fresh) for (const k of keysOf(i)) watched.set(k, { members: [], fresh: 0, gone: 0 });
  for (const keys of goneKeys) for (const k of keys) if (!watched.has(k)) watched.set(k, { members: [], fresh: 0, gone: 0 });
  const blockSize = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    for (const k of keysOf(i)) {
      blockSize.set(k, (blockSize.get(k) ?? 0) + 1);
      const block = watched.get(k);
      if (!block) continue;
      block.members.push(i);
      if (oldOf[i] < 0) block.fresh++;
    }
  }
  for (const keys of goneKeys) for (const k of keys) watched.get(k)!.gone++;
  // The last graph's components by their first claim's old number: their members now.
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
      if (!inRegion[m]) {
        inRegion[m] = 1;
        region.push(m);
      }
    }
  };
  for (const i of fresh) addComponentOf(i);
  for (const c of goneComponents) for (const m of componentMembers.get(c) ?? []) addComponentOf(m);
  for (const block of watched.values()) {
    const before = block.members.length - block.fresh + block.gone;
    if (before <= MAX_BLOCK !== block.members.length <= MAX_BLOCK) for (const m of block.members) addComponentOf(m);
  }
  // The components new claims pair with.
  for (const i of fresh) {
    for (const k of keysOf(i)) {
      const block = watched.get(k)!;
      if (block.members.length > MAX_BLOCK) continue;
      for (const j of block.members) if (j !== i && !inRegion[j] && claims[j].article !== claims[i].article && pairScore(claims[i], claims[j]) > 0) addComponentOf(j);
    }
  }
  region.sort((a, b) => a - b);
  // The region's pairs, as forEachCandidatePair finds them among every claim (blocks of at most MAX_BLOCK claims in all).
  const local = new Int32Array(n).fill(-1);
  region.forEach((i, k) => (local[i] = k));
  const regionKeys: string[][] = region.map(keysOf);
  const wanted = new Set<string>();
  for (const keys of regionKeys) for (const k of keys) if (blockSize.get(k)! <= MAX_BLOCK) wanted.add(k);
  // Their blocks' members, ascending (the region's only: no pair that scores leaves it).
  const regionMembers = new Map<string, number[]>();
  regionKeys.forEach((keys, x) => {
    for (const k of keys) {
      if (!wanted.has(k)) continue;
      const list = regionMembers.get(k);
      if (list) list.push(region[x]);
      else regionMembers.set(k, [region[x]]);
    }
  });
  const edges = new Edges();
  const stamp = new Int32Array(region.length).fill(-1);
  for (let x = 0; x < region.length; x++) {
    const i = region[x];
    for (const k of regionKeys[x]) {
      if (!wanted.has(k)) continue;
      for (const j of regionMembers.get(k)!) {
        const y = local[j];
        if (y <= x || stamp[y] === x) continue;
        stamp[y] = x;
        if (claims[i].article === claims[j].article) continue;
        const score = pairScore(claims[i], claims[j]);
        if (score > 0) edges.add(x, y, score);
      }
    }
  }
  const regrouped = linkBestFirst(claims, edges, region.length, (k) => region[k]);
  // Every other claim's group is the last one's, its members renumbered.
  const groups = regrouped;
  const byOldGroup = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (inRegion[i]) continue;
    const g = previous.group[oldOf[i]];
    const list = byOldGroup.get(g);
    if (list) list.push(i);
    else {
      const members = [i];
      byOldGroup.set(g, members);
      groups.push(members);
    }
  }
  groups.sort((a, b) => a[0] - b[0]);
  if (reuse.keep) {
    const component = new Int32Array(n);
    const regionComponent = components(region.length, edges);
    for (let k = 0; k < region.length; k++) component[region[k]] = region[regionComponent[k]];
    const firstOf = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      if (inRegion[i]) continue;
      const c = previous.component[oldOf[i]];
      let first = firstOf.get(c);
      if (first === undefined) firstOf.set(c, (first = i));
      component[i] = first;
    }
    reuse.keep(keptGroups(claims, groups, component));
  }
  return groups;
}

type Attribute = 'figure' | 'place' | 'date';

/** A difference of precision between two claims: both can be true, one says more (a place inside the other). */
interface Precision {
  attribute: Attribute;
  /** How b's value relates to a's (see DifferenceKind). */
  kind: DifferenceKind;
  basis?: PlaceBasis;
}

interface Comparison {
  compared: boolean;
  conflict: Attribute[];
  precision: Precision[];
}

/**
 * What the claim groups know of the corpus's places: each distinct place string's index, and which
 * lie in which, by what the claims' sentences say (the rule the matcher's compile reads every
 * article with: core/lang/places) and by a gazetteer when one is given. Built once per corpus.
 */
export interface ClaimPlaces {
  index: ReadonlyMap<string, number>;
  within: PlaceWithin;
  /** Per article id, its date as a day number (core/lang/date-spans), to resolve "on Monday" as the matcher does; absent: unknown. */
  articleDays?: ReadonlyMap<string, number | null>;
}

/**
 * The place knowledge of `claims`: every place a claim names, related by the claims' own sentences
 * ("X, Greater Y", "X in Y", "Y's X", a place named "Greater Y") and, given one, by a gazetteer
 * (gazetteerContainment over the same place strings the matcher's compile relates).
 */
export function claimPlaces(claims: readonly ClaimDraft[], gazetteer?: Gazetteer | null, articleDates?: ReadonlyMap<string, string | null | undefined>): ClaimPlaces {
  const index = new Map<string, number>();
  for (const c of claims) for (const p of c.places) if (!index.has(p)) index.set(p, index.size);
  const names = [...index.keys()];
  const pairs: number[] = [];
  const add = (inner: number, outer: number) => {
    if (inner !== outer) pairs.push(inner, outer);
  };
  greaterPairs(names, add);
  for (const c of claims) {
    if (c.places.length < 2) continue;
    const hits: PlaceHit[] = [];
    for (const p of c.places) {
      for (let at = c.text.indexOf(p); at >= 0; at = c.text.indexOf(p, at + p.length)) hits.push({ start: at, end: at + p.length, target: index.get(p)! });
    }
    hits.sort((x, y) => x.start - y.start || y.end - x.end);
    // A shorter place inside a longer one's hit ("Y" of "Greater Y") is that one's, not a place of its own.
    const outer = hits.filter((h, k) => !hits.some((o, j) => j !== k && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
    placePairsInText(c.text, outer, add);
  }
  const within: PlaceWithin = { text: closeWithin(names.length, pairs) };
  if (gazetteer && names.length > 1) within.gazetteer = closeWithin(names.length, gazetteerContainment(names, gazetteer));
  const articleDays = articleDates ? new Map([...articleDates].map(([id, iso]) => [id, dayOf(iso)])) : undefined;
  return articleDays ? { index, within, articleDays } : { index, within };
}

/** A claim's date that is a year alone ("2016"). */
const isYear = (d: string) => /^\d{4}$/.test(d);

/** One tokenizer for reading claims' dates and figures (the matcher's, so both sides read them alike). */
const readTokens = new Tokens();
/** A claim's dates as the matcher's compile reads them (findDateSpans over its text, its article's date resolving relative ones), once per claim and article date. */
const dateCache = new WeakMap<ClaimDraft, { day: number | null; spans: DateSpan[] }>();
function claimDates(c: ClaimDraft, day: number | null): DateSpan[] {
  if (!c.dates.length) return [];
  const cached = dateCache.get(c);
  if (cached && cached.day === day) return cached.spans;
  tokenize(c.text, readTokens);
  const spans = findDateSpans(readTokens, 0, readTokens.count, day);
  dateCache.set(c, { day, spans });
  return spans;
}

/** A claim's figure as the matcher reads one: its value and what it measures (lang/figure-compare), and its text with and without its group. */
interface MeasuredFigure {
  value: number;
  qualifier: number;
  cls: number;
  high?: number;
  units: string[];
  group: string[];
  text: string;
  groupText: string;
}

/** A claim's figures read as the matcher's compile reads them (parseFigures, unit words, share groups), once per claim; years are dates here. */
const figureCache = new WeakMap<ClaimDraft, MeasuredFigure[]>();
function claimFigures(c: ClaimDraft): MeasuredFigure[] {
  if (!c.figures.length) return [];
  let out = figureCache.get(c);
  if (out) return out;
  tokenize(c.text, readTokens);
  const parsed: ParsedFigure[] = [];
  parseFigures(readTokens, 0, readTokens.count, parsed);
  out = parsed
    .filter((f) => f.cls !== FigureClass.year)
    .map((f) => {
      const span = shareGroupSpan(readTokens, f, readTokens.count);
      const text = c.text.slice(f.start, f.end);
      return { value: f.value, qualifier: f.qualifier, cls: f.cls, high: f.high, units: figureUnits(readTokens, f.next, readTokens.count), group: span.keys, text, groupText: span.keys.length ? c.text.slice(f.start, readTokens.end[span.end - 1]) : text };
    });
  figureCache.set(c, out);
  return out;
}

/**
 * How b's figures relate to a's, by the matcher's judges (measureRelation, valueRelation): the
 * closest reading of a pair of one measure wins (the same value, then a precision, then a
 * contradiction); failing one, the same measure of another group ("scope"); null when no two
 * figures are of one measure. The pair is returned for showing side by side.
 */
function judgeFigures(a: ClaimDraft, b: ClaimDraft): { kind: DifferenceKind | null; a: MeasuredFigure; b: MeasuredFigure } | null {
  const fb = claimFigures(b);
  let best: { kind: DifferenceKind | null; a: MeasuredFigure; b: MeasuredFigure } | null = null;
  let scope: { kind: DifferenceKind; a: MeasuredFigure; b: MeasuredFigure } | null = null;
  const rank = (k: DifferenceKind | null) => (k === null ? 0 : k === 'contradiction' ? 2 : 1);
  for (const x of claimFigures(a)) {
    for (const y of fb) {
      const measure = measureRelation(x, y);
      if (measure === 'other') continue;
      if (measure === 'scope') {
        scope ??= { kind: 'scope', a: x, b: y };
        continue;
      }
      const kind = valueRelation(x.value, x.qualifier, y.value, y.qualifier, x.cls, x.high, y.high);
      if (!best || rank(kind) < rank(best.kind)) best = { kind, a: x, b: y };
    }
  }
  return best ?? scope;
}

/** Everything comparePair reads of a claim: two claims with one signature compare alike with any claim. */
function comparisonSignature(c: ClaimDraft, places?: ClaimPlaces): string {
  // A relative date ("on Monday") means a day by its article's date.
  return JSON.stringify([claimFigures(c).map((f) => [f.value, f.qualifier, f.cls, f.high, f.units, f.group, f.text, f.groupText]), c.places, c.dates, c.dates.length ? (places?.articleDays?.get(c.article) ?? null) : null]);
}

/** How b compares with a: the attributes that cannot both be true, those one says more precisely. */
export function comparePair(a: ClaimDraft, b: ClaimDraft, places?: ClaimPlaces): Comparison {
  const conflict: Attribute[] = [];
  const precision: Precision[] = [];
  let compared = false;
  const figs = judgeFigures(a, b);
  if (figs) {
    compared = true;
    if (figs.kind === 'contradiction') conflict.push('figure');
    // Another group's share or count can be true beside the reference's: named, no conflict.
    else if (figs.kind === 'scope') precision.push({ attribute: 'figure', kind: 'scope' });
  }
  if (a.places.length && b.places.length) {
    compared = true;
    // The matcher's judge of places (relate.ts): a shared place agrees, one inside the other is precision.
    const ids = (c: ClaimDraft) => c.places.map((p) => places?.index.get(p) ?? -1).filter((i) => i >= 0);
    const pa = a.places.map((p) => p.toLowerCase());
    const judged = places ? relatePlaces(ids(a), ids(b), places.within) : null;
    if (judged?.relation === 'scope') {
      // Lists that share places and each name others: the same statement about other places, both can be true.
      precision.push({ attribute: 'place', kind: 'scope' });
    } else if (b.places.some((p) => pa.includes(p.toLowerCase())) || judged?.relation === 'same') {
      // The same place.
    } else if (judged && (judged.relation === 'within' || judged.relation === 'around')) {
      precision.push({ attribute: 'place', kind: judged.relation === 'within' ? 'place-within' : 'place-around', basis: judged.basis });
    } else conflict.push('place');
  }
  // Dates: the matcher's reading and judge (relate.ts): any pair naming the same day agrees; else the first pair that compares says how.
  const da = claimDates(a, places?.articleDays?.get(a.article) ?? null);
  const db = a.dates.length && b.dates.length ? claimDates(b, places?.articleDays?.get(b.article) ?? null) : [];
  let dateRelation: ReturnType<typeof compareDates> = null;
  let sameDate = false;
  for (const x of da) {
    for (const y of db) {
      const r = compareDates(x, y);
      if (r === 'same') sameDate = true;
      else if (r && !dateRelation) dateRelation = r;
    }
  }
  // Years the matcher compares as figures of class year (relate.ts): no shared year is a contradiction.
  const ya = a.dates.filter(isYear);
  const yb = b.dates.filter(isYear);
  const yearConflict = ya.length > 0 && yb.length > 0 && !yb.some((y) => ya.includes(y));
  if (sameDate || dateRelation || (ya.length && yb.length)) compared = true;
  if (yearConflict || (!sameDate && dateRelation === 'contradiction')) conflict.push('date');
  // compareDates says how the second relates to the first: b's date is the more or less precise.
  else if (!sameDate && dateRelation) precision.push({ attribute: 'date', kind: dateRelation });
  return { compared, conflict, precision };
}

function valueOf(c: ClaimDraft, attribute: Attribute, other: ClaimDraft | null): string | null {
  if (attribute === 'figure') {
    if (other) {
      const figs = judgeFigures(other, c);
      // A share of another group is shown with its group ("62% of the nurses").
      if (figs) return figs.kind === 'scope' ? figs.b.groupText : figs.b.text;
    }
    return c.figures[0]?.text ?? null;
  }
  if (attribute === 'place') return c.places.length ? c.places.join(', ') : null;
  return c.dates.length ? c.dates.join(', ') : null;
}

function shorten(text: string, max = 90): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const kept = cut.slice(0, cut.lastIndexOf(' ') > 40 ? cut.lastIndexOf(' ') : max);
  // Trailing spaces and punctuation dropped a character at a time (each a single UTF-16 unit): an
  // end-anchored regex tried the run from every position of the cut.
  let end = kept.length;
  while (end > 0 && TRAILING.test(kept[end - 1])) end--;
  return kept.slice(0, end) + '…';
}

/** What a shortened topic does not end with. */
const TRAILING = /[\s,;:–—-]/;

/**
 * The kind of a group's difference in one attribute: a contradiction when a member contradicts the
 * reference (no precision given); else the members' precision kind, the same for all or "place-within"
 * (one place lies inside the other), with the basis the gazetteer's when any pair needed it.
 */
function groupKind(precision: Precision[] | undefined): Pick<Difference, 'kind' | 'basis'> {
  if (!precision?.length) return { kind: 'contradiction' };
  const kind = precision.every((p) => p.kind === precision[0].kind) ? precision[0].kind : precision[0].attribute === 'place' ? 'place-within' : precision[0].kind;
  const basis = precision.some((p) => p.basis === 'gazetteer') ? 'gazetteer' : precision.some((p) => p.basis === 'text') ? 'text' : undefined;
  return basis ? { kind, basis } : { kind };
}

/** One group of groupClaims compared: its reference, each member's relation and values, the differences and the topic. */
export function compareGroup(claims: ClaimDraft[], members: number[], places?: ClaimPlaces): ClaimGroupDraft {
  // A claim alone (most groups) is its own reference and compares with nothing: what the steps
  // below give for one member, without reading its figures and dates for a comparison never made.
  if (members.length === 1) return { members, reference: members[0], relations: ['agrees'], values: [[]], differences: [], topic: shorten(claims[members[0]].text) };
  // Reference: the member that agrees with most others (majority value); ties → first article.
  // Members with the same comparison signature agree with the same others, so each distinct
  // signature is compared once with each: a group of thousands of alike claims (one sentence
  // retold by a whole corpus) costs its distinct signatures squared, not its members squared.
  const signatureIds = new Map<string, number>();
  const signatureOf: number[] = [];
  const representative: number[] = [];
  const count: number[] = [];
  for (const m of members) {
    const key = comparisonSignature(claims[m], places);
    let sig = signatureIds.get(key);
    if (sig === undefined) {
      signatureIds.set(key, (sig = representative.length));
      representative.push(m);
      count.push(0);
    }
    count[sig]++;
    signatureOf.push(sig);
  }
  const agreeing = representative.map((r, sig) => {
    let agree = 0;
    representative.forEach((m, other) => {
      // Every member of the other signature, less the member itself when the signatures are one.
      if (comparePair(claims[r], claims[m], places).conflict.length === 0) agree += count[other] - (other === sig ? 1 : 0);
    });
    return agree;
  });
  let reference = members[0];
  let bestAgree = -1;
  members.forEach((r, k) => {
    if (agreeing[signatureOf[k]] > bestAgree) {
      bestAgree = agreeing[signatureOf[k]];
      reference = r;
    }
  });
  const ref = claims[reference];
  const relations: ('agrees' | 'differs' | 'adds')[] = [];
  const conflicted = new Set<Attribute>();
  const comparisons = members.map((m) => (m === reference ? null : comparePair(ref, claims[m], places)));
  comparisons.forEach((cmp) => cmp?.conflict.forEach((a) => conflicted.add(a)));
  // Attributes no member contradicts but some state more or less precisely (a place inside another).
  const precise = new Map<Attribute, Precision[]>();
  comparisons.forEach((cmp) => cmp?.precision.forEach((p) => conflicted.has(p.attribute) || precise.set(p.attribute, [...(precise.get(p.attribute) ?? []), p])));
  members.forEach((m, k) => {
    const cmp = comparisons[k];
    if (!cmp) relations.push('agrees');
    // A value stated more or less precisely (a place inside the other) can be true with the
    // reference's: the member agrees, as a figure rounded does (conflict here ⇔ contradiction on
    // the page, tests/unit/lang/one-rule.test.ts); the group's difference names the precision.
    else if (cmp.conflict.length) relations.push('differs');
    else if (cmp.compared || dice(ref.keywords, claims[m].keywords) >= 0.6) relations.push('agrees');
    else relations.push('adds');
  });
  const attrs = (['figure', 'place', 'date'] as Attribute[]).filter((a) => conflicted.has(a) || precise.has(a));
  const differences: Difference[] = attrs.map((attribute) => ({
    attribute,
    ...groupKind(precise.get(attribute)),
    values: members
      .map((m) => ({ m, value: valueOf(claims[m], attribute, m === reference ? null : ref) }))
      .filter((x): x is { m: number; value: string } => x.value !== null)
      .map(({ m, value }) => ({ article: claims[m].article, claim: String(m), value })),
  }));
  // The reference's figure is the one matched against the differing members.
  if (attrs.includes('figure')) {
    const fig = differences.find((d) => d.attribute === 'figure')!;
    const other = members.find((m, k) => m !== reference && (comparisons[k]?.conflict.includes('figure') || comparisons[k]?.precision.some((p) => p.attribute === 'figure')));
    if (other !== undefined) {
      const figs = judgeFigures(ref, claims[other]);
      const refEntry = fig.values.find((v) => v.claim === String(reference));
      if (figs && refEntry) refEntry.value = figs.kind === 'scope' ? figs.a.groupText : figs.a.text;
    }
  }
  const values = members.map((m) => attrs.map((a) => differences.find((d) => d.attribute === a)!.values.find((v) => v.claim === String(m))?.value).filter((v): v is string => !!v));
  return { members, reference, relations, values, differences, topic: shorten(ref.text) };
}
