/**
 * Import into a corpus: choose or drop files or a folder (or a corpus file), map the columns of a
 * table the import does not recognise, then follow analysis in the worker with a progress bar, time
 * left and a cancel button; the report lists every rejected file or row and every warning.
 */
import { useRef, useState } from 'preact/hooks';
import type { CorpusSummary } from '../../../shared/protocol';
import { BUNDLED_CORPUS_ID } from '../../../store/corpus-store';
import { IMPORT_EXTENSIONS, type ColumnMapping, type ImportFile, type MappingRequest, type ReportEntry } from '../../../store/import';
import { t } from '../../shared/i18n';
import { bytesForCorpusFile, bytesForText } from '../../../store/storage-room';
import { analyseInWorker, ensureRoom, installFileInWorker, parseFiles, prepareImport, readFiles, secondsLeft, type ImportProgress, type PreparedImport, type RunningImport } from './import-client';
import type { ImportTarget } from './import-protocol';

const ACCEPT = IMPORT_EXTENSIONS.map((e) => `.${e}`).join(',');
/** The fields a mapping can point at, text first (the only one required). */
const FIELDS = ['text', 'headline', 'outlet', 'date', 'url', 'author'] as const;

type Stage =
  | { kind: 'idle' }
  | { kind: 'busy'; progress: ImportProgress }
  | { kind: 'mapping'; files: ImportFile[]; requests: MappingRequest[]; report: ReportEntry[] }
  | { kind: 'done'; message: string }
  | { kind: 'failed'; message: string };

function ProgressLine({ progress }: { progress: ImportProgress }) {
  const left = secondsLeft(progress, performance.now());
  const label =
    progress.phase === 'reading'
      ? t('import_reading', [String(progress.done), String(progress.total)])
      : progress.phase === 'installing'
        ? t('import_installingFile', [String(progress.done), String(progress.total)])
        : progress.phase === 'saving' && progress.step === 'rows'
          ? t('import_savingRows', [String(progress.done), String(progress.total)])
          : progress.phase === 'saving'
            ? t('import_saving', String(progress.total))
            : t('import_analysing', [progress.step, String(progress.done), String(progress.total)]);
  return (
    <div class="cl-import-progress" data-testid="import-progress" data-phase={progress.phase}>
      <label>
        <span>{label}</span>
        <progress max={progress.total || 1} value={progress.phase === 'saving' && progress.done === 0 ? undefined : progress.done} data-done={progress.done} />
      </label>
      {left !== null && <span class="cl-muted cl-small">{t('import_timeLeft', String(left))}</span>}
    </div>
  );
}

function Report({ entries }: { entries: ReportEntry[] }) {
  if (entries.length === 0) return null;
  const rejected = entries.filter((e) => e.level === 'rejected').length;
  return (
    <section class="cl-import-report" data-testid="import-report" aria-label={t('import_reportTitle')}>
      <h3>{t('import_reportTitle')}</h3>
      <p>{t('import_reportCounts', [String(rejected), String(entries.length - rejected)])}</p>
      <ul>
        {entries.map((e, i) => (
          <li key={i} data-level={e.level} data-code={e.code}>
            <strong>{e.level === 'rejected' ? t('import_rejected') : t('import_warning')}</strong>{' '}
            <span class="cl-import-file">{e.row !== undefined ? t('import_fileRow', [e.file, String(e.row)]) : e.file}</span>: {e.reason}
          </li>
        ))}
      </ul>
    </section>
  );
}

