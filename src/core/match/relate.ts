/**
 * How each corpus article relates to a page sentence that matched a claim group, and how it
 * differs. A member "differs" when it states a value or a manner differently, and the kind names
 * how (see DifferenceKind in core/index/types): a figure that cannot be the same ("contradiction"),
 * one stated more or less precisely ("about 40" against "43"), a place inside the other, a date
 * that resolves to another day or to a narrower one, a statement more or less certain ("may have"
 * against "did"), a share of another group ("scope"). Otherwise "agrees" when a value agrees or
 * the wording is close, else "adds". Every differing member of an article is kept, beside its
 * best-scoring one: a card lists them all.
 */
import type { ClaimSignature, ClaimTraits, MatcherData, QuantitySignature } from './data';
import { GROUP_DETERMINERS, readQuantityScope, scopesDiffer, type QuantityScope } from '../lang/quantity-scope';
import { readDecade, readVagueTime } from '../lang/vague-time';
import { daysIn, durationUnit } from '../lang/durations';
import { MIN_QUOTED_WORDS, quotedWords, quoteWording } from '../lang/quoted-words';
import { FigureClass, QUALIFIERS, figuresAgree, formatFigure, type ParsedFigure } from '../lang/figures';
import { compareFigures, measureRelation, valueRelation } from '../lang/figure-compare';

export { compareFigures, roundSignificant, significantDigits } from '../lang/figure-compare';
import { compareCertainty, isDistancingSpeech, readCertainties, type CertaintyReading, type CertaintyReadings } from '../lang/certainty';
import { readNegationOf, type Negation } from '../lang/negation';
import { compareDates, dayFromParts, findDateSpans, yearOf, type DateSpan } from '../lang/date-spans';
import { readRepeatMarker } from '../lang/event-time';
import { closeWithin, listedPlaces, relatePlaces } from '../lang/places';
import { Certainty } from '../lang/certainty';
import { wordKey } from '../lang/keywords';
import { SPACED, WORD, type TokenRun } from '../lang/token-flags';
import { isClauseBreak } from '../lang/clause-breaks';
import { RELATIVE_PRONOUNS } from '../lang/closed-class';
import type { CoverageRef, DifferenceKind, Relation, ValueDifference } from '../index/types';
import { AGREE_THRESHOLD, VALUE_COMPARE_FROM } from './thresholds';
import { findQuotedSpans } from './quotes';
import { Tokens, tokenize } from './tokens';

/** A group member less similar than this is not evidence for this sentence (unless a value conflicts). */
const MEMBER_FLOOR = 0.2;
/**
 * Days from which a date is a period rather than a day (a month of 28 days, a year): a statistic of
 * another period is a difference of scope (relate), a day of another day a contradiction.
 */
const PERIOD_DAYS = 28;
/** At most this many differences per reference: a card shows each, and more would bury the main one. */
const MAX_DIFFERENCES = 4;

/** What relating needs of the corpus beyond the claim signatures, built once per matcher (relateData). */
export interface RelateData {
  /** A claim's certainty, dates, and the groups its shares are of (MatcherData.claimTraits); undefined where malformed or absent. */
  traits(claim: number): ClaimTraits | undefined;
  /** Per place index, the places the corpus text says it lies in (transitively). */
  within: readonly ReadonlySet<number>[];
  /** Per place index, the places a gazetteer puts it in (MatcherData.placeWithinGazetteer); absent: none known. */
  withinGazetteer?: readonly ReadonlySet<number>[];
  /** Claim key ids by key (MatcherData.keys), to check that a claim states what the page denies. */
  keyIds: ReadonlyMap<string, number>;
  /** Per article index, its year (0 when undated; MatcherData.articleYears); absent: none known. */
  articleYears?: readonly number[];
  /**
   * The words (lower case) a corpus quote says in a sentence it continues into, whole sentence
   * inside the quote marks ('"The yard is open. Its crews are back. …'), and those
   * of the whole quote; undefined when no quote continues into it. Absent: none known.
   */
  quoteInside?: (article: number, sentence: number) => { here: readonly string[]; whole: readonly string[] } | undefined;
  /**
   * How firmly the corpus quote a sentence lies in was introduced (MatcherData.quoteCertainty: "he
   * will say" is expected), for each sentence a quote holds; undefined when none does or the data
   * has no certainty. Absent: none known.
   */
  quoteLevel?: (article: number, sentence: number) => number | undefined;
}

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
  /** The page's tokens and the sentence's token range [from, to): certainty, dates and share groups are read from them (none when absent). */
  run?: TokenRun;
  from?: number;
  to?: number;
  /** Token indices [from, to) pairs of quoted spans in `run` (the speaker's words: not the writer's certainty). */
  quoted?: readonly number[];
  /** The page's date as a day number (core/lang/date-spans), null or absent when unknown. */
  pageDay?: number | null;
  /**
   * How the page quote the sentence opens in was introduced ("…," he is expected to say; carried
   * from an earlier block for a quote that continues: scan.ts), null or absent when it is in none.
   */
  quoteIntro?: { level: number; cue: string } | null;
  /** Corpus-side data for relating (absent: figures and places are compared, nothing else). */
  data?: RelateData;
}

/** A corpus claim considered as evidence, with its similarity to the page sentence. */
export interface ClaimCandidate {
  claim: number;
  sim: number;
  /** From another claim group than the best match's: shown only for an article not yet covered. */
  otherGroup?: boolean;
  /** The re-ranker links the sentence to this claim on its own (its probability reaches the link threshold): its values are compared whatever its cosine. */
  linked?: boolean;
  /**
   * A retrieved claim the re-ranker did not link, of an article another claim links: shown beside
   * that link only when one of its values (a figure, place, date or group) differs, so a second
   * statement of the fact with another figure is not hidden ("every differing member is shown").
   */
  valuesOnly?: boolean;
}

/** Attributes a member shown only for a differing value (ClaimCandidate.valuesOnly) may differ in: a figure of the same measure. */
const VALUE_ATTRIBUTES: ReadonlySet<string> = new Set(['figure', 'scope']);

/**
 * Whether a figure of an unlinked claim measures what the page's figure measures beyond doubt: a
 * count with a unit word on both sides and one shared ("28 women MPs", "more than 40 female MPs"),
 * or a share of the same named group. Without it, a number of another thing in the same article
 * ("three of the supports" against "fourteen weeks") would read as a contradiction.
 */
function sameMeasure(cls: number, pageUnits: readonly string[], corpusUnits: readonly string[], pageGroup: readonly string[], corpusGroup: readonly string[]): boolean {
  if (cls === FigureClass.count) return pageUnits.length > 0 && corpusUnits.length > 0 && pageUnits.some((u) => corpusUnits.includes(u));
  if (cls === FigureClass.percent) return pageGroup.length > 0 && pageGroup.some((k) => corpusGroup.includes(k));
  return false;
}

