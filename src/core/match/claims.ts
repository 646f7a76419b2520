/**
 * Claims: page sentences that state something a corpus claim states.
 *
 * Each corpus claim compiles to a signature of weighted keys: stemmed content words, the entities
 * and places it names, and its figures (by class and value, so "thirty-six" and "36" agree). A page
 * sentence is keyed the same way; an inverted index (key → claims) gives candidates in time
 * proportional to the sentence's keys, and the score is a weighted cosine over the shared keys.
 * How each corpus article relates to the sentence is relate.ts's work.
 */
import type { ClaimSignature, MatcherData } from './data';
import { PatternType } from './data';
import { entityKey, figureKey, placeKey, wordKey } from './keys';
import { SYM_FIGURE, SYM_NUMBER } from './symbols';
import type { NameHits } from './names';
import { FigureClass, parseFigures, type ParsedFigure } from '../lang/figures';
import { NUM, Tokens, WORD } from './tokens';
import type { CoverageRef } from '../index/types';
import { CLAIM_THRESHOLD } from './thresholds';
import { claimEvidence, relateData, roundScore, type ClaimCandidate, type RelateContext, type RelateData } from './relate';

/** Weight of a page content word that no corpus claim uses (it dilutes the match). */
const UNKNOWN_WEIGHT = 2;
/** Fewer shared keys than this is coincidence, whatever the cosine says. */
const MIN_SHARED = 3;
/** A claim from another group must score at least this share of the best to be shown too. */
const OTHER_GROUP_SHARE = 0.8;

/** The features of a token range: content keys, entities, places, figures. */
export interface SentenceFeatures {
  keys: string[];
  figures: ParsedFigure[];
  entities: number[];
  places: number[];
}

/** Extracts keys of tokens [a, b) given the name hits inside it (compile time; allocation is fine here). */
export function sentenceFeatures(t: Tokens, a: number, b: number, hits: NameHits): SentenceFeatures {
  const figures: ParsedFigure[] = [];
  parseFigures(t, a, b, figures);
  const keys: string[] = [];
  const entities: number[] = [];
  const places: number[] = [];
  let h = 0;
  let f = 0;
  for (let i = a; i < b; i++) {
    while (h < hits.count && hits.lastToken[h] < i) h++;
    if (h < hits.count && hits.firstToken[h] <= i) {
      if (hits.firstToken[h] === i) {
        if (hits.type[h] === PatternType.entity) entities.push(hits.target[h]);
        else if (hits.type[h] === PatternType.place) places.push(hits.target[h]);
      }
      continue;
    }
    while (f < figures.length && figures[f].end <= t.start[i]) f++;
    if (f < figures.length && figures[f].start <= t.start[i]) continue;
    if (!(t.flags[i] & WORD)) continue;
    const key = wordKey(t.norm[i]);
    if (key !== null && !keys.includes(key)) keys.push(key);
  }
  return { keys, figures, entities, places };
}

/** Unit keys of a figure: stems of up to three content words right after it ("women city councillors"). */
export function figureUnits(t: Tokens, next: number, to: number): string[] {
  const out: string[] = [];
  for (let j = next; j < to && out.length < 3; j++) {
    if (!(t.flags[j] & WORD)) break;
    const key = wordKey(t.norm[j]);
    if (key === null) break;
    out.push(key);
  }
  return out;
}

/** Keys of a feature set, pseudo-keys included. */
export function featureKeys(f: SentenceFeatures): string[] {
  const out = [...f.keys];
  for (const e of f.entities) out.push(entityKey(e));
  for (const p of f.places) out.push(placeKey(p));
  for (const g of f.figures) out.push(figureKey(g.cls, g.value));
  return [...new Set(out)];
}

/** Result of scoring one page sentence. */
export interface ClaimResult {
  group: number;
  score: number;
  refs: CoverageRef[];
}

