/**
 * The toolbar popup: what was found on this tab, the corpus by kind, one search over everything,
 * and the reader's settings. Talks to the background only through the messaging API it is given.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { DetectionKind } from '../../core/index/types';
import type { TabFindings } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { t } from '../shared/i18n';
import { applyTheme } from '../shared/theme';
import { useCorpusIndexes, type PopupCorpora } from './active-corpora';
import type { PopupApi, TabInfo, TabState } from './api';
import { PageTab } from './PageTab';
import { RecordList, type ListKind } from './RecordList';
import { SearchBox } from './SearchBox';
import { SettingsTab } from './SettingsTab';
import { tabAccess, tabHost } from './tab-url';

/** The popup's sections. */
export type PopupTab = 'page' | ListKind | 'settings';

// Settings sit behind a header button, so the five sections fit on one row at popup width.
const TABS: PopupTab[] = ['page', 'people', 'organisations', 'claims', 'articles'];

function tabLabel(tab: PopupTab): string {
  switch (tab) {
    case 'page':
      return t('popup_tabPage');
    case 'people':
      return t('popup_tabPeople');
    case 'organisations':
      return t('popup_tabOrganisations');
    case 'claims':
      return t('popup_tabClaims');
    default:
      return t('popup_tabArticles');
  }
}