/**
 * Builds the corpus-side relating data once from compiled matcher data. What grows with the claims
 * is read on first use, claim by claim (traits) or whole (keyIds): checking every claim's traits up
 * front was one task of ~275 ms of CPU at 20,000 generated articles (scripts/bench/cold-side.ts
 * --steps, load ~13), which a names request arriving meanwhile waited behind; a page relates a few
 * hundred claims at most.
 */
export function relateData(data: MatcherData): RelateData {
  // Transitive: a venue in a town in a county lies in the county.
  const within = closeWithin(data.places.length, data.placeWithin ?? []);
  const withinGazetteer: Set<number>[] = data.places.map(() => new Set<number>());
  const gazetteerPairs = Array.isArray(data.placeWithinGazetteer) ? data.placeWithinGazetteer : [];
  for (let k = 0; k + 1 < gazetteerPairs.length; k += 2) withinGazetteer[gazetteerPairs[k]]?.add(gazetteerPairs[k + 1]);
  let keyIds: Map<string, number> | null = null;
  return {
    traits: claimTraitsOf(data),
    within,
    withinGazetteer,
    get keyIds() {
      return (keyIds ??= new Map((data.keys ?? []).map((k, i) => [k, i])));
    },
    articleYears: Array.isArray(data.articleYears) ? data.articleYears : [],
    quoteInside: quotesInside(data),
    quoteLevel: quoteLevels(data),
  };
}

/**
 * RelateData.quoteLevel over the corpus quotes: every sentence a quote holds (its first and each it
 * moves on to), with the certainty of its introduction. Built on first use.
 */
function quoteLevels(data: MatcherData): RelateData['quoteLevel'] {
  const quotes = Array.isArray(data.quotes) ? data.quotes : [];
  const levels = Array.isArray(data.quoteCertainty) ? data.quoteCertainty : [];
  let at: Map<number, number> | null = null;
  return (article, sentence) => {
    if (!at) {
      at = new Map();
      quotes.forEach((q, qi) => {
        const level = levels[qi];
        if (typeof level !== 'number') return;
        const turns = Array.isArray(q?.[4]) ? q[4] : [];
        const sentences = [q[1], ...turns.filter((_, k) => k % 2 === 1)];
        for (const s of sentences) if (s >= 0 && s < SENTENCE_KEY_BOUND) at!.set(q[0] * SENTENCE_KEY_BOUND + s, Math.min(level, at!.get(q[0] * SENTENCE_KEY_BOUND + s) ?? level));
      });
    }
    return sentence < SENTENCE_KEY_BOUND ? at.get(article * SENTENCE_KEY_BOUND + sentence) : undefined;
  };
}

/** A claim's traits checked (claimTraitsOf): not yet (0), well-formed, malformed. */
const TRAITS_GOOD = 1;
const TRAITS_BAD = 2;

/**
 * RelateData.traits over MatcherData.claimTraits: each claim's checked on its first lookup. Traits
 * that are not what this version writes are left out (figures and places still compare): a bad
 * stored shard must not stop a scan. A list of another length than the claims' is none at all.
 */
function claimTraitsOf(data: MatcherData): RelateData['traits'] {
  const all = Array.isArray(data.claimTraits) && data.claimTraits.length === data.claims.length ? (data.claimTraits as unknown[]) : null;
  if (!all) return () => undefined;
  const checked = new Uint8Array(all.length);
  return (claim) => {
    if (!(claim >= 0 && claim < all.length)) return undefined;
    if (checked[claim] === 0) checked[claim] = isTraits(all[claim]) ? TRAITS_GOOD : TRAITS_BAD;
    return checked[claim] === TRAITS_GOOD ? (all[claim] as ClaimTraits) : undefined;
  };
}

/** Sentences per article below this bound share one number as key (article × bound + sentence); an article of more is looked up by a string key. */
const SENTENCE_KEY_BOUND = 1 << 20;

/**
 * RelateData.quoteInside over the corpus quotes (MatcherData.quotes): each sentence a quote moves
 * on to (its turns past the first, whose opening mark a claim of that sentence holds itself). Built
 * on first use, so a matcher that never relates a quoted claim pays nothing.
 */
function quotesInside(data: MatcherData): RelateData['quoteInside'] {
  const quotes = Array.isArray(data.quotes) ? data.quotes : [];
  const words = Array.isArray(data.words) ? data.words : [];
  let at: Map<number, [number, number]> | null = null;
  return (article, sentence) => {
    if (!at) {
      at = new Map();
      quotes.forEach((q, qi) => {
        const turns = Array.isArray(q?.[4]) ? q[4] : [];
        // Turns are (word index, sentence) pairs; the first is the quote's opening sentence.
        for (let k = 2; k + 1 < turns.length; k += 2) if (turns[k + 1] < SENTENCE_KEY_BOUND) at!.set(q[0] * SENTENCE_KEY_BOUND + turns[k + 1], [qi, k]);
      });
    }
    const found = sentence < SENTENCE_KEY_BOUND ? at.get(article * SENTENCE_KEY_BOUND + sentence) : undefined;
    if (!found) return undefined;
    const [qi, k] = found;
    const [, , , ids, turns] = quotes[qi];
    const word = (id: number) => (words[id] ?? '').toLowerCase();
    const end = k + 2 < turns.length ? turns[k + 2] : ids.length;
    return { here: ids.slice(turns[k], end).map(word), whole: ids.map(word) };
  };
}

/** Whether a value has the shape of ClaimTraits. */
function isTraits(t: unknown): t is ClaimTraits {
  return Array.isArray(t) && typeof t[0] === 'number' && typeof t[1] === 'string' && Array.isArray(t[2]) && t[2].every((d) => Array.isArray(d) && d.length === 6) && Array.isArray(t[3]) && Array.isArray(t[4]) && typeof t[5] === 'number' && typeof t[6] === 'string' && (t[7] === undefined || typeof t[7] === 'string') && (t[8] === undefined || typeof t[8] === 'string') && (t[9] === undefined || isQuantity(t[9])) && (t[10] === undefined || (Array.isArray(t[10]) && t[10].length === 2 && t[10].every((x) => typeof x === 'string'))) && (t[11] === undefined || (Array.isArray(t[11]) && t[11].every((x) => typeof x === 'string'))) && (t[12] === undefined || (Array.isArray(t[12]) && (t[12].length === 0 || (t[12].length === 2 && t[12].every((x) => typeof x === 'string'))))) && (t[13] === undefined || typeof t[13] === 'string');
}

/** Whether a value has the shape of QuantitySignature. */
function isQuantity(q: unknown): q is QuantitySignature {
  return Array.isArray(q) && (q.length === 0 || (typeof q[0] === 'number' && Array.isArray(q[1]) && q[1].every((k) => typeof k === 'string') && typeof q[2] === 'string'));
}

/**
 * The references to show for one matched page sentence, sorted by article index: per article its
 * best-scoring member, and beside it every other member that differs (two claims of one article
 * can match, one agreeing and one conflicting: the conflict is not hidden).
 */
