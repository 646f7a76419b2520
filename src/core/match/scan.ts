/**
 * Run time: one pass of tokenisation, one automaton pass for names and places, sentence bounds from
 * the same tokens, then claim keys per sentence and bigrams per quoted span. Every per-token buffer
 * is reused across scans, so scanning a page block by block allocates little.
 */
import type { DetectionKind, Match } from '../index/types';
import { dayOf } from '../lang/date-spans';
import { ClaimScorer, claimScorerSteps, type ClaimProbe } from './claims';
import type { RerankModel } from './rerank';
import type { WordVectors } from '../lang/vectors';
import { MATCHER_DATA_VERSION, PatternType, type MatcherData } from './data';
import { NameHits, NameScanner } from './names';
import { QuoteMatcher, attribution, findQuotedSpans, opensText, type QuoteBigrams } from './quotes';
import { splitSentences } from './sentences';
import { Tokens, tokenize } from './tokens';
import { classifyingTable } from './classify';
import { MAX_PAGE_PEOPLE, type PagePeople } from '../index/page-people';

/** Options for one scan. */
export interface ScanOptions {
  /** Which kinds to report; all when omitted. */
  kinds?: Partial<Record<DetectionKind, boolean>>;
  /**
   * The address of the page being scanned (as core/index/url-key compares it). A corpus article at
   * that address is the page itself, not coverage of it: its evidence is left out, and a match whose
   * only evidence it was is not reported (a page that is in the corpus does not light up with itself).
   */
  pageUrl?: string;
  /** The claim link probability, for fitting it (scripts/fit-reranker.ts); the fitted one otherwise. */
  claimThreshold?: number;
  /**
   * The page's own date (ISO `YYYY-MM-DD`) when known: the page's relative dates ("yesterday",
   * "on Wednesday", "last week") are resolved against it before they are compared with the corpus's.
   */
  pageDate?: string;
  /** Sees the features of every re-ranked claim candidate (scripts/fit-reranker.ts). */
  claimProbe?: ClaimProbe;
  /**
   * The people the page named before this text (this corpus's entity ids): a sentence whose subject
   * is only "he", "she" or a role is read as about the most recent that fits. The scan adds the
   * people it finds, in text order, so one object handed to the scans of a page's blocks in page
   * order carries them from block to block.
   */
  pagePeople?: PagePeople;
}

/** What a matcher is built with besides its data. */
export interface MatcherOptions {
  /** Word vectors for the claim re-ranker; the matching side loads them (background/word-vectors). */
  vectors?: WordVectors | null;
  /** A re-ranker model other than the fitted one (fitting). */
  model?: RerankModel;
  /** Claim candidates re-ranked per sentence, other than claims.ts RETRIEVE_K (diagnostics only). */
  retrieveK?: number;
  /** The quote bigram index of the data when already built (the corpus store keeps it with the shard); built from the quotes otherwise. */
  quoteBigrams?: QuoteBigrams;
  /** Claim retrieval reads every posting (the reference for the pruned retrieval; tests and the parity check). */
  exhaustiveRetrieval?: boolean;
  /**
   * Build the claim scorer and the quote matcher on the first scan that asks for claims or quotes
   * (or on `prepare`) rather than at once: the claim scorer is most of a large corpus's build
   * (~150 ms of CPU at 5,000 generated articles, in one piece), and a matching side can answer names
   * meanwhile. Data they cannot be built from then throws there, not here.
   */
  deferClaims?: boolean;
  /** Claims one step of the deferred build reads (claims.ts ClaimScorerOptions.pieceClaims; tests). */
  pieceClaims?: number;
}

/**
 * A matcher built once from MatcherData and used for many scans.
 *
 * Overlap rule: detections of one kind never overlap (for names the longest wins, then the
 * leftmost). Across kinds they may nest: a name inside a claim sentence or a quote is reported
 * too. A sentence that is mostly a matched quote is reported as the quote, not also as a claim.
 */
export interface Matcher {
  /** Finds every detection in `text`; offsets are UTF-16 offsets into `text`, sorted by start then longest. */
  scan(text: string, options?: ScanOptions): Match[];
  /** Builds now what MatcherOptions.deferClaims left for later (nothing otherwise). */
  prepare(): void;
  /**
   * `prepare` in steps: each turn of the iterator builds one piece, what grows with the claims a
   * range of claims a piece (the longest 16–23 ms of CPU at 5,000 generated articles against 80–104
   * when the build was seven pieces; at 20,000 most pieces 1–10 ms and the longest 35–145, against
   * 337–360, though a full collection of the garbage collector, hundreds of ms in the bench's heap,
   * can land in any piece: scripts/bench/cold-side.ts --steps, load ~10–15), so a caller can let
   * other work run between them. Steps another caller (or a scan) already took are not taken again.
   */
  prepareSteps(): Generator<void>;
  /** Whether a scan of any kind runs without building first (always, unless deferClaims left work). */
  readonly prepared: boolean;
}

