/**
 * The typed message protocol between the content script, the extension pages and the background.
 * Every request names its type; every reply is a Result, because thrown errors do not survive
 * structured cloning across extension contexts.
 */
import type { CardDetails } from '../core/index/details';
import type { CoverageRef, DetectionKind, Match } from '../core/index/types';
import type { QuoteSpeech } from '../core/index/page-people';
import type { PageDraftView } from './add-page';
import type { Settings } from './settings';

/** A reply that either carries a value or says what went wrong. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/** One marker the content script placed, as reported to the popup. */
export interface FoundItem {
  kind: DetectionKind;
  /** Record id (entity, claim group or quote group). */
  id: string;
  /** Text as it appears on the page (first occurrence). */
  text: string;
  /** Human label (canonical name, claim topic). */
  label: string;
  /** How many markers on the page refer to this record. */
  count: number;
}

/** What the content script reports about its tab. */
export interface TabFindings {
  url: string;
  status: 'scanning' | 'done' | 'disabled' | 'error';
  /** Set when status is 'error' (or a partial failure): what went wrong, in plain words. */
  message?: string;
  items: FoundItem[];
  markers: number;
  /** The longest slice of work the content script ran on the page's thread so far (ms). */
  longestSliceMs?: number;
  /**
   * Set in a content script's report: `items` were left out (the report carries the status and
   * counts for the badge); the tab's content script lists them when asked (tab message `findings`).
   */
  itemsInTab?: boolean;
}

// ---- Corpus store (issue 11): the corpora the extension keeps in IndexedDB ----

/** Where a corpus came from. */
export type CorpusOrigin = 'bundled' | 'imported' | 'page';

/** A stored corpus's state: being written, usable, or unusable for the stated reason. */
export type CorpusStatus = 'importing' | 'ready' | 'broken';

/** What the store keeps about one corpus, as listed to the popup and the corpus browser. */
export interface CorpusSummary {
  id: string;
  name: string;
  origin: CorpusOrigin;
  /** Claims and quotes count groups (one per thing said, across outlets), as cards show them. */
  counts: { articles: number; outlets: number; people: number; organisations: number; claims: number; quotes: number };
  /** Earliest and latest known article dates (YYYY-MM-DD), or null when no article has a date. */
  dateRange: { from: string; to: string } | null;
  /** Milliseconds since the epoch. */
  created: number;
  updated: number;
  /** CorpusIndex schema version the records were written with. */
  schemaVersion: number;
  status: CorpusStatus;
  /** Why the corpus is broken (names the corpus, record and field), when status is 'broken'. */
  reason?: string;
  /** Whether pages are marked from this corpus (a corpus that is not ready is never used). */
  active: boolean;
}

/** Requests to the corpus store (answered by the background). */
export interface CorpusProtocol {
  /** Every stored corpus, the bundled one first, then by creation. */
  listCorpora: { request: Record<string, never>; reply: CorpusSummary[] };
  /** Installs a corpus file as `npm run corpus` writes it (the JSON text); validated first. */
  installCorpus: { request: { file: string; name: string; active?: boolean }; reply: CorpusSummary };
  setCorpusActive: { request: { id: string; active: boolean }; reply: CorpusSummary };
  renameCorpus: { request: { id: string; name: string }; reply: CorpusSummary };
  /** Deletes a corpus and all its data; the bundled corpus can only be switched off. */
  deleteCorpus: { request: { id: string }; reply: { deleted: true } };
  /** The corpus as one file in the format `installCorpus` accepts. */
  exportCorpus: { request: { id: string }; reply: { name: string; file: string } };
}

// ---- Matching off the page (issue 11): page text goes to the extension's own matching side ----

/**
 * A match found by the matching side, with the corpus it comes from (ids are unique per corpus), as
 * it crosses to the page: only what the page needs to mark and what the card cannot get from
 * `getDetails`. `refs` is cut for transport: an entity's refs ("every article that mentions it", up
 * to hundreds of thousands of rows per batch at 5,000 articles) are not sent at all, since its card
 * reads them from its details record; a claim's or quote's refs (how each corpus article relates to
 * this page's text, which no stored record holds) are sent strongest first, at most
 * MAX_PAGE_REFS_PER_MATCH of them (src/background/wire-match.ts).
 */
export interface CorpusMatch extends Match {
  corpus: string;
  /**
   * Distinct corpus articles the matcher pointed at for this text, counted before `refs` was cut. The
   * matching side always sets it; optional so page-side stand-ins built from core matches still type.
   */
  articles?: number;
  /** How many refs were left out of `refs` (absent when none were). */
  refsLeft?: number;
  /** In a `matchBlocks` reply: `refs` is in the reply's `entityRefs` table (the page puts it back). */
  sharedRefs?: true;
}