export function claimEvidence(ctx: RelateContext, candidates: readonly ClaimCandidate[]): CoverageRef[] {
  const byArticle = new Map<number, CoverageRef[]>();
  // References whose claim reports speech ("he will say that …"): the frame's certainty holds for every clause it reports.
  const framed = new Set<CoverageRef>();
  const page = pageTraits(ctx);
  for (const { claim, sim, otherGroup, linked, valuesOnly } of candidates) {
    const sig = ctx.claims[claim];
    // A claim of another event with the same people and place (a later campaign, the vote a year on) is no evidence at all.
    if (otherEvent(ctx, page, sig, ctx.data?.traits(claim))) continue;
    // Like a group member the re-ranker did not link, it needs close wording (VALUE_COMPARE_FROM) to be compared at all.
    if (valuesOnly && (!byArticle.has(sig[0]) || sim < VALUE_COMPARE_FROM)) continue;
    const ref = relate(ctx, sig, sim, claim, page, linked === true, valuesOnly === true);
    if (valuesOnly && !(ref.differences ?? (ref.values ? [ref.values] : [])).some((d) => VALUE_ATTRIBUTES.has(d.attribute))) continue;
    // A claim of another group counts for an article not yet covered, or when it differs (it is not hidden behind an agreeing one).
    // A clause of a sentence already there is kept: it may show the sentence's manner is another clause's (below).
    if (otherGroup && byArticle.has(sig[0]) && ref.relation !== 'differs' && !byArticle.get(sig[0])!.some((r) => r.sentence === ref.sentence)) continue;
    if (ref.relation !== 'differs' && sim < MEMBER_FLOOR) continue;
    if ((ctx.data?.traits(claim)?.[5] ?? -1) >= 0) framed.add(ref);
    const list = byArticle.get(sig[0]);
    if (!list) byArticle.set(sig[0], [ref]);
    else {
      // A sentence's claims of one relation are shown by the one closest to the page: a clause that
      // states the page's fact ("who is facing a challenge") before the whole sentence ("…, will aim").
      const same = list.findIndex((r) => r.sentence === ref.sentence && r.relation === ref.relation);
      if (same < 0) list.push(ref);
      else if (ref.score > list[same].score) list[same] = ref;
    }
  }
  const out: CoverageRef[] = [];
  for (const k of [...byArticle.keys()].sort((x, y) => x - y)) {
    // A clause of a sentence that agrees outranks the whole sentence's manner: "X, who is facing a
    // challenge, will speak" is not a less certain "X is facing a challenge" (its "will" is another
    // clause's). Not so for a sentence that reports speech: "he will say that X" frames all of X.
    // Differences of value in the sentence are kept.
    const kept = byArticle.get(k)!.filter((r, _, all) => !(mannerOnly(r) && !framed.has(r) && all.some((o) => o !== r && o.sentence === r.sentence && o.relation !== 'differs')));
    // One sentence is shown once: by its difference when one of its claims still differs.
    const list = kept.filter((r) => r.relation === 'differs' || !kept.some((o) => o.sentence === r.sentence && o.relation === 'differs')).sort((x, y) => y.score - x.score);
    out.push(list[0]);
    for (const r of list.slice(1)) if (r.relation === 'differs' && !out.some((o) => o.article === r.article && o.sentence === r.sentence)) out.push(r);
  }
  return out;
}

/** A differing reference whose every difference is of manner (certainty, negation), none of value. */
function mannerOnly(r: CoverageRef): boolean {
  return r.relation === 'differs' && (r.differences ?? (r.values ? [r.values] : [])).every((d) => d.attribute === 'certainty' || d.attribute === 'negation');
}

/** What the page sentence says beyond figures and places, read once per sentence. */
export interface PageTraits {
  certainty: CertaintyReadings | null;
  dates: DateSpan[];
  /** Per page figure, the group its share is of ("of the nurses"), or []. */
  groups: string[][];
  /** Per page figure, its text with the group ("45% of the nurses"). */
  groupTexts: string[];
  /** Counts the page's shares of a stated total come to. */
  derived: DerivedCount[];
  /** The sentence's negation and what it denies, null when not read (no tokens). */
  negation: Negation | null;
  /** The sentence's word keys (core/lang/keywords), to check that the other side states what one side denies. */
  keys: ReadonlySet<string>;
  /** How much of a group the sentence speaks of ("all of the lenders", "one of the lenders"), null when it says not. */
  quantity: QuantityScope | null;
  /** Its unplaced time ("in the past") and its decade ("1970s") as written, "" when none. */
  vague: string;
  decade: string;
  /** The words it quotes, lower case ([] when none), and the quoted text as written. */
  quoted: string[];
  quotedText: string;
  /** Its repeat marker as written ("again", "a second campaign"; core/lang/event-time), "" when none. */
  repeat: string;
  /** Names listed with its known places that the corpus does not know, as written (core/lang/places listedPlaces). */
  listed: string[];
  /** Its comma-set relative clauses (", who is facing a vote after …,"), each with the word keys it holds and its own certainty (readRelatives). */
  relatives: RelativeClause[];
}

/** A relative clause set off by a comma, which states a fact of its own: its word keys and its certainty. */
export interface RelativeClause {
  keys: readonly string[];
  certainty: CertaintyReadings;
}

/** Reads the page sentence's certainty, dates and share groups (empty when the context has no tokens). */
export function pageTraits(ctx: RelateContext): PageTraits {
  const { run, from, to } = ctx;
  if (!run || from === undefined || to === undefined) return { certainty: null, dates: [], groups: ctx.figures.map(() => []), groupTexts: ctx.figures.map((g) => ctx.text.slice(g.start, g.end)), derived: [], negation: null, keys: new Set(), quantity: null, vague: '', decade: '', quoted: [], quotedText: '', repeat: '', listed: [], relatives: [] };
  let quoted = ctx.quoted;
  if (!quoted && run instanceof Tokens && run.quoteMarks > 0) {
    const spans: number[] = [];
    const n = findQuotedSpans(run, spans);
    quoted = spans.slice(0, n * 2);
  }
  quoted ??= [];
  const isQuoted = (i: number) => {
    for (let k = 0; k + 1 < quoted.length; k += 2) if (i >= quoted[k] && i < quoted[k + 1]) return true;
    return false;
  };
  const spans = ctx.figures.map((g) => shareGroupSpan(run, g, to));
  let certainty = readCertainties(run, from, to, isQuoted);
  // A sentence of a quote with no cue of its own is put as the quote was introduced ("…," he is expected to say).
  if (ctx.quoteIntro?.cue && !certainty.clause.cue && !certainty.content) certainty = { clause: { ...ctx.quoteIntro }, content: null };
  return {
    certainty,
    dates: findDateSpans(run, from, to, ctx.pageDay ?? null),
    groups: spans.map((sp) => sp.keys),
    groupTexts: spans.map((sp, k) => ctx.text.slice(ctx.figures[k].start, sp.end > ctx.figures[k].next ? run.end[sp.end - 1] : ctx.figures[k].end)),
    derived: derivedCounts(run, ctx.figures, to),
    negation: readNegationOf(run, from, to),
    keys: sentenceKeys(run, from, to),
    quantity: readQuantityScope(run, from, to),
    vague: spanText(ctx.text, readVagueTime(run, from, to)),
    decade: spanText(ctx.text, readDecade(run, from, to)),
    quoted: quotedWords(run, from, to, isQuoted),
    quotedText: quotedSpanText(ctx.text, run, quoted, from, to),
    repeat: spanText(ctx.text, readRepeatMarker(run, from, to)),
    listed: pageListedPlaces(ctx, run, from, to),
    relatives: readRelatives(run, from, to, isQuoted),
  };
}