/** Run-time claim scorer; all per-sentence state lives in reused typed arrays. */
export class ClaimScorer {
  private readonly keyIds = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly postings: Int32Array[];
  private readonly claimNorm: Float64Array;
  private readonly claims: ClaimSignature[];
  private readonly groupMembers: number[][];
  private readonly acc: Float64Array;
  private readonly shared: Uint16Array;
  private readonly touched: Int32Array;
  private readonly seen: Int32Array;
  private readonly sentKeys: Int32Array;
  private stamp = 0;
  private nKeys = 0;
  /** Key id of each entity's and place's pseudo-key (-1 when no claim names it), so a scan builds no key strings for them. */
  private readonly entityKeyIds: Int32Array;
  private readonly placeKeyIds: Int32Array;
  private total = 0;
  private readonly figures: ParsedFigure[] = [];
  private readonly figureUnitKeys: string[][] = [];
  private readonly pagePlaces: number[] = [];
  private readonly pagePlaceTexts: string[] = [];
  private readonly articles: string[];
  private readonly places: string[];
  private readonly relateData: RelateData;
  /** The page's date as a day number (core/lang/date-spans), set by the scan; null when unknown. */
  pageDay: number | null = null;

  constructor(data: MatcherData) {
    this.relateData = relateData(data);
    this.articles = data.articles;
    this.places = data.places;
    data.keys.forEach((k, i) => this.keyIds.set(k, i));
    this.weights = Float64Array.from(data.weights);
    this.entityKeyIds = Int32Array.from(data.entities, (_, e) => this.keyIds.get(entityKey(e)) ?? -1);
    this.placeKeyIds = Int32Array.from(data.places, (_, p) => this.keyIds.get(placeKey(p)) ?? -1);
    this.claims = data.claims;
    const lists: number[][] = data.keys.map(() => []);
    this.claimNorm = new Float64Array(data.claims.length);
    this.groupMembers = data.claimGroups.map(() => []);
    data.claims.forEach((c, ci) => {
      for (const k of c[3]) {
        lists[k].push(ci);
        this.claimNorm[ci] += this.weights[k];
      }
      this.groupMembers[c[2]].push(ci);
    });
    this.postings = lists.map((l) => Int32Array.from(l));
    this.acc = new Float64Array(data.claims.length);
    this.shared = new Uint16Array(data.claims.length);
    this.touched = new Int32Array(data.claims.length);
    this.seen = new Int32Array(data.keys.length);
    this.sentKeys = new Int32Array(4096);
  }

  /**
   * Scores tokens [a, b) of `text`; `hits` are the name hits of the whole text and `h0` the first
   * hit at or after token a. Returns null when no corpus claim is close enough.
   */
  score(text: string, t: Tokens, a: number, b: number, hits: NameHits, h0: number, threshold = CLAIM_THRESHOLD): ClaimResult | null {
    if (b - a < 4) return null;
    this.stamp++;
    this.nKeys = 0;
    this.total = 0;
    let content = 0;
    const { weights, sentKeys } = this;
    // Figures first (only when the sentence has something number-like), so their words are skipped.
    const figures = this.figures;
    figures.length = 0;
    const symFlags = t.table.flags;
    const symKey = t.table.key;
    for (let i = a; i < b; i++) {
      if (t.flags[i] & NUM || symFlags[t.sym[i]] & SYM_NUMBER) {
        parseFigures(t, a, b, figures);
        break;
      }
    }
    const places = this.pagePlaces;
    places.length = 0;
    this.pagePlaceTexts.length = 0;
    let h = h0;
    let f = 0;
    for (let i = a; i < b; i++) {
      while (h < hits.count && hits.lastToken[h] < i) h++;
      if (h < hits.count && hits.firstToken[h] <= i) {
        if (hits.firstToken[h] === i) {
          if (hits.type[h] === PatternType.entity) this.addKey(this.entityKeyIds[hits.target[h]]);
          else if (hits.type[h] === PatternType.place) {
            places.push(hits.target[h]);
            this.pagePlaceTexts.push(text.slice(hits.start[h], hits.end[h]));
            this.addKey(this.placeKeyIds[hits.target[h]]);
          }
          content++;
        }
        continue;
      }
      if (f < figures.length) {
        while (f < figures.length && figures[f].end <= t.start[i]) f++;
        if (f < figures.length && figures[f].start <= t.start[i]) continue;
      }
      if (!(t.flags[i] & WORD)) continue;
      // Key id: ≥ 0 a claim key, -1 a content word no claim uses, -2 not a content word.
      const id = symKey[t.sym[i]];
      if (id === -2) continue;
      content++;
      this.addKey(id);
    }
    this.figureUnitKeys.length = 0;
    for (const g of figures) {
      this.addKey(this.keyIds.get(figureKey(g.cls, g.value)) ?? -1);
      this.figureUnitKeys.push(g.cls === FigureClass.count ? figureUnits(t, g.next, b) : []);
      content++;
    }
    const nKeys = this.nKeys;
    const total = this.total;
    if (content < 3 || nKeys < MIN_SHARED) return null;
    // Accumulate shared weight per claim through the inverted index.
    const { acc, shared, touched, postings } = this;
    let nTouched = 0;
    for (let k = 0; k < nKeys; k++) {
      const id = sentKeys[k];
      const list = postings[id];
      const w = weights[id];
      for (let p = 0; p < list.length; p++) {
        const c = list[p];
        if (shared[c] === 0) touched[nTouched++] = c;
        acc[c] += w;
        shared[c]++;
      }
    }
    let best = -1;
    let bestScore = 0;
    for (let k = 0; k < nTouched; k++) {
      const c = touched[k];
      if (shared[c] < MIN_SHARED) continue;
      const s = acc[c] / Math.sqrt(this.claimNorm[c] * total);
      if (s > bestScore || (s === bestScore && c < best)) {
        bestScore = s;
        best = c;
      }
    }
    let result: ClaimResult | null = null;
    if (best >= 0 && bestScore >= threshold) {
      const group = this.claims[best][2];
      const candidates: ClaimCandidate[] = [];
      for (const c of this.groupMembers[group]) candidates.push({ claim: c, sim: shared[c] > 0 ? acc[c] / Math.sqrt(this.claimNorm[c] * total) : 0 });
      // Close claims the corpus analysis put in other groups are evidence too.
      for (let k = 0; k < nTouched; k++) {
        const c = touched[k];
        if (this.claims[c][2] === group || shared[c] < MIN_SHARED) continue;
        const s = acc[c] / Math.sqrt(this.claimNorm[c] * total);
        if (s >= threshold && s >= bestScore * OTHER_GROUP_SHARE) candidates.push({ claim: c, sim: s, otherGroup: true });
      }
      const refs = claimEvidence(this.relateContext(text, t, a, b), candidates);
      result = { group, score: roundScore(bestScore), refs };
    }
    for (let k = 0; k < nTouched; k++) {
      acc[touched[k]] = 0;
      shared[touched[k]] = 0;
    }
    return result;
  }

