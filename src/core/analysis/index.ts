/**
 * The corpus analysis pipeline: clean → segment → entities → descriptors → quotes → quote groups
 * → claims → claim groups → index. Pure: no I/O, no DOM, no Node built-ins; the same input always
 * yields the same index.
 */
import type { CorpusIndex } from '../index/types';
import type { ArticleDraft, ArticleInput } from './context';
import { entityKinds } from './context';
import { MentionStepReuse } from './mention-steps';
import { prepareArticle, type TokenSink } from './prepare';
import type { StoredTokens } from './stored-tokens';
import { extractEntities } from './03-entities/index';
import { extractDescriptors } from './04-descriptors';
import { extractQuotes } from './05-quotes';
import { groupQuotes } from './06-quote-groups';
import { extractClaims } from './07-claims';
import type { ClaimDraft, NearbyQuote } from './07-claims';
import type { QuoteDraft } from './05-quotes';
import type { QuoteGroupDraft } from './06-quote-groups';
import { groupClaims, type ClaimGroupReuse } from './08-claim-groups';
import { assembleIndex, type AssemblyInput } from './09-index';

export { streamIndex, type AssemblyInput, type IndexStream } from './09-index';
import { TokenStore } from './token-store';
import { AskedPlaces, claimInputs, keepClaims, keptClaims, quoteGroupKeys, sameAnswers, type AnalysisState, type KeptClaims } from './claim-reuse';
import type { MentionDraft } from './context';
import type { Descriptor } from '../index/types';

export type { AnalysisState } from './claim-reuse';
import type { Gazetteer } from '../lang/gazetteer';

export type { ArticleInput } from './context';

/** The pipeline's steps, in order, as progress reports name them. */
export type AnalysisStep = 'prepare' | 'entities' | 'descriptors' | 'quotes' | 'quote groups' | 'claims' | 'claim groups' | 'index';

/** Called as the analysis goes: the step, and for per-article steps the articles done so far of `total`. */
export type AnalysisProgress = (step: AnalysisStep, done: number, total: number) => void;

/**
 * Analyses a corpus of articles into a CorpusIndex. Throws on duplicate or empty article ids.
 * `keptTokens`, when given, receives each article's tokens in the form the store keeps
 * (stored-tokens.ts: an add then need not segment the article again).
 */
export function analyseCorpus(inputs: ArticleInput[], progress: AnalysisProgress = () => undefined, keptTokens?: Map<string, StoredTokens>, options: AnalysisOptions = {}): CorpusIndex {
  return analysePreparable(preparable(inputs), progress, keptTokens, options);
}

/** What an analysis may be given beyond its articles. */
export interface AnalysisOptions {
  /** A gazetteer: the claim groups' places are related by it beside what the text says (08-claim-groups claimPlaces), as the matcher's are. */
  gazetteer?: Gazetteer | null;
  /** What an earlier analysis of some of these articles left (its `onState`): the claims of articles whose claim inputs did not change, and quote diffs of the same two wordings, are taken from it (claim-reuse.ts). The index is the same with or without. */
  previous?: AnalysisState;
  /** Receives, once the index is made, what this analysis leaves for the next (per article its claims and what they were made from; the quote groups' word diffs). */
  onState?: (state: AnalysisState) => void;
}

/**
 * Every step but the last: what `assembleIndex` (the whole index at once) or `streamIndex` (one
 * record at a time, for corpora too large to hold as one index) turns into the index. Throws on
 * duplicate or empty article ids.
 */
export function analyseParts(inputs: ArticleInput[], progress: AnalysisProgress = () => undefined): AssemblyInput {
  return preparableParts(preparable(inputs), progress);
}

/** One article to analyse: its id, and how its draft is made (from raw input, or from a record already analysed), telling `keep` its tokens' kept form. */
export interface PreparableArticle {
  id: string;
  prepare(store: TokenStore, keep?: TokenSink): ArticleDraft;
}

/**
 * Analyses articles whose drafts come from anywhere (analyseCorpus: raw inputs; incremental.ts:
 * stored records plus raw inputs). Throws on duplicate or empty article ids. `keptTokens` as analyseCorpus's.
 */
export function analysePreparable(inputs: PreparableArticle[], progress: AnalysisProgress = () => undefined, keptTokens?: Map<string, StoredTokens>, options: AnalysisOptions = {}): CorpusIndex {
  // What this analysis leaves for the next, when asked for (filled by the claim step and the assembly).
  const state: AnalysisState | undefined = options.onState ? { claims: new Map(), diffs: new Map() } : undefined;
  const parts = preparableParts(inputs, progress, keptTokens, options, state);
  progress('index', 0, inputs.length);
  const diffs = options.previous || state ? { previous: options.previous?.diffs, next: state?.diffs ?? new Map() } : undefined;
  const index = assembleIndex({ ...parts, gazetteer: options.gazetteer, diffs });
  if (state) options.onState!(state);
  return index;
}