/**
 * The sentence's relative clauses set off by a comma: from the relative pronoun (lang/closed-class;
 * after a comma its clause adds a fact about what came before, "X, who faces a vote, will speak") to the next clause
 * punctuation or the sentence's end. Such a clause states its own fact with its own certainty: in "X, who is facing a
 * challenge after the vote, will tell members …" the "will" is the main clause's, not the
 * challenge's. Quoted words are the speaker's (skipped, as readCertainties does).
 */
function readRelatives(run: TokenRun, from: number, to: number, isQuoted: (i: number) => boolean): RelativeClause[] {
  const out: RelativeClause[] = [];
  for (let i = from + 1; i < to; i++) {
    if (!(run.flags[i] & WORD) || run.norm[i - 1] !== ',' || !RELATIVE_PRONOUNS.has(run.norm[i].toLowerCase()) || isQuoted(i)) continue;
    let end = i + 1;
    while (end < to && (run.flags[end] & WORD || !isClauseBreak(run.norm[end], (run.flags[end] & SPACED) !== 0))) end++;
    out.push({ keys: [...sentenceKeys(run, i, end)], certainty: readCertainties(run, i, end, isQuoted) });
    i = end;
  }
  return out;
}

/** Fewest of a claim's word keys a relative clause must hold to be read as the clause that states it. */
const RELATIVE_MIN_KEYS = 2;

/**
 * The page's certainty for one corpus claim: a comma-set relative clause's own when that clause
 * holds more of the claim's word keys than the rest of the sentence does (it states the claim),
 * else the sentence's. The re-ranker reads modality so too, in the clause that states the claim best.
 */
function pageCertaintyFor(page: PageTraits, claimKeys: readonly number[], keyIds: ReadonlyMap<string, number> | undefined): CertaintyReadings | null {
  if (!page.certainty || page.relatives.length === 0 || !keyIds) return page.certainty;
  const held = new Set(claimKeys);
  const holds = (k: string) => {
    const id = keyIds.get(k);
    return id !== undefined && held.has(id);
  };
  let total = 0;
  for (const k of page.keys) if (holds(k)) total++;
  for (const r of page.relatives) {
    let inside = 0;
    for (const k of r.keys) if (holds(k)) inside++;
    if (inside >= RELATIVE_MIN_KEYS && inside > total - inside) return r.certainty;
  }
  return page.certainty;
}

/** The names the page sentence lists with its known places that are none of the corpus's (listedPlaces), as written. */
function pageListedPlaces(ctx: RelateContext, run: TokenRun, from: number, to: number): string[] {
  if (ctx.pagePlaces.length < 2 || to <= from) return [];
  // Each known place's token range, found from its text in sentence order.
  const known: [number, number][] = [];
  let at = run.start[from];
  let i = from;
  for (const name of ctx.pagePlaceTexts) {
    const start = ctx.text.indexOf(name, at);
    if (start < 0) continue;
    while (i < to && run.start[i] < start) i++;
    let last = i;
    while (last + 1 < to && run.end[last] < start + name.length) last++;
    if (i < to && run.start[i] === start) known.push([i, last]);
    at = start + name.length;
  }
  return listedPlaces(run, from, to, known).map(([f, l]) => ctx.text.slice(run.start[f], run.end[l]));
}

/** The sentence index of an article's headline: the analysis puts it first (CorpusArticle text). */
const HEADLINE_SENTENCE = 0;

/**
 * Whether a corpus claim is about another event than the page sentence, though it may share its
 * people, place and doings: the sentence says its event repeats or follows another ("again", "a
 * second campaign", "a year later") and the claim says no such thing; or the sentence places its
 * event (a year, a date) in a year after every year the claim can be about. That is the year of the
 * claim's own dates when it has some ("on Monday" in an article of a known day), else its article's
 * year when the claim states as done what its article could only report once it had happened (a
 * claim of what is planned or possible may be about a later year). A year the claim states itself is
 * compared as a figure instead (a date contradiction). A headline with no date of its own states its
 * article's news: done, it is of its article's year, so a page event placed wholly in another year,
 * before it as much as after, is another one ("Guild wins vote" in an article of 2021 is not the page's
 * "last year's vote" read in 2021). Unknown (old data, an undated article) says no.
 */
export function otherEvent(ctx: RelateContext, page: PageTraits, sig: ClaimSignature, traits: ClaimTraits | undefined): boolean {
  if (!traits) return false;
  if (page.repeat && traits[13] === '') return true;
  const pageYears = ctx.figures.filter((g) => g.cls === FigureClass.year).map((g) => g.value);
  const placed = page.dates.filter((d) => d.lo !== null);
  if ((pageYears.length === 0 && placed.length === 0) || sig[4].some((c) => c[2] === FigureClass.year)) return false;
  let last = 0;
  for (const d of traits[2]) if (d[1] !== null) last = Math.max(last, yearOf(d[1]));
  if (last === 0) {
    const done = traits[0] >= Certainty.stated && (traits[5] < 0 || traits[5] >= Certainty.stated);
    if (!done) return false;
    last = ctx.data?.articleYears?.[sig[0]] ?? 0;
    if (last <= 0) return false;
    if (sig[1] === HEADLINE_SENTENCE) {
      const [lo, hi] = [dayFromParts(last, 1, 1), dayFromParts(last, 12, 31)];
      return pageYears.every((y) => y !== last) && placed.every((d) => d.hi! < lo || d.lo! > hi);
    }
  }
  const firstAfter = dayFromParts(last + 1, 1, 1);
  return pageYears.every((y) => y > last) && placed.every((d) => d.lo! >= firstAfter);
}

/** The text of the first to the last quoted token of the sentence [from, to), "" when it quotes nothing. */
function quotedSpanText(text: string, run: TokenRun, quoted: readonly number[], from: number, to: number): string {
  let first = -1;
  let last = -1;
  for (let k = 0; k + 1 < quoted.length; k += 2) {
    const a = Math.max(from, quoted[k]);
    const b = Math.min(to, quoted[k + 1]);
    if (a >= b) continue;
    if (first < 0) first = a;
    last = b - 1;
  }
  return first < 0 ? '' : text.slice(run.start[first], run.end[last]);
}

/** The text of an optional span, "" when there is none. */
function spanText(text: string, span: { start: number; end: number } | null): string {
  return span ? text.slice(span.start, span.end) : '';
}

