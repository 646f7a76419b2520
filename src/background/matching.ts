/**
 * The matching side: runs core/match over the active corpora for blocks of page text the content
 * script sends, and builds card details from the same corpora. It lives in the background (Chrome:
 * the service worker; Firefox: the event page). Measured reasons for the service worker rather than
 * an offscreen document or a worker: the matcher data of the bundled corpus is small (tens of KB),
 * building the matcher takes a few milliseconds, and matching a page's blocks takes milliseconds
 * (README, Benchmarks), so neither the worker's memory nor its lifetime stands in the way; an
 * offscreen document would add a second hop for every batch. Measured in Chromium with the store's
 * corpora (README, On the page): a batch of 32 blocks answered in 2.6–9.4 ms warm (median 4.1),
 * 40–89 ms (median 47) from a stopped worker.
 *
 * Page text is used for the reply and dropped: nothing here stores it.
 */
import type { CardDetails } from '../core/index/details';
import type { DetectionKind, Match } from '../core/index/types';
import { urlKeyOrEmpty } from '../core/index/url-key';
import type { ScanOptions } from '../core/match';
import { MAX_PAGE_PEOPLE, PagePeople, type QuoteSpeech } from '../core/index/page-people';
import type { ContextStep, CorpusCardDetails, CorpusMatch, MatchingProtocol } from '../shared/protocol';
import { packEntityRefs } from '../shared/entity-refs';
import type { CorpusSource, LoadedCorpus } from './corpus-source';
import { cardReply } from './card-reply';
import { toWireMatch } from './wire-match';

/** The most blocks one request may carry (the page sends far fewer; a bound keeps a bad sender cheap). */
export const MAX_BLOCKS_PER_REQUEST = 500;
/** The most characters one block may carry (a paragraph longer than this is a page bug or an attack). */
export const MAX_BLOCK_CHARS = 100_000;

type Req<K extends keyof MatchingProtocol> = MatchingProtocol[K]['request'];
type Reply<K extends keyof MatchingProtocol> = MatchingProtocol[K]['reply'];

/** The matching side's handlers over one source of corpora. */
export interface MatchingSide {
  matchBlocks(payload: Req<'matchBlocks'>): Promise<Reply<'matchBlocks'>>;
  getDetails(payload: Req<'getDetails'>): Promise<Reply<'getDetails'>>;
}

/**
 * A names-first request (MatchingProtocol `namesFirst`) is answered whole at once when this side
 * expects its whole answer in at most this long (ms), from the speed of its latest whole answer
 * over the same corpora: the names' own reply would bring the first markers earlier by no more than
 * that, and cost the page a second request for the same blocks and a second write of their names
 * (page-trace.ts, bench's 20,000-word page, 5 articles: 1.6 ms less of the page's thread per scan,
 * paired loads, load 10). Whole answers per 1,000 words in the browser (README's corpus-size table):
 * 2.4 ms at 5 articles, 9.8 at 500, 18.5 at 5,000; a first batch of a screen (~600 words) takes
 * ~1.5, ~6 and ~11 ms whole, so from 500 articles on names still come first (the warm first
 * marker's budget is 50 ms at 5,000).
 */
export const NAMES_FIRST_SKIP_MS = 4;

/** A page date as the content script sends it: a calendar day, `YYYY-MM-DD`. */
const PAGE_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The longest entity id taken from a page's `people` (ids are short; a longer one is not an id). */
const MAX_PERSON_ID_CHARS = 200;

/**
 * The people a request says the page named before its blocks, for one corpus: its ids that are
 * strings of a sane length, at most MAX_PAGE_PEOPLE. Anything malformed is left out, never an error:
 * the blocks are then read without them.
 */
export function pagePeopleOf(people: unknown, corpus: string): string[] {
  if (!people || typeof people !== 'object' || Array.isArray(people) || !Object.hasOwn(people, corpus)) return [];
  const ids = (people as Record<string, unknown>)[corpus];
  if (!Array.isArray(ids)) return [];
  return ids.slice(0, MAX_PAGE_PEOPLE).filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= MAX_PERSON_ID_CHARS);
}

/** The longest quote cue taken from a page's `speech` (cues are a few words; a longer one is not a cue). */
const MAX_CUE_CHARS = 100;

/** One corpus's quote speech from a request's per-corpus table, or null when absent or malformed (never an error). */
export function speechOf(table: unknown, corpus: string): QuoteSpeech | null {
  if (!table || typeof table !== 'object' || Array.isArray(table) || !Object.hasOwn(table, corpus)) return null;
  const s = (table as Record<string, unknown>)[corpus] as { level?: unknown; cue?: unknown } | null;
  if (!s || typeof s !== 'object' || typeof s.level !== 'number' || !Number.isFinite(s.level) || typeof s.cue !== 'string' || s.cue.length > MAX_CUE_CHARS) return null;
  return { level: s.level, cue: s.cue };
}

