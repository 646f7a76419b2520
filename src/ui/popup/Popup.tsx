/** The toolbar popup (skeleton): shows what the content script reported for the active tab. */
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { request } from '../../shared/messaging';
import type { TabFindings } from '../../shared/protocol';

/** Which tab the popup describes: `?tabId=` (tests, deep links) or the active tab. */
async function targetTabId(): Promise<number | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) return fromQuery;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

/** Root component of the popup. */
export function Popup() {
  const [version, setVersion] = useState<string | null>(null);
  const [findings, setFindings] = useState<TabFindings | null | undefined>(undefined);
  useEffect(() => {
    void (async () => {
      const pong = await request('ping', { from: 'popup' });
      if (pong.ok) setVersion(pong.value.version);
      const tabId = await targetTabId();
      if (tabId === null) return setFindings(null);
      const got = await request('getFindings', { tabId });
      setFindings(got.ok ? got.value : null);
    })();
  }, []);
  return (
    <main class="cl-popup">
      <h1>Coverage Lens</h1>
      <p data-testid="background-status">{version ? `Background ${version} is running.` : 'Connecting…'}</p>
      <p data-testid="page-status">
        {findings === undefined
          ? 'Looking at this page…'
          : findings === null
            ? 'Nothing reported for this page.'
            : `On this page: ${findings.markers} markers (${findings.status}).`}
      </p>
    </main>
  );
}