/** The word keys of tokens [from, to). */
function sentenceKeys(run: TokenRun, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let i = from; i < to; i++) {
    if (!(run.flags[i] & WORD)) continue;
    const k = wordKey(run.norm[i].toLowerCase());
    if (k) out.add(k);
  }
  return out;
}

/** At most this many words name a share's group ("of registered party members"). */
const MAX_GROUP_WORDS = 3;

/**
 * The group a percentage is a share of: keys of up to three content words after "of" ("62% of
 * the members" → member); [] for other figures or when no group is named. Used on the page and at
 * compile time alike, so both sides key groups one way.
 */
export function shareGroup(t: TokenRun, g: Pick<ParsedFigure, 'cls' | 'next' | 'groupFollows'>, to: number): string[] {
  return shareGroupSpan(t, g, to).keys;
}

/**
 * Whether a word looks like a plural noun, which ends the group a count is of ("1,200 harbour
 * wardens | marched"). Three letters are enough for an acronym's plural ("MPs"); "-ss" is singular.
 */
const looksPlural = (norm: string) => norm.length >= 3 && norm.endsWith('s') && !norm.endsWith('ss');

/**
 * The group a count is of: up to MAX_GROUP_WORDS content words after it, or after its "of" ("12
 * of the trustees"), ending at the first plural-looking word ("1,200 harbour wardens"); [] when no
 * plural word ends it within that many words, for a count's unit words run on into the verb
 * ("1,200 crammed into …") and could not say which group is meant.
 */
function countGroupSpan(t: TokenRun, next: number, to: number): { keys: string[]; end: number } {
  let j = next;
  if (j < to && t.norm[j] === 'of') {
    j++;
    while (j < to && GROUP_DETERMINERS.has(t.norm[j])) j++;
  }
  const words = groupWords(t, j, to, true);
  return words.plural ? words : { keys: [], end: next };
}

/**
 * The keys of the words from `from` (at most MAX_GROUP_WORDS, up to the first that is not a keyed
 * word) and the index after the last; with `toPlural`, up to and with the first plural noun, and
 * `plural` says whether one ended the run.
 */
function groupWords(t: TokenRun, from: number, to: number, toPlural: boolean): { keys: string[]; end: number; plural: boolean } {
  const keys: string[] = [];
  let j = from;
  for (; j < to && keys.length < MAX_GROUP_WORDS; j++) {
    if (!(t.flags[j] & WORD)) break;
    const key = wordKey(t.norm[j]);
    if (key === null) break;
    keys.push(key);
    if (toPlural && looksPlural(t.norm[j].toLowerCase())) return { keys, end: j + 1, plural: true };
  }
  return { keys, end: j, plural: false };
}

/** shareGroup, and the index of the token after the group's last word (g.next when there is none). */
export function shareGroupSpan(t: TokenRun, g: Pick<ParsedFigure, 'cls' | 'next' | 'groupFollows'>, to: number): { keys: string[]; end: number } {
  // "one in five nurses" names its group as a count does ("five nurses"), or after "of".
  if (g.cls === FigureClass.percent && g.groupFollows) return countGroupSpan(t, g.next, to);
  if (g.cls === FigureClass.count && g.next < to && !durationUnit(t.norm[g.next])) return countGroupSpan(t, g.next, to);
  if (g.cls !== FigureClass.percent || g.next >= to || t.norm[g.next] !== 'of') return { keys: [], end: g.next };
  let j = g.next + 1;
  while (j < to && GROUP_DETERMINERS.has(t.norm[j])) j++;
  const { keys, end } = groupWords(t, j, to, false);
  return { keys, end: keys.length ? end : g.next };
}

/** A count a share of a stated total comes to ("40% of its 300 members" is about 120 members). */
export interface DerivedCount {
  /** Index of the share and of its total among the figures. */
  share: number;
  total: number;
  value: number;
}

/**
 * Counts that shares of a stated total come to: a percentage followed by "of" (and determiners)
 * and a count. The share is usually rounded, so the count is compared as "about" it.
 */
export function derivedCounts(t: TokenRun, figures: readonly Pick<ParsedFigure, 'cls' | 'next' | 'first' | 'value'>[], to: number): DerivedCount[] {
  const out: DerivedCount[] = [];
  figures.forEach((g, k) => {
    if (g.cls !== FigureClass.percent || g.next >= to || t.norm[g.next] !== 'of') return;
    let j = g.next + 1;
    while (j < to && GROUP_DETERMINERS.has(t.norm[j])) j++;
    const total = figures.findIndex((h) => h.first === j && h.cls === FigureClass.count);
    if (total >= 0) out.push({ share: k, total, value: (g.value / 100) * figures[total].value });
  });
  return out;
}

/**
 * How firmly the corpus states what the page states: the reporting clauses first ("will say"
 * against "said", "suggested" against "said"); when they are alike, what is reported ("said it could
 * close" against "said it closed", "alleged it was definitely" against "suggested it could be"),
 * a sentence without a speech verb standing for its own content.
 */
export function certaintyDifference(page: CertaintyReadings, corpus: CertaintyReadings): { kind: DifferenceKind; page: CertaintyReading; corpus: CertaintyReading } | null {
  // One reports a future in the past ("she said jobs would come") and the other states it ("jobs
  // will come"): the reported future is compared with the statement, not the plain "said".
  const reportedFuture = (r: CertaintyReadings) => r.content?.cue === 'would' || (r.content === null && r.clause.cue === 'would');
  if ((page.content === null) !== (corpus.content === null) && (reportedFuture(page) || reportedFuture(corpus))) {
    const p = page.content ?? page.clause;
    const c = corpus.content ?? corpus.clause;
    const kind = compareCertainty(p.level, c.level);
    return kind ? { kind, page: p, corpus: c } : null;
  }
  const kind = compareCertainty(page.clause.level, corpus.clause.level);
  if (kind && !speechVerbOnly(page.clause, corpus, page) && !speechVerbOnly(corpus.clause, page, corpus)) return { kind, page: page.clause, corpus: corpus.clause };
  if (!page.content && !corpus.content) return null;
  const p = page.content ?? page.clause;
  const c = corpus.content ?? corpus.clause;
  const inner = compareCertainty(p.level, c.level);
  if (inner && (speechVerbOnly(p, corpus, page) || speechVerbOnly(c, page, corpus))) return null;
  return inner ? { kind: inner, page: p, corpus: c } : null;
}

/**
 * Whether `reading` differs only by its distancing speech verb from a plain report of speech: "he
 * claimed there was abuse" against "he told the event there has been abuse" reports the same
 * assertion by the same speaker, and the verb is the writer's manner, not the fact's certainty (the
 * other side `other` reports speech too: a speech verb with content after it; its reading there is
 * plain). Against a sentence that states the fact as its own, "claimed" stays a hedge. `own` is the
 * readings `reading` is part of: its clause must report content of its own (a speech verb then a clause).
 */