function MappingStep({ requests, onMapped, onCancel }: { requests: MappingRequest[]; onMapped: (m: Record<string, ColumnMapping>) => void; onCancel: () => void }) {
  const [chosen, setChosen] = useState<Record<string, Partial<Record<(typeof FIELDS)[number], string>>>>(() =>
    Object.fromEntries(requests.map((r) => [r.file, Object.fromEntries(Object.entries(r.suggestion).map(([k, v]) => [k, Array.isArray(v) ? v.join('.') : v]))])),
  );
  const complete = requests.every((r) => chosen[r.file]?.text);
  return (
    <form
      class="cl-mapping"
      data-testid="mapping-step"
      onSubmit={(e) => {
        e.preventDefault();
        const mappings: Record<string, ColumnMapping> = {};
        for (const r of requests) {
          const c = chosen[r.file] ?? {};
          const m: ColumnMapping = { text: c.text! };
          for (const f of FIELDS) if (f !== 'text' && c[f]) m[f] = c[f];
          mappings[r.file] = m;
        }
        onMapped(mappings);
      }}
    >
      <h3>{t('import_mappingTitle')}</h3>
      {requests.map((r) => (
        <fieldset key={r.file}>
          <legend>{r.file}</legend>
          {FIELDS.map((field) => (
            <label key={field} class="cl-mapping-field">
              <span>{t(`import_field_${field}`)}</span>
              <select
                value={chosen[r.file]?.[field] ?? ''}
                required={field === 'text'}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setChosen((all) => ({ ...all, [r.file]: { ...all[r.file], [field]: value } }));
                }}
              >
                <option value="">{t('import_fieldNone')}</option>
                {r.columns.map((col) => (
                  <option key={col} value={col}>{col}</option>
                ))}
              </select>
            </label>
          ))}
          <div class="cl-table-scroll">
            <table class="cl-mapping-preview">
              <caption class="cl-muted cl-small">{t('import_preview')}</caption>
              <thead>
                <tr>{r.columns.map((c) => <th key={c} scope="col">{c}</th>)}</tr>
              </thead>
              <tbody>
                {r.preview.map((row, i) => (
                  <tr key={i}>{row.map((cell, j) => <td key={j}>{cell}</td>)}</tr>
                ))}
              </tbody>
            </table>
          </div>
        </fieldset>
      ))}
      <button type="submit" class="cl-button" disabled={!complete}>{t('import_continue')}</button>{' '}
      <button type="button" class="cl-button" onClick={onCancel}>{t('corpora_cancel')}</button>
    </form>
  );
}

