/**
 * The corpus browser over the stored corpora: shows the corpus the address names (`?corpus=<id>`,
 * or a deep link's `#/corpus/<id>/…`), else a sensible default, loads its index from the store and
 * hands it to CorpusBrowser, with a picker in the header and loading and error states.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
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

/** The corpus the address names: a deep link's `#/corpus/<id>/…`, else the `?corpus=` query. */
export function corpusFromAddress(): string | null {
  return splitCorpusHash(location.hash).corpus ?? new URLSearchParams(location.search).get('corpus');
}

/** Whether the page at a hash shows a corpus's records (the Corpora page and adding a page do not). */
function showsCorpus(hash: string): boolean {
  const view = parseRoute(hash).view;
  return view !== 'corpora' && view !== 'add-page';
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
  const current = useRef(chosen);
  current.current = chosen;

  // The address is left as it was opened (test drivers and the reader's history see the link they
  // followed); from the first move on, it names the corpus shown: a link of the page's own, which
  // names none, stays in the current corpus and writes it into the query. Back and forward follow
  // the history (an entry that names no corpus gets the default again).
  useEffect(() => {
    const onHash = () => {
      const named = corpusFromAddress();
      if (named) {
        const { hash } = splitCorpusHash(location.hash);
        if (hash !== location.hash) history.replaceState(history.state, '', addressFor(named, hash));
        setChosen(named);
      } else if (current.current) {
        history.replaceState(history.state, '', addressFor(current.current, location.hash));
      }
    };
    const onPop = () => setChosen(corpusFromAddress());
    addEventListener('hashchange', onHash);
    addEventListener('popstate', onPop);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('popstate', onPop);
    };
  }, []);

  // The list is asked again on every move, so a corpus imported or switched on in another view or
  // tab is offered; the index is read again only when the chosen corpus itself changed.
  const [asked, setAsked] = useState(0);
  // Pages that show no corpus (the Corpora page, adding a page) do not read an index: a large one
  // would keep this page's main thread busy while the reader imports.
  const [needsIndex, setNeedsIndex] = useState(() => showsCorpus(location.hash));
  useEffect(() => {
    const ask = () => {
      setAsked((n) => n + 1);
      setNeedsIndex(showsCorpus(location.hash));
    };
    addEventListener('hashchange', ask);
    addEventListener('popstate', ask);
    return () => {
      removeEventListener('hashchange', ask);
      removeEventListener('popstate', ask);
    };
  }, []);
  useEffect(() => {
    let live = true;
    source.list().then(
      (got) => {
        if (!live) return;
        setList(got);
        setListError(null);
      },
      (error: unknown) => live && setListError(message(error)),
    );
    return () => {
      live = false;
    };
  }, [source, asked]);
  const summary = list?.find((c) => c.id === chosen);
  // What makes a loaded index stale: another corpus, a new generation (updated), a change of state.
  const version = list === null ? null : summary ? `${summary.id}|${summary.updated}|${summary.status}` : `missing|${chosen}`;

  // No corpus in the address: choose one (the same again on a reload: the list order is stable).
  useEffect(() => {
    if (!list || chosen) return;
    let live = true;
    const route = parseRoute(location.hash);
    const record = 'id' in route && route.view !== 'add-page' ? { kind: route.view, id: route.id } : null;
    void defaultCorpus(source, list, record).then((corpus) => {
      if (!live) return;
      if (!corpus) {
        setLoaded({ id: null, corpus: { error: t('browser_noCorpora') } });
        return;
      }
      setChosen(corpus.id);
    });
    return () => {
      live = false;
    };
  }, [list, chosen, source]);

  // The version whose index is loaded or being read (a read cut short is forgotten, so it is read again).
  const readVersion = useRef<string | null>(null);
  useEffect(() => {
    if (!list || !chosen || !needsIndex || readVersion.current === version) return;
    readVersion.current = version;
    let live = true;
    setLoaded(null);
    if (!summary) {
      setLoaded({ id: chosen, corpus: { error: `there is no corpus with id "${chosen}"` } });
      return;
    }
    let done = false;
    source
      .readIndex(chosen)
      .then(
        (index) => live && setLoaded({ id: chosen, corpus: { index } }),
        (error: unknown) => live && setLoaded({ id: chosen, corpus: { error: message(error) } }),
      )
      .finally(() => (done = true));
    return () => {
      live = false;
      if (!done) readVersion.current = null;
    };
    // `list` and `summary` are read, but only a new `version` means a different index.
  }, [version, source, needsIndex]);

  const corpus: LoadedCorpus | null = listError !== null ? { error: listError } : loaded && loaded.id === chosen ? loaded.corpus : null;
  const picker = list ? <CorpusPicker list={list} chosen={chosen} onPick={pickCorpus} /> : null;
  return <CorpusBrowser corpus={corpus} download={download} picker={picker} corpusId={chosen ?? undefined} />;
}