function speechVerbOnly(reading: CertaintyReading, other: CertaintyReadings, own: CertaintyReadings): boolean {
  if (!isDistancingSpeech(reading.cue) || other.content === null) return false;
  const plain = (r: CertaintyReading) => r.level === Certainty.stated && r.cue === '';
  return plain(other.clause) && plain(other.content) && (own.content !== null || reading !== own.clause);
}

/** The cue shown for a corpus claim put as its quote was introduced (RelateData.quoteLevel: only "will say" is stored, not its words). */
const QUOTE_LEVEL_CUE = 'will say';

/** Tokens for reading a quotation's words (quotedCertainty): one, reused. */
const quoteTokens = new Tokens();

/** How firmly a quotation's own words put what they say ("it will close": expected), read as a statement of the speaker's. */
function quotedCertainty(words: string): CertaintyReading {
  const t = tokenize(words, quoteTokens);
  return readCertainties(t, 0, t.count).clause;
}

/**
 * A corpus claim's quantifier (ClaimTraits[9]) as the page's is read: whether it picks members out
 * ("one of …", QuantityScope.picks) is read again from its phrase as written, which the compiled
 * traits keep (no new field in stored data).
 */
function corpusQuantity(q: [number, string[], string]): QuantityScope & { text: string } {
  const t = tokenize(q[2], quoteTokens);
  const read = readQuantityScope(t, 0, t.count);
  return read?.picks ? { level: q[0], keys: q[1], start: 0, end: 0, picks: true, text: q[2] } : { level: q[0], keys: q[1], start: 0, end: 0, text: q[2] };
}

/** Display words of a certainty reading: its cue as written, or "stated" for a plain statement. */
function certaintyText(cue: string): string {
  return cue || 'stated';
}

/**
 * How one corpus claim relates to the page sentence of `ctx`; `claim` indexes its traits, `page` is
 * pageTraits(ctx). `figuresOnly` (a claim the re-ranker did not link, ClaimCandidate.valuesOnly)
 * compares only figures that measure the same thing beyond doubt (sameMeasure), nothing else.
 */
