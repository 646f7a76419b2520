/**
 * The corpora page's side of an import: reads the chosen files, turns them into articles and a
 * report (src/store/import), and hands analysis and saving to the import worker, following its
 * progress. Cancelling stops the worker and removes whatever it had half-written.
 */
import type { ArticleInput } from '../../../core/analysis/context';
import type { CorpusSummary } from '../../../shared/protocol';
import { CorpusStore } from '../../../store/corpus-store';
import { readImportFiles, type ColumnMapping, type ImportFile, type ImportResult } from '../../../store/import';
import { NotEnoughStorageError, checkRoom, megabytes } from '../../../store/storage-room';
import { t } from '../../shared/i18n';
import type { HeldKeys, ImportTarget, WorkerReply, WorkerRequest } from './import-protocol';

/** Where an import is. */
export type ImportProgress =
  | { phase: 'reading'; done: number; total: number }
  | { phase: 'analysing' | 'installing' | 'saving'; step: string; done: number; total: number; startedAt: number };

/** A file as the reader chose or dropped it: its path inside a chosen folder when there is one. */
export function importFileName(file: File): string {
  const relative = (file as File & { webkitRelativePath?: string }).webkitRelativePath;
  return relative && relative.length > 0 ? relative : file.name;
}

/** Reads the files' bytes one at a time, reporting progress between files. */
export async function readFiles(files: File[], onProgress: (p: ImportProgress) => void, signal: AbortSignal): Promise<ImportFile[]> {
  const out: ImportFile[] = [];
  for (let i = 0; i < files.length; i++) {
    if (signal.aborted) throw new DOMException('cancelled', 'AbortError');
    onProgress({ phase: 'reading', done: i, total: files.length });
    out.push({ name: importFileName(files[i]!), bytes: new Uint8Array(await files[i]!.arrayBuffer()) });
  }
  onProgress({ phase: 'reading', done: files.length, total: files.length });
  return out;
}

/**
 * What the target corpus already holds, so duplicates of it are reported instead of imported: as
 * the import worker `prepared` for that target read it, or read here when none was or it could not.
 */
export async function existingOf(target: ImportTarget, prepared?: PreparedImport): Promise<HeldKeys | undefined> {
  if (target.kind !== 'add') return undefined;
  const read = await (prepared as Prepared | undefined)?.keys(target);
  if (read) return read;
  const store = await CorpusStore.open();
  try {
    const held = await store.articleKeys(target.id);
    return { urls: held.urls.filter((u) => u && u !== 'unknown'), texts: held.texts, ids: held.ids };
  } finally {
    store.close();
  }
}

/**
 * Turns files into articles and a report, with the column mappings the reader chose (the target's
 * articles as the worker `prepared` for it read them, when given); `heldChars` is
 * the text the target corpus already holds (an add writes the whole corpus again as a new generation).
 */
export async function parseFiles(files: ImportFile[], target: ImportTarget, mappings: Record<string, ColumnMapping>, prepared?: PreparedImport): Promise<ImportResult & { heldChars: number }> {
  const existing = await existingOf(target, prepared);
  const result = readImportFiles(files, { mappings, ...(existing ? { existing } : {}) });
  return { ...result, heldChars: existing ? existing.texts.reduce((sum, text) => sum + text.length, 0) : 0 };
}

/**
 * Throws NotEnoughStorageError, before anything is written, when `needed` bytes (storage-room.ts
 * estimates them) are more than the browser says is free; goes ahead when it cannot tell.
 */
export async function ensureRoom(needed: number): Promise<void> {
  const room = await checkRoom(needed);
  if (!room.fits) throw new NotEnoughStorageError(t('import_noRoom', [megabytes(room.needed), megabytes(room.free ?? 0)]));
}

/** A running analysis in the worker; `cancel()` stops it and cleans up. */
export interface RunningImport {
  done: Promise<{ summary: CorpusSummary; articles: number }>;
  cancel(): Promise<void>;
}

/** The import worker, module and all. */
function newWorker(): Worker {
  return new Worker(new URL('./import-worker.ts', import.meta.url), { type: 'module' });
}

/**
 * An import worker started before the page has the articles (prepareImport): for an add it reads
 * the corpus's articles and analysis state while the page reads and checks the files.
 */
export interface PreparedImport {
  /** Ends the worker unless analyseInWorker has taken it (safe to call whatever happened). */
  discard(): void;
}

