/**
 * The confirmation page of "Add this page": what was read from the page, editable, and which
 * corpus it joins. Nothing is kept until the reader adds it; analysis runs in the import worker.
 */
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../../shared/messaging';
import type { PageDraftView } from '../../../shared/add-page';
import type { CorpusSummary } from '../../../shared/protocol';
import { BUNDLED_CORPUS_ID } from '../../../store/corpus-store';
import { articleFromPage } from '../../../store/import';
import { t } from '../../shared/i18n';
import { analyseInWorker, existingOf, type ImportProgress } from './import-client';
import type { ImportTarget } from './import-protocol';
import './corpora.css';

const FIELDS = ['headline', 'outlet', 'date', 'url', 'author'] as const;

/** The confirmation page for one held draft. */
export function AddPageView({ id }: { id: string }) {
  const [draft, setDraft] = useState<PageDraftView | null | undefined>(undefined);
  const [corpora, setCorpora] = useState<CorpusSummary[]>([]);
  const [target, setTarget] = useState<string>('new');
  const [name, setName] = useState(t('import_defaultName'));
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; message: string } | null>(null);

  useEffect(() => {
    void request('takePageDraft', { id }).then((got) => setDraft(got.ok ? got.value : null));
    void request('listCorpora', {}).then((got) => {
      if (got.ok) setCorpora(got.value.filter((c) => c.status === 'ready' && c.id !== BUNDLED_CORPUS_ID));
    });
  }, [id]);

  if (draft === undefined) return <p class="cl-muted">{t('corpora_loading')}</p>;
  if (draft === null) {
    return (
      <article class="cl-view" data-testid="view-add-page">
        <h1 tabIndex={-1} class="cl-view-title">{t('addPage_title')}</h1>
        <p class="cl-state" data-testid="add-page-expired">{t('addPage_expired')}</p>
      </article>
    );
  }

  const edit = (patch: Partial<PageDraftView['meta']> | { text: string }) =>
    setDraft((d) => (d ? ('text' in patch ? { ...d, text: patch.text } : { ...d, meta: { ...d.meta, ...patch } }) : d));

  async function add(): Promise<void> {
    if (!draft) return;
    const chosen: ImportTarget = target === 'new' ? { kind: 'new', name: name.trim() || t('import_defaultName') } : { kind: 'add', id: target };
    try {
      const made = articleFromPage({ text: draft.text, meta: draft.meta }, (await existingOf(chosen)) ?? {});
      if ('rejected' in made) {
        setOutcome({ ok: false, message: made.rejected.reason });
        return;
      }
      const { article } = made;
      const { summary } = await analyseInWorker([{ id: article.id, text: article.text, meta: article.meta }], chosen, setProgress).done;
      setOutcome({ ok: true, message: t('import_done', ['1', summary.name]) });
    } catch (error) {
      setOutcome({ ok: false, message: error instanceof Error ? error.message : String(error) });
    } finally {
      setProgress(null);
    }
  }

  return (
    <article class="cl-view" data-testid="view-add-page">
      <h1 tabIndex={-1} class="cl-view-title">{t('addPage_title')}</h1>
      <p class="cl-muted">{t('addPage_intro')}</p>
      <form
        class="cl-add-page-form"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        {FIELDS.map((field) => (
          <label key={field} class="cl-add-page-field">
            <span>{t(`import_field_${field}`)}</span>
            <input value={draft.meta[field]} onInput={(e) => edit({ [field]: e.currentTarget.value })} data-testid={`draft-${field}`} />
          </label>
        ))}
        <label class="cl-add-page-field">
          <span>{t('addPage_text')}</span>
          <textarea rows={12} value={draft.text} onInput={(e) => edit({ text: e.currentTarget.value })} data-testid="draft-text" />
        </label>
        {draft.warnings.length > 0 && (
          <section>
            <h2>{t('addPage_warnings')}</h2>
            <ul>{draft.warnings.map((w, i) => <li key={i}>{w}</li>)}</ul>
          </section>
        )}
        <fieldset class="cl-import-target">
          <legend>{t('import_targetLegend')}</legend>
          <label>
            <input type="radio" name="cl-add-target" checked={target === 'new'} onChange={() => setTarget('new')} /> {t('import_targetNew')}
          </label>
          <label class="cl-import-name">
            <span>{t('corpora_nameLabel')}</span>
            <input value={name} onInput={(e) => setName(e.currentTarget.value)} disabled={target !== 'new'} data-testid="add-page-new-name" />
          </label>
          {corpora.map((c) => (
            <label key={c.id}>
              <input type="radio" name="cl-add-target" checked={target === c.id} onChange={() => setTarget(c.id)} /> {c.name}
            </label>
          ))}
        </fieldset>
        <button type="submit" class="cl-button cl-button-primary" disabled={progress !== null || outcome?.ok === true} data-testid="add-page-submit">
          {t('addPage_add')}
        </button>
      </form>
      <div aria-live="polite">
        {progress && <p class="cl-muted" data-testid="add-page-progress">{t('import_saving', '1')}</p>}
        {outcome && (
          <p class={outcome.ok ? '' : 'cl-state cl-state-error'} role={outcome.ok ? undefined : 'alert'} data-testid={outcome.ok ? 'add-page-done' : 'add-page-failed'}>
            {outcome.message} {outcome.ok && <a href="#/corpora">{t('corpora_title')}</a>}
          </p>
        )}
      </div>
    </article>
  );
}
