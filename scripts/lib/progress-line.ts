/**
 * The build's progress line on a terminal: one line on stderr, rewritten in place, only when stderr
 * is a TTY (a pipe or a log file gets nothing). It shows the step, the articles done of the total
 * for per-article steps, the time since the start and the resident memory, e.g.
 * `corpus: claims 12,350/20,000 articles · 1:42 · 640 MB`.
 */
import type { AnalysisProgress, AnalysisStep } from '../../src/core/analysis/index';

/** Shortest time between two redraws of the line. */
const REDRAW_MS = 200;

/** A progress reporter for analyseCorpus, plus `note` (a step outside the analysis) and `done` (ends the line). */
export interface ProgressLine {
  report: AnalysisProgress;
  note: (step: string) => void;
  done: () => void;
}

/** Creates the progress line for `label` on `stream` (silent when the stream is not a TTY). */
export function progressLine(label: string, stream: NodeJS.WriteStream = process.stderr): ProgressLine {
  const started = performance.now();
  let last = -Infinity;
  let lastStep = '';
  let shown = false;
  const draw = (step: string, done?: number, total?: number, force = false): void => {
    if (!stream.isTTY) return;
    const now = performance.now();
    if (!force && step === lastStep && now - last < REDRAW_MS) return;
    last = now;
    lastStep = step;
    const secs = Math.floor((now - started) / 1000);
    const elapsed = `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
    const counts = done !== undefined && total !== undefined && done > 0 ? ` ${done.toLocaleString('en-GB')}/${total.toLocaleString('en-GB')} articles` : '';
    const rss = `${Math.round(process.memoryUsage.rss() / 2 ** 20)} MB`;
    const line = `${label}: ${step}${counts} · ${elapsed} · ${rss}`;
    stream.write(`\r${line.slice(0, (stream.columns || 80) - 1)}\x1b[K`);
    shown = true;
  };
  return {
    report: (step: AnalysisStep, done: number, total: number) => draw(step, done, total, done === total),
    note: (step: string) => draw(step, undefined, undefined, true),
    done: () => {
      if (shown) stream.write('\r\x1b[K');
      shown = false;
    },
  };
}