interface Prepared extends PreparedImport {
  /** The worker, for analyseInWorker to take (null once taken or discarded). */
  take(target: ImportTarget): Worker | null;
  /** The article keys of `target` as the worker read them; null when it did not (another target, discarded, or it could not read them). */
  keys(target: ImportTarget): Promise<HeldKeys | null>;
}

/**
 * For an add, starts the import worker ahead of the articles (it only reads meanwhile); hand the
 * result to analyseInWorker, or discard() it when the import goes no further. For a new corpus
 * nothing is started: there is nothing to read, and the storage check comes first.
 */
export function prepareImport(target: ImportTarget): PreparedImport {
  let worker: Worker | null = target.kind === 'add' ? newWorker() : null;
  // The keys the worker reads for the page's duplicate check; null once it is taken or discarded (startWorker's handler replaces this one).
  let tell: (keys: HeldKeys | null) => void = () => undefined;
  const keys = new Promise<HeldKeys | null>((resolve) => (tell = resolve));
  if (worker) {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      if (event.data.type === 'held') tell(event.data.keys);
    };
    worker.onerror = () => tell(null);
  } else tell(null);
  worker?.postMessage({ type: 'prepare', target } satisfies WorkerRequest);
  const prepared: Prepared = {
    keys(wanted) {
      return JSON.stringify(wanted) === JSON.stringify(target) ? keys : Promise.resolve(null);
    },
    take(wanted) {
      const taken = worker;
      worker = null;
      tell(null);
      // Prepared for another target (the reader changed it meanwhile): not taken.
      if (taken && JSON.stringify(wanted) !== JSON.stringify(target)) {
        taken.terminate();
        return null;
      }
      return taken;
    },
    discard() {
      worker?.terminate();
      worker = null;
      tell(null);
    },
  };
  return prepared;
}

function startWorker(request: WorkerRequest, onProgress: (p: ImportProgress) => void, prepared?: Worker | null): RunningImport {
  const worker = prepared ?? newWorker();
  // Time left is reckoned from the rate of the current phase: saving is not as fast as analysing.
  let startedAt = performance.now();
  let phase = 'analysing';
  let settle: { reject(error: Error): void } | null = null;
  const done = new Promise<{ summary: CorpusSummary; articles: number }>((resolve, reject) => {
    settle = { reject };
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      // The keys a prepared worker read for the page (prepareImport): the page has them by now.
      if (reply.type === 'held') return;
      if (reply.type === 'progress') {
        if (reply.phase !== phase) [phase, startedAt] = [reply.phase, performance.now()];
        onProgress({ phase: reply.phase, step: reply.step, done: reply.done, total: reply.total, startedAt });
      }
      // After "done" the worker may still be removing the generation an add replaced: it closes itself.
      else if (reply.type === 'done') resolve({ summary: reply.summary, articles: reply.articles });
      else {
        worker.terminate();
        reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the import worker stopped'));
    };
  });
  worker.postMessage(request);
  return {
    done,
    async cancel() {
      worker.terminate();
      settle?.reject(new DOMException('cancelled', 'AbortError'));
      // The terminated worker released its install lock: recover() removes what it half-wrote.
      const store = await CorpusStore.open();
      try {
        await store.recover();
      } finally {
        store.close();
      }
    },
  };
}

/** Analyses articles into a new corpus or into an existing one, in the worker (the one `prepared` started for that target, when given). */
export function analyseInWorker(articles: ArticleInput[], target: ImportTarget, onProgress: (p: ImportProgress) => void, prepared?: PreparedImport): RunningImport {
  return startWorker({ type: 'analyse', articles, target }, onProgress, (prepared as Prepared | undefined)?.take(target));
}

/**
 * Installs a corpus file (an export, or what `npm run corpus` writes), in the worker, which streams
 * it from disk: the page never reads it whole.
 */
export function installFileInWorker(file: Blob, fileName: string, name: string, onProgress: (p: ImportProgress) => void): RunningImport {
  return startWorker({ type: 'install-file', file, fileName, name }, onProgress);
}

/** Seconds left, from the rate so far; null until there is a rate to go on. */
export function secondsLeft(p: ImportProgress, now: number): number | null {
  if (p.phase === 'reading' || p.done === 0 || p.total === 0) return null;
  const elapsed = (now - p.startedAt) / 1000;
  return Math.max(0, Math.round((elapsed / p.done) * (p.total - p.done)));
}