/** Raw inputs as articles whose drafts are prepared from their text. */
function preparable(inputs: ArticleInput[]): PreparableArticle[] {
  return inputs.map((input) => ({ id: input.id, prepare: (store, keep) => prepareArticle(input, store, keep) }));
}

/** The steps before assembly over articles whose drafts come from anywhere. */
function preparableParts(inputs: PreparableArticle[], progress: AnalysisProgress, keptTokens?: Map<string, StoredTokens>, options: AnalysisOptions = {}, state?: AnalysisState): AssemblyInput {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (!input.id) throw new Error('analyseCorpus: an article has an empty id');
    if (seen.has(input.id)) throw new Error(`analyseCorpus: duplicate article id "${input.id}"`);
    seen.add(input.id);
  }
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const total = sorted.length;
  // Per-article steps report every PROGRESS_EVERY articles (and at the end).
  const perArticle = <T, R>(step: AnalysisStep, items: T[], f: (item: T) => R): R[] =>
    items.map((item, k) => {
      if (k % PROGRESS_EVERY === 0) progress(step, k, total);
      const r = f(item);
      if (k === items.length - 1) progress(step, total, total);
      return r;
    });
  // Tokens are packed (token-store.ts): as objects, every article's tokens at once do not fit in memory.
  const store = new TokenStore();
  const drafts = perArticle('prepare', sorted, (input) =>
    input.prepare(
      store,
      keptTokens &&
        ((kept) => {
          if (kept) keptTokens.set(input.id, kept);
        }),
    ),
  );
  progress('entities', 0, total);
  const entities = extractEntities(drafts, options.previous?.entities, state && ((kept) => (state.entities = kept)));
  progress('descriptors', 0, total);
  const kinds = entityKinds(entities.entities);
  if (state) state.mentionSteps = new Map();
  const steps = options.previous || state ? new MentionStepReuse(drafts, entities.mentions, (id) => kinds.get(id) === 'person', options.previous?.mentionSteps, state?.mentionSteps) : undefined;
  const descriptors = extractDescriptors(drafts, entities.entities, entities.mentions, steps);
  const quotesOfArticle = (d: ArticleDraft) => extractQuotes(d, entities.mentions.get(d.id) ?? [], entities.entities);
  const quotes = perArticle('quotes', drafts, (d) => (steps ? steps.quotes(d, () => quotesOfArticle(d)) : quotesOfArticle(d))).flat();
  progress('quote groups', 0, total);
  const quoteGroups = groupQuotes(quotes);
  const nearby = nearbyQuotes(quotes, quoteGroups);
  const quotesOf = quotesByArticle(quotes);
  const compact = new ClaimCompactor();
  const reuse = options.previous || state ? new ClaimReuse(quotes, quoteGroups, options.previous, state?.claims ?? new Map()) : null;
  const claims = perArticle('claims', drafts, (d) => {
    const mentions = entities.mentions.get(d.id) ?? [];
    if (!reuse) return compact.all(extractClaims(d, mentions, entities.entities, entities.places, nearby.get(d.id), quotesOf.get(d.id), descriptors.get(d.id)));
    // Kept claims too: those made again from stored records (stored-state.ts) come with a string
    // per keyword and an array per empty list, as extracted ones do before compacting.
    return compact.all(reuse.claims(d.id, mentions, nearby.get(d.id), quotesOf.get(d.id), descriptors.get(d.id), entities.places, (places) => extractClaims(d, mentions, entities.entities, places, nearby.get(d.id), quotesOf.get(d.id), descriptors.get(d.id))));
  }).flat();
  store.release(); // no step after claims reads tokens
  // Nor quoted regions or token offsets: dropped, they leave only what the index records.
  for (const d of drafts) {
    d.quoted = [];
    d.quotedSpans = [];
    d.sentenceTokenStart = [];
  }
  progress('claim groups', 0, total);
  const claimGroups = groupClaims(claims, reuse?.groups(state));
  return { drafts, entities, descriptors, quotes, quoteGroups, claims, claimGroups };
}

/**
 * Makes claim drafts cheaper to hold until the index is written (a corpus of 20,000 articles has
 * about 330,000): a keyword is one string for the whole corpus, not one per claim that has it, and
 * an empty list is one shared frozen array rather than one per claim and field. The claims are the
 * same values; only their memory is shared.
 */
