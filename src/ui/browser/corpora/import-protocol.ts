/** The messages between the corpora page and its import worker, and between that worker and its compile worker. */
import type { ArticleInput } from '../../../core/analysis/context';
import type { CorpusIndex } from '../../../core/index/types';
import type { MatcherData } from '../../../core/match/data';
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

/** Import worker → compile worker: the index whose matcher data to compile. */
export type CompileRequest = CorpusIndex;

/** Compile worker → import worker. */
export type CompileReply = { ok: true; matcher: MatcherData } | { ok: false; message: string };