/** Share of a sentence a matched quote must cover for the sentence not to be reported as a claim too. */
const QUOTE_COVERS_SENTENCE = 0.6;
/** Distinct token strings kept interned between scans. */
const MAX_SYMBOLS = 200_000;

/** Builds a matcher from compiled data (run time). */
export function createMatcher(data: MatcherData, options: MatcherOptions = {}): Matcher {
  if (data.schemaVersion !== MATCHER_DATA_VERSION) throw new Error(`matcher data version ${data.schemaVersion}, expected ${MATCHER_DATA_VERSION}`);
  const names = new NameScanner(data);
  let claims: ClaimScorer | null = null;
  let quotes: QuoteMatcher | null = null;
  // The claim scorer's build in pieces (deferred only: built at once, it is one constructor call).
  const claimBuild = options.deferClaims ? claimScorerSteps(data, options) : null;
  const prepare = () => {
    quotes ??= new QuoteMatcher(data, options.quoteBigrams);
    claims ??= claimBuild ? claimBuild.scorer() : new ClaimScorer(data, options);
  };
  function* prepareSteps(): Generator<void> {
    if (claims) return;
    quotes ??= new QuoteMatcher(data, options.quoteBigrams);
    for (const step of claimBuild?.steps ?? []) {
      yield;
      if (claims) return;
      step();
    }
    yield;
    prepare();
  }
  if (!options.deferClaims) prepare();
  const tokens = new Tokens(classifyingTable(data.words, data.keys));
  const hits = new NameHits();
  const sentenceBuf: Int32Array[] = [new Int32Array(256)];
  const quoteBuf: number[] = [];
  const quoteSpanBuf: number[] = [];
  const introBuf: { level: number; cue: string }[] = [];
  // Shared by every detection of the entity (read-only), so a name-dense page allocates no copies;
  // made on the entity's first detection (a matching side's cold start builds no refs it never sends).
  const entityRefs: (Match['refs'] | undefined)[] = new Array(data.entityRefs.length);
  const refsOf = (e: number): Match['refs'] => {
    let refs = entityRefs[e];
    if (refs === undefined) {
      const flat = data.entityRefs[e];
      refs = entityRefs[e] = [];
      for (let k = 0; k < flat.length; k += 2) refs.push({ article: data.articles[flat[k]], sentence: flat[k + 1], relation: 'mentions', score: 1 });
    }
    return refs;
  };

  // Entity index by id, built on the first scan given the page's people.
  let entityIndex: Map<string, number> | null = null;
  const isPerson = (h: number) => hits.type[h] === PatternType.entity && data.entityKinds[hits.target[h]] === 'p';

  // Built on the first scan that names its page: every block of a page asks, so no linear search per block.
  let byUrl: Map<string, string> | null = null;
  const articleAt = (url: string): string | undefined => {
    byUrl ??= new Map(data.articleUrls.flatMap((u, i): [string, string][] => (u ? [[u, data.articles[i]!]] : [])));
    return byUrl.get(url);
  };

  return {
    prepare,
    prepareSteps,
    get prepared() {
      return claims !== null;
    },
    scan(text: string, options?: ScanOptions): Match[] {
      const kinds = options?.kinds;
      const wantPerson = !kinds || kinds.person === true;
      const wantOrganisation = !kinds || kinds.organisation === true;
      const wantQuote = !kinds || kinds.quote === true;
      const wantClaim = !kinds || kinds.claim === true;
      const out: Match[] = [];
      // Interned page words are bounded so a long-lived tab cannot grow the table without limit.
      if (tokens.table.size > MAX_SYMBOLS) tokens.table = classifyingTable(data.words, data.keys);
      tokenize(text, tokens);
      if (tokens.count === 0) {
        options?.pagePeople?.ends?.push(options.pagePeople.speech);
        return out;
      }
      names.scan(text, tokens, hits);
      if (wantPerson || wantOrganisation) {
        for (let h = 0; h < hits.count; h++) {
          if (hits.type[h] !== PatternType.entity) continue;
          const e = hits.target[h];
          const person = data.entityKinds[e] === 'p';
          if (!(person ? wantPerson : wantOrganisation)) continue;
          const kind: DetectionKind = person ? 'person' : 'organisation';
          const start = hits.start[h];
          const end = hits.end[h];
          out.push({ kind, text: text.slice(start, end), start, end, id: data.entities[e], score: hits.isFull[h] ? 1 : 0.9, refs: refsOf(e) });
        }
      }
      const quoteSpans = quoteSpanBuf;
      quoteSpans.length = 0;
      // Per quoted span (as findQuotedSpans gives them, matched or not), how it was introduced.
      const intros = introBuf;
      intros.length = 0;
      const pagePeople = options?.pagePeople;
      if (wantQuote || wantClaim) {
        prepare();
        const quoteMatcher = quotes!;
        // Most blocks hold no quote mark at all: nothing to look for.
        const n = tokens.quoteMarks === 0 ? 0 : findQuotedSpans(tokens, quoteBuf);
        // The previous block's last quote introduces an unattributed quote that opens this one (PagePeople.speech).
        let speech = pagePeople?.speech ?? null;
        for (let q = 0; q < n; q++) {
          const a = quoteBuf[q * 2];
          const b = quoteBuf[q * 2 + 1];
          let introduced = attribution(tokens, a, b);
          if (!introduced.attributed && speech && q === 0 && opensText(tokens, a)) introduced = { ...speech, attributed: true };
          speech = { level: introduced.level, cue: introduced.cue };
          intros.push(speech);
          const r = quoteMatcher.match(tokens, a, b, introduced);
          if (!r) continue;
          const start = tokens.start[a];
          const end = tokens.end[b - 1];
          quoteSpans.push(start, end);
          if (wantQuote) out.push({ kind: 'quote', text: text.slice(start, end), start, end, id: data.quoteGroups[r.group], score: r.score, refs: r.refs });
        }
        if (pagePeople) pagePeople.speech = n > 0 ? speech : null;
      }
      if (wantClaim) {
        const claimScorer = claims!;
        claimScorer.pageDay = dayOf(options?.pageDate);
        // The people named before each sentence, most recent first: the page's before this text, then this text's own.
        const recent = claimScorer.recentPeople;
        recent.length = 0;
        if (pagePeople) {
          entityIndex ??= new Map(data.entities.map((id, e) => [id, e]));
          for (const id of pagePeople.recent()) {
            const e = entityIndex.get(id);
            if (e !== undefined) recent.push(e);
          }
        }
        const n = splitSentences(tokens, sentenceBuf);
        const bounds = sentenceBuf[0];
        let h = 0;
        let q = 0;
        let qi = 0;
        for (let s = 0; s < n; s++) {
          const a = bounds[s * 2];
          const b = bounds[s * 2 + 1];
          while (h < hits.count && hits.firstToken[h] < a) {
            if (isPerson(h)) notePerson(recent, hits.target[h]);
            h++;
          }
          const start = tokens.start[a];
          const end = tokens.end[b - 1];
          // Quote spans and sentences are both in text order: one forward pointer keeps this linear.
          while (q < quoteSpans.length && quoteSpans[q + 1] <= start) q += 2;
          if (!claimScorer.mayMatch(tokens, a, b, hits, h)) continue;
          if (mostlyQuoted(quoteSpans, q, start, end)) continue;
          // The quote the sentence opens in: its words are the speaker's, put as the quote was introduced.
          while (qi < intros.length && quoteBuf[qi * 2 + 1] <= a) qi++;
          claimScorer.quoteIntro = qi < intros.length && quoteBuf[qi * 2] <= a + 1 ? intros[qi] : null;
          const r = claimScorer.score(text, tokens, a, b, hits, h, options?.claimThreshold, options?.claimProbe);
          if (!r) continue;
          const m: Match = { kind: 'claim', text: text.slice(start, end), start, end, id: data.claimGroups[r.group], score: r.score, refs: r.refs };
          if (r.restates >= 0) m.restates = data.articles[r.restates];
          out.push(m);
        }
      }
      if (pagePeople) {
        for (let h = 0; h < hits.count; h++) if (isPerson(h)) pagePeople.note(data.entities[hits.target[h]]);
        pagePeople.ends?.push(pagePeople.speech);
      }
      out.sort((x, y) => x.start - y.start || y.end - x.end);
      const self = options?.pageUrl ? articleAt(options.pageUrl) : undefined;
      return self === undefined ? out : withoutArticle(out, self);
    },
  };
}

/** Moves person `e` to the front of `recent` (most recent first), keeping at most MAX_PAGE_PEOPLE. */
function notePerson(recent: number[], e: number): void {
  const at = recent.indexOf(e);
  if (at === 0) return;
  if (at > 0) recent.splice(at, 1);
  recent.unshift(e);
  if (recent.length > MAX_PAGE_PEOPLE) recent.length = MAX_PAGE_PEOPLE;
}

/** The matches with one article's evidence left out; a match left with none is dropped. */
function withoutArticle(matches: Match[], article: string): Match[] {
  const kept: Match[] = [];
  for (const m of matches) {
    if (!m.refs.some((r) => r.article === article)) kept.push(m);
    else {
      const refs = m.refs.filter((r) => r.article !== article);
      if (refs.length > 0) kept.push({ ...m, refs });
    }
  }
  return kept;
}

function mostlyQuoted(spans: number[], from: number, start: number, end: number): boolean {
  let covered = 0;
  for (let k = from; k < spans.length && spans[k] < end; k += 2) {
    const s = Math.max(start, spans[k]);
    const e = Math.min(end, spans[k + 1]);
    if (e > s) covered += e - s;
  }
  return covered >= (end - start) * QUOTE_COVERS_SENTENCE;
}
