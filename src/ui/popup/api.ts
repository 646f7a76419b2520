/** What the popup needs from the extension, as one object so tests can hand in a fake. */
import type { request, requestTab } from '../../shared/messaging';

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
