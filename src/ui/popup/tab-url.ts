/**
 * What the popup can tell from the active tab's URL: whether content scripts can run there at all
 * (browser pages, add-on stores, local files and the PDF viewer are closed to extensions).
 */

/** Whether the extension can read a tab. */
export type TabAccess = 'web' | 'restricted' | 'pdf' | 'unknown';

// Browsers keep extensions out of their own stores, whatever the manifest asks for.
const STORE_HOSTS: { host: string; path?: string }[] = [
  { host: 'chromewebstore.google.com' },
  { host: 'chrome.google.com', path: '/webstore' },
  { host: 'addons.mozilla.org' },
  { host: 'microsoftedge.microsoft.com', path: '/addons' },
];

/** Classifies a tab URL; null (the browser did not tell us) is "unknown", never a guess. */
export function tabAccess(url: string | null | undefined): TabAccess {
  if (!url) return 'unknown';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'unknown';
  }
  // The content script is declared for http(s) pages only; file:, view-source:, about:, chrome:,
  // moz-extension: and the like never run it.
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'restricted';
  const host = parsed.hostname.toLowerCase();
  if (STORE_HOSTS.some((s) => s.host === host && (!s.path || parsed.pathname.startsWith(s.path)))) return 'restricted';
  if (/\.pdf$/i.test(parsed.pathname)) return 'pdf';
  return 'web';
}

/** The host a per-site switch applies to, or null when the URL has none. */
export function tabHost(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}