/**
 * A request's `between` steps that can apply: inside the batch (0 < at < blocks), in block order,
 * one per block (the first kept). Anything malformed is left out: those blocks are then read with
 * the context handed on from the block before them in the batch.
 */
export function stepsOf(between: unknown, blocks: number): ContextStep[] {
  if (!Array.isArray(between)) return [];
  const seen = new Set<number>();
  const out: ContextStep[] = [];
  for (const step of between.slice(0, MAX_BLOCKS_PER_REQUEST)) {
    if (!step || typeof step !== 'object') continue;
    const at = (step as { at?: unknown }).at;
    if (typeof at !== 'number' || !Number.isInteger(at) || at <= 0 || at >= blocks || seen.has(at)) continue;
    seen.add(at);
    out.push(step as ContextStep);
  }
  return out.sort((a, b) => a.at - b.at);
}

/** Every block's whole matches in one corpus, `pagePeople` handed on and each `between` step applied before its block. */
async function matchInSteps(corpus: LoadedCorpus, blocks: readonly string[], options: ScanOptions, pagePeople: PagePeople, steps: readonly ContextStep[]): Promise<Match[][]> {
  if (steps.length === 0) return matchAll(corpus, blocks, { ...options, pagePeople });
  const out: Match[][] = [];
  let from = 0;
  for (let k = 0; k <= steps.length; k++) {
    const to = k < steps.length ? steps[k].at : blocks.length;
    out.push(...(await matchAll(corpus, blocks.slice(from, to), { ...options, pagePeople })));
    if (k === steps.length) break;
    // The blocks between, oldest first, so their most recent person ends most recent.
    const named = pagePeopleOf(steps[k].people, corpus.id);
    for (let i = named.length - 1; i >= 0; i--) pagePeople.note(named[i]);
    pagePeople.speech = speechOf(steps[k].speech, corpus.id);
    from = to;
  }
  return out;
}

function checkBlocks(payload: Req<'matchBlocks'>): void {
  const blocks = (payload as { blocks?: unknown }).blocks;
  if (!Array.isArray(blocks)) throw new Error('matchBlocks: blocks must be an array of strings');
  if (blocks.length > MAX_BLOCKS_PER_REQUEST) throw new Error(`matchBlocks: ${blocks.length} blocks, at most ${MAX_BLOCKS_PER_REQUEST} per request`);
  blocks.forEach((b, i) => {
    if (typeof b !== 'string') throw new Error(`matchBlocks: block ${i} is not a string`);
    if (b.length > MAX_BLOCK_CHARS) throw new Error(`matchBlocks: block ${i} has ${b.length} characters, at most ${MAX_BLOCK_CHARS}`);
  });
}

/** Every block's matches in one corpus: one wait for the corpus per batch when it can (LoadedCorpus.matchAll). */
async function matchAll(corpus: LoadedCorpus, blocks: readonly string[], options: ScanOptions): Promise<Match[][]> {
  if (corpus.matchAll) return corpus.matchAll(blocks, options);
  const out: Match[][] = [];
  for (const block of blocks) out.push(await corpus.match(block, options));
  return out;
}

/** Every block's early names in one corpus, or null when it answers whole (or cannot answer early). */
async function earlyAll(corpus: LoadedCorpus, blocks: readonly string[], options: ScanOptions): Promise<Match[][] | null> {
  if (corpus.earlyAll) return corpus.earlyAll(blocks, options);
  if (!corpus.early) return null;
  const out: Match[][] = [];
  for (const block of blocks) {
    const found = await corpus.early(block, options);
    if (!found) return null;
    out.push(found);
  }
  return out;
}

/**
 * The matching side over `source` (a function, so the source can be replaced while running).
 * `ready` is awaited before every match (the word vectors, in the extension): a page then gets the
 * same claim links on a cold start as on a warm one, and the same as `lookup`.
 */
