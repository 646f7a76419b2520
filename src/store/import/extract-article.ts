/**
 * One news page to one article draft: the "Add this page" extraction and the reader of saved .html
 * files share it. Readability runs on a clone, so the page a reader is on is never changed; the
 * result is plain text and metadata for the reader to confirm and edit before it is added.
 */
import { Readability } from '@mozilla/readability';
import { isWebUrl, parseDate } from './fields';
import { MAX_PAGE_ELEMENTS, MIN_PAGE_TEXT_CHARS } from './limits';
import { readPageMeta } from './page-meta';
import { paragraphsOf, toPlainText, type HtmlParser } from './plain-text';
import type { ImportedMeta, ReportCode } from './report';

/** A page's article, to be confirmed: text with the headline first, metadata, and what could not be read. */
export interface PageDraft {
  text: string;
  meta: ImportedMeta;
  /** Values the page gave that could not be used (an unreadable date, a non-web address). */
  warnings: Array<{ code: ReportCode; reason: string }>;
}

/** Why no article could be taken from a page. */
export interface PageFailure {
  code: ReportCode;
  reason: string;
}

// A byline Readability left in the text sits among the first paragraphs (after a standfirst at most).
const BYLINE_SEARCH_PARAGRAPHS = 3;

/** The same line as another, ignoring case, spacing and punctuation (a headline repeated as the first paragraph). */
function sameLine(a: string, b: string): boolean {
  const key = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  return key(a) === key(b);
}

/** "By A Writer and B Writer" → "A Writer and B Writer". */
function cleanByline(byline: string): string {
  return byline.replace(/^\s*(by|from)\s+/i, '').replace(/\s+/g, ' ').trim();
}

/** The host of an address without "www.", the outlet of last resort. */
function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}

/**
 * Extracts the article of `doc` (a live page's document or an inert one from DOMParser) with
 * Readability on a clone. `url` is the page's address when known (the tab's; "" for a saved file,
 * which then falls back to the address the page declares). `parse` reduces markup found inside
 * metadata values to text; by default the environment's DOMParser.
 */
export function extractArticle(doc: Document, url: string, parse: HtmlParser | null): PageDraft | PageFailure {
  const declared = readPageMeta(doc);
  let result: ReturnType<Readability<Node>['parse']>;
  try {
    result = new Readability<Node>(doc.cloneNode(true) as Document, {
      serializer: (node) => node,
      maxElemsToParse: MAX_PAGE_ELEMENTS,
    }).parse();
  } catch (e) {
    return { code: 'unreadable', reason: `no article could be read from the page (${(e as Error).message})` };
  }
  const text = (value: string) => toPlainText(value, parse).replace(/\s+/g, ' ').trim();
  const paragraphs = result?.content ? paragraphsOf(result.content) : [];
  const headline = text(result?.title || declared.headline);
  if (headline && paragraphs.length && sameLine(paragraphs[0]!, headline)) paragraphs.shift();
  const author = text(cleanByline(result?.byline || declared.author));
  // Readability leaves the byline in the text when the page's metadata already named the author.
  const bylineAt = paragraphs.slice(0, BYLINE_SEARCH_PARAGRAPHS).findIndex((p) => author && sameLine(cleanByline(p), author));
  if (bylineAt >= 0) paragraphs.splice(bylineAt, 1);
  const length = paragraphs.join(' ').length;
  if (length < MIN_PAGE_TEXT_CHARS) {
    return { code: 'no-text', reason: `no article text found on the page (${length} characters; an article has at least ${MIN_PAGE_TEXT_CHARS})` };
  }

  const warnings: PageDraft['warnings'] = [];
  const rawUrl = url || declared.url;
  let pageUrl = '';
  if (rawUrl && isWebUrl(rawUrl)) pageUrl = new URL(rawUrl).href;
  else if (rawUrl) warnings.push({ code: 'bad-url', reason: `address ${JSON.stringify(rawUrl)} is not an http(s) address; url left empty` });

  const rawDate = declared.publishedTime || declared.jsonLdDate || declared.timeElement || result?.publishedTime || '';
  const date = rawDate ? parseDate(rawDate) : null;
  if (rawDate && !date) warnings.push({ code: 'unknown-date', reason: `date ${JSON.stringify(rawDate)} could not be read; kept as "unknown"` });

  return {
    text: [headline, ...paragraphs].filter(Boolean).join('\n\n'),
    meta: {
      headline,
      outlet: text(declared.siteName || declared.publisher || result?.siteName || '') || hostOf(pageUrl),
      date: date ?? 'unknown',
      url: pageUrl,
      author,
    },
    warnings,
  };
}