export function relate(ctx: RelateContext, sig: ClaimSignature, sim: number, claim = -1, page: PageTraits = pageTraits(ctx), linked = false, figuresOnly = false): CoverageRef {
  const [article, sentence, , , figs, claimPlaces] = sig;
  const traits = claim >= 0 ? ctx.data?.traits(claim) : undefined;
  // Values are compared between statements of one fact: the re-ranker's link says so (fitted);
  // a group member the re-ranker did not link needs close wording (the first round's hand-set share).
  const compare = linked || sim >= VALUE_COMPARE_FROM;
  const differences: ValueDifference[] = [];
  const add = (d: ValueDifference) => {
    if (!differences.some((x) => x.attribute === d.attribute && x.kind === d.kind)) differences.push(d);
  };
  // Figures are compared only when they measure the same thing; a difference needs close wording too.
  let figureAgrees = false;
  // A share or an amount both sides state of one measure ("5% of its members", "£40m"): a statistic,
  // which a statement of another period or place gives for that period or place (scope, below).
  let statistic = false;
  // Date differences between periods (a year, a month: PERIOD_DAYS or longer on both sides), not days.
  const periodic = new Set<ValueDifference>();
  // The page's figures, then the counts its shares of a stated total come to; a total itself
  // ("300" in "40% of its 300 members") is not the count the sentence states.
  const totals = new Set(page.derived.map((d) => d.total));
  const pageFigures = [
    ...ctx.figures.map((g, gi) => ({ g, units: ctx.figureUnitKeys[gi], group: page.groups[gi] ?? [], text: ctx.text.slice(g.start, g.end), groupText: page.groupTexts[gi], skip: totals.has(gi), derived: false, duration: durationUnit(ctx.run?.norm[g.next]) })),
    ...page.derived.map((d) => {
      const share = ctx.figures[d.share];
      const total = ctx.figures[d.total];
      const g = { value: d.value, qualifier: QUALIFIERS.indexOf('about'), cls: FigureClass.count, high: undefined };
      return { g, units: ctx.figureUnitKeys[d.total], group: [] as string[], text: ctx.text.slice(share.start, total.end), groupText: undefined, skip: false, derived: true, duration: '' };
    }),
  ];
  // Corpus figures past the claim's own (its traits list one group per own figure) are derived counts too.
  const ownFigures = traits ? traits[3].length : figs.length;
  for (const { g, units, group: pageGroup, text: pageText, groupText, skip, derived, duration } of pageFigures) {
    if (skip) continue;
    let verdict: { kind: DifferenceKind | null; corpus: number } | null = null;
    let scope: number | null = null;
    let scopeAgrees = false;
    for (let ci = 0; ci < figs.length; ci++) {
      const c = figs[ci];
      if (c[2] !== g.cls) continue;
      const corpusGroup = traits?.[3][ci] ?? [];
      // The one judge of what two figures measure (lang/figure-compare), the claim groups' too.
      const measure = measureRelation({ cls: g.cls, units, group: pageGroup }, { cls: c[2], units: c[3], group: corpusGroup });
      if (measure === 'other') continue;
      if (figuresOnly && !sameMeasure(g.cls, units, c[3], pageGroup, corpusGroup)) continue;
      if (measure === 'scope') {
        // The same figure of another group says the scope first; another figure of another group, failing that.
        const agrees = figuresAgree(g.value, g.qualifier, c[0], c[1], g.high, c[4]);
        if (scope === null || (agrees && !scopeAgrees)) {
          scope = ci;
          scopeAgrees = agrees;
        }
        continue;
      }
      const corpusDuration = traits?.[11]?.[ci] ?? '';
      let kind: DifferenceKind | null;
      if (g.cls === FigureClass.year) kind = valueRelation(g.value, g.qualifier, c[0], c[1], g.cls);
      else if (g.cls === FigureClass.count && duration && corpusDuration && duration !== corpusDuration) {
        // One duration in other units ("fourteen weeks", "more than three months"): in days, each
        // approximate (a month has no fixed length) unless it states a limit.
        const about = QUALIFIERS.indexOf('about');
        const inDays = (v: number | undefined, unit: string) => (v === undefined ? undefined : v * daysIn(unit));
        kind = compareFigures(g.value * daysIn(duration), g.qualifier || about, c[0] * daysIn(corpusDuration), c[1] || about, g.cls, inDays(g.high, duration), inDays(c[4], corpusDuration));
        // Converted values are not written figures: only a contradiction or a limit's precision is said.
        if (kind !== 'contradiction' && (g.qualifier === 0) === (c[1] === 0)) kind = null;
      } else kind = valueRelation(g.value, g.qualifier, c[0], c[1], g.cls, g.high, c[4]);
      // A count that a share comes to is approximate by construction: consistent with a count is the same.
      if ((derived || ci >= ownFigures) && kind !== 'contradiction') kind = null;
      // The closest reading wins: the same figure, then a precision difference, then a contradiction.
      const rank = (k: DifferenceKind | null) => (k === null ? 0 : k === 'contradiction' ? 2 : 1);
      if (!verdict || rank(kind) < rank(verdict.kind)) verdict = { kind, corpus: ci };
    }
    if (verdict) {
      if (verdict.kind !== 'contradiction') figureAgrees = true;
      if (g.cls === FigureClass.percent || g.cls === FigureClass.money) statistic = true;
      if (verdict.kind && compare) {
        const c = figs[verdict.corpus];
        const d: ValueDifference = { attribute: g.cls === FigureClass.year ? 'date' : 'figure', kind: verdict.kind, page: pageText, corpus: formatFigure(c[0], c[1], c[2], c[4]) };
        if (g.cls === FigureClass.year) periodic.add(d);
        add(d);
      }
    } else if (scope !== null && compare) {
      const c = figs[scope];
      add({ attribute: 'scope', kind: 'scope', page: groupText ?? pageText, corpus: traits?.[4]?.[scope] || formatFigure(c[0], c[1], c[2], c[4]) });
    }
  }
  // Places: a shared place agrees; a place inside the other is a difference of precision.
  let placeAgrees = false;
  if (!figuresOnly && ctx.pagePlaces.length > 0 && claimPlaces.length > 0) {
    placeAgrees = ctx.pagePlaces.some((p) => claimPlaces.includes(p));
    // One judge of places (core/lang/places), the claim groups' too: what the corpus text says first, a gazetteer where no article relates the two.
    // The page's list may name places the corpus never does (listedPlaces): its own places too.
    const judged = compare ? relatePlaces(ctx.pagePlaces, claimPlaces, ctx.data ? { text: ctx.data.within, gazetteer: ctx.data.withinGazetteer } : undefined, page.listed.length) : null;
    if (judged?.relation === 'scope') {
      // Lists of places that share some and each name others: the same statement about other places.
      add({ attribute: 'place', kind: 'scope', page: [...judged.aOnly.map((i) => ctx.pagePlaceTexts[i]), ...page.listed].join(', '), corpus: judged.bOnly.map((i) => ctx.places[claimPlaces[i]]).join(', ') });
    }
    if (!placeAgrees && judged) {
      if (judged.relation === 'within' || judged.relation === 'around') {
        add({ attribute: 'place', kind: judged.relation === 'within' ? 'place-within' : 'place-around', page: ctx.pagePlaceTexts[judged.a], corpus: ctx.places[claimPlaces[judged.b]], basis: judged.basis });
      } else add({ attribute: 'place', kind: 'contradiction', page: ctx.pagePlaceTexts[0], corpus: ctx.places[claimPlaces[0]] });
    }
  }
  if (traits && compare && !figuresOnly) {
    // Dates: any pair naming the same day agrees; else the first pair that compares says how.
    const corpusDates = traits[2];
    let dateKind: { kind: DifferenceKind; page: string; corpus: string } | null = null;
    let datePeriods = false;
    let sameDate = false;
    // A month without its year ("in March", no date to place it) is a period too.
    const isPeriod = (d: DateSpan) => (d.lo !== null && d.hi !== null ? d.hi - d.lo + 1 >= PERIOD_DAYS : d.month > 0 && d.day === 0);
    for (const pd of page.dates) {
      for (const [lo, hi, weekday, month, day, written] of corpusDates) {
        const cd: DateSpan = { start: 0, end: 0, lo, hi, weekday, month, day };
        const r = compareDates(cd, pd);
        // compareDates says how the page's date relates to the corpus's; the kind says the corpus's.
        if (r === 'same') sameDate = true;
        else if (r && !dateKind) {
          dateKind = { kind: r === 'more-precise' ? 'less-precise' : r === 'less-precise' ? 'more-precise' : 'contradiction', page: ctx.text.slice(pd.start, pd.end), corpus: written };
          datePeriods = isPeriod(cd) && isPeriod(pd);
        }
      }
    }
    // A resolved date against a year stated as a figure on the other side only ("last year" on a page
    // of 2021 against "in 2019"; "on 2 March" in an article of 2021 against "in 2020"): the year as
    // its days. A side that states a year figure of its own is compared by it (figures, above).
    if (!dateKind && !sameDate) {
      const exactYears = (list: readonly { cls: number; qualifier: number; value: number }[]) => list.filter((g) => g.cls === FigureClass.year && g.qualifier === 0).map((g) => g.value);
      const pageYears = exactYears(ctx.figures);
      const corpusYears = exactYears(figs.map((c) => ({ value: c[0], qualifier: c[1], cls: c[2] })));
      const yearSpan = (y: number): DateSpan => ({ start: 0, end: 0, lo: dayFromParts(y, 1, 1), hi: dayFromParts(y, 12, 31), weekday: -1, month: 0, day: 0 });
      const corpusSpans: [DateSpan, string][] = pageYears.length ? [] : corpusYears.map((y) => [yearSpan(y), String(y)]);
      const pageSpans: [DateSpan, string][] = page.dates.map((d) => [d, ctx.text.slice(d.start, d.end)]);
      const pairs: [DateSpan, string, DateSpan, string][] = [
        ...pageSpans.flatMap(([p, pt]) => corpusSpans.map(([c, ct]): [DateSpan, string, DateSpan, string] => [p, pt, c, ct])),
        ...(corpusYears.length ? [] : pageYears.flatMap((y) => corpusDates.map(([lo, hi, weekday, month, day, written]): [DateSpan, string, DateSpan, string] => [yearSpan(y), String(y), { start: 0, end: 0, lo, hi, weekday, month, day }, written]))),
      ];
      for (const [p, pt, c, ct] of pairs) {
        if (p.lo === null || c.lo === null) continue;
        const r = compareDates(c, p);
        if (r === 'same') sameDate = true;
        else if (r && !dateKind) {
          dateKind = { kind: r === 'more-precise' ? 'less-precise' : r === 'less-precise' ? 'more-precise' : 'contradiction', page: pt, corpus: ct };
          datePeriods = isPeriod(c) && isPeriod(p);
        }
      }
    }
    if (dateKind && !sameDate) {
      const d: ValueDifference = { attribute: 'date', ...dateKind };
      if (datePeriods) periodic.add(d);
      add(d);
    }
    // A placed time against an unplaced one ("in the 1970s" against "in the past", "in 2020"
    // against "at the next election"): the placed one is the more precise.
    else if (!dateKind && !sameDate) {
      const [corpusVague, corpusDecade] = traits[10] ?? ['', ''];
      const pageYear = ctx.figures.find((g) => g.cls === FigureClass.year);
      const corpusYear = figs.find((c) => c[2] === FigureClass.year);
      const pagePlaced = page.decade || (pageYear ? ctx.text.slice(pageYear.start, pageYear.end) : '') || (page.dates[0] ? ctx.text.slice(page.dates[0].start, page.dates[0].end) : '');
      const corpusPlaced = corpusDecade || (corpusYear ? String(corpusYear[0]) : '') || (corpusDates[0]?.[5] ?? '');
      if (page.vague && !pagePlaced && corpusPlaced && !corpusVague) add({ attribute: 'date', kind: 'more-precise', page: page.vague, corpus: corpusPlaced });
      else if (corpusVague && !corpusPlaced && pagePlaced && !page.vague) add({ attribute: 'date', kind: 'less-precise', page: pagePlaced, corpus: corpusVague });
    }
    // Certainty: the same fact stated as possible, planned, plain or confirmed.
    const pageCertainty = pageCertaintyFor(page, sig[3], ctx.data?.keyIds);
    if (pageCertainty) {
      let corpus: CertaintyReadings = { clause: { level: traits[0], cue: traits[1] }, content: traits[5] >= 0 ? { level: traits[5], cue: traits[6] } : null };
      // A claim of a quote with no cue of its own is put as its quote was introduced, as the page's is (pageTraits).
      const quoteLevel = !traits[1] && !corpus.content ? ctx.data?.quoteLevel?.(article, sentence) : undefined;
      if (quoteLevel !== undefined && quoteLevel !== Certainty.stated) corpus = { clause: { level: quoteLevel, cue: QUOTE_LEVEL_CUE }, content: null };
      let found = certaintyDifference(pageCertainty, corpus);
      // One side reports the speech indirectly ("said it would close"), the other quotes it whole
      // ('said: "It will close."', whose quoted words are no content of the writer's): when the
      // quote's own words put it as firmly as the report does, the writer changed nothing. Only
      // ever a difference taken away: a long quote's cue may be another clause's.
      if (found && pageCertainty.content && !corpus.content && traits[12]?.length === 2) {
        if (!certaintyDifference(pageCertainty, { ...corpus, content: quotedCertainty(traits[12][0]) })) found = null;
      } else if (found && !pageCertainty.content && corpus.content && page.quoted.length >= MIN_QUOTED_WORDS) {
        if (!certaintyDifference({ ...pageCertainty, content: quotedCertainty(page.quoted.join(' ')) }, corpus)) found = null;
      }
      if (found) add({ attribute: 'certainty', kind: found.kind, page: certaintyText(found.page.cue), corpus: certaintyText(found.corpus.cue) });
    }
    // Quote wording: both quote the speaker, in other words of one utterance (a cut is no
    // difference), or other words altogether (another utterance: the page's words are not this article's).
    const corpusQuote = traits[12];
    if (corpusQuote?.length === 2) {
      const wording = quoteWording(page.quoted, corpusQuote[0].split(' '));
      if (wording === 'varied' || wording === 'other') add({ attribute: 'wording', kind: wording === 'varied' ? 'quote-varied' : 'quote-other', page: page.quotedText, corpus: corpusQuote[1] });
    } else if (!corpusQuote?.length) {
      // A claim without quote marks of its own inside a quote that runs over sentences: the
      // speaker's words are the whole quote's, compared as a claim's own quotation is (a page quote
      // of another of its sentences is the same utterance cut, no difference).
      const inside = ctx.data?.quoteInside?.(article, sentence);
      const wording = inside ? quoteWording(page.quoted, inside.whole) : null;
      if (inside && (wording === 'varied' || wording === 'other')) add({ attribute: 'wording', kind: wording === 'varied' ? 'quote-varied' : 'quote-other', page: page.quotedText, corpus: inside.here.join(' ') });
    }
    // Scope: all of a group against a part of it ("all of the lenders" against "one of the lenders"),
    // or as much of another group, when neither sentence names the other's group anywhere: only a
    // sentence's first quantifier is read, and "organisations such as X and some of the unions" read
    // by its first would otherwise be of another group than "some of the unions".
    const q = traits[9];
    const pageQ = page.quantity;
    const corpusQ = q && q.length === 3 && pageQ ? corpusQuantity(q) : null;
    if (pageQ && corpusQ && scopesDiffer(pageQ, corpusQ)) {
      const keyIds = ctx.data?.keyIds;
      // Without the corpus's keys nothing says the claim does not name the page's group.
      const claimNames = (k: string) => {
        const id = keyIds ? keyIds.get(k) : -1;
        return id !== undefined && (id < 0 || sig[3].includes(id));
      };
      const namesOther = pageQ.level === corpusQ.level && (corpusQ.keys.some((k) => page.keys.has(k)) || pageQ.keys.some(claimNames));
      if (!namesOther) add({ attribute: 'scope', kind: 'scope', page: ctx.text.slice(pageQ.start, pageQ.end), corpus: corpusQ.text });
    }
    // Negation: one says it did not happen ("did not back" against "backed"), and the other states
    // what it denies (a denial elsewhere in a long sentence, "who did it is not known", is not this).
    const corpusCue = traits[7];
    const corpusTarget = traits[8];
    if (page.negation && corpusCue !== undefined && corpusTarget !== undefined && (page.negation.cue === '') !== (corpusCue === '')) {
      const deniedId = ctx.data?.keyIds.get(page.negation.target);
      const denied = page.negation.cue ? deniedId !== undefined && sig[3].includes(deniedId) : corpusTarget !== '' && page.keys.has(corpusTarget);
      if (denied) add({ attribute: 'negation', kind: 'negation', page: certaintyText(page.negation.cue), corpus: certaintyText(corpusCue) });
    }
  }
  // A statistic of another period or place ("5% in 2020" against "5% in 2019", "5% in one town"
  // against "in another") is the same measure for another period or place, both of which can be
  // true: scope, not a contradiction. A day or a weekday places an event, and stays a contradiction.
  if (statistic) {
    for (const d of differences) if (d.kind === 'contradiction' && ((d.attribute === 'date' && periodic.has(d)) || d.attribute === 'place')) d.kind = 'scope';
    const seen = new Set<string>();
    for (let k = differences.length - 1; k >= 0; k--) {
      const key = `${differences[k].attribute}/${differences[k].kind}`;
      if (seen.has(key)) differences.splice(k, 1);
      seen.add(key);
    }
  }
  differences.sort((a, b) => KIND_ORDER.indexOf(a.kind!) - KIND_ORDER.indexOf(b.kind!));
  differences.length = Math.min(differences.length, MAX_DIFFERENCES);
  let relation: Relation = sim >= AGREE_THRESHOLD ? 'agrees' : 'adds';
  if (differences.length > 0) relation = 'differs';
  else if (figureAgrees || placeAgrees) relation = compare ? 'agrees' : relation;
  const ref: CoverageRef = { article: ctx.articles[article], sentence, relation, score: roundScore(Math.min(1, sim)) };
  if (differences.length > 0) {
    ref.kind = differences[0].kind;
    ref.values = differences[0];
    if (differences.length > 1) ref.differences = differences;
  }
  return ref;
}

/** Which difference a reference names first: what a reader must not miss comes first. */
const KIND_ORDER: readonly DifferenceKind[] = [
  'contradiction',
  'negation',
  'scope',
  'less-certain',
  'more-certain',
  'place-within',
  'place-around',
  'more-precise',
  'less-precise',
  'quote-other',
  'quote-varied',
  'quote-cut',
];

/** A score rounded to three decimals, as matches carry it. */
export function roundScore(x: number): number {
  return Math.round(x * 1000) / 1000;
}