export function createMatchingSide(source: () => CorpusSource, ready: () => Promise<unknown> = async () => undefined): MatchingSide {
  // The latest whole answer's speed (claims or quotes asked for), and the corpora it was over.
  let whole: { corpora: string; msPerChar: number } | null = null;
  return {
    async matchBlocks(payload) {
      const started = performance.now();
      checkBlocks(payload);
      // A page that can take names first (`partial`) does not wait for the vectors, which only
      // claims use: a corpus still loading answers with its names (LoadedCorpus.early).
      const partial = payload.partial === true;
      const kinds: Partial<Record<DetectionKind, boolean>> = payload.kinds ?? {};
      const beyondNames = kinds.claim === true || kinds.quote === true;
      // Together: on a cold start the vectors' fetch and the corpora's matcher reads (which listing
      // them starts) overlap instead of following each other.
      const [, corpora] = await Promise.all([partial ? undefined : ready(), source().active()]);
      const blocks = payload.blocks;
      let chars = 0;
      for (const block of blocks) chars += block.length;
      const corporaKey = corpora.map((c) => c.id).join('\u0000');
      const quickWhole = whole !== null && whole.corpora === corporaKey && whole.msPerChar * chars <= NAMES_FIRST_SKIP_MS;
      // `namesFirst`: names alone now even from a corpus that could answer whole, when the whole
      // answer holds more than names (claims are most of a batch's matching at a large corpus) and
      // is not expected as quick (NAMES_FIRST_SKIP_MS).
      const namesFirst = partial && payload.namesFirst === true && beyondNames && !quickWhole;
      // A corpus that cannot answer early is matched whole, with the vectors as ever.
      if (partial && !namesFirst && corpora.some((c) => !c.early)) await ready();
      let pending = false;
      const pageUrl = typeof payload.page === 'string' ? urlKeyOrEmpty(payload.page) : '';
      // A malformed date is ignored (the page's relative dates then stay unresolved), never an error.
      const pageDate = typeof payload.pageDate === 'string' && PAGE_DATE.test(payload.pageDate) ? payload.pageDate : undefined;
      const options: ScanOptions = { kinds, ...(pageUrl ? { pageUrl } : {}), ...(pageDate ? { pageDate } : {}) };
      const namesOnly: ScanOptions = { ...options, kinds: { person: kinds.person === true, organisation: kinds.organisation === true } };
      let wholeMs = 0;
      const matches: CorpusMatch[][] = blocks.map(() => []);
      const problems: string[] = [];
      const steps = stepsOf(payload.between, blocks.length);
      // Per block, per corpus, how it ended inside a quote (reply `ends`).
      let ends: (Record<string, QuoteSpeech> | null)[] | null = null;
      for (const corpus of corpora) {
        try {
          // The page's context before the first block in this corpus, handed from block to block in the batch's order.
          const pagePeople = new PagePeople(pagePeopleOf(payload.people, corpus.id), speechOf(payload.speech, corpus.id));
          let found = partial ? await earlyAll(corpus, blocks, { ...options, pagePeople }) : null;
          if (found) pending = true;
          else if (namesFirst) {
            found = await matchAll(corpus, blocks, { ...namesOnly, pagePeople });
            pending = true;
          }
          if (!found) {
            const wholeStarted = performance.now();
            pagePeople.ends = [];
            found = await matchInSteps(corpus, blocks, options, pagePeople, steps);
            wholeMs += performance.now() - wholeStarted;
            // One end per block scanned (a broken corpus scans none: then it tells nothing).
            const scanned = pagePeople.ends;
            if (scanned.length === blocks.length) {
              for (let i = 0; i < blocks.length; i++) {
                const end = scanned[i];
                if (!end) continue;
                ends ??= blocks.map(() => null);
                (ends[i] ??= {})[corpus.id] = { level: end.level, cue: end.cue };
              }
            }
          }
          for (let i = 0; i < blocks.length; i++) for (const m of found[i]) matches[i].push(toWireMatch(m, corpus.id));
        } catch (error) {
          // One broken corpus is reported; the others still match.
          problems.push(`${corpus.name}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      if (corpora.length > 0 && problems.length === corpora.length) throw new Error(`matching failed: ${problems.join('; ')}`);
      if (!pending && beyondNames && problems.length === 0 && chars > 0) whole = { corpora: corporaKey, msPerChar: wholeMs / chars };
      for (const list of matches) list.sort((a, b) => a.start - b.start || b.end - a.end);
      const entityRefs = packEntityRefs(matches);
      const timing = payload.timing === true ? { matchMs: performance.now() - started } : {};
      return { matches, ...(entityRefs ? { entityRefs } : {}), ...(ends && !pending ? { ends } : {}), ...(problems.length > 0 ? { problems } : {}), ...(pending ? { pending: true as const } : {}), ...timing };
    },

    async getDetails({ kind, id, corpus, sentences }) {
      const corpora = (await source().active()).filter((c) => corpus === undefined || c.id === corpus);
      let failure: unknown = null;
      for (const c of corpora) {
        let details: CardDetails | null;
        try {
          details = await c.details(kind, id);
        } catch (error) {
          failure ??= error;
          continue;
        }
        if (!details) continue;
        const reply = { ...cardReply(details), corpus: { id: c.id, name: c.name } } as CorpusCardDetails;
        // A claim card's differing sentences outside its group: their texts (a failure leaves the card without them).
        if (reply.type === 'claim' && Array.isArray(sentences) && sentences.length > 0 && c.excerpts) {
          const excerpts = await c.excerpts(sentences).catch(() => []);
          if (excerpts.length > 0) reply.excerpts = excerpts;
        }
        return reply;
      }
      if (failure) throw failure;
      throw new Error(`No ${kind} with id "${id}" in the corpus index`);
    },
  };
}
