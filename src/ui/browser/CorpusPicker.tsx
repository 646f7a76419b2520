/** The corpus picker in the corpus browser's header: the active corpora, and the one shown. */
import type { CorpusSummary } from '../../shared/protocol';
import { t } from '../shared/i18n';
import { activeCorpora } from '../shared/stored-corpora';

/** The corpora the picker offers: the active ones, plus the chosen one when the address names another. */
export function pickerChoices(list: CorpusSummary[], chosen: string | null): CorpusSummary[] {
  const active = activeCorpora(list);
  const current = list.find((c) => c.id === chosen);
  return current && !active.includes(current) ? [...active, current] : active;
}

function optionLabel(corpus: CorpusSummary): string {
  if (corpus.status !== 'ready') return t('browser_corpusBroken', corpus.name);
  return corpus.active ? t('browser_corpusOption', [corpus.name, corpus.counts.articles]) : t('browser_corpusOff', corpus.name);
}

/** A labelled select of corpora; choosing one calls `onPick` with its id. */
export function CorpusPicker({ list, chosen, onPick }: { list: CorpusSummary[]; chosen: string | null; onPick(id: string): void }) {
  const choices = pickerChoices(list, chosen);
  if (choices.length === 0) return null;
  return (
    <p class="cl-corpus-picker">
      <label for="cl-corpus-picker">{t('browser_corpusLabel')}</label>{' '}
      <select
        id="cl-corpus-picker"
        class="cl-input"
        value={chosen ?? ''}
        onChange={(e) => onPick((e.currentTarget as HTMLSelectElement).value)}
        data-testid="corpus-picker"
      >
        {choices.map((c) => (
          <option key={c.id} value={c.id}>
            {optionLabel(c)}
          </option>
        ))}
      </select>
    </p>
  );
}
