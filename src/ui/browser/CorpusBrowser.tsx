/**
 * The corpus browser (an extension page in a tab): a hash router over the overview, article reader
 * views and the person, organisation, claim and quote pages the cards link to.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildDetails } from '../../core/index/details';
import type { CorpusIndex } from '../../core/index/types';
import type { LoadedCorpus } from '../shared/corpus';
import { downloadText } from '../shared/export';
import { kindLabel } from '../shared/format';
import { t } from '../shared/i18n';
import { parseRoute, type Route } from '../shared/links';
import { ArticleView } from './ArticleView';
import { ClaimView } from './ClaimView';
import { DownloadContext } from './context';
import { AddPageView } from './corpora/AddPageView';
import { CorporaView } from './corpora/CorporaView';
import { EntityView } from './EntityView';
import type { Download } from './ExportButtons';
import { Overview } from './Overview';
import { QuoteView } from './QuoteView';

/** Follows `location.hash` as a Route. */
export function useHashRoute(): Route {
  const [hash, setHash] = useState(() => location.hash);
  useEffect(() => {
    const onChange = () => setHash(location.hash);
    addEventListener('hashchange', onChange);
    return () => removeEventListener('hashchange', onChange);
  }, []);
  return useMemo(() => parseRoute(hash), [hash]);
}

function NotFound({ what }: { what: string }) {
  return (
    <article class="cl-view" data-testid="view-not-found">
      <h1 tabIndex={-1} class="cl-view-title">
        {t('browser_notFoundTitle')}
      </h1>
      <div class="cl-state">
        <p>{t('browser_notFoundBody', what)}</p>
        <p>
          <a href="#/">{t('browser_backToOverview')}</a>
        </p>
      </div>
    </article>
  );
}

function RouteView({ index, route }: { index: CorpusIndex; route: Route }) {
  switch (route.view) {
    case 'overview':
      return <Overview index={index} />;
    case 'corpora':
      return <CorporaView />;
    case 'add-page':
      return <AddPageView id={route.id} />;
    case 'not-found':
      return <NotFound what={route.hash} />;
    case 'article': {
      const article = index.articles.find((a) => a.id === route.id);
      return article ? <ArticleView index={index} article={article} /> : <NotFound what={`${kindLabel('article')} “${route.id}”`} />;
    }
    default: {
      const details = buildDetails(index, route.view, route.id);
      if (!details) return <NotFound what={`${kindLabel(route.view)} “${route.id}”`} />;
      if (details.type === 'entity') return <EntityView details={details} />;
      if (details.type === 'claim') return <ClaimView details={details} />;
      return <QuoteView details={details} />;
    }
  }
}

/**
 * Root component of the corpus browser page. `corpus` null means it is loading; `picker` (the
 * corpus picker) sits in the header; `corpusId` keys the views, so a new corpus starts them afresh.
 */
export function CorpusBrowser({ corpus, download = downloadText, picker, corpusId }: { corpus: LoadedCorpus | null; download?: Download; picker?: ComponentChildren; corpusId?: string }) {
  const route = useHashRoute();
  // A new page: move focus to its heading so keyboard and screen-reader users start there.
  useEffect(() => {
    scrollTo?.(0, 0);
    const heading = document.querySelector<HTMLElement>('.cl-view-title');
    if (heading && route.view !== 'overview') heading.focus({ preventScroll: true });
    // The tab's title names the page, so several open corpus-browser tabs can be told apart.
    const name = heading?.textContent?.trim();
    document.title = name ? `${name} · ${t('extName')}` : t('extName');
  }, [route, corpus]);
  return (
    <DownloadContext.Provider value={download}>
      <div class="cl-browser">
        <a class="cl-skip" href="#cl-main" onClick={(e) => { e.preventDefault(); document.getElementById('cl-main')?.focus(); }}>
          {t('browser_skipToContent')}
        </a>
        <header class="cl-browser-header">
          <a href="#/" class="cl-brand">
            {t('extName')}
          </a>
          <nav aria-label={t('browser_navLabel')}>
            <a href="#/" aria-current={route.view === 'overview' ? 'page' : undefined}>
              {t('browser_navOverview')}
            </a>
            <a href="#/corpora" aria-current={route.view === 'corpora' ? 'page' : undefined} data-testid="nav-corpora">
              {t('browser_navCorpora')}
            </a>
          </nav>
          {picker}
        </header>
        <main id="cl-main" tabIndex={-1} class="cl-browser-main">
          {route.view === 'corpora' ? (
            <CorporaView />
          ) : route.view === 'add-page' ? (
            <AddPageView id={route.id} />
          ) : corpus === null ? (
            <p class="cl-state" role="status" data-testid="corpus-loading">
              {t('browser_corpusLoading')}
            </p>
          ) : 'error' in corpus ? (
            <div class="cl-state cl-state-error" role="alert" data-testid="index-error">
              <h1>{picker ? t('browser_corpusErrorTitle') : t('browser_indexErrorTitle')}</h1>
              <p>{t('popup_indexErrorBody', corpus.error)}</p>
              <p>{picker ? t('browser_corpusErrorAction') : t('popup_indexErrorAction')}</p>
            </div>
          ) : (
            <RouteView key={corpusId} index={corpus.index} route={route} />
          )}
        </main>
        <footer class="cl-browser-footer cl-muted">{t('browser_footer')}</footer>
      </div>
    </DownloadContext.Provider>
  );
}
