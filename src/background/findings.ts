/**
 * What each tab's content script found, kept for the tab's life only: in storage.session (memory,
 * survives a service-worker restart, never written to disk) and removed when the tab closes.
 */
import browser from 'webextension-polyfill';
import type { TabFindings } from '../shared/protocol';

const key = (tabId: number) => `findings:${tabId}`;

/** Session storage where the browser has it, else an in-memory map. */
const memory = new Map<string, TabFindings>();
function session(): browser.Storage.StorageArea | null {
  return (browser.storage as { session?: browser.Storage.StorageArea }).session ?? null;
}

/** Records a tab's findings and shows the marker count on the toolbar badge. */
export async function storeFindings(tabId: number, findings: TabFindings): Promise<void> {
  const area = session();
  if (area) await area.set({ [key(tabId)]: findings });
  else memory.set(key(tabId), findings);
  const text = findings.status === 'done' && findings.markers > 0 ? String(Math.min(findings.markers, 999)) : '';
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
}

/** A tab's findings, or null when its content script has reported nothing. */
export async function readFindings(tabId: number): Promise<TabFindings | null> {
  const area = session();
  if (area) {
    const got = await area.get(key(tabId));
    return (got[key(tabId)] as TabFindings | undefined) ?? null;
  }
  return memory.get(key(tabId)) ?? null;
}

/** Forgets a tab's findings (tab closed or navigated). */
export async function clearFindings(tabId: number): Promise<void> {
  const area = session();
  if (area) await area.remove(key(tabId));
  memory.delete(key(tabId));
}