/** Root component of the popup. */
export function Popup({ api, corpus, initialTab = 'page' }: { api: PopupApi; corpus: PopupCorpora; initialTab?: PopupTab }) {
  const [active, setActive] = useState<PopupTab>(initialTab);
  const [query, setQuery] = useState('');
  const [version, setVersion] = useState<string | null | undefined>(undefined);
  const [tabState, setTabState] = useState<TabState>({ tab: { id: null, url: null }, findings: undefined, host: null });
  const [settings, setSettings] = useState<Settings | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const [searching, setSearching] = useState(false);
  const list = corpus && 'active' in corpus ? corpus : null;
  const listTab = active === 'people' || active === 'organisations' || active === 'claims' || active === 'articles';
  // The indexes are read only once a list or the search needs them: opening shows metadata at once.
  const indexes = useCorpusIndexes(corpus, listTab || searching || query.trim() !== '');
  const shown = indexes?.corpora ?? null;
  const articleCount = list ? list.active.reduce((n, c) => n + c.counts.articles, 0) : 0;
  const corpusErrors = [...new Set([...(list?.errors ?? []), ...(indexes?.errors ?? [])])];

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const pong = await api.request('ping', { from: 'popup' });
      if (!cancelled) setVersion(pong.ok ? pong.value.version : null);
      const tab = await api.activeTab().catch((): TabInfo => ({ id: null, url: null }));
      let findings: TabFindings | null = null;
      if (tab.id !== null) {
        const got = await api.request('getFindings', { tabId: tab.id });
        findings = got.ok ? got.value : null;
      }
      const host = tabHost(tab.url) ?? tabHost(findings?.url);
      if (cancelled) return;
      setTabState({ tab, findings, host });
      if (host) {
        const state = await api.request('getSiteState', { host });
        if (!cancelled && state.ok) {
          setSettings(state.value.settings);
          return;
        }
      }
      const got = await api.request('getSettings', {});
      if (!cancelled && got.ok) setSettings(got.value);
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    if (settings) applyTheme(settings.theme);
  }, [settings?.theme]);

  /** Tells the tab's content script to re-apply settings at once (it may not exist: ignored). */
  const notifyTab = (next: Settings, enabledHere: boolean) => {
    if (tabState.tab.id !== null) void api.requestTab(tabState.tab.id, 'settingsChanged', { settings: next, enabled: enabledHere });
  };

  const changeSettings = async (patch: Partial<Omit<Settings, 'schemaVersion'>>) => {
    const got = await api.request('setSettings', { patch });
    if (!got.ok) return;
    setSettings(got.value);
    const host = tabState.host;
    const here = got.value.enabled && (!host || !got.value.disabledSites.includes(host));
    notifyTab(got.value, here);
  };

  const changeSite = async (enabled: boolean) => {
    if (!tabState.host) return;
    const got = await api.request('setSiteEnabled', { host: tabState.host, enabled });
    if (!got.ok) return;
    setSettings(got.value);
    const here = got.value.enabled && !got.value.disabledSites.includes(tabState.host);
    notifyTab(got.value, here);
    if (here) void refreshFindings();
  };

  /**
   * After the reader switches the page back on, its old "disabled" report is stale: show the
   * page as being read and ask again a few times until the content script has reported.
   */
  const refreshFindings = async () => {
    const tabId = tabState.tab.id;
    if (tabId === null) return;
    setTabState((s) => ({ ...s, findings: s.findings && s.findings.status === 'disabled' ? { ...s.findings, status: 'scanning' } : s.findings }));
    for (let attempt = 0; attempt < 8; attempt++) {
      await new Promise((r) => setTimeout(r, 250 * (attempt + 1)));
      const got = await api.request('getFindings', { tabId });
      if (got.ok && got.value && got.value.status !== 'disabled' && got.value.status !== 'scanning') {
        setTabState((s) => ({ ...s, findings: got.value }));
        return;
      }
    }
  };

  const openInBrowser = (hash: string) => {
    void api.request('openCorpusBrowser', { hash }).then(() => api.close());
  };

  const [addPageError, setAddPageError] = useState<string | null>(null);
  /** Reads this tab's article (only now that the reader asks) and opens the page that confirms it. */
  const addPage = async () => {
    if (tabState.tab.id === null) return;
    setAddPageError(null);
    const got = await api.request('addPage', { tabId: tabState.tab.id });
    if (got.ok) api.close();
    else setAddPageError(got.error);
  };

  const reveal = (kind: DetectionKind, id: string) => {
    if (tabState.tab.id === null) return;
    void api.requestTab(tabState.tab.id, 'reveal', { kind, id }).then(() => api.close());
  };

  const onTabKey = (event: KeyboardEvent, i: number) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? TABS.length - 1 : null;
    if (step === 0 && jump === null) return;
    event.preventDefault();
    const next = jump ?? (i + step + TABS.length) % TABS.length;
    setActive(TABS[next]);
    tabRefs.current[next]?.focus();
  };

  // The per-site switch alone (the global switch is shown apart).
  const siteEnabled = settings && tabState.host ? !settings.disabledSites.includes(tabState.host) : null;
  const access = useMemo(() => tabAccess(tabState.tab.url), [tabState.tab.url]);

  return (
    // Whether the background answered is for tests and styles, not words: a reader sees an error only when it did not.
    <main class="cl-popup" data-background={version === undefined ? 'connecting' : version === null ? 'down' : 'ready'}>
      <header class="cl-popup-header">
        <h1>{t('extName')}</h1>
        <div class="cl-header-actions">
          <button type="button" class="cl-button" onClick={() => openInBrowser('#/')} data-testid="open-browser">
            {t('popup_openBrowser')}
          </button>
          <button
            type="button"
            class="cl-button cl-icon-button"
            aria-pressed={active === 'settings'}
            aria-label={t('popup_tabSettings')}
            title={t('popup_tabSettings')}
            onClick={() => setActive(active === 'settings' ? 'page' : 'settings')}
            data-testid="tab-settings"
          >
            <span aria-hidden="true">⚙</span>
          </button>
        </div>
      </header>
      {corpus && 'error' in corpus && (
        <section class="cl-state cl-state-error" role="alert" data-testid="index-error">
          <h2>{t('popup_indexErrorTitle')}</h2>
          <p>{t('popup_indexErrorBody', corpus.error)}</p>
          <p>{t('popup_indexErrorAction')}</p>
        </section>
      )}
      {corpusErrors.length > 0 && (
        <section class="cl-state cl-state-error" role="alert" data-testid="corpus-errors">
          <h2>{t('popup_corpusBrokenTitle', String(corpusErrors.length))}</h2>
          {corpusErrors.map((reason, i) => (
            <p key={i}>{t('popup_indexErrorBody', reason)}</p>
          ))}
          <p>{t('popup_corpusBrokenAction')}</p>
        </section>
      )}
      {version === null && (
        <section class="cl-state cl-state-error" role="alert" data-testid="background-error">
          <h2>{t('popup_backgroundErrorTitle')}</h2>
          <p>{t('popup_backgroundErrorBody')}</p>
        </section>
      )}
      {list && list.active.length > 0 && (
        <SearchBox corpora={shown} corpusCount={list.active.length} query={query} onQuery={setQuery} onOpen={openInBrowser} onWanted={() => setSearching(true)} />
      )}
      {query.trim() === '' && (
        <>
          <div class="cl-tabs" role="tablist" aria-label={t('popup_sectionsLabel')}>
            {TABS.map((tab, i) => (
              <button
                key={tab}
                type="button"
                role="tab"
                id={`cl-tab-${tab}`}
                class="cl-tab"
                aria-selected={active === tab}
                aria-controls={`cl-panel-${tab}`}
                tabIndex={active === tab || (active === 'settings' && i === 0) ? 0 : -1}
                ref={(el) => {
                  tabRefs.current[i] = el;
                }}
                onClick={() => setActive(tab)}
                onKeyDown={(e) => onTabKey(e, i)}
                data-testid={`tab-${tab}`}
              >
                {tabLabel(tab)}
              </button>
            ))}
          </div>
          <section
            class="cl-panel"
            role={active === 'settings' ? 'region' : 'tabpanel'}
            id={`cl-panel-${active}`}
            aria-labelledby={active === 'settings' ? undefined : `cl-tab-${active}`}
            aria-label={active === 'settings' ? t('popup_tabSettings') : undefined}
            tabIndex={0}
          >
            {active === 'page' && (
              <PageTab
                state={tabState}
                access={access}
                siteEnabled={siteEnabled}
                settings={settings}
                articleCount={articleCount}
                onReveal={reveal}
                onOpen={openInBrowser}
                onSiteEnabled={changeSite}
                onGlobalEnabled={(enabled) => void changeSettings({ enabled })}
              />
            )}
            {active === 'page' && tabState.tab.id !== null && (access === 'web' || access === 'unknown') && (
              <p class="cl-add-page">
                <button type="button" class="cl-button" onClick={() => void addPage()} data-testid="add-page">
                  {t('popup_addPage')}
                </button>
                {addPageError && (
                  <span class="cl-state-error" role="alert">
                    {t('popup_addPageFailed', addPageError)}
                  </span>
                )}
              </p>
            )}
            {listTab &&
              (shown ? (
                <RecordList kind={active} corpora={shown} onOpen={openInBrowser} />
              ) : corpus === null || (list && !indexes) ? (
                <p class="cl-muted" role="status" data-testid="list-loading">
                  {t('popup_loadingCorpora')}
                </p>
              ) : (
                <p class="cl-muted">{t('popup_listUnavailable')}</p>
              ))}
            {active === 'settings' && (
              <SettingsTab
                settings={settings}
                host={tabState.host}
                siteEnabled={siteEnabled}
                onChange={changeSettings}
                onSiteEnabled={changeSite}
              />
            )}
          </section>
        </>
      )}
    </main>
  );
}
