/**
 * How each corpus article relates to a page sentence that matched a claim group: "differs" when a
 * figure, place or date conflicts, "agrees" when one agrees or the wording is close, otherwise
 * "adds". One reference per corpus article.
 */
import type { ClaimSignature } from './data';
import { FigureClass, figuresAgree, formatFigure, type ParsedFigure } from '../lang/figures';
import type { CoverageRef, Relation } from '../index/types';
import { AGREE_THRESHOLD, VALUE_COMPARE_FROM } from './thresholds';

/** A group member less similar than this is not evidence for this sentence (unless a value conflicts). */
const MEMBER_FLOOR = 0.2;
/** What relating needs of the page sentence just scored, and of the corpus. */
export interface RelateContext {
  /** The page text the sentence's offsets index into. */
  text: string;
  /** The sentence's figures, and per figure the unit keys after it (counts only). */
  figures: readonly ParsedFigure[];
  figureUnitKeys: readonly string[][];
  /** Place indices the sentence names, and their text on the page. */
  pagePlaces: readonly number[];
  pagePlaceTexts: readonly string[];
  claims: readonly ClaimSignature[];
  articles: readonly string[];
  places: readonly string[];
}

/** A corpus claim considered as evidence, with its similarity to the page sentence. */
export interface ClaimCandidate {
  claim: number;
  sim: number;
  /** From another claim group than the best match's: shown only for an article not yet covered. */
  otherGroup?: boolean;
}

/** The references to show for one matched page sentence, one per corpus article, sorted by article index. */
export function claimEvidence(ctx: RelateContext, candidates: readonly ClaimCandidate[]): CoverageRef[] {
  const byArticle = new Map<number, CoverageRef>();
  for (const { claim, sim, otherGroup } of candidates) {
    const sig = ctx.claims[claim];
    if (otherGroup && byArticle.has(sig[0])) continue;
    const ref = relate(ctx, sig, sim);
    if (ref.relation !== 'differs' && sim < MEMBER_FLOOR) continue;
    const prev = byArticle.get(sig[0]);
    if (!prev || ref.score > prev.score) byArticle.set(sig[0], ref);
  }
  return [...byArticle.keys()].sort((x, y) => x - y).map((k) => byArticle.get(k)!);
}

/** Whether two figures measure the same thing: same class and, for counts, a shared unit word when both have one. */
function comparable(pageUnits: string[], corpusUnits: string[]): boolean {
  return pageUnits.length === 0 || corpusUnits.length === 0 || pageUnits.some((u) => corpusUnits.includes(u));
}

/** How one corpus claim relates to the page sentence of `ctx`. */
export function relate(ctx: RelateContext, sig: ClaimSignature, sim: number): CoverageRef {
  const [article, sentence, , , figs, claimPlaces] = sig;
  let relation: Relation = sim >= AGREE_THRESHOLD ? 'agrees' : 'adds';
  let values: CoverageRef['values'];
  // Figures are compared only when they measure the same thing; a conflict needs close wording too.
  let figureAgrees = false;
  for (let gi = 0; gi < ctx.figures.length; gi++) {
    const g = ctx.figures[gi];
    const units = ctx.figureUnitKeys[gi];
    let corpus: (typeof figs)[number] | undefined;
    let agree = false;
    for (const c of figs) {
      if (c[2] !== g.cls || (g.cls === FigureClass.count && !comparable(units, c[3]))) continue;
      corpus ??= c;
      if (figuresAgree(g.value, g.qualifier, c[0], c[1])) agree = true;
    }
    if (!corpus) continue;
    if (agree) figureAgrees = true;
    else if (!values && sim >= VALUE_COMPARE_FROM) {
      values = { attribute: g.cls === FigureClass.year ? 'date' : 'figure', page: ctx.text.slice(g.start, g.end), corpus: formatFigure(corpus[0], corpus[1], corpus[2]) };
    }
  }
  let placeAgrees = false;
  if (!values && ctx.pagePlaces.length > 0 && claimPlaces.length > 0) {
    placeAgrees = ctx.pagePlaces.some((p) => claimPlaces.includes(p));
    if (!placeAgrees && sim >= VALUE_COMPARE_FROM) values = { attribute: 'place', page: ctx.pagePlaceTexts[0], corpus: ctx.places[claimPlaces[0]] };
  }
  if (values) relation = 'differs';
  else if (figureAgrees || placeAgrees) relation = sim >= VALUE_COMPARE_FROM ? 'agrees' : relation;
  const ref: CoverageRef = { article: ctx.articles[article], sentence, relation, score: roundScore(Math.min(1, sim)) };
  if (values) ref.values = values;
  return ref;
}

/** A score rounded to three decimals, as matches carry it. */
export function roundScore(x: number): number {
  return Math.round(x * 1000) / 1000;
}
