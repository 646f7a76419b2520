/**
 * Claims: page sentences that state something a corpus claim states.
 *
 * Each corpus claim compiles to a signature of keys: stemmed content words, the entities and places
 * it names, and its figures (by class and value, so "thirty-six" and "36" agree). A page sentence is
 * keyed the same way. Retrieval: an inverted index (key → claims) and BM25 (bm25.ts) give the
 * RETRIEVE_K best candidates in time proportional to the sentence's keys. Re-ranking: for each
 * candidate the features of rerank.ts (word overlap, soft alignment with word vectors and WordNet
 * senses, actors, negation, modality, events in time) go through the fitted logistic model; the best candidate links
 * when its probability reaches the fitted link probability. How each corpus article relates to the
 * sentence is relate.ts's work.
 */
import type { ClaimSignature, MatcherData } from './data';
import { PatternType } from './data';
import { entityKey, figureKey, placeKey, wordKey } from './keys';
import { SYM_FIGURE, SYM_NUMBER } from './symbols';
import type { NameHits } from './names';
import { FigureClass, parseFigures, type ParsedFigure } from '../lang/figures';
import { NUM, SPACED, Tokens, WORD } from './tokens';
import type { CoverageRef } from '../index/types';
import { claimEvidence, otherEvent, pageTraits, relateData, roundScore, type ClaimCandidate, type RelateContext, type RelateData } from './relate';
import { Bm25, topK } from './bm25';
import { ClaimParts } from './claim-parts';
import { POSTINGS_PIECE_CLAIMS, keyPostings, keyPostingsSteps } from './key-postings';
import { F, FEATURE_COUNT, fittedModel, probability, type RerankModel } from './rerank';
import { MODAL, NEGATION, TIME_LATER, TIME_SHIFT, modalBeforeTo, wordClass } from './rerank-words';
import type { WordVectors } from '../lang/vectors';
import { isEventVerb } from '../lang/event-verbs';
import { CLAUSE_OPENERS, isClauseBreak } from '../lang/clause-breaks';
import { OPENING_CONNECTIVES, PERSON_PRONOUNS } from '../lang/function-words';
import { FEMALE, MALE, UNKNOWN_GENDER } from './person-gender';
import { findDateSpans, yearOf } from '../lang/date-spans';
import { MIN_FRAGMENT_CONTENT_WORDS, citesFragment, quotedSpansAsWritten } from '../lang/quoted-words';
import { findQuotedSpans } from './quotes';

/** Weight of a page content word that no corpus claim uses (it dilutes the match). */
const UNKNOWN_WEIGHT = 2;
/**
 * A claim sharing fewer keys than this with the sentence is not a candidate: one shared word is
 * coincidence. Two, not the first round's three: BM25 and the re-ranker judge the rest (a short
 * claim restated in a long sentence shares few keys, and the three-key minimum blocked it).
 */
export const MIN_CANDIDATE_SHARED = 2;
/**
 * Candidates the re-ranker scores per sentence. A claim is stated by at most one sentence per
 * outlet in most corpora and a page sentence rarely states more than two claims, so the right claims
 * rank in the first few by BM25; 8 leaves room for near-duplicate claims of one article at a cost
 * per sentence that stays small (README, Benchmarks). Recall at K on the dev split is printed by
 * scripts/fit-reranker.ts.
 */
export const RETRIEVE_K = 8;
/**
 * First-round cosine from which a sentence restates a claim rather than covers it: the same keys
 * with at most a light word of difference. Two outlets' wordings of one fact share far fewer keys:
 * looking each seed up against the other four, 0 of 12 claim links reach it; of 82 claim links on
 * the dev split's sentences, 1 does (a sentence written as a near copy); a copy of an article scores
 * about 1. One such sentence on a page is not enough to take it for a copy (select.ts).
 */
export const RESTATE_COSINE = 0.95;
/**
 * Shared keys at which the sharedKeys feature reaches 1 (features lie in [0, 1]): about a whole
 * claim's worth (the seeds' claims hold 9 keys at the median, 6 at the first quartile), so the
 * feature tells two or three words in common, the least a candidate has, from a restatement.
 */
const SHARED_KEYS_SCALE = 8;
/** Page content words the soft alignment reads per sentence (a longer sentence is read up to here). */
const MAX_PAGE_WORDS = 64;
/** Distinct claim words per sentence whose cosines with the page words are kept (the top K claims hold fewer). */
const COSINE_SLOTS = 256;
/** The rarest claim words whose weakest alignment is a feature (actor and event words, most often). */
const RARE_WORDS = 3;
/**
 * Fewest content items (words, names, places, figures) of a clause scored on its own: a shorter
 * stretch between two breaks ("he said", "in 2019") joins the next, so no two-word stretch can be
 * wholly covered by chance.
 */
const MIN_CLAUSE_ITEMS = 3;
/** Clauses of a sentence kept apart (a longer sentence's last clauses are read as one). */
const MAX_CLAUSES = 16;
/** The rerank-words flags of time words, read over the whole sentence. */
const TIME_WORDS = TIME_SHIFT | TIME_LATER;
/** Per-symbol bits of the scorer's own cache. */
const SYM_EVENT_VERB = 1;
const SYM_CLAUSE_OPENER = 2;
const SYM_MODAL_BEFORE_TO = 4;

/** The features of a token range: content keys, entities, places, figures. */
export interface SentenceFeatures {
  keys: string[];
  figures: ParsedFigure[];
  entities: number[];
  places: number[];
}

/**
 * Extracts keys of tokens [a, b) given the name hits inside it (compile time; allocation is fine here).
 * `keyOf` gives token i's wordKey (the compile's is kept per symbol of its tokens' table).
 */
export function sentenceFeatures(t: Tokens, a: number, b: number, hits: NameHits, keyOf: (t: Tokens, i: number) => string | null = (tokens, i) => wordKey(tokens.norm[i])): SentenceFeatures {
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
    const key = keyOf(t, i);
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
  /** The re-ranker's link probability of the best claim. */
  score: number;
  refs: CoverageRef[];
  /** Article index of a claim the sentence restates key for key (first-round cosine ≥ RESTATE_COSINE), or -1. */
  restates: number;
}

/** Options of the claim scorer. */
export interface ClaimScorerOptions {
  /** Word vectors for the soft alignment; without them only identical keys align (tests, tools). */
  vectors?: WordVectors | null;
  /** The model; the fitted one (fitted-reranker.json) when omitted. */
  model?: RerankModel;
  /** Candidates re-ranked per sentence; RETRIEVE_K when omitted (scripts/retrieval-misses.ts measures recall at larger k). */
  retrieveK?: number;
  /** Read every posting of the sentence's keys (the reference the pruned retrieval is checked against; slower, same results). */
  exhaustiveRetrieval?: boolean;
  /** Pieces of the build already made from the same data (scan.ts builds them in separate tasks: claimScorerPieces). */
  built?: ClaimScorerPieces;
  /** Claims one step of claimScorerSteps reads, other than POSTINGS_PIECE_CLAIMS (tests: many pieces of a small corpus). */
  pieceClaims?: number;
}

/** The larger pieces of a ClaimScorer's build, each what the constructor would make from the same data. */
export interface ClaimScorerPieces {
  relate?: RelateData;
  postings?: Int32Array[];
  bm25?: Bm25;
  tables?: ClaimTables;
  parts?: ClaimParts;
}

/** Per-claim tables: each claim's key weight sum, each group's claims, each claim's sentence's first claim. */
interface ClaimTables {
  claimNorm: Float64Array;
  groupMembers: number[][];
  sentenceLead: Int32Array;
}

/**
 * The build of a ClaimScorer as steps, each a piece of it, then the scorer: the same scorer as
 * `new ClaimScorer(data, options)`, built in tasks a caller can yield between (the whole build is
 * ~150–210 ms of CPU at 5,000 generated articles; scripts/bench/cold-side.ts --steps prints the pieces).
 * What grows with the claims (the postings, the tables) is built a range of claims a step, so no
 * step grows with the corpus: at 20,000 generated articles the postings and the tables were tasks of
 * ~175 ms of CPU each (load ~13), which a names request arriving meanwhile waited behind.
 */
