/**
 * The claim re-ranker's model: the features it reads of a (page sentence, corpus claim) pair and the
 * logistic model over them. Weights and the link probability are fitted by scripts/fit-reranker.ts
 * on labelled pairs of the dev split (never the held-back split) and read from fitted-reranker.json;
 * nothing here is set by hand. The features are computed by the claim scorer (claims.ts) into a
 * reused Float64Array, one row of FEATURE_COUNT values per candidate.
 */
import fitted from './fitted-reranker.json';

/** Names of the features, in row order (the fitted file lists them too, so a change shows as a diff). */
export const FEATURES = [
  // Word overlap, as the first-round matcher measured it.
  'cosine', // weighted cosine over shared keys (IDF weights), the first-round score
  'claimCovered', // share of the claim's key weight the sentence holds
  'pageCovered', // share of the sentence's key weight the claim holds
  'bm25Relative', // BM25 score over the best candidate's for this sentence (1 for the best)
  // Meaning: soft alignment with the word vectors (an exact key counts 1, and so does a word of the
  // same WordNet sense: core/lang/word-senses.ts), words weighed by IDF.
  'alignPageToClaim', // IDF-weighted mean over the sentence's content words of the best cosine with a claim word
  'alignClaimToPage', // IDF-weighted mean over the claim's words of the best cosine with a sentence word
  'weakestRareWord', // the lowest alignment among the claim's three rarest words (its actor and event, most often)
  // Who did what: actors.
  'actorShared', // the sentence names an actor (person, organisation) the claim names
  'actorMissing', // the claim names actors and the sentence names none of them, not even by a descriptor or a he/she subject
  'actorByDescriptor', // a claim actor is not named but one of its corpus descriptors is in the sentence, or the sentence opens with he/she and the actor is a person
  // Negation, modality, time.
  'negationMismatch', // one side negates, the other does not
  'modalityMismatch', // one side is modal, future or hedged, the other is not
  'timeShiftMismatch', // one side places its event relative to another ("last", "next"), the other does not (laterOnPage aside)
  'laterOnPage', // the sentence places its event after or again ("later", "again", "another") and the claim does not: likely another event
  'yearOther', // the sentence states years and none is the claim's (stated, else its article's year; none when neither is known): likely another time
  'figureShared', // a figure (class and value) in common
  'sharedKeys', // how many keys the sentence and the claim share, over SHARED_KEYS_SCALE (at most 1): two words in common are the least a candidate has
  // What was done: the sentence's own event verbs.
  'predicateAligned', // IDF-weighted mean over the sentence's event verbs of their best alignment with a claim word (0 when it has none)
  'predicateMissing', // the sentence has no event verb the corpus uses (a caption, a fragment, or an event of words no claim uses)
  // Where in the sentence: a long sentence may state the claim in one of its clauses only.
  'clauseCovered', // the most, over the sentence's clauses, of the share of the clause's key weight the claim holds
  'clauseAligned', // the most, over the sentence's clauses, of alignPageToClaim over the clause's words
] as const;

/** Number of features per row. */
export const FEATURE_COUNT = FEATURES.length;

/** Feature indices, by name. */
export const F = Object.fromEntries(FEATURES.map((n, i) => [n, i])) as { readonly [K in (typeof FEATURES)[number]]: number };

/** A fitted logistic model over FEATURES. */
export interface RerankModel {
  weights: Float64Array;
  bias: number;
  /** Link probability from which a sentence links to a claim. */
  threshold: number;
}

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** The model's link probability for the row of `x` starting at `offset`. */
export function probability(model: RerankModel, x: Float64Array, offset: number): number {
  let z = model.bias;
  const w = model.weights;
  for (let f = 0; f < w.length; f++) z += w[f] * x[offset + f];
  return sigmoid(z);
}

/** The committed fitted model; throws naming the field when the file does not fit FEATURES. */
export function fittedModel(): RerankModel {
  const names = fitted.features as string[];
  if (names.length !== FEATURE_COUNT || names.some((n, i) => n !== FEATURES[i])) {
    throw new Error('fitted-reranker.json: field "features" does not list rerank.ts FEATURES in order (run npm run fit:rerank)');
  }
  return { weights: Float64Array.from(fitted.weights), bias: fitted.bias, threshold: fitted.linkProbability };
}

/** The link probability from which a claim sentence is marked, as fitted. */
export const LINK_PROBABILITY: number = fitted.linkProbability;
/** The probability from which a card calls a claim link strong, as fitted (see the fitted file for the precision it stands for). */
export const STRONG_PROBABILITY: number = fitted.strongProbability;
