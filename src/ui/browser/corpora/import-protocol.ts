/** The messages between the corpora page and its import worker. */
import type { ArticleInput } from '../../../core/analysis/context';
import type { CorpusSummary } from '../../../shared/protocol';
import type { CorpusSection } from '../../../store/corpus-file-reader';
import type { MatcherPart } from '../../../store/matcher-row';

/** Where imported articles go: a new corpus by name, or an existing corpus by id. */
export type ImportTarget = { kind: 'new'; name: string } | { kind: 'add'; id: string };

/**
 * Page → worker. `prepare`, when sent, comes first: the target, so that the reads an add starts with
 * (the corpus's articles and analysis state) run while the page still reads and checks the files.
 */
export type WorkerRequest =
  | { type: 'prepare'; target: ImportTarget }
  | { type: 'analyse'; articles: ArticleInput[]; target: ImportTarget }
  | { type: 'install-file'; file: Blob; fileName: string; name: string };

/** What an add's corpus holds, for the page's duplicate check: its article ids, addresses (none of them empty or "unknown") and texts. */
export interface HeldKeys {
  ids: string[];
  urls: string[];
  texts: string[];
}

/**
 * Worker → page. After a `prepare` for an add, `held`: the corpus's article keys as the worker read
 * them for the analysis (null when it could not read them), so the page's duplicate check does not
 * read every article again beside it. A corpus file's install reports `installing` (step `file`: megabytes of the file
 * read of its size, its rows written as it is read), then `saving` (step `rows`: the card records and
 * the matcher, rows written of the rows to write).
 */
export type WorkerReply =
  | { type: 'held'; keys: HeldKeys | null }
  | { type: 'progress'; phase: 'analysing' | 'installing' | 'saving'; step: string; done: number; total: number }
  | { type: 'done'; summary: CorpusSummary; articles: number }
  | { type: 'error'; message: string };

/**
 * Import worker → its matcher worker: which generation's claims to reuse (read while the import
 * worker analyses), then the install's records in index order, a chunk at a time, then `finish`.
 */
export type MatcherRequest =
  | { type: 'prepare'; previous: string | undefined }
  | { type: 'records'; section: CorpusSection; records: unknown[] }
  | { type: 'finish' };

/** Matcher worker → import worker: the matcher's stored parts in order, then `done`; or what failed. */
export type MatcherReply = { type: 'part'; part: MatcherPart } | { type: 'done' } | { type: 'error'; message: string };
