/**
 * The corpus browser over the stored corpora: picks the corpus the address names (`?corpus=<id>`,
 * or a deep link's `#/corpus/<id>/…`), else a sensible default, loads its index from the store and
 * hands it to CorpusBrowser, with a picker in the header and loading and error states.
 */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusSummary } from '../../shared/protocol';
import type { LoadedCorpus } from '../shared/corpus';
import { t } from '../shared/i18n';
import { parseRoute, splitCorpusHash } from '../shared/links';
import { defaultCorpus, type CorporaSource } from '../shared/stored-corpora';
import { CorpusBrowser } from './CorpusBrowser';
import { CorpusPicker } from './CorpusPicker';
import type { Download } from './ExportButtons';

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The address with `corpus` as its query and `hash` as its hash. */
function addressFor(corpus: string, hash: string): string {
  return `?corpus=${encodeURIComponent(corpus)}${hash}`;
}

/**
 * The corpus the address names. A deep link's `#/corpus/<id>/…` is moved into the query, so the
 * page's own links (which name no corpus) stay in it.
 */
export function corpusFromAddress(): string | null {
  const { corpus, hash } = splitCorpusHash(location.hash);
  if (corpus) {
    history.replaceState(history.state, '', addressFor(corpus, hash));
    return corpus;
  }
  return new URLSearchParams(location.search).get('corpus');
}

/** Shows another corpus, from its overview (a record of one corpus is seldom in another). */
export function pickCorpus(id: string): void {
  history.pushState(null, '', addressFor(id, '#/'));
  dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Root of the corpus browser page over the reader's stored corpora. */
export function StoredCorpusBrowser({ source, download }: { source: CorporaSource; download?: Download }) {
  const [list, setList] = useState<CorpusSummary[] | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<string | null>(corpusFromAddress);
  const [loaded, setLoaded] = useState<{ id: string | null; corpus: LoadedCorpus } | null>(null);

  useEffect(() => {
    const sync = () => setChosen(corpusFromAddress());
    addEventListener('hashchange', sync);
    addEventListener('popstate', sync);
    return () => {
      removeEventListener('hashchange', sync);
      removeEventListener('popstate', sync);
    };
  }, []);

  useEffect(() => {
    let live = true;
    source.list().then(
      (got) => live && setList(got),
      (error: unknown) => live && setListError(message(error)),
    );
    return () => {
      live = false;
    };
  }, [source]);

  // No corpus in the address: choose one, and write it there so a reload shows the same.
  useEffect(() => {
    if (!list || chosen) return;
    let live = true;
    const route = parseRoute(location.hash);
    const record = 'id' in route ? { kind: route.view, id: route.id } : null;
    void defaultCorpus(source, list, record).then((corpus) => {
      if (!live) return;
      if (!corpus) {
        setLoaded({ id: null, corpus: { error: t('browser_noCorpora') } });
        return;
      }
      history.replaceState(history.state, '', addressFor(corpus.id, location.hash));
      setChosen(corpus.id);
    });
    return () => {
      live = false;
    };
  }, [list, chosen, source]);

  useEffect(() => {
    if (!list || !chosen) return;
    let live = true;
    setLoaded(null);
    if (!list.some((c) => c.id === chosen)) {
      setLoaded({ id: chosen, corpus: { error: `there is no corpus with id "${chosen}"` } });
      return;
    }
    source.readIndex(chosen).then(
      (index) => live && setLoaded({ id: chosen, corpus: { index } }),
      (error: unknown) => live && setLoaded({ id: chosen, corpus: { error: message(error) } }),
    );
    return () => {
      live = false;
    };
  }, [list, chosen, source]);

  const corpus: LoadedCorpus | null = listError !== null ? { error: listError } : loaded && loaded.id === chosen ? loaded.corpus : null;
  const picker = list ? <CorpusPicker list={list} chosen={chosen} onPick={pickCorpus} /> : null;
  return <CorpusBrowser corpus={corpus} download={download} picker={picker} corpusId={chosen ?? undefined} />;
}