/** The import panel of the Corpora page. */
export function ImportPanel({ corpora, onImported }: { corpora: CorpusSummary[]; onImported: (message: string) => void }) {
  const [stage, setStage] = useState<Stage>({ kind: 'idle' });
  const [report, setReport] = useState<ReportEntry[]>([]);
  const [mode, setMode] = useState<'new' | 'add'>('new');
  const [name, setName] = useState(t('import_defaultName'));
  const [addTo, setAddTo] = useState('');
  const [dragging, setDragging] = useState(false);
  const running = useRef<{ abort: AbortController; job: RunningImport | null } | null>(null);
  const targets = corpora.filter((c) => c.id !== BUNDLED_CORPUS_ID);
  const addId = addTo || targets[0]?.id;
  const target: ImportTarget = mode === 'add' && addId ? { kind: 'add', id: addId } : { kind: 'new', name: name.trim() || t('import_defaultName') };
  const busy = stage.kind === 'busy';

  async function follow(job: RunningImport): Promise<void> {
    running.current!.job = job;
    const { summary, articles } = await job.done;
    setStage({ kind: 'done', message: t('import_done', [String(articles), summary.name]) });
    onImported(t('import_done', [String(articles), summary.name]));
  }

  async function run(work: (abort: AbortController) => Promise<void>): Promise<void> {
    const abort = new AbortController();
    running.current = { abort, job: null };
    try {
      await work(abort);
    } catch (error) {
      if ((error as { name?: string }).name === 'AbortError') setStage({ kind: 'done', message: t('import_cancelled') });
      else setStage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    } finally {
      running.current = null;
    }
  }

  async function analyse(files: ImportFile[], mappings: Record<string, ColumnMapping>, abort: AbortController): Promise<void> {
    // The worker reads what an add needs while the files are checked; ended below unless the analysis took it.
    const prepared = prepareImport(target);
    try {
      await analyseWith(files, mappings, abort, prepared);
    } finally {
      prepared.discard();
    }
  }

  async function analyseWith(files: ImportFile[], mappings: Record<string, ColumnMapping>, abort: AbortController, prepared: PreparedImport): Promise<void> {
    const result = await parseFiles(files, target, mappings, prepared);
    setReport(result.report);
    if (result.mappings.length > 0) {
      setStage({ kind: 'mapping', files, requests: result.mappings, report: result.report });
      return;
    }
    if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    if (result.articles.length === 0) {
      setStage({ kind: 'failed', message: t('import_nothing') });
      return;
    }
    const articles = result.articles.map((a) => ({ id: a.id, text: a.text, meta: a.meta }));
    await ensureRoom(bytesForText(articles.reduce((sum, a) => sum + a.text.length, result.heldChars)));
    if (abort.signal.aborted) throw new DOMException('cancelled', 'AbortError');
    await follow(analyseInWorker(articles, target, (progress) => setStage({ kind: 'busy', progress }), prepared));
  }

  function importFiles(list: FileList | File[] | null): void {
    const files = Array.from(list ?? []);
    if (files.length === 0 || running.current) return;
    setReport([]);
    void run(async (abort) => {
      const read = await readFiles(files, (progress) => setStage({ kind: 'busy', progress }), abort.signal);
      await analyse(read, {}, abort);
    });
  }

  function importCorpusFile(list: FileList | null): void {
    const file = list?.[0];
    if (!file || running.current) return;
    setReport([]);
    void run(async () => {
      await ensureRoom(bytesForCorpusFile(file.size));
      await follow(installFileInWorker(file, file.name, file.name.replace(/\.corpus\.json$|\.json$/i, ''), (progress) => setStage({ kind: 'busy', progress })));
    });
  }

  async function cancel(): Promise<void> {
    const current = running.current;
    if (!current) return;
    current.abort.abort();
    await current.job?.cancel();
  }

  return (
    <section class="cl-import" aria-labelledby="cl-import-title" data-testid="import-panel">
      <h2 id="cl-import-title">{t('import_title')}</h2>
      <fieldset class="cl-import-target" disabled={busy}>
        <legend>{t('import_targetLegend')}</legend>
        <label>
          <input type="radio" name="cl-target" checked={mode === 'new'} onChange={() => setMode('new')} data-testid="target-new" /> {t('import_targetNew')}
        </label>
        <label class="cl-import-name">
          <span>{t('corpora_nameLabel')}</span>
          <input value={name} onInput={(e) => setName(e.currentTarget.value)} disabled={mode !== 'new'} maxLength={120} data-testid="new-name" />
        </label>
        {targets.length > 0 && (
          <>
            <label>
              <input type="radio" name="cl-target" checked={mode === 'add'} onChange={() => { setMode('add'); setAddTo((v) => v || targets[0]!.id); }} data-testid="target-add" /> {t('import_targetAdd')}
            </label>
            <label>
              <span class="cl-visually-hidden">{t('import_targetAdd')}</span>
              <select value={addTo || targets[0]!.id} onChange={(e) => setAddTo(e.currentTarget.value)} disabled={mode !== 'add'} data-testid="add-to">
                {targets.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}</option>
                ))}
              </select>
            </label>
          </>
        )}
      </fieldset>
      <div
        class={`cl-dropzone${dragging ? ' cl-dropzone-active' : ''}`}
        onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => { e.preventDefault(); setDragging(false); importFiles(e.dataTransfer?.files ?? null); }}
      >
        <p>{t('import_dropHint', IMPORT_EXTENSIONS.join(', '))}</p>
        <label class={`cl-button cl-file-button${busy ? ' cl-button-disabled' : ''}`} aria-disabled={busy ? 'true' : undefined}>
          {t('import_chooseFiles')}
          <input type="file" multiple accept={ACCEPT} class="cl-visually-hidden" disabled={busy} onChange={(e) => { importFiles(e.currentTarget.files); e.currentTarget.value = ''; }} data-testid="choose-files" />
        </label>{' '}
        <label class={`cl-button cl-file-button${busy ? ' cl-button-disabled' : ''}`} aria-disabled={busy ? 'true' : undefined}>
          {t('import_chooseFolder')}
          <input type="file" multiple {...{ webkitdirectory: '' }} class="cl-visually-hidden" disabled={busy} onChange={(e) => { importFiles(e.currentTarget.files); e.currentTarget.value = ''; }} data-testid="choose-folder" />
        </label>{' '}
        <label class={`cl-button cl-file-button${busy ? ' cl-button-disabled' : ''}`} aria-disabled={busy ? 'true' : undefined}>
          {t('import_chooseCorpusFile')}
          <input type="file" accept=".json" class="cl-visually-hidden" disabled={busy} onChange={(e) => { importCorpusFile(e.currentTarget.files); e.currentTarget.value = ''; }} data-testid="choose-corpus-file" />
        </label>
      </div>
      <div aria-live="polite" data-testid="import-state" data-stage={stage.kind}>
        {stage.kind === 'busy' && (
          <>
            <ProgressLine progress={stage.progress} />
            <button type="button" class="cl-button" onClick={() => void cancel()} data-testid="import-cancel">{t('corpora_cancel')}</button>
          </>
        )}
        {stage.kind === 'done' && <p data-testid="import-done">{stage.message}</p>}
        {stage.kind === 'failed' && <p class="cl-state cl-state-error" role="alert" data-testid="import-failed">{stage.message}</p>}
      </div>
      {stage.kind === 'mapping' && (
        <MappingStep
          requests={stage.requests}
          onCancel={() => setStage({ kind: 'idle' })}
          onMapped={(mappings) => void run((abort) => analyse(stage.files, mappings, abort))}
        />
      )}
      <Report entries={report} />
    </section>
  );
}
