/** "On this page": what the content script found on the tab, or an honest word on why nothing is shown. */
import type { DetectionKind } from '../../core/index/types';
import type { FoundItem } from '../../shared/protocol';
import type { Settings } from '../../shared/settings';
import { kindHeading } from '../shared/format';
import { t } from '../shared/i18n';
import { linkTo } from '../shared/links';
import type { TabState } from './api';
import type { TabAccess } from './tab-url';

const KIND_ORDER: DetectionKind[] = ['person', 'organisation', 'claim', 'quote'];

interface Props {
  state: TabState;
  access: TabAccess;
  /** The per-site switch for this tab's host (null when there is no host). */
  siteEnabled: boolean | null;
  settings: Settings | null;
  /** Articles in the active corpora (for the empty state). */
  articleCount: number;
  onReveal(kind: DetectionKind, id: string): void;
  onOpen(hash: string): void;
  onSiteEnabled(enabled: boolean): void;
  onGlobalEnabled(enabled: boolean): void;
}

function State({ id, title, children, error }: { id: string; title: string; children: preact.ComponentChildren; error?: boolean }) {
  return (
    <div class={`cl-state${error ? ' cl-state-error' : ''}`} data-testid={`page-state-${id}`} data-cl-state={id}>
      <h2 data-testid="page-status">{title}</h2>
      {children}
    </div>
  );
}

function BrowseInstead({ onOpen }: { onOpen(hash: string): void }) {
  return (
    <p>
      <button type="button" class="cl-button" onClick={() => onOpen('#/')}>
        {t('popup_browseCorpusInstead')}
      </button>
    </p>
  );
}

/** The "On this page" section. */
export function PageTab({ state, access, siteEnabled, settings, articleCount, onReveal, onOpen, onSiteEnabled, onGlobalEnabled }: Props) {
  const { findings, host } = state;
  if (findings === undefined) {
    return <p class="cl-muted" data-testid="page-status">{t('popup_pageLoading')}</p>;
  }
  if (access === 'restricted') {
    return (
      <State id="restricted" title={t('popup_restrictedTitle')}>
        <p>{t('popup_restrictedBody')}</p>
        <BrowseInstead onOpen={onOpen} />
      </State>
    );
  }
  if (access === 'pdf' && (!findings || findings.items.length === 0)) {
    return (
      <State id="pdf" title={t('popup_pdfTitle')}>
        <p>{t('popup_pdfBody')}</p>
        <BrowseInstead onOpen={onOpen} />
      </State>
    );
  }
  if (settings && !settings.enabled) {
    return (
      <State id="global-off" title={t('popup_globalOffTitle')}>
        <p>{t('popup_globalOffBody')}</p>
        <p>
          <button type="button" class="cl-button cl-button-primary" onClick={() => onGlobalEnabled(true)} data-testid="global-on">
            {t('popup_globalTurnOn')}
          </button>
        </p>
      </State>
    );
  }
  if (host && (siteEnabled === false || findings?.status === 'disabled')) {
    return (
      <State id="site-off" title={t('popup_siteOffTitle', host)}>
        <p>{t('popup_siteOffBody')}</p>
        <label class="cl-switch">
          <input
            type="checkbox"
            checked={false}
            onChange={(e) => onSiteEnabled((e.currentTarget as HTMLInputElement).checked)}
            data-testid="site-switch-inline"
          />
          <span>{t('popup_siteSwitch', host)}</span>
        </label>
      </State>
    );
  }
  if (findings === null) {
    return access === 'web' ? (
      <State id="no-report" title={t('popup_noReportTitle')}>
        <p>{t('popup_noReportWebBody')}</p>
      </State>
    ) : (
      <State id="no-report" title={t('popup_noReportTitle')}>
        <p>{t('popup_noReportUnknownBody')}</p>
        <BrowseInstead onOpen={onOpen} />
      </State>
    );
  }
  if (findings.status === 'error') {
    return (
      <State id="error" title={t('popup_pageErrorTitle')} error>
        <p>{findings.message ? t('popup_pageErrorBody', findings.message) : t('popup_pageErrorBodyNoMessage')}</p>
        <p>{t('popup_pageErrorAction')}</p>
      </State>
    );
  }
  if (findings.status === 'scanning' && findings.items.length === 0) {
    return (
      <State id="scanning" title={t('popup_scanningTitle')}>
        <p>{t('popup_scanningBody')}</p>
      </State>
    );
  }
  if (findings.items.length === 0) {
    return (
      <State id="empty" title={t('popup_emptyTitle')}>
        <p>{t('popup_emptyBody', articleCount)}</p>
        <BrowseInstead onOpen={onOpen} />
      </State>
    );
  }
  const groups = KIND_ORDER.map((kind) => ({ kind, items: findings.items.filter((i) => i.kind === kind) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <div data-testid="page-findings">
      <p class="cl-muted" data-testid="page-status">
        {t('popup_foundSummary', [findings.markers, findings.items.length])}
      </p>
      {groups.map((group) => (
        <section key={group.kind} class="cl-group" aria-label={kindHeading(group.kind)}>
          <h2 class="cl-group-title">{kindHeading(group.kind)}</h2>
          <ul class="cl-list">
            {group.items.map((item) => (
              <FoundRow key={`${item.kind}|${item.id}`} item={item} onReveal={onReveal} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

function FoundRow({ item, onReveal, onOpen }: { item: FoundItem; onReveal(kind: DetectionKind, id: string): void; onOpen(hash: string): void }) {
  return (
    <li class="cl-row">
      <button
        type="button"
        class="cl-row-main"
        onClick={() => onReveal(item.kind, item.id)}
        data-testid="found-item"
        data-cl-kind={item.kind}
        data-cl-id={item.id}
      >
        <span class="cl-row-title">{item.label}</span>
        <span class="cl-row-detail cl-muted">
          {item.text !== item.label ? `“${item.text}” · ` : ''}
          {t('popup_markerCount', item.count)}
        </span>
      </button>
      <button
        type="button"
        class="cl-row-side cl-button"
        onClick={() => onOpen(linkTo(item.kind, item.id))}
        aria-label={t('popup_openInBrowserLabel', item.label)}
        title={t('popup_openInBrowserLabel', item.label)}
      >
        ↗
      </button>
    </li>
  );
}
