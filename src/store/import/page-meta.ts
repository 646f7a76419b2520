/**
 * The metadata a news page declares about itself, read from an inert Document: Open Graph and
 * article: meta tags, JSON-LD (schema.org), <time datetime>, the canonical address and the
 * "saved from" note browsers write into saved pages. Raw values only; `extract-article` decides.
 */

/** What a page says about itself; each value as written, "" when the page does not say. */
export interface PageMeta {
  siteName: string;
  publishedTime: string;
  jsonLdDate: string;
  timeElement: string;
  headline: string;
  author: string;
  publisher: string;
  url: string;
}

/** The content of the first <meta> whose property or name is one of `keys`. */
function metaContent(doc: Document, keys: string[]): string {
  for (const key of keys) {
    for (const attr of ['property', 'name', 'itemprop']) {
      const el = doc.querySelector(`meta[${attr}="${key}"]`);
      const content = el?.getAttribute('content')?.trim();
      if (content) return content;
    }
  }
  return '';
}

// JSON-LD on news pages nests a few levels (@graph → article → author → name); deeper is not metadata, and a hostile page could nest without end.
const MAX_JSON_LD_DEPTH = 8;
// Browsers write the "saved from" comment before <html> or as one of its first children.
const SAVED_FROM_LOOKAHEAD = 5;

/** Every object in a JSON-LD value: top level, arrays, @graph and nested values, depth first. */
function* jsonLdNodes(value: unknown, depth = 0): Generator<Record<string, unknown>> {
  if (depth > MAX_JSON_LD_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) yield* jsonLdNodes(item, depth + 1);
    return;
  }
  const node = value as Record<string, unknown>;
  yield node;
  for (const child of Object.values(node)) if (child && typeof child === 'object') yield* jsonLdNodes(child, depth + 1);
}

/** A JSON-LD value as text: a string, the first of an array, or an object's `name`. */
function jsonLdText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (Array.isArray(value)) return value.map(jsonLdText).filter(Boolean).join(', ');
  if (value && typeof value === 'object' && 'name' in value) return jsonLdText((value as { name: unknown }).name);
  return '';
}

/** The first non-empty value of `key` over the page's JSON-LD objects. */
function readJsonLd(doc: Document): Pick<PageMeta, 'jsonLdDate' | 'headline' | 'author' | 'publisher' | 'url'> {
  const found = { jsonLdDate: '', headline: '', author: '', publisher: '', url: '' };
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // A broken JSON-LD block says nothing; the page's other metadata still counts.
    }
    for (const node of jsonLdNodes(data)) {
      if (!found.jsonLdDate) found.jsonLdDate = jsonLdText(node.datePublished) || jsonLdText(node.dateCreated);
      if (!found.headline) found.headline = jsonLdText(node.headline);
      if (!found.author) found.author = jsonLdText(node.author);
      if (!found.publisher) found.publisher = jsonLdText(node.publisher);
      if (!found.url && typeof node.url === 'string' && 'headline' in node) found.url = node.url.trim();
    }
  }
  return found;
}

// What Chromium and other browsers write at the top of a saved page: <!-- saved from url=(0041)https://… -->
const SAVED_FROM = /saved from url=\(\d+\)(\S+)/i;
const COMMENT_NODE = 8;

/** The address a browser noted in a saved page's leading comment, or "". */
function savedFromUrl(doc: Document): string {
  const nodes = [...Array.from(doc.childNodes), ...Array.from(doc.documentElement?.childNodes ?? []).slice(0, SAVED_FROM_LOOKAHEAD)];
  for (const node of nodes) {
    if (node.nodeType !== COMMENT_NODE) continue;
    const m = SAVED_FROM.exec(node.nodeValue ?? '');
    if (m) return m[1]!;
  }
  return '';
}

/** `href` made absolute against `base` when it is relative and the base is known; as written otherwise. */
function absolute(href: string, base: string): string {
  try {
    return new URL(href, base || undefined).href;
  } catch {
    return href;
  }
}

/** Reads what `doc` declares about itself. */
export function readPageMeta(doc: Document): PageMeta {
  const ld = readJsonLd(doc);
  const time = doc.querySelector('article time[datetime], time[datetime]');
  const ogUrl = metaContent(doc, ['og:url']);
  const savedFrom = savedFromUrl(doc);
  // A saved page has no address of its own: a relative canonical link resolves against what it was saved from.
  const canonical = absolute(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href')?.trim() ?? '', savedFrom || ogUrl);
  return {
    siteName: metaContent(doc, ['og:site_name', 'application-name']),
    publishedTime: metaContent(doc, ['article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued']),
    jsonLdDate: ld.jsonLdDate,
    timeElement: time?.getAttribute('datetime')?.trim() ?? '',
    headline: metaContent(doc, ['og:title', 'twitter:title']) || ld.headline,
    author: metaContent(doc, ['author', 'article:author']) || ld.author,
    publisher: ld.publisher,
    url: canonical || ogUrl || ld.url || savedFrom,
  };
}