export function claimScorerSteps(data: MatcherData, options: ClaimScorerOptions = {}): { steps: (() => void)[]; scorer: () => ClaimScorer } {
  const built: ClaimScorerPieces = { ...options.built };
  const piece = options.pieceClaims ?? POSTINGS_PIECE_CLAIMS;
  const postings = built.postings ? null : keyPostingsSteps(data.claims, data.keys.length, piece);
  const tables = built.tables ? null : claimTablesSteps(data, piece);
  const finish = () => {
    if (postings) built.postings ??= postings.result();
    if (tables) built.tables ??= tables.result();
    built.bm25 ??= claimBm25(data, built.postings);
  };
  return {
    steps: [
      () => void (built.relate ??= relateData(data)),
      ...(postings?.steps ?? []),
      () => void (built.postings ??= postings?.result()),
      () => void (built.bm25 ??= claimBm25(data, built.postings)),
      ...(tables?.steps ?? []),
      () => void (built.tables ??= tables?.result()),
      () => void (built.parts ??= claimParts(data, (built.bm25 ??= claimBm25(data, built.postings)), options.vectors ?? null)),
    ],
    scorer: () => {
      finish();
      return new ClaimScorer(data, { ...options, built });
    },
  };
}

function claimTables(data: MatcherData): ClaimTables {
  return claimTablesSteps(data).result();
}

/**
 * claimTables in pieces, as keyPostingsSteps (and as many claims a piece, a loop of like cost):
 * each step reads at most `piece` claims or groups (counting each group's members, then making as
 * many groups' lists, then, once all are made, the claims' norms, groups and sentence leads);
 * `result` finishes what the steps left.
 */
function claimTablesSteps(data: MatcherData, piece = POSTINGS_PIECE_CLAIMS): { steps: (() => void)[]; result: () => ClaimTables } {
  const claims = data.claims;
  const n = claims.length;
  const nGroups = data.claimGroups.length;
  // Made by the first step, not with the steps: a matcher whose claims are never built holds none of it.
  let tables: (ClaimTables & { weights: Float64Array; sizes: Int32Array }) | null = null;
  let counted = 0;
  let listed = 0;
  let filled = 0;
  /** Does up to `budget` claims' (or groups') work of the phase the build is in. */
  const advance = (budget: number) => {
    // Each group's list made at its size: grown by push from empty, a one-member list kept room for 17
    // (at 20,000 generated articles, ~400,000 groups: ~90 MB of the scorer's build in Node).
    tables ??= { weights: Float64Array.from(data.weights), claimNorm: new Float64Array(n), sizes: new Int32Array(nGroups), groupMembers: new Array<number[]>(nGroups), sentenceLead: new Int32Array(n) };
    const { weights, claimNorm, sizes, groupMembers, sentenceLead } = tables;
    if (counted < n) {
      const to = Math.min(n, counted + budget);
      for (let ci = counted; ci < to; ci++) sizes[claims[ci][2]]++;
      counted = to;
    } else if (listed < nGroups) {
      const to = Math.min(nGroups, listed + budget);
      for (let g = listed; g < to; g++) {
        groupMembers[g] = new Array<number>(sizes[g]);
        sizes[g] = 0;
      }
      listed = to;
    } else if (filled < n) {
      const to = Math.min(n, filled + budget);
      for (let ci = filled; ci < to; ci++) {
        const c = claims[ci];
        for (const k of c[3]) claimNorm[ci] += weights[k];
        groupMembers[c[2]][sizes[c[2]]++] = ci;
        const prev = ci > 0 ? claims[ci - 1] : null;
        sentenceLead[ci] = prev && prev[0] === c[0] && prev[1] === c[1] ? sentenceLead[ci - 1] : ci;
      }
      filled = to;
    }
  };
  return {
    steps: Array.from({ length: 2 * Math.ceil(n / piece) + Math.ceil(nGroups / piece) }, () => () => advance(piece)),
    result: () => {
      do advance(Number.POSITIVE_INFINITY);
      while (counted < n || listed < nGroups || filled < n);
      const { claimNorm, groupMembers, sentenceLead } = tables!;
      return { claimNorm, groupMembers, sentenceLead };
    },
  };
}

