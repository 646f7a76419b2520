/** The one rule for when two addresses name the same article. */

// The WHATWG URL parser exists wherever core runs (Node, pages, workers, the background); core is
// type-checked without DOM or Node types, so only the part used here is declared.
declare const URL: new (value: string) => { hash: string; pathname: string; readonly href: string };

/**
 * An address as compared: without its fragment and trailing slashes (scheme and host lower-cased by
 * URL parsing). Throws on a value that is not an absolute URL.
 */
export function urlKey(value: string): string {
  const url = new URL(value);
  url.hash = '';
  if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.href;
}

/** urlKey, or "" for a value that is no absolute URL ("unknown", empty). */
export function urlKeyOrEmpty(value: string): string {
  try {
    return urlKey(value);
  } catch {
    return '';
  }
}
