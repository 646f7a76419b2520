/** The messages between the corpora page and its import worker. */
import type { ArticleInput } from '../../../core/analysis/context';
import type { CorpusSummary } from '../../../shared/protocol';

/** Where imported articles go: a new corpus by name, or an existing corpus by id. */
export type ImportTarget = { kind: 'new'; name: string } | { kind: 'add'; id: string };

/** Page → worker. */
export type WorkerRequest =
  | { type: 'analyse'; articles: ArticleInput[]; target: ImportTarget }
  | { type: 'install-file'; text: string; fileName: string; name: string };

/** Worker → page. */
export type WorkerReply =
  | { type: 'progress'; phase: 'analysing' | 'saving'; step: string; done: number; total: number }
  | { type: 'done'; summary: CorpusSummary; articles: number }
  | { type: 'error'; message: string };