/** The claims' parts for the re-ranker's features, over the BM25 index's idf and the key words' vector rows. */
function claimParts(data: MatcherData, bm25: Bm25, vectors: WordVectors | null): ClaimParts {
  const keyWords = data.keyWords ?? [];
  const keyRow = Int32Array.from(data.keys, (_, k) => (vectors && keyWords[k] ? vectors.row(keyWords[k]) : -1));
  const keyActor = Int32Array.from(data.keys, (k) => (k.startsWith('@') ? Number(k.slice(1)) : -1));
  const isWordKey = Uint8Array.from(data.keys, (k) => (/^[@^#]/.test(k) ? 0 : 1));
  return new ClaimParts(data.claims, isWordKey, keyRow, keyActor, bm25.idf, data.articleYears, RARE_WORDS);
}

/** The BM25 index over the claims' keys; from the postings' lengths (each key's claim count) when built. */
function claimBm25(data: MatcherData, postings?: readonly Int32Array[]): Bm25 {
  return new Bm25(
    data.claims.map((c) => c[3]),
    data.keys.length,
    postings ? Int32Array.from(postings, (p) => p.length) : undefined,
  );
}

/** Receives each re-ranked candidate (in BM25 order) with its features (a view valid only during the call), the sentence's first token, and whether a rule decides it (relate.ts otherEvent, or another person's claim: otherPerson), for fitting. */
export type ClaimProbe = (claim: number, features: Float64Array, sentence: number, otherEvent: boolean) => void;

/** Symbol cache value: not looked up yet. */
const UNSEEN = -3;

/** Run-time claim scorer; all per-sentence state lives in reused typed arrays. */
export class ClaimScorer {
  private readonly keyIds = new Map<string, number>();
  private readonly weights: Float64Array;
  private readonly postings: Int32Array[];
  private readonly claimNorm: Float64Array;
  private readonly claims: ClaimSignature[];
  private readonly groupMembers: number[][];
  /** Per claim: the first claim of its sentence (itself, unless it is a clause claim of a longer sentence). */
  private readonly sentenceLead: Int32Array;
  private readonly bm25: Bm25;
  /** BM25 IDF of a key no claim holds. */
  private readonly unknownIdf: number;
  /**
   * Per claim c, for the sentence being scored: at 3c its shared IDF weight (for the cosine), at
   * 3c + 1 its shared BM25 IDF (times its length factor once it is a candidate), at 3c + 2 how many
   * keys it shares. Side by side, so adding one posting touches one cache line, not three arrays.
   */
  private readonly sums: Float64Array;
  /** BM25 score of each candidate (topK reads it by claim). */
  private readonly bmScore: Float64Array;
  private readonly touched: Int32Array;
  private readonly candidates: Int32Array;
  private readonly retrieveK: number;
  private readonly top: Int32Array;
  private readonly topP: Float64Array;
  private readonly rows: Float64Array;
  /**
   * Whether every claim holds each key once (compiled data does): the pruned retrieval relies on it;
   * otherwise every posting is read. Checked on the first retrieval, not at the matcher's build.
   */
  private keysDistinct: boolean | null = null;
  private readonly exhaustiveRetrieval: boolean;
  /** Retrieval's scratch, per claim: its shared BM25 IDF so far (in retrieval order). */
  private readonly partial: Float64Array;
  /**
   * Per claim: how many of the sentence's keys retrieval has found it holds so far (0: not reached),
   * and the claims reached, in order. The pruned retrieval runs only when a claim holds each key once
   * and at most MAX_REACH_COUNT keys (keysDistinct), so the count never wraps.
   */
  private readonly reached: Uint16Array;
  private readonly reachedList: Int32Array;
  /** The claims reached this sentence that share MIN_CANDIDATE_SHARED keys, in the order they got there: the only ones that can rank. */
  private readonly paired: Int32Array;
  /** Per key: the most a claim can score on it, IDF times the largest length factor in its postings (NaN: not computed yet). */
  private readonly keyBound: Float64Array;
  /** The sentence's key positions by bound, and the bounds left from each position on. */
  private keyOrder = new Int32Array(64);
  private boundLeft = new Float64Array(65);
  /** The K best scores so far (retrieve); K is retrieveK. */
  private readonly kth: Float64Array;
  /** Claims whose acc, accBm and shared hold their values for the sentence being scored (cleared after it). */
  private nTouched = 0;
  /** Per claim: stamp of the sentence its acc, accBm and shared were computed for. */
  private readonly exactStamp: Int32Array;
  /** Per key: mark of the claim whose keys are being looked up (exact). */
  private readonly memberMark: Int32Array;
  private memberStamp = 0;
  /** One view per top candidate into `rows`, made once (no view per sentence). */
  private readonly rowViews: Float64Array[];
  private readonly one = new Float64Array(FEATURE_COUNT);
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
  /** How the quote the sentence about to be scored lies in was introduced (RelateContext.quoteIntro), set by the scan; null when none. */
  quoteIntro: { level: number; cue: string } | null = null;
  private readonly model: RerankModel;
  private readonly vectors: WordVectors | null;
  // Per claim: word key ids, their vector rows (-1 none), its rarest word keys, actors, years (derived on first use), flags.
  private readonly parts: ClaimParts;
  private readonly claimFlags: Uint8Array;
  /** Per entity: descriptor word marks of the sentence (stamp), and whether the sentence names it (stamp). */
  private readonly actorNamed: Int32Array;
  private readonly actorDescribed: Int32Array;
  private readonly descriptorActors: Int32Array[];
  private readonly descriptorIds = new Map<string, number>();
  private readonly entityKinds: string;
  /** The sentence opens with "he" or "she" (connectives aside): its actor is a person named before it. */
  private pronounSubject = false;
  /**
   * The people the page named before the sentence being scored (entity indices, most recent first):
   * the scan (scan.ts) keeps it, from the page's earlier blocks (ScanOptions.pagePeople) and the
   * block's earlier sentences. A "he"/"she" or role subject is read as the most recent that fits.
   */
  readonly recentPeople: number[] = [];
  /** The person the sentence's "he"/"she" or role subject stands for (an entity index), or -1. */
  private subject = -1;
  /**
   * The sentence's subject when it is a known person: the "he"/"she" or role subject resolved
   * (this.subject), else a person named at the sentence's opening; -1 when neither (otherPerson).
   */
  private subjectPerson = -1;
  /**
   * Set by features() for the claim just featured: the sentence's subject is a known person
   * (subjectPerson) and the claim is another person's. Such a pair links nothing, a rule rather
   * than a fitted weight: the dev split the fit reads holds no sentence of one person stating
   * another's claim, so as a feature it was fitted at −0.16 and such sentences linked (page-context
   * set, read by no fit: 3 false alarms of 3 traps; as a rule 0, with no link lost on
   * leave-one-outlet-out, the dev split or the page-context set).
   */
  private otherPerson = false;
  /** The sentence (its stamp) whose quoted spans and words pageSpans and pageQuoted hold (citesQuotation). */
  private quotedFor = -1;
  private pageQuoted: string[] = [];
  private pageSpans: string[][] = [];
  /** The block text whose quoted spans (fragments included) blockSpans holds. */
  private spansText: string | null = null;
  private blockSpans: number[] = [];
  /** Per claim met by citesQuotation, its quoted spans and words (null: it quotes nothing). */
  private readonly claimQuotations = new Map<number, { spans: string[][]; words: string[] } | null>();
  /** Per entity: 'm', 'f' or '-' (MatcherData entityGenders; '' when the data has none). */
  private readonly entityGenders: string;
  private readonly entityDescriptors: number[][];
  /** Per key: stamp when the candidate being featured holds it. */
  private readonly claimMark: Int32Array;
  private markStamp = 0;
  // The sentence: content words (key id, vector row), flags, years.
  private readonly pageKeys = new Int32Array(MAX_PAGE_WORDS);
  private readonly pageRows = new Int32Array(MAX_PAGE_WORDS);
  /** Per page content word: 1 when it is an event verb (isEventVerb). */
  private readonly pageVerb = new Uint8Array(MAX_PAGE_WORDS);
  private nPageVerbs = 0;
  /** Per page content word: its clause. */
  private readonly pageClause = new Uint8Array(MAX_PAGE_WORDS);
  /** The sentence's content items in order (key id, -1 for one no claim holds) and their clauses. */
  private readonly itemKeys = new Int32Array(MAX_PAGE_WORDS * 2);
  private readonly itemClause = new Uint8Array(MAX_PAGE_WORDS * 2);
  private nItems = 0;
  private clause = 0;
  private clauseItems = 0;
  /** Per clause: key weight, and the weight the candidate holds; IDF weight and alignment sum of its words. */
  private readonly clauseTotal = new Float64Array(MAX_CLAUSES);
  private readonly clauseHeld = new Float64Array(MAX_CLAUSES);
  private readonly clauseIdf = new Float64Array(MAX_CLAUSES);
  private readonly clauseAlign = new Float64Array(MAX_CLAUSES);
  private nPage = 0;
  /** Per clause: the flags (rerank-words) of its words (negation, modality, time); and the whole sentence's. */
  private readonly clauseFlags = new Uint8Array(MAX_CLAUSES);
  /** The clause clauseCovered found best for the candidate being featured. */
  private bestClause = 0;
  private sentenceFlags = 0;
  private readonly pageYears: number[] = [];
  /** Cosines of (page word, claim word key) pairs of the sentence, computed once each (NaN: not yet). */
  private readonly cosCache = new Float32Array(MAX_PAGE_WORDS * COSINE_SLOTS);
  private readonly keySlot: Int32Array;
  private readonly keySlotStamp: Int32Array;
  private nSlots = 0;
  /** Per top candidate: whether its row holds the alignment features (skipped when the link could not reach the threshold). */
  private readonly topExact: Uint8Array;
  // Per interned symbol of the token table: vector row, word class, descriptor word (filled lazily).
  private cacheTable: unknown = null;
  private symRow = new Int32Array(0);
  private symClass = new Uint8Array(0);
  private symDescriptor = new Int32Array(0);
  private symExtra = new Uint8Array(0);

  constructor(data: MatcherData, options: ClaimScorerOptions = {}) {
    const built = options.built ?? {};
    this.relateData = built.relate ?? relateData(data);
    this.articles = data.articles;
    this.places = data.places;
    this.model = options.model ?? fittedModel();
    this.vectors = options.vectors ?? null;
    const k = (this.retrieveK = options.retrieveK ?? RETRIEVE_K);
    this.top = new Int32Array(k);
    this.topP = new Float64Array(k);
    this.rows = new Float64Array(k * FEATURE_COUNT);
    this.rowViews = Array.from({ length: k }, (_, i) => this.rows.subarray(i * FEATURE_COUNT, (i + 1) * FEATURE_COUNT));
    this.topExact = new Uint8Array(k);
    this.kth = new Float64Array(k);
    data.keys.forEach((k, i) => this.keyIds.set(k, i));
    this.weights = Float64Array.from(data.weights);
    this.entityKeyIds = Int32Array.from(data.entities, (_, e) => this.keyIds.get(entityKey(e)) ?? -1);
    this.placeKeyIds = Int32Array.from(data.places, (_, p) => this.keyIds.get(placeKey(p)) ?? -1);
    this.claims = data.claims;
    ({ claimNorm: this.claimNorm, groupMembers: this.groupMembers, sentenceLead: this.sentenceLead } = built.tables ?? claimTables(data));
    this.postings = built.postings ?? keyPostings(data.claims, data.keys.length);
    this.exhaustiveRetrieval = options.exhaustiveRetrieval === true;
    this.partial = new Float64Array(data.claims.length);
    this.reached = new Uint16Array(data.claims.length);
    this.reachedList = new Int32Array(data.claims.length);
    this.paired = new Int32Array(data.claims.length);
    this.keyBound = new Float64Array(data.keys.length).fill(Number.NaN);
    this.bm25 = built.bm25 ?? claimBm25(data, this.postings);
    this.exactStamp = new Int32Array(data.claims.length);
    this.memberMark = new Int32Array(data.keys.length);
    this.unknownIdf = Math.log(1 + (data.claims.length + 0.5) / 0.5);
    this.parts = built.parts ?? claimParts(data, this.bm25, this.vectors);
    // A loop, not Uint8Array.from(data.claims, f): that is a slow path (~40 ms of CPU at 20,000 generated articles).
    this.claimFlags = new Uint8Array(data.claims.length);
    const flags = data.claimFlags;
    if (flags) for (let ci = 0; ci < data.claims.length; ci++) this.claimFlags[ci] = flags[ci] ?? 0;
    (data.descriptorWords ?? []).forEach((w, i) => this.descriptorIds.set(w, i));
    const byWord: number[][] = (data.descriptorWords ?? []).map(() => []);
    (data.entityDescriptors ?? []).forEach((ws, e) => ws.forEach((w) => byWord[w]?.push(e)));
    this.descriptorActors = byWord.map((l) => Int32Array.from(l));
    this.entityKinds = data.entityKinds ?? '';
    // Letters for every entity or none: a list of another length is not this data's.
    this.entityGenders = data.entityGenders?.length === data.entities.length ? data.entityGenders : '';
    this.entityDescriptors = data.entityDescriptors ?? [];
    this.actorNamed = new Int32Array(data.entities.length);
    this.actorDescribed = new Int32Array(data.entities.length);
    this.claimMark = new Int32Array(data.keys.length);
    this.keySlot = new Int32Array(data.keys.length);
    this.keySlotStamp = new Int32Array(data.keys.length);
    this.sums = new Float64Array(data.claims.length * 3);
    this.bmScore = new Float64Array(data.claims.length);
    this.touched = new Int32Array(data.claims.length);
    this.candidates = new Int32Array(data.claims.length);
    this.seen = new Int32Array(data.keys.length);
    this.sentKeys = new Int32Array(4096);
  }

  /**
   * Scores tokens [a, b) of `text`; `hits` are the name hits of the whole text and `h0` the first
   * hit at or after token a. Returns null when no corpus claim is likely enough (`threshold`: a link
   * probability; the fitted one by default). `probe` sees every re-ranked candidate (fitting).
   */
  score(text: string, t: Tokens, a: number, b: number, hits: NameHits, h0: number, threshold = this.model.threshold, probe?: ClaimProbe): ClaimResult | null {
    if (b - a < 4) return null;
    this.stamp++;
    this.nKeys = 0;
    this.total = 0;
    this.nPage = 0;
    this.nPageVerbs = 0;
    this.nItems = 0;
    this.clause = 0;
    this.clauseItems = 0;
    this.nSlots = 0;
    this.clauseFlags.fill(0);
    this.sentenceFlags = 0;
    this.pageYears.length = 0;
    this.prepareCache(t);
    let content = 0;
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
    const stamp = this.stamp;
    // The subject a sentence names only by "he"/"she" or a role: the page's most recent person that
    // fits stands in it, as a key for retrieval (at `subjectAt`: addSubjectKey).
    const opening = openingWord(t, a, b);
    this.pronounSubject = opening >= 0 && PERSON_PRONOUNS.has(t.norm[opening]);
    this.subject = -1;
    let subjectAt = -1;
    if (opening >= 0 && this.recentPeople.length > 0) {
      if (this.pronounSubject) {
        this.subject = this.pronounPerson(t.norm[opening]);
        subjectAt = opening;
      } else if (t.norm[opening] === 'the') {
        subjectAt = this.rolePerson(t, opening + 1, b, hits, h0);
      }
    }
    const subjectKey = this.subject >= 0 ? this.entityKeyIds[this.subject] : -1;
    this.subjectPerson = this.subject >= 0 ? this.subject : opening >= 0 ? this.personOpening(t, opening, hits, h0) : -1;
    let h = h0;
    let f = 0;
    for (let i = a; i < b; i++) {
      if (i === subjectAt && subjectKey >= 0) {
        this.addSubjectKey(subjectKey);
        content++;
      }
      while (h < hits.count && hits.lastToken[h] < i) h++;
      if (h < hits.count && hits.firstToken[h] <= i) {
        if (hits.firstToken[h] === i) {
          if (hits.type[h] === PatternType.entity) {
            this.addKey(this.entityKeyIds[hits.target[h]]);
            this.actorNamed[hits.target[h]] = stamp;
          } else if (hits.type[h] === PatternType.place) {
            places.push(hits.target[h]);
            this.pagePlaceTexts.push(text.slice(hits.start[h], hits.end[h]));
            this.addKey(this.placeKeyIds[hits.target[h]]);
          }
          if (hits.type[h] !== PatternType.blocker) this.addItem(hits.type[h] === PatternType.entity ? this.entityKeyIds[hits.target[h]] : this.placeKeyIds[hits.target[h]]);
          content++;
        }
        continue;
      }
      if (f < figures.length) {
        while (f < figures.length && figures[f].end <= t.start[i]) f++;
        if (f < figures.length && figures[f].start <= t.start[i]) {
          if (figures[f].start === t.start[i]) this.addItem(this.keyIds.get(figureKey(figures[f].cls, figures[f].value)) ?? -1);
          continue;
        }
      }
      if (!(t.flags[i] & WORD)) {
        if (isClauseBreak(t.norm[i], (t.flags[i] & SPACED) !== 0)) this.breakClause();
        continue;
      }
      const sym = t.sym[i];
      if (this.symRow[sym] === UNSEEN) this.lookUp(sym, t.norm[i]);
      if (this.symExtra[sym] & SYM_CLAUSE_OPENER) this.breakClause();
      const wordFlags = this.symExtra[sym] & SYM_MODAL_BEFORE_TO ? wordClass(t.norm[i], i + 1 < b ? t.norm[i + 1] : '') : this.symClass[sym];
      this.clauseFlags[this.clause] |= wordFlags;
      this.sentenceFlags |= wordFlags;
      const d = this.symDescriptor[sym];
      if (d >= 0) for (const e of this.descriptorActors[d]) this.actorDescribed[e] = stamp;
      // Key id: ≥ 0 a claim key, -1 a content word no claim uses, -2 not a content word.
      const id = symKey[sym];
      if (id === -2) continue;
      content++;
      this.addKey(id);
      this.addItem(id);
      if (this.nPage < MAX_PAGE_WORDS) {
        this.pageKeys[this.nPage] = id;
        const verb = this.symExtra[sym] & SYM_EVENT_VERB;
        this.pageVerb[this.nPage] = verb;
        this.pageClause[this.nPage] = this.clause;
        this.nPageVerbs += verb;
        this.pageRows[this.nPage++] = this.symRow[sym];
      }
    }
    if (this.subject >= 0) this.actorDescribed[this.subject] = stamp;
    this.figureUnitKeys.length = 0;
    for (const g of figures) {
      this.addKey(this.keyIds.get(figureKey(g.cls, g.value)) ?? -1);
      this.figureUnitKeys.push(g.cls === FigureClass.count ? figureUnits(t, g.next, b) : []);
      if (g.cls === FigureClass.year) this.pageYears.push(g.value);
      content++;
    }
    // "On Wednesday", "yesterday", "in March": with the page's own date known they fall in a year,
    // which the time feature (yearOther) then compares as it does a year the sentence states.
    if (this.pageYears.length === 0 && this.pageDay !== null) {
      for (const d of findDateSpans(t, a, b, this.pageDay)) {
        if (d.lo === null || d.hi === null || yearOf(d.lo) !== yearOf(d.hi) || this.pageYears.includes(yearOf(d.lo))) continue;
        this.pageYears.push(yearOf(d.lo));
      }
    }
    const nKeys = this.nKeys;
    if (content < 3 || nKeys < MIN_CANDIDATE_SHARED) return null;
    const nTop = this.retrieve(nKeys);
    const { sums, touched } = this;
    let result: ClaimResult | null = null;
    let best = -1;
    let bestP = 0;
    // Fitting: whether the other-event rule decides a pair (relate.ts otherEvent), so it never reaches the re-ranker's verdict.
    let decided: ((c: number) => boolean) | null = null;
    if (probe) {
      const ctx = this.relateContext(text, t, a, b);
      const page = pageTraits(ctx);
      decided = (c) => otherEvent(ctx, page, this.claims[c], this.relateData.traits(c));
    }
    for (let i = 0; i < nTop; i++) {
      const c = this.top[i];
      const row = this.rowViews[i];
      // Alignment is the costly part: skipped when even perfect alignment could not reach the threshold.
      this.topExact[i] = this.features(c, sums[this.top[0] * 3 + 1], row, probe ? 0 : threshold) ? 1 : 0;
      // Another person's claim links nothing (otherPerson): not a pair the fit weighs either.
      const other = this.otherPerson;
      let p = other ? 0 : probability(this.model, row, 0);
      // A quoted fragment that the sentence and the claim share cites the same source's words: the
      // sentence links however few of its other words the claim holds (a rule, as otherPerson is:
      // not a pair the fit weighs either).
      const cites = !other && t.quoteMarks > 0 && this.citesQuotation(c, text, t, a, b);
      if (cites) p = Math.max(p, threshold);
      this.topP[i] = p;
      probe?.(c, row, a, decided!(c) || other || cites);
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best >= 0 && bestP >= threshold) {
      // A clause claim stands for its sentence: the sentence's group (the other articles' claims of
      // the same thing) is the evidence, and the clause itself beside it.
      const group = this.claims[this.sentenceLead[best]][2];
      const candidates: ClaimCandidate[] = [];
      for (const c of this.groupMembers[group]) {
        this.exact(c);
        const i = this.topIndex(c, nTop);
        candidates.push({ claim: c, sim: this.cosine(c), linked: i >= 0 && this.topP[i] >= threshold });
      }
      if (this.claims[best][2] !== group) candidates.push({ claim: best, sim: this.cosine(best), linked: true });
      // Likely claims the corpus analysis put in other groups are evidence too; the other retrieved
      // ones only beside a link of their article, for a value that differs (relate.ts, valuesOnly).
      for (let i = 0; i < nTop; i++) {
        const c = this.top[i];
        if (this.claims[c][2] !== group && c !== best) candidates.push(this.topP[i] >= threshold ? { claim: c, sim: this.cosine(c), otherGroup: true, linked: true } : { claim: c, sim: this.cosine(c), otherGroup: true, valuesOnly: true });
      }
      const refs = claimEvidence(this.relateContext(text, t, a, b), candidates);
      // A card shows each article's confidence: the best link probability among its claims here.
      // One pass over the candidates (a large group has hundreds, and as many refs), each
      // probability computed once, for the articles that have a ref.
      const confidence = new Map<string, number>();
      for (const ref of refs) confidence.set(ref.article, 0);
      for (const cand of candidates) {
        // A claim shown only for a differing value is no evidence of the link: it leaves the confidence as it was.
        if (cand.valuesOnly) continue;
        const article = this.articles[this.claims[cand.claim][0]];
        const p = confidence.get(article);
        if (p === undefined) continue;
        const i = this.topIndex(cand.claim, nTop);
        confidence.set(article, Math.max(p, i >= 0 && this.topExact[i] ? this.topP[i] : this.probabilityOf(cand.claim, sums[this.top[0] * 3 + 1])));
      }
      for (const ref of refs) ref.score = roundScore(confidence.get(ref.article)!);
      const cos = this.cosine(best);
      // No refs: every candidate was about another event (relate.ts otherEvent), so the sentence links nothing.
      if (refs.length > 0) result = { group, score: roundScore(bestP), refs, restates: cos >= RESTATE_COSINE ? this.claims[best][0] : -1 };
    }
    for (let k = 0; k < this.nTouched; k++) {
      const at = touched[k] * 3;
      sums[at] = 0;
      sums[at + 1] = 0;
      sums[at + 2] = 0;
    }
    this.nTouched = 0;
    return result;
  }

  /**
   * Retrieval: the RETRIEVE_K best claims by BM25 among those sharing MIN_CANDIDATE_SHARED keys with
   * the sentence, into `top`, with their shared IDF weight (for the cosine), BM25 score and shared
   * count in `sums` (exact). Returns how many.
   *
   * The sentence's keys are read rarest first (by the most a claim can score on each). Once the keys
   * left could not lift a claim not yet reached to the K-th best score reached so far, their
   * postings only add to claims already reached: a read of two bytes per posting instead of adding
   * into three sums, on the common keys whose postings are most of what a sentence reaches (MaxScore,
   * Turtle and Flood 1995, term at a time). Those sums are in another order than the sentence's, so
   * they only choose: the claims within rounding of the K-th are summed again in the sentence's key
   * order (exact) and ranked on that, so the result is the one reading every posting gives, bit for
   * bit.
   */
  private retrieve(nKeys: number): number {
    this.keysDistinct ??= !this.exhaustiveRetrieval && this.claims.every((c) => c[3].length <= MAX_REACH_COUNT && c[3].every((k, i) => i === 0 || k > c[3][i - 1]));
    if (!this.keysDistinct) return this.retrieveAll(nKeys);
    const { partial, reached, reachedList, paired, postings, sentKeys, keyBound, kth } = this;
    const idf = this.bm25.idf;
    const lengthFactor = this.bm25.lengthFactor;
    if (this.keyOrder.length < nKeys) {
      this.keyOrder = new Int32Array(nKeys * 2);
      this.boundLeft = new Float64Array(nKeys * 2 + 1);
    }
    const order = this.keyOrder;
    const left = this.boundLeft;
    // Rarest first: descending bound (insertion sort: a sentence has tens of keys), ties by position.
    for (let i = 0; i < nKeys; i++) {
      const id = sentKeys[i];
      if (keyBound[id] !== keyBound[id]) {
        const list = postings[id];
        let most = 0;
        for (let p = 0; p < list.length; p++) if (lengthFactor[list[p]] > most) most = lengthFactor[list[p]];
        keyBound[id] = idf[id] * most;
      }
      const bound = keyBound[id];
      let j = i;
      while (j > 0 && keyBound[sentKeys[order[j - 1]]] < bound) {
        order[j] = order[j - 1];
        j--;
      }
      order[j] = i;
    }
    left[nKeys] = 0;
    for (let i = nKeys - 1; i >= 0; i--) left[i] = left[i + 1] + keyBound[sentKeys[order[i]]];
    let nReached = 0;
    let nPaired = 0;
    let reaching = true;
    for (let i = 0; i < nKeys; i++) {
      const id = sentKeys[order[i]];
      const list = postings[id];
      const wb = idf[id];
      if (!reaching) {
        for (let p = 0; p < list.length; p++) {
          const c = list[p];
          if (reached[c] === 0) continue;
          partial[c] += wb;
          if (++reached[c] === MIN_CANDIDATE_SHARED) paired[nPaired++] = c;
        }
        continue;
      }
      for (let p = 0; p < list.length; p++) {
        const c = list[p];
        if (reached[c] === 0) reachedList[nReached++] = c;
        partial[c] += wb;
        if (++reached[c] === MIN_CANDIDATE_SHARED) paired[nPaired++] = c;
      }
      // No claim's score so far exceeds the bounds read (left[0] − left[i + 1]): only then can the rest be below the K-th.
      const rest = left[i + 1];
      if (i + 1 === nKeys || rest >= left[0] - rest) continue;
      const m = kthBest(partial, lengthFactor, paired, nPaired, kth);
      // Every sum only grows, so the K-th best so far is at most the final K-th (within rounding: the margins).
      if (m === this.retrieveK && rest * (1 + BOUND_MARGIN) < kth[this.retrieveK - 1] * (1 - BOUND_MARGIN)) reaching = false;
    }
    // The K-th best in retrieval order; the claims within rounding of it are ranked on exact sums.
    const m = kthBest(partial, lengthFactor, paired, nPaired, kth);
    const floor = m === this.retrieveK ? kth[this.retrieveK - 1] * (1 - BOUND_MARGIN) : Number.NEGATIVE_INFINITY;
    let nCand = 0;
    for (let t = 0; t < nPaired; t++) {
      const c = paired[t];
      if (partial[c] * lengthFactor[c] >= floor) {
        this.exact(c);
        this.bmScore[c] = this.sums[c * 3 + 1];
        this.candidates[nCand++] = c;
      }
    }
    for (let t = 0; t < nReached; t++) {
      const c = reachedList[t];
      reached[c] = 0;
      partial[c] = 0;
    }
    return topK(this.candidates, nCand, this.bmScore, this.retrieveK, this.top);
  }

  /** Retrieval by reading every posting of the sentence's keys (for claims that hold a key twice, which compiled data never does). */
  private retrieveAll(nKeys: number): number {
    const { sums, touched, postings, weights, sentKeys } = this;
    const idf = this.bm25.idf;
    let nTouched = this.nTouched;
    for (let k = 0; k < nKeys; k++) {
      const id = sentKeys[k];
      const list = postings[id];
      const w = weights[id];
      const wb = idf[id];
      for (let p = 0; p < list.length; p++) {
        const at = list[p] * 3;
        if (sums[at + 2] === 0) touched[nTouched++] = list[p];
        sums[at] += w;
        sums[at + 1] += wb;
        sums[at + 2]++;
      }
    }
    let nCand = 0;
    const lengthFactor = this.bm25.lengthFactor;
    for (let k = this.nTouched; k < nTouched; k++) {
      const c = touched[k];
      this.exactStamp[c] = this.stamp;
      if (sums[c * 3 + 2] < MIN_CANDIDATE_SHARED) continue;
      this.bmScore[c] = sums[c * 3 + 1] *= lengthFactor[c];
      this.candidates[nCand++] = c;
    }
    this.nTouched = nTouched;
    return topK(this.candidates, nCand, this.bmScore, this.retrieveK, this.top);
  }

  /**
   * Sets acc, accBm and shared of claim `c` for the sentence just keyed, as reading every posting
   * would: sums in the sentence's key order, accBm scaled by the length factor when `c` is a
   * candidate (shares MIN_CANDIDATE_SHARED keys).
   */
  private exact(c: number): void {
    if (this.exactStamp[c] === this.stamp) return;
    this.exactStamp[c] = this.stamp;
    const mark = ++this.memberStamp;
    const keys = this.claims[c][3];
    for (let k = 0; k < keys.length; k++) this.memberMark[keys[k]] = mark;
    const idf = this.bm25.idf;
    let w = 0;
    let bm = 0;
    let n = 0;
    for (let k = 0; k < this.nKeys; k++) {
      const id = this.sentKeys[k];
      if (this.memberMark[id] !== mark) continue;
      w += this.weights[id];
      bm += idf[id];
      n++;
    }
    if (n === 0) return;
    this.sums[c * 3] = w;
    this.sums[c * 3 + 1] = n >= MIN_CANDIDATE_SHARED ? bm * this.bm25.lengthFactor[c] : bm;
    this.sums[c * 3 + 2] = n;
    this.touched[this.nTouched++] = c;
  }

  /**
   * Cheap necessary condition for score() to find anything: tokens [a, b) must hold at least
   * MIN_CANDIDATE_SHARED possible keys (claim-key words, figure words, names and places, each counted
   * at most once per token, so this bounds the distinct keys score() would collect from above).
   */
  mayMatch(t: Tokens, a: number, b: number, hits: NameHits, h0: number): boolean {
    if (b - a < 4) return false;
    const symKey = t.table.key;
    const symFlags = t.table.flags;
    const { sym, flags } = t;
    // A "he"/"she" or role subject may stand for a person the page named before: one key more.
    let bound = this.recentPeople.length > 0 && SUBJECT_OPENERS.has(t.norm[openingWord(t, a, b)] ?? '') ? 1 : 0;
    for (let i = a; i < b; i++) {
      const s = sym[i];
      if (symKey[s] >= 0) bound++;
      if (flags[i] & NUM || symFlags[s] & SYM_FIGURE) bound++;
      if (bound >= MIN_CANDIDATE_SHARED) return true;
    }
    for (let h = h0; h < hits.count && hits.firstToken[h] < b; h++) {
      if (hits.type[h] !== PatternType.blocker && ++bound >= MIN_CANDIDATE_SHARED) return true;
    }
    return false;
  }

  /** The first-round weighted cosine of claim `c` with the sentence just keyed. */
  private cosine(c: number): number {
    return this.sums[c * 3 + 2] > 0 ? this.sums[c * 3] / Math.sqrt(this.claimNorm[c] * this.total) : 0;
  }

  private topIndex(c: number, nTop: number): number {
    for (let i = 0; i < nTop; i++) if (this.top[i] === c) return i;
    return -1;
  }

  /** Link probability of a claim outside the top K (a group member shown as evidence). */
  private probabilityOf(c: number, bestBm: number): number {
    const bm = this.sums[c * 3 + 1];
    // accBm holds the length-scaled score only for candidates; others share too few keys to link.
    if (this.sums[c * 3 + 2] < MIN_CANDIDATE_SHARED) return 0;
    this.features(c, bestBm || bm, this.one, 0);
    return this.otherPerson ? 0 : probability(this.model, this.one, 0);
  }

  /**
   * Writes the FEATURES of claim `c` against the sentence just keyed into `row`. When `skipBelow` is
   * above 0 and the link probability could not reach it whatever the alignment, the alignment
   * features are left at 0 and false is returned (the row is then not the claim's true features).
   */
  private features(c: number, bestBm: number, row: Float64Array, skipBelow: number): boolean {
    const keys = this.claims[c][3];
    const total = this.total;
    const sharedW = this.sums[c * 3];
    row[F.cosine] = this.cosine(c);
    row[F.claimCovered] = this.claimNorm[c] > 0 ? sharedW / this.claimNorm[c] : 0;
    row[F.pageCovered] = total > 0 ? sharedW / total : 0;
    row[F.bm25Relative] = bestBm > 0 ? this.sums[c * 3 + 1] / bestBm : 0;
    // Actors: named, described, or missing.
    const actors = this.parts.actors(c);
    let named = 0;
    let described = 0;
    for (let j = 0; j < actors.length; j++) {
      if (this.actorNamed[actors[j]] === this.stamp) named++;
      else if (this.actorDescribed[actors[j]] === this.stamp) described++;
    }
    // "He also condemned …": a person the page named before (another block) may be the claim's.
    // Only when the page named no one before who fits: otherwise the subject is that person (this.subject).
    if (named === 0 && described === 0 && this.pronounSubject && this.subject < 0) {
      for (let j = 0; j < actors.length; j++) if (this.entityKinds[actors[j]] === 'p') described = 1;
    }
    row[F.actorShared] = named > 0 ? 1 : 0;
    row[F.actorByDescriptor] = named === 0 && described > 0 ? 1 : 0;
    row[F.actorMissing] = actors.length > 0 && named === 0 && described === 0 ? 1 : 0;
    // The sentence's subject is a known person and the claim is another person's: none of its
    // actors is named or described, and one of them is a person ("Ann Reed was there too. She said
    // the plan had failed" against the claim of Bob Hale that it had). The subject, being neither
    // named among nor described as the claim's actors, is not one of them (a rule: otherPerson).
    this.otherPerson = false;
    if (row[F.actorMissing] && this.subjectPerson >= 0) {
      for (let j = 0; j < actors.length; j++) if (this.entityKinds[actors[j]] === 'p') this.otherPerson = true;
    }
    // The claim's keys, marked for the clause cover (cheap: exact keys) and the alignment below.
    const mark = ++this.markStamp;
    for (let k = 0; k < keys.length; k++) this.claimMark[keys[k]] = mark;
    row[F.clauseCovered] = this.clauseCovered(mark);
    // Negation and modality are read in the clause that states the claim best: in "X, who faces a
    // vote after the board turned against him, will speak on Monday" the "will" is not the board's,
    // and a claim of the board's vote is not modal for it. Time words are the whole sentence's, as
    // its years are: "again in 2019" dates every clause of "held rallies in A, B and C again in
    // 2019", whose list commas cut clauses.
    const flags = this.claimFlags[c];
    const pf = (this.clauseFlags[this.bestClause] & ~TIME_WORDS) | (this.sentenceFlags & TIME_WORDS);
    const differ = flags ^ pf;
    row[F.negationMismatch] = differ & NEGATION ? 1 : 0;
    row[F.modalityMismatch] = differ & MODAL ? 1 : 0;
    row[F.laterOnPage] = pf & TIME_LATER && !(flags & TIME_LATER) ? 1 : 0;
    row[F.timeShiftMismatch] = differ & (TIME_SHIFT | TIME_LATER) && !row[F.laterOnPage] ? 1 : 0;
    const years = this.parts.years(c);
    let yearShared = false;
    for (let j = 0; j < years.length; j++) if (this.pageYears.includes(years[j])) yearShared = true;
    // One feature whether the claim's year is known or not: on an undated corpus (the dev data) it
    // is fitted on years a claim never states; on a dated one the same weight holds a year that
    // conflicts with the article's.
    row[F.yearOther] = this.pageYears.length > 0 && !yearShared ? 1 : 0;
    let figureShared = 0;
    for (let k = 0; k < keys.length; k++) if (this.seen[keys[k]] === this.stamp && this.keyIsFigure(keys[k])) figureShared = 1;
    row[F.figureShared] = figureShared;
    row[F.sharedKeys] = Math.min(this.sums[c * 3 + 2], SHARED_KEYS_SCALE) / SHARED_KEYS_SCALE;
    row[F.alignPageToClaim] = 0;
    row[F.alignClaimToPage] = 0;
    row[F.weakestRareWord] = 0;
    row[F.predicateAligned] = 0;
    row[F.clauseAligned] = 0;
    row[F.predicateMissing] = this.nPageVerbs === 0 ? 1 : 0;
    if (skipBelow > 0) {
      // The alignment features lie in [0, 1] and no lower than 0: the most each can add is its
      // positive weight times its upper bound (alignmentBounds).
      const w = this.model.weights;
      const best = probability(this.model, row, 0);
      const hi = this.alignmentBounds(c, mark);
      const z =
        Math.log(best / (1 - best)) +
        Math.max(0, w[F.alignPageToClaim]) * hi.pageToClaim +
        Math.max(0, w[F.alignClaimToPage]) * hi.claimToPage +
        Math.max(0, w[F.weakestRareWord]) * hi.weakestRare +
        Math.max(0, w[F.predicateAligned]) * hi.predicate +
        Math.max(0, w[F.clauseAligned]) * hi.clause;
      if (1 / (1 + Math.exp(-z)) < skipBelow) return false;
    }
    // Soft alignment both ways; an identical key aligns at 1.
    const words = this.parts.words(c);
    const wordRows = this.parts.rows(c);
    const vectors = this.vectors;
    // Each word counts by its IDF (a rare word says more of what a sentence states than a common
    // one, as in IDF-weighted alignment measures); a page word no claim uses is as rare as can be.
    const idf = this.bm25.idf;
    let sum = 0;
    let weight = 0;
    let verbSum = 0;
    let verbWeight = 0;
    const nClauses = this.clause + 1;
    this.clauseIdf.fill(0, 0, nClauses);
    this.clauseAlign.fill(0, 0, nClauses);
    for (let i = 0; i < this.nPage; i++) {
      const id = this.pageKeys[i];
      const wi = id >= 0 ? idf[id] : this.unknownIdf;
      weight += wi;
      let a = 0;
      if (id >= 0 && this.claimMark[id] === mark) a = 1;
      else if (this.pageRows[i] >= 0 && vectors) {
        for (let j = 0; j < wordRows.length; j++) if (wordRows[j] >= 0) a = Math.max(a, this.pairCosine(i, words[j], wordRows[j]));
      }
      sum += wi * a;
      this.clauseIdf[this.pageClause[i]] += wi;
      this.clauseAlign[this.pageClause[i]] += wi * a;
      if (this.pageVerb[i]) {
        verbSum += wi * a;
        verbWeight += wi;
      }
    }
    row[F.alignPageToClaim] = weight > 0 ? sum / weight : 0;
    row[F.predicateAligned] = verbWeight > 0 ? verbSum / verbWeight : 0;
    row[F.clauseAligned] = this.clauseAligned(nClauses);
    sum = 0;
    weight = 0;
    for (let j = 0; j < words.length; j++) {
      sum += idf[words[j]] * this.alignClaimWord(words[j], wordRows[j]);
      weight += idf[words[j]];
    }
    row[F.alignClaimToPage] = weight > 0 ? sum / weight : 0;
    const rare = this.parts.rare(c);
    let weakest = rare.length > 0 ? 1 : 0;
    for (let j = 0; j < rare.length; j++) {
      const at = words.indexOf(rare[j]);
      weakest = Math.min(weakest, this.alignClaimWord(rare[j], at >= 0 ? wordRows[at] : -1));
    }
    row[F.weakestRareWord] = weakest;
    return true;
  }

  /**
   * The person named at the sentence's opening (the name's first token at `opening` or the one after,
   * for a title such as "Ms"), or -1.
   */
  private personOpening(t: Tokens, opening: number, hits: NameHits, h0: number): number {
    for (let h = h0; h < hits.count && hits.firstToken[h] <= opening + OPENING_TITLE_TOKENS; h++) {
      if (hits.firstToken[h] >= opening && hits.type[h] === PatternType.entity && this.entityKinds[hits.target[h]] === 'p') return hits.target[h];
    }
    return -1;
  }

  /** The most recent page person "he" or "she" fits (a person, of that gender or of none known), or -1. */
  private pronounPerson(pronoun: string): number {
    const gender = pronoun === 'he' ? MALE : FEMALE;
    for (const e of this.recentPeople) {
      if (this.entityKinds[e] !== 'p') continue;
      const g = this.entityGenders ? this.entityGenders[e] : UNKNOWN_GENDER;
      if (g === gender || g === UNKNOWN_GENDER) return e;
    }
    return -1;
  }

  /**
   * A role subject after an opening "the" ("the agency's director said"): the words up to a comma
   * or ROLE_PHRASE_WORDS, none of them part of a name; the most recent page person one of whose
   * corpus descriptors uses one of those words is the subject (this.subject). Returns the token of
   * the word that named the role, or -1.
   */
  private rolePerson(t: Tokens, from: number, b: number, hits: NameHits, h0: number): number {
    let words = 0;
    let firstRole = -1;
    const roles: number[] = [];
    for (let i = from; i < b && words < ROLE_PHRASE_WORDS; i++) {
      if (!(t.flags[i] & WORD)) {
        // A possessive stays inside the phrase, but the words before it name the possessor, not the
        // subject: "the union's leader" is a leader; "the leader's deputy" is not the leader.
        if ((t.norm[i] === "'" || t.norm[i] === '’') && t.norm[i + 1] === 's') {
          roles.length = 0;
          firstRole = -1;
          i++;
          continue;
        }
        break;
      }
      for (let h = h0; h < hits.count && hits.firstToken[h] <= i; h++) if (hits.lastToken[h] >= i && hits.type[h] === PatternType.entity) return -1;
      words++;
      const sym = t.sym[i];
      if (this.symRow[sym] === UNSEEN) this.lookUp(sym, t.norm[i]);
      const d = this.symDescriptor[sym];
      if (d < 0) continue;
      roles.push(d);
      if (firstRole < 0) firstRole = i;
    }
    if (roles.length === 0) return -1;
    for (const e of this.recentPeople) {
      const own = this.entityDescriptors[e];
      if (own && roles.some((d) => own.includes(d))) {
        this.subject = e;
        return firstRole;
      }
    }
    return -1;
  }

  private readonly bounds = { pageToClaim: 0, claimToPage: 0, weakestRare: 0, predicate: 0, clause: 0 };
  private readonly clauseBound = new Float64Array(MAX_CLAUSES);

  /**
   * Upper bounds of the alignment features of claim `c` (keys marked `mark`) without computing a
   * cosine: an identical key aligns at 1, a word with a vector on both sides at most 1, any other
   * at 0. So a candidate whose sentence words have no vectors (names, rare words) is skipped as
   * soon as its exact keys cannot reach the threshold.
   */
  private alignmentBounds(c: number, mark: number): { pageToClaim: number; claimToPage: number; weakestRare: number; predicate: number; clause: number } {
    const words = this.parts.words(c);
    const wordRows = this.parts.rows(c);
    const idf = this.bm25.idf;
    let claimHasRows = false;
    for (let j = 0; j < wordRows.length; j++) if (wordRows[j] >= 0) claimHasRows = true;
    claimHasRows &&= this.vectors !== null;
    let pageHasRows = false;
    const nClauses = this.clause + 1;
    this.clauseIdf.fill(0, 0, nClauses);
    this.clauseBound.fill(0, 0, nClauses);
    let sum = 0;
    let weight = 0;
    let verbBound = 0;
    for (let i = 0; i < this.nPage; i++) {
      const id = this.pageKeys[i];
      const wi = id >= 0 ? idf[id] : this.unknownIdf;
      const hasRow = this.pageRows[i] >= 0;
      pageHasRows ||= hasRow;
      const a = (id >= 0 && this.claimMark[id] === mark) || (hasRow && claimHasRows) ? 1 : 0;
      sum += wi * a;
      weight += wi;
      this.clauseIdf[this.pageClause[i]] += wi;
      this.clauseBound[this.pageClause[i]] += wi * a;
      if (this.pageVerb[i] && a) verbBound = 1;
    }
    let clause = 0;
    for (let q = 0; q < nClauses; q++) if (this.clauseIdf[q] > 0) clause = Math.max(clause, this.clauseBound[q] / this.clauseIdf[q]);
    const vectorsBoth = pageHasRows && this.vectors !== null;
    const claimWordBound = (key: number, row: number) => (this.seen[key] === this.stamp || (row >= 0 && vectorsBoth) ? 1 : 0);
    let cs = 0;
    let cw = 0;
    for (let j = 0; j < words.length; j++) {
      cs += idf[words[j]] * claimWordBound(words[j], wordRows[j]);
      cw += idf[words[j]];
    }
    const rare = this.parts.rare(c);
    let weakest = rare.length > 0 ? 1 : 0;
    for (let j = 0; j < rare.length; j++) {
      const at = words.indexOf(rare[j]);
      weakest = Math.min(weakest, claimWordBound(rare[j], at >= 0 ? wordRows[at] : -1));
    }
    const b = this.bounds;
    b.pageToClaim = weight > 0 ? sum / weight : 0;
    b.claimToPage = cw > 0 ? cs / cw : 0;
    b.weakestRare = weakest;
    b.predicate = verbBound;
    b.clause = clause;
    return b;
  }

  /** clauseCovered of the candidate whose keys carry `mark`. */
  private clauseCovered(mark: number): number {
    const nClauses = this.clause + 1;
    this.clauseTotal.fill(0, 0, nClauses);
    this.clauseHeld.fill(0, 0, nClauses);
    for (let k = 0; k < this.nItems; k++) {
      const id = this.itemKeys[k];
      const w = id >= 0 ? this.weights[id] : UNKNOWN_WEIGHT;
      this.clauseTotal[this.itemClause[k]] += w;
      if (id >= 0 && this.claimMark[id] === mark) this.clauseHeld[this.itemClause[k]] += w;
    }
    let covered = 0;
    this.bestClause = 0;
    for (let q = 0; q < nClauses; q++) {
      if (this.clauseTotal[q] > 0 && this.clauseHeld[q] / this.clauseTotal[q] > covered) {
        covered = this.clauseHeld[q] / this.clauseTotal[q];
        this.bestClause = q;
      }
    }
    return covered;
  }

  /** clauseAligned, from the per-clause alignment sums the alignment loop left in clauseIdf/clauseAlign. */
  private clauseAligned(nClauses: number): number {
    let aligned = 0;
    for (let q = 0; q < nClauses; q++) if (this.clauseIdf[q] > 0) aligned = Math.max(aligned, this.clauseAlign[q] / this.clauseIdf[q]);
    return aligned;
  }

  /** Appends a content item (key id, or -1) to the current clause. */
  private addItem(id: number): void {
    if (this.nItems >= this.itemKeys.length) return;
    this.itemKeys[this.nItems] = id;
    this.itemClause[this.nItems++] = this.clause;
    this.clauseItems++;
  }

  /** Closes the current clause when it has enough items to be scored alone (a shorter one joins the next). */
  private breakClause(): void {
    if (this.clauseItems < MIN_CLAUSE_ITEMS || this.clause >= MAX_CLAUSES - 1) return;
    this.clause++;
    this.clauseItems = 0;
  }

  /**
   * Alignment of page word i with a claim word (key, vector row), computed once per sentence: 1 when
   * the two share a WordNet sense (word-senses.ts: a synonym, a derived form), else their cosine.
   */
  private pairCosine(i: number, key: number, row: number): number {
    const vectors = this.vectors!;
    if (this.keySlotStamp[key] !== this.stamp) {
      if (this.nSlots >= COSINE_SLOTS) return this.pairAlignment(vectors, this.pageRows[i], row);
      this.keySlotStamp[key] = this.stamp;
      this.keySlot[key] = this.nSlots;
      this.cosCache.fill(Number.NaN, this.nSlots * MAX_PAGE_WORDS, (this.nSlots + 1) * MAX_PAGE_WORDS);
      this.nSlots++;
    }
    const at = this.keySlot[key] * MAX_PAGE_WORDS + i;
    let v = this.cosCache[at];
    if (v !== v) {
      v = this.pairAlignment(vectors, this.pageRows[i], row);
      this.cosCache[at] = v;
    }
    return v;
  }

  /** 1 when rows `a` and `b` share a sense, else their cosine. */
  private pairAlignment(vectors: WordVectors, a: number, b: number): number {
    return vectors.senses?.shared(a, b) ? 1 : vectors.cosineRows(a, b);
  }

  /** How well the sentence covers one claim word: 1 when it holds the key, else its best vector cosine. */
  private alignClaimWord(key: number, row: number): number {
    if (this.seen[key] === this.stamp) return 1;
    if (row < 0 || !this.vectors) return 0;
    let best = 0;
    for (let i = 0; i < this.nPage; i++) if (this.pageRows[i] >= 0) best = Math.max(best, this.pairCosine(i, key, row));
    return best;
  }

  private figureKeyFlags: Uint8Array | null = null;
  private keyIsFigure(k: number): boolean {
    if (!this.figureKeyFlags) {
      const flags = new Uint8Array(this.keyIds.size);
      for (const [key, id] of this.keyIds) if (key.startsWith('#')) flags[id] = 1;
      this.figureKeyFlags = flags;
    }
    return this.figureKeyFlags[k] === 1;
  }

  /** Resets the per-symbol caches when the token table is a new one, and grows them with it. */
  private prepareCache(t: Tokens): void {
    const size = t.table.size;
    if (this.cacheTable !== t.table) {
      this.cacheTable = t.table;
      this.symRow = new Int32Array(Math.max(size, 1024)).fill(UNSEEN);
      this.symClass = new Uint8Array(this.symRow.length);
      this.symDescriptor = new Int32Array(this.symRow.length).fill(-1);
      this.symExtra = new Uint8Array(this.symRow.length);
    } else if (size > this.symRow.length) {
      const n = Math.max(size, this.symRow.length * 2);
      const row = new Int32Array(n).fill(UNSEEN);
      row.set(this.symRow);
      const cls = new Uint8Array(n);
      cls.set(this.symClass);
      const desc = new Int32Array(n).fill(-1);
      desc.set(this.symDescriptor);
      this.symRow = row;
      this.symClass = cls;
      this.symDescriptor = desc;
      const extra = new Uint8Array(n);
      extra.set(this.symExtra);
      this.symExtra = extra;
    }
  }

  private lookUp(sym: number, norm: string): void {
    this.symRow[sym] = this.vectors ? this.vectors.row(norm) : -1;
    this.symClass[sym] = wordClass(norm);
    this.symDescriptor[sym] = this.descriptorIds.get(norm) ?? -1;
    this.symExtra[sym] = (this.vectors && isEventVerb(norm, this.vectors.vector(norm)) ? SYM_EVENT_VERB : 0) | (CLAUSE_OPENERS.has(norm) ? SYM_CLAUSE_OPENER : 0) | (modalBeforeTo(norm) ? SYM_MODAL_BEFORE_TO : 0);
  }

  /** Whether the sentence [a, b) of `text` and claim `c` quote one source's words: one quotes a fragment the other's quotation holds (lang/quoted-words citesFragment). */
  private citesQuotation(c: number, text: string, t: Tokens, a: number, b: number): boolean {
    if (this.quotedFor !== this.stamp) {
      this.quotedFor = this.stamp;
      // The block's quoted spans, found once per block text (a sentence reads its own).
      if (this.spansText !== text) {
        this.spansText = text;
        this.blockSpans.length = findQuotedSpans(t, this.blockSpans, MIN_FRAGMENT_CONTENT_WORDS) * 2;
      }
      const spans = this.blockSpans;
      this.pageSpans = [];
      for (let k = 0; k < spans.length; k += 2) {
        if (spans[k + 1] <= a || spans[k] >= b) continue;
        const span: string[] = [];
        for (let i = Math.max(a, spans[k]); i < Math.min(b, spans[k + 1]); i++) if (t.flags[i] & WORD) span.push(t.norm[i].toLowerCase());
        if (span.length) this.pageSpans.push(span);
      }
      this.pageQuoted = this.pageSpans.flat();
    }
    if (!this.pageSpans.length) return false;
    let claim = this.claimQuotations.get(c);
    if (claim === undefined) {
      const quotation = this.relateData.traits(c)?.[12];
      claim = quotation?.length === 2 && quotation[0] ? { spans: quotedSpansAsWritten(quotation[1]), words: quotation[0].split(' ') } : null;
      this.claimQuotations.set(c, claim);
    }
    return claim !== null && citesFragment(this.pageSpans, this.pageQuoted, claim.spans, claim.words, isKeyWord);
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
      quoteIntro: this.quoteIntro,
      figures: this.figures,
      figureUnitKeys: this.figureUnitKeys,
      pagePlaces: this.pagePlaces,
      pagePlaceTexts: this.pagePlaceTexts,
      claims: this.claims,
      articles: this.articles,
      places: this.places,
    };
  }

  /**
   * The key of the person a "he"/"she" or role subject stands for: found by retrieval and shared
   * with a claim that names the person, but no weight of the sentence's own (`total`, the clause
   * items): the sentence does not write the name, so a claim that does not name the person is not
   * the less covered for it (a claim of the person's own words, without the name, matched as well
   * as before).
   */
  private addSubjectKey(id: number): void {
    if (this.seen[id] === this.stamp) return;
    this.seen[id] = this.stamp;
    if (this.nKeys < this.sentKeys.length) this.sentKeys[this.nKeys++] = id;
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

/** Whether a quoted word is a content word (a claim key would be made of it). */
const isKeyWord = (word: string) => wordKey(word) !== null;

/** The most keys a claim may hold for the pruned retrieval (its per-claim count is 16 bits). */
const MAX_REACH_COUNT = 0xffff;
/** Relative margin on retrieval's bounds, far above floating-point rounding: a bound never drops a claim that could rank. */
const BOUND_MARGIN = 1e-9;

/**
 * The K best scores (partial BM25 IDF sum times length factor) among `list`, the reached claims
 * sharing MIN_CANDIDATE_SHARED keys so far, descending, into `out`; returns how many (at most out.length).
 */
function kthBest(partial: Float64Array, lengthFactor: Float64Array, list: Int32Array, n: number, out: Float64Array): number {
  const k = out.length;
  let m = 0;
  for (let t = 0; t < n; t++) {
    const c = list[t];
    const s = partial[c] * lengthFactor[c];
    if (m === k && s <= out[k - 1]) continue;
    let j = m < k ? m++ : k - 1;
    while (j > 0 && out[j - 1] < s) {
      out[j] = out[j - 1];
      j--;
    }
    out[j] = s;
  }
  return m;
}

export { CLAIM_FLOOR, VALUE_COMPARE_FROM, AGREE_THRESHOLD } from './thresholds';

/** The first word of tokens [a, b) after any opening connectives ("But he said …"), or -1. */
function openingWord(t: Tokens, a: number, b: number): number {
  for (let i = a; i < b; i++) {
    if (!(t.flags[i] & WORD)) continue;
    if (OPENING_CONNECTIVES.has(t.norm[i])) continue;
    return i;
  }
  return -1;
}

/** Tokens a title may take before a name at a sentence's opening ("Ms", "Dr"): one word. */
const OPENING_TITLE_TOKENS = 1;
/** Opening words of a subject that may stand for a person named before: "he", "she", and "the" before a role. */
const SUBJECT_OPENERS: ReadonlySet<string> = new Set([...PERSON_PRONOUNS, 'the']);
/**
 * Words read after an opening "the" for a role ("the agency's former director"): a role phrase is
 * short, and reading further would take the verb's object for the subject.
 */
export const ROLE_PHRASE_WORDS = 5;