/**
 * An entity's refs as columns (src/shared/entity-refs.ts): one JSON array per field instead of one
 * object per ref; `relation` and `score` are a single value when every ref has the same one.
 */
export interface PackedRefs {
  article: string[];
  sentence: number[];
  relation: CoverageRef['relation'] | CoverageRef['relation'][];
  score: number | number[];
}

/** Per entity (corpus and id: src/shared/entity-refs.ts), the refs its detections in one `matchBlocks` reply share. */
export type EntityRefsTable = Record<string, PackedRefs>;

/** Which corpus a card's evidence comes from, as the card names it. */
export interface CorpusLabel {
  id: string;
  name: string;
}

/**
 * Card details with the corpus they come from, as `getDetails` sends them: an entity's `articles`
 * and `related`, and a claim's or quote's `members`, are cut to what a card shows
 * (src/background/card-reply.ts), `articlesLeft` counting the articles left out, and each related
 * entity comes without its shared article ids (`articles` is empty; `sharedArticles` counts them);
 * the corpus browser reads the whole record.
 */
export type CorpusCardDetails = CardDetails & { corpus?: CorpusLabel; articlesLeft?: number };

/** MatchingProtocol `between`: before block `at`, the context of the page's blocks that lie between it and the block before it. */
export interface ContextStep {
  at: number;
  people?: Record<string, string[]>;
  speech?: Record<string, QuoteSpeech>;
}

/** Requests of the matching side (the background: Chrome's service worker, Firefox's event page). */
export interface MatchingProtocol {
  /**
   * Content script → matching side: one batch of article blocks (paragraph texts, in the order
   * the page wants them matched). Reply: per block, in the same order, every match in every active
   * corpus, with UTF-16 offsets into that block's text, refs cut as CorpusMatch says (entities: none).
   * Nothing is kept after the reply.
   */
  matchBlocks: {
    /**
     * `page`: the page's address, so a corpus copy of the page itself is not counted as its coverage.
     * `pageDate`: the page's publication day (`YYYY-MM-DD`) when it declares one, so its relative dates
     * ("on Wednesday", "yesterday") are resolved against it (ScanOptions.pageDate).
     * `people`: per corpus id, the people earlier answers for this page named (entity ids, most recent
     * first, at most MAX_PAGE_PEOPLE), so a block whose sentence names its person only as "he", "she"
     * or by a role is read as about the most recent that fits (ScanOptions.pagePeople). Sent with every
     * batch rather than kept by the matching side, which Chrome may stop between batches; used for the
     * reply and dropped, like the blocks. Within a batch the matching side hands them on itself.
     * The page sends a batch's blocks in document order, and the context of the blocks before them
     * in document order (match-client.ts), whenever those were sent.
     * `speech`: per corpus, how the block just before the first block (in document order) ended
     * inside a quote (reply `ends`), so a quote that opens the first block unattributed continues it.
     * `between`: for a block whose document predecessor is not the batch's block before it (blocks
     * of other requests lie between), the people those blocks named (most recent first, noted on
     * top of what is handed on) and how the last of them ended (`speech`; none: not in a quote).
     * `partial`: the page can show names before the rest (a cold matching side's first batches):
     * a corpus still loading may answer with its names alone, flagged `pending` in the reply.
     * `namesFirst` (with `partial`): names alone now from every corpus, loaded or not, when the kinds
     * asked for hold more than names: the page's first batch, whose markers are the first the reader
     * sees (answered whole at once when the side's latest whole answer says it comes as quick:
     * matching.ts NAMES_FIRST_SKIP_MS). Measured in Node (the matchBlocks handler, request and reply through JSON, the first 15
     * and 60 blocks of 12 generated pages, a warm matcher of 5,000 generated articles, load ~16):
     * names alone 0.6 and 1.2 ms of CPU (medians), the whole answer 49 and 100 ms.
     */
    request: {
      blocks: string[];
      kinds: Record<DetectionKind, boolean>;
      page?: string;
      pageDate?: string;
      people?: Record<string, string[]>;
      speech?: Record<string, QuoteSpeech>;
      between?: ContextStep[];
      partial?: boolean;
      namesFirst?: boolean;
      timing?: boolean;
    };
    /**
     * `entityRefs`: each entity's refs, once per reply (src/shared/entity-refs.ts); its detections carry `sharedRefs`.
     * `ends`: per block, per corpus, how the block ended inside a quote (null: it did not), for the
     * page to send as the next block's `speech`; left out when no block of a whole answer did.
     * `pending`: only with `partial`: a corpus was still loading (or `namesFirst` asked), so the
     * matches are its people and organisations alone (exactly those the whole answer has); the same request without `partial`
     * gets the whole answer once it is loaded.
     * `matchMs`: only when the request asks `timing`: the matching side's own time for the request
     * (from its arrival to the reply built, corpus reads included; the messages' crossing not), which
     * the bench compares with compromise like for like.
     */
    reply: { matches: CorpusMatch[][]; entityRefs?: EntityRefsTable; ends?: (Record<string, QuoteSpeech> | null)[]; problems?: string[]; pending?: true; matchMs?: number };
  };
  /**
   * A detail record for a card: an entity, claim group or quote group, with resolved evidence and
   * the corpus it comes from. Without `corpus`, the first active corpus that has the record. With
   * `sentences` (a claim card's differing sentences outside its group), a claim's reply carries their
   * texts as `excerpts` (core/index/details sentenceExcerpts).
   */
  getDetails: { request: { kind: DetectionKind; id: string; corpus?: string; sentences?: { article: string; sentence: number }[] }; reply: CorpusCardDetails };
}

