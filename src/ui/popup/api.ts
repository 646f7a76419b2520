/** What the popup needs from the extension, as one object so tests can hand in a fake. */
import type { request, requestTab } from '../../shared/messaging';
import type { TabFindings } from '../../shared/protocol';

/** The active tab as far as the browser tells the popup (url is null without activeTab/tabs). */
export interface TabInfo {
  id: number | null;
  url: string | null;
}

/** The popup's window onto the extension: messaging, the active tab, closing itself. */
export interface PopupApi {
  request: typeof request;
  requestTab: typeof requestTab;
  activeTab(): Promise<TabInfo>;
  /** Closes the popup (after handing the reader over to the page or the corpus browser). */
  close(): void;
}

/** Everything the popup learned about the tab it describes. */
export interface TabState {
  tab: TabInfo;
  /** undefined while loading; null when the content script reported nothing. */
  findings: TabFindings | null | undefined;
  /** The host the per-site switch applies to (from the tab URL, else from the findings). */
  host: string | null;
}
