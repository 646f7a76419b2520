/** The messages between the corpora page and its import worker. */
import type { ArticleInput } from '../../../core/analysis/context';
import type { CorpusSummary } from '../../../shared/protocol';

/** Where imported articles go: a new corpus by name, or an existing corpus by id. */
export type ImportTarget = { kind: 'new'; name: string } | { kind: 'add'; id: string };

/** Page → worker. */
export type WorkerRequest =
  | { type: 'analyse'; articles: ArticleInput[]; target: ImportTarget }
  | { type: 'install-file'; file: Blob; fileName: string; name: string };

/**
 * Worker → page. A corpus file's install reports `installing` (step `file`: megabytes of the file
 * read of its size, its rows written as it is read), then `saving` (step `rows`: the card records and
 * the matcher, rows written of the rows to write).
 */
export type WorkerReply =
  | { type: 'progress'; phase: 'analysing' | 'installing' | 'saving'; step: string; done: number; total: number }
  | { type: 'done'; summary: CorpusSummary; articles: number }
  | { type: 'error'; message: string };