// ---- end of matching ----

/** Every request any side may send, with its payload and reply value. */
export interface Protocol extends CorpusProtocol, MatchingProtocol {
  /** Liveness and version check. */
  ping: { request: { from: 'content' | 'popup' | 'browser' }; reply: { version: string; from: 'background' } };
  getSettings: { request: Record<string, never>; reply: Settings };
  /** Partial update; returns the stored, validated settings. */
  setSettings: { request: { patch: Partial<Omit<Settings, 'schemaVersion'>> }; reply: Settings };
  /** Whether the extension runs on a given host (global switch and per-site switch). */
  getSiteState: { request: { host: string }; reply: { enabled: boolean; settings: Settings } };
  setSiteEnabled: { request: { host: string; enabled: boolean }; reply: Settings };
  /** Content script → background: what was found on this tab (kept in memory for the tab's life). */
  reportFindings: { request: TabFindings; reply: { stored: boolean } };
  /** Popup → background: what the content script found on a tab. */
  getFindings: { request: { tabId: number }; reply: TabFindings | null };
  /**
   * Opens the corpus browser in a new tab at a deep link such as "#/person/<id>". Pages cannot
   * navigate to extension URLs themselves, so cards ask the background.
   */
  openCorpusBrowser: { request: { hash: string }; reply: { opened: boolean } };
  /**
   * Content script → background: inject the card UI script into the sender's frame (it is loaded
   * when a reader first reaches for a card, not into every page).
   */
  loadCardUi: { request: Record<string, never>; reply: { injected: boolean } };
  /**
   * Popup → background: read the article of a tab (only when the reader asks) and open the
   * confirmation page where it is checked, edited and added to a corpus.
   */
  addPage: { request: { tabId: number }; reply: { opened: boolean } };
  /** Confirmation page → background: the draft read for it (once; null when it expired). */
  takePageDraft: { request: { id: string }; reply: PageDraftView | null };
}

/** A request name. */
export type RequestType = keyof Protocol;

/** The wire shape of a request. */
export type Message<K extends RequestType = RequestType> = {
  type: K;
  payload: Protocol[K]['request'];
};

/** Messages the background (or popup) sends to a content script in a tab. */
export interface TabProtocol {
  /** Scroll the page to the first marker of a record and open its card. */
  reveal: { request: { kind: DetectionKind; id: string }; reply: { found: boolean } };
  /** Settings changed: re-apply at once (markers on/off, kinds, limits, theme). */
  settingsChanged: { request: { settings: Settings; enabled: boolean }; reply: { applied: boolean } };
  /** What this tab has found so far. */
  findings: { request: Record<string, never>; reply: TabFindings };
  /** Move focus to the next (1) or previous (-1) marker (keyboard command). */
  navigate: { request: { direction: 1 | -1 }; reply: { moved: boolean } };
}

/** A message to a tab's content script. */
export type TabMessage<K extends keyof TabProtocol = keyof TabProtocol> = {
  type: K;
  payload: TabProtocol[K]['request'];
};

/** True when a value has the wire shape of a protocol message. */
export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { type?: unknown }).type === 'string' &&
    'payload' in value
  );
}

/** Wraps a value as a successful Result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** Wraps an error (of any kind) as a failed Result with a readable message. */
export function fail(error: unknown): Result<never> {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, error: message };
}