class ClaimCompactor {
  private readonly words = new Map<string, string>();

  /** Compacts the claims of one article in place and returns them. */
  all(claims: ClaimDraft[]): ClaimDraft[] {
    for (const c of claims) {
      const kw = c.keywords;
      // A frozen list is a kept claim record's (store/analysis-state.ts): its strings are held already, and it cannot be written.
      const n = Object.isFrozen(kw) ? 0 : kw.length;
      for (let k = 0; k < n; k++) {
        const w = this.words.get(kw[k]);
        if (w === undefined) this.words.set(kw[k], kw[k]);
        else kw[k] = w;
      }
      if (!c.entities.length) c.entities = NONE;
      if (!c.figures.length) c.figures = NONE;
      if (!c.places.length) c.places = NONE;
      if (!c.dates.length) c.dates = NONE;
      if (!c.keywords.length) c.keywords = NONE;
      if (!c.speechGroups.length) c.speechGroups = NONE;
    }
    return claims;
  }
}

/** Claims taken from an earlier analysis where their inputs are the same, and the state this one leaves (claim-reuse.ts). */
class ClaimReuse {
  private readonly groupKeys: string[];
  private readonly groupOf: Map<string, number>;

  constructor(
    quotes: QuoteDraft[],
    groups: QuoteGroupDraft[],
    private readonly previous: AnalysisState | undefined,
    /** Receives every article's kept claims. */
    private readonly kept: Map<string, KeptClaims>,
  ) {
    this.groupKeys = quoteGroupKeys(quotes, groups);
    this.groupOf = new Map(this.groupKeys.map((key, gi) => [key, gi]));
  }

  /** Articles whose claims were taken from the last analysis. */
  private readonly taken = new Set<string>();

  /** What the claim grouping takes from the last analysis (its groups, where these claims are its), and where it leaves its own (`state`). */
  groups(state: AnalysisState | undefined): ClaimGroupReuse {
    const previous = this.previous;
    return {
      previous: previous?.claimGroups,
      taken: (id) => this.taken.has(id),
      before: (id) => previous?.claims.get(id),
      speechKey: (g) => this.groupKeys[g],
      keep: state && ((kept) => (state.claimGroups = kept)),
    };
  }

  /** One article's claims: the kept ones when their inputs are the same, else `extract`'s (asked with a place set that writes its questions down). */
  claims(id: string, mentions: MentionDraft[], nearby: NearbyQuote[] | undefined, quotes: QuoteDraft[] | undefined, descriptors: ReadonlyMap<string, readonly Descriptor[]> | undefined, places: Set<string>, extract: (places: Set<string>) => ClaimDraft[]): ClaimDraft[] {
    const inputs = claimInputs(mentions, quotes, descriptors, nearby, this.groupKeys);
    const kept = this.previous?.claims.get(id);
    if (kept && kept.inputs === inputs && sameAnswers(kept, places)) {
      const claims = keptClaims(kept, this.groupOf);
      if (claims) {
        this.kept.set(id, kept);
        this.taken.add(id);
        return claims;
      }
    }
    const asked = new AskedPlaces(places);
    const claims = extract(asked);
    this.kept.set(id, keepClaims(inputs, asked, claims, this.groupKeys));
    return claims;
  }
}

/** The one empty list compacted claims share (frozen: a step that pushes to a claim's list fails loudly). */
const NONE: never[] = Object.freeze([]) as unknown as never[];

/** Articles between two progress reports of a per-article step: often enough for a live line, rare enough to cost nothing. */
const PROGRESS_EVERY = 50;

/** Per article, its quotes (their speakers make claims of the facts stated in direct speech). */
function quotesByArticle(quotes: QuoteDraft[]): Map<string, QuoteDraft[]> {
  const out = new Map<string, QuoteDraft[]>();
  for (const q of quotes) {
    const list = out.get(q.article);
    if (list) list.push(q);
    else out.set(q.article, [q]);
  }
  return out;
}

/** Per article, the quotes that belong to groups reported by more than one article. */
function nearbyQuotes(quotes: QuoteDraft[], groups: QuoteGroupDraft[]): Map<string, NearbyQuote[]> {
  const out = new Map<string, NearbyQuote[]>();
  groups.forEach((g, gi) => {
    if (new Set(g.members.map((m) => quotes[m].article)).size < 2) return;
    for (const m of g.members) {
      const q = quotes[m];
      const list = out.get(q.article) ?? [];
      for (const sentence of q.sentences) list.push({ sentence, group: gi, speaker: q.speaker });
      out.set(q.article, list);
    }
  });
  return out;
}