  /**
   * Cheap necessary condition for score() to find anything: tokens [a, b) must hold at least
   * MIN_SHARED possible keys (claim-key words, figure words, names and places, each counted at
   * most once per token, so this bounds the distinct keys score() would collect from above).
   */
  mayMatch(t: Tokens, a: number, b: number, hits: NameHits, h0: number): boolean {
    if (b - a < 4) return false;
    const symKey = t.table.key;
    const symFlags = t.table.flags;
    const { sym, flags } = t;
    let bound = 0;
    for (let i = a; i < b; i++) {
      const s = sym[i];
      if (symKey[s] >= 0) bound++;
      if (flags[i] & NUM || symFlags[s] & SYM_FIGURE) bound++;
      if (bound >= MIN_SHARED) return true;
    }
    for (let h = h0; h < hits.count && hits.firstToken[h] < b; h++) {
      if (hits.type[h] !== PatternType.blocker && ++bound >= MIN_SHARED) return true;
    }
    return false;
  }

  /** What relate() needs of the sentence just scored. */
  private relateContext(text: string, t: Tokens, a: number, b: number): RelateContext {
    return {
      text,
      run: t,
      from: a,
      to: b,
      data: this.relateData,
      pageDay: this.pageDay,
      figures: this.figures,
      figureUnitKeys: this.figureUnitKeys,
      pagePlaces: this.pagePlaces,
      pagePlaceTexts: this.pagePlaceTexts,
      claims: this.claims,
      articles: this.articles,
      places: this.places,
    };
  }

  private addKey(id: number): void {
    if (id < 0) {
      this.total += UNKNOWN_WEIGHT;
      return;
    }
    if (this.seen[id] === this.stamp) return;
    this.seen[id] = this.stamp;
    if (this.nKeys < this.sentKeys.length) this.sentKeys[this.nKeys++] = id;
    this.total += this.weights[id];
  }
}

export { CLAIM_FLOOR, CLAIM_THRESHOLD, VALUE_COMPARE_FROM, AGREE_THRESHOLD } from './thresholds';
