/**
 * A saved article page (.html, .htm) to a candidate: parsed inertly by DOMParser (scripts never
 * run, nothing loads), then the same extraction as "Add this page".
 */
import type { Candidate } from './candidate';
import { extractArticle } from './extract-article';
import type { HtmlParser } from './plain-text';
import { entry, type ReportEntry } from './report';

/** The article of a saved page, with the warnings its metadata raised; rejected when no article text is found. */
export function readHtml(file: string, html: string, parse: HtmlParser | null): { candidate: Candidate | null; entries: ReportEntry[] } {
  if (!parse) return { candidate: null, entries: [entry('rejected', 'unsupported', file, 'reading HTML needs a DOMParser, which this environment lacks')] };
  const draft = extractArticle(parse(html), '', parse);
  if (!('text' in draft)) return { candidate: null, entries: [entry('rejected', draft.code, file, draft.reason)] };
  return {
    candidate: { file, text: draft.text, meta: draft.meta },
    entries: draft.warnings.map((w) => entry('warning', w.code, file, w.reason)),
  };
}
