/**
 * "Add this page", second half: the draft the reader confirmed (and perhaps edited) becomes an
 * article, checked like any imported one: its values read again, duplicates found by the same ledger.
 */
import { isWebUrl, parseDate } from './fields';
import { ImportLedger, type ExistingArticles } from './ledger';
import { MAX_ARTICLE_CHARS } from './limits';
import { entry, type ImportedArticle, type ImportedMeta, type ReportEntry } from './report';

// Characters of a headline kept in an id: enough to tell pages apart, short enough for a deep link.
const ID_HEADLINE_CHARS = 60;

/** An id for a page: its host and path ("shoreline.example.com/news/pier"), else its headline in lower-case words. */
function pageId(meta: ImportedMeta): string {
  if (meta.url) {
    const url = new URL(meta.url);
    return `${url.hostname.replace(/^www\./, '')}${url.pathname.replace(/\/+$/, '')}`;
  }
  const words = meta.headline.toLowerCase().normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return `page-${words.slice(0, ID_HEADLINE_CHARS) || 'untitled'}`;
}

/**
 * The confirmed draft as an article, with a warning for each value it could not keep, or the
 * entry saying why it cannot be added (no text, too long, already in the corpus). Edited values
 * are the reader's typing: kept as text, a date read as "YYYY-MM-DD" or "unknown", a url kept only if http(s).
 */
export function articleFromPage(
  draft: { text: string; meta: ImportedMeta },
  existing: ExistingArticles = {},
): { article: ImportedArticle; warnings: ReportEntry[] } | { rejected: ReportEntry } {
  // The draft is text (extracted, then typed by the reader): nothing in it is parsed as markup.
  const line = (value: string) => value.replace(/\s+/g, ' ').trim();
  const source = draft.meta.url || 'this page';
  const warnings: ReportEntry[] = [];
  const meta: ImportedMeta = {
    headline: line(draft.meta.headline),
    outlet: line(draft.meta.outlet),
    author: line(draft.meta.author),
    date: 'unknown',
    url: '',
  };
  const date = draft.meta.date.trim();
  if (date && date !== 'unknown') {
    const parsed = parseDate(date);
    if (parsed) meta.date = parsed;
    else warnings.push(entry('warning', 'unknown-date', source, `date ${JSON.stringify(date)} could not be read; kept as "unknown"`));
  }
  const url = draft.meta.url.trim();
  if (url && isWebUrl(url)) meta.url = new URL(url).href;
  else if (url) warnings.push(entry('warning', 'bad-url', source, `url ${JSON.stringify(url)} is not an http(s) address; left empty`));

  const paragraphs = draft.text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  // The headline leads the text, as in every imported article; an edited headline replaces none of the body.
  if (meta.headline && paragraphs[0] !== meta.headline) paragraphs.unshift(meta.headline);
  const body = paragraphs.slice(meta.headline ? 1 : 0).join(' ');
  if (!body) return { rejected: entry('rejected', 'no-text', source, 'no article text') };
  const text = paragraphs.join('\n\n');
  if (text.length > MAX_ARTICLE_CHARS) {
    return { rejected: entry('rejected', 'too-large', source, `text too long (${text.length} characters; the limit is ${MAX_ARTICLE_CHARS})`) };
  }
  const taken = new ImportLedger(existing).take(pageId(meta), source, text, meta);
  if ('article' in taken) return { article: taken.article, warnings };
  return { rejected: entry('rejected', taken.code, source, taken.reason) };
}
