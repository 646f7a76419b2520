/**
 * The Corpora page: every corpus with its counts and state, a switch for whether pages are marked
 * from it, rename, export, delete (with confirmation; the bundled corpus can only be switched off),
 * and the import panel. Changes go through the background, which owns the store's writes; exports
 * and imports read and write the store here and in the import worker, as they move whole corpora.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { request } from '../../../shared/messaging';
import type { CorpusSummary } from '../../../shared/protocol';
import { serialiseCorpusFile } from '../../../store/corpus-file';
import { BUNDLED_CORPUS_ID, CorpusStore } from '../../../store/corpus-store';
import { articleDate } from '../../shared/format';
import { t } from '../../shared/i18n';
import { useDownload } from '../context';
import { ImportPanel } from './ImportPanel';
import './corpora.css';

/** A file name for an exported corpus: its name, kept to safe characters. */
function exportFileName(name: string): string {
  const safe = name.normalize('NFKD').replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${safe || 'corpus'}.corpus.json`;
}

function CorpusRow({ corpus, onChanged }: { corpus: CorpusSummary; onChanged: (message: string) => void }) {
  const download = useDownload();
  const [mode, setMode] = useState<'view' | 'rename' | 'confirm-delete'>('view');
  const [name, setName] = useState(corpus.name);
  const [error, setError] = useState<string | null>(null);
  // A rename elsewhere (or this one, saved) becomes the field's starting value.
  useEffect(() => setName(corpus.name), [corpus.name]);
  const bundled = corpus.id === BUNDLED_CORPUS_ID;
  const ready = corpus.status === 'ready';

  async function act<T>(work: () => Promise<{ ok: true; value: T } | { ok: false; error: string }>, done: string): Promise<void> {
    setError(null);
    const got = await work();
    if (got.ok) onChanged(done);
    else setError(got.error);
  }

  async function exportCorpus(): Promise<void> {
    setError(null);
    try {
      const store = await CorpusStore.open();
      try {
        download(serialiseCorpusFile(await store.readIndex(corpus.id)), exportFileName(corpus.name), 'application/json');
      } finally {
        store.close();
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  const c = corpus.counts;
  return (
    <li class="cl-corpus" data-testid="corpus-row" data-corpus-id={corpus.id} data-status={corpus.status}>
      <div class="cl-corpus-head">
        {mode === 'rename' ? (
          <form
            class="cl-inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              void act(() => request('renameCorpus', { id: corpus.id, name }), t('corpora_renamed', name)).then(() => setMode('view'));
            }}
          >
            <label>
              <span class="cl-visually-hidden">{t('corpora_nameLabel')}</span>
              <input value={name} onInput={(e) => setName(e.currentTarget.value)} maxLength={120} required data-testid="rename-input" />
            </label>
            <button type="submit" class="cl-button">{t('corpora_save')}</button>
            <button type="button" class="cl-button" onClick={() => { setName(corpus.name); setMode('view'); }}>{t('corpora_cancel')}</button>
          </form>
        ) : (
          <h2 class="cl-corpus-name" data-testid="corpus-name">{corpus.name}</h2>
        )}
        <label class="cl-switch">
          <input
            type="checkbox"
            role="switch"
            checked={corpus.active && ready}
            disabled={!ready}
            onChange={(e) => void act(() => request('setCorpusActive', { id: corpus.id, active: e.currentTarget.checked }), t(e.currentTarget.checked ? 'corpora_switchedOn' : 'corpora_switchedOff', corpus.name))}
            data-testid="corpus-active"
          />
          {t('corpora_marksPages')}
        </label>
      </div>
      <p class="cl-muted cl-small" data-testid="corpus-counts">
        {t('corpora_counts', [String(c.articles), String(c.outlets), String(c.people), String(c.organisations), String(c.claims), String(c.quotes)])}
        {' · '}
        {corpus.dateRange ? t('corpora_dates', [articleDate(corpus.dateRange.from), articleDate(corpus.dateRange.to)]) : t('corpora_noDates')}
        {' · '}
        {t(bundled ? 'corpora_originBundled' : corpus.origin === 'page' ? 'corpora_originPage' : 'corpora_originImported')}
      </p>
      {corpus.status === 'broken' && (
        <p class="cl-state cl-state-error" role="alert" data-testid="corpus-broken">
          {t('corpora_broken', corpus.reason ?? '')}
        </p>
      )}
      {corpus.status === 'importing' && <p class="cl-muted" data-testid="corpus-importing">{t('corpora_importing')}</p>}
      {mode === 'confirm-delete' ? (
        <div class="cl-confirm" role="group" aria-label={t('corpora_deleteConfirm', corpus.name)}>
          <p>{t('corpora_deleteConfirm', corpus.name)}</p>
          <button type="button" class="cl-button cl-button-danger" data-testid="confirm-delete" onClick={() => void act(() => request('deleteCorpus', { id: corpus.id }), t('corpora_deleted', corpus.name))}>
            {t('corpora_delete')}
          </button>
          <button type="button" class="cl-button" onClick={() => setMode('view')} ref={(el) => el?.focus()}>
            {t('corpora_keep')}
          </button>
        </div>
      ) : (
        <div class="cl-corpus-actions">
          <button type="button" class="cl-button" onClick={() => setMode('rename')} data-testid="rename">{t('corpora_rename')}</button>
          <button type="button" class="cl-button" onClick={() => void exportCorpus()} disabled={!ready} data-testid="export-corpus">{t('corpora_export')}</button>
          {bundled ? (
            <span class="cl-muted cl-small">{t('corpora_bundledKept')}</span>
          ) : (
            <button type="button" class="cl-button" onClick={() => setMode('confirm-delete')} data-testid="delete">{t('corpora_delete')}</button>
          )}
        </div>
      )}
      {error && <p class="cl-state cl-state-error" role="alert">{error}</p>}
    </li>
  );
}

/** The Corpora page. */
export function CorporaView() {
  const [corpora, setCorpora] = useState<CorpusSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const refresh = useCallback(async (message?: string) => {
    const got = await request('listCorpora', {});
    if (got.ok) {
      setCorpora(got.value);
      setError(null);
    } else setError(got.error);
    if (message) setStatus(message);
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  return (
    <article class="cl-view" data-testid="view-corpora">
      <h1 tabIndex={-1} class="cl-view-title">{t('corpora_title')}</h1>
      <p class="cl-muted">{t('corpora_intro')}</p>
      <p class="cl-visually-hidden" role="status" aria-live="polite" data-testid="corpora-status">{status}</p>
      {error && <p class="cl-state cl-state-error" role="alert">{error}</p>}
      {corpora === null ? (
        <p class="cl-muted">{t('corpora_loading')}</p>
      ) : (
        <ul class="cl-corpora" data-testid="corpora-list">
          {corpora.map((c) => (
            <CorpusRow key={c.id} corpus={c} onChanged={(m) => void refresh(m)} />
          ))}
        </ul>
      )}
      <ImportPanel corpora={(corpora ?? []).filter((c) => c.status === 'ready')} onImported={(m) => void refresh(m)} />
    </article>
  );
}
