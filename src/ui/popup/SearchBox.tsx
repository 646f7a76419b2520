/**
 * One search box over the whole corpus. Results are a listbox driven from the input
 * (aria-activedescendant): arrow keys move, Enter opens, Escape clears.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { kindHeading, shorten } from '../shared/format';
import { t } from '../shared/i18n';
import { corpusLink, linkTo } from '../shared/links';
import { searchCorpora, searchesPending, type CorpusHit } from '../shared/search';
import type { ShownCorpus } from './active-corpora';

interface Props {
  /** The corpora to search; null while their indexes are being read. */
  corpora: ShownCorpus[] | null;
  /** How many corpora are searched (known before their indexes). */
  corpusCount: number;
  query: string;
  onQuery(query: string): void;
  onOpen(hash: string): void;
  /** The reader is about to search (focus or typing): time to read the indexes. */
  onWanted(): void;
}

const optionId = (i: number) => `cl-search-option-${i}`;

/** The search input and, while it holds a query, the grouped results. */
export function SearchBox({ corpora, corpusCount, query, onQuery, onOpen, onWanted }: Props) {
  const [activeIndex, setActiveIndex] = useState(0);
  // MiniSearch is built on the first query, not when the popup opens.
  const named = useMemo(() => (corpora ?? []).map((c) => ({ id: c.summary.id, name: c.summary.name, index: c.index })), [corpora]);
  // Claims and quotes of a large corpus are indexed in the background: search again when they are in.
  const [indexed, setIndexed] = useState(0);
  const searching = query.trim() !== '';
  const groups = useMemo(() => (searching ? searchCorpora(named, query) : []), [named, query, indexed]);
  const pending = useMemo(() => (searching ? searchesPending(named) : null), [named, searching, indexed]);
  useEffect(() => {
    if (!pending) return;
    let live = true;
    void pending.then(() => live && setIndexed((n) => n + 1));
    return () => {
      live = false;
    };
  }, [pending]);
  const flat: CorpusHit[] = groups.flatMap((g) => g.hits);
  const current = Math.min(activeIndex, Math.max(0, flat.length - 1));
  const open = (hit: CorpusHit) => onOpen(corpusLink(hit.corpusId, linkTo(hit.kind, hit.id)));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (flat.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActiveIndex((current + step + flat.length) % flat.length);
    } else if (event.key === 'Enter') {
      if (flat[current]) {
        event.preventDefault();
        open(flat[current]);
      }
    } else if (event.key === 'Escape' && query) {
      event.preventDefault();
      onQuery('');
    }
  };

  let position = -1;
  return (
    <div class="cl-search">
      <label class="cl-visually-hidden" for="cl-search-input">
        {t('popup_searchLabel')}
      </label>
      <input
        id="cl-search-input"
        type="search"
        class="cl-search-input"
        placeholder={t('popup_searchPlaceholder')}
        autocomplete="off"
        spellcheck={false}
        value={query}
        role="combobox"
        list={undefined}
        aria-expanded={query.trim() !== ''}
        aria-controls="cl-search-results"
        aria-autocomplete="list"
        aria-activedescendant={flat.length > 0 ? optionId(current) : undefined}
        onFocus={onWanted}
        onInput={(e) => {
          onWanted();
          setActiveIndex(0);
          onQuery((e.currentTarget as HTMLInputElement).value);
        }}
        onKeyDown={onKeyDown}
        data-testid="search-input"
      />
      {query.trim() !== '' && (
        <div class="cl-search-results" data-testid="search-results">
          {corpora === null ? (
            <p class="cl-state" role="status" data-testid="search-loading">
              {t('popup_loadingCorpora')}
            </p>
          ) : flat.length === 0 ? (
            <p class="cl-state" role="status" data-testid="search-empty">
              {t('popup_searchNoResults', query.trim())}
            </p>
          ) : (
            <ul id="cl-search-results" role="listbox" aria-label={t('popup_searchResultsLabel')} class="cl-list">
              {groups.map((group) => (
                <li key={group.kind} role="presentation">
                  <div class="cl-group-title" role="presentation" aria-hidden="true">
                    {kindHeading(group.kind)}
                  </div>
                  <ul role="group" aria-label={kindHeading(group.kind)} class="cl-list">
                    {group.hits.map((hit) => {
                      position += 1;
                      const i = position;
                      return (
                        <li
                          key={`${hit.corpusId}|${hit.kind}|${hit.id}`}
                          id={optionId(i)}
                          role="option"
                          aria-selected={i === current}
                          class={`cl-option${i === current ? ' cl-option-active' : ''}`}
                          onClick={() => open(hit)}
                          onMouseMove={() => i !== current && setActiveIndex(i)}
                          data-testid="search-hit"
                          data-cl-kind={hit.kind}
                          data-cl-id={hit.id}
                          data-cl-corpus={hit.corpusId}
                        >
                          <span class="cl-row-title">{shorten(hit.title, 110)}</span>
                          {(hit.detail || corpusCount > 1) && (
                            <span class="cl-row-detail cl-muted">
                              {[hit.detail && shorten(hit.detail, 90), corpusCount > 1 && t('popup_fromCorpus', hit.corpusName)].filter(Boolean).join(' · ')}
                            </span>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          )}
          {corpora !== null && pending && (
            <p class="cl-muted cl-hint" role="status" data-testid="search-indexing">
              {t('popup_searchIndexing')}
            </p>
          )}
          <p class="cl-muted cl-hint">{t('popup_searchHint')}</p>
        </div>
      )}
    </div>
  );
}
