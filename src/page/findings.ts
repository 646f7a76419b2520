/** What the content script tells the popup about the page: one item per record marked, in page order. */
import type { FoundItem, TabFindings } from '../shared/protocol';
import type { PlacedMatch } from './marker-registry';

const LABEL_MAX = 90;

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= LABEL_MAX ? flat : `${flat.slice(0, LABEL_MAX - 1).trimEnd()}…`;
}

/** Drops a trailing possessive so "Mr Doe's" is labelled "Mr Doe". */
function withoutPossessive(text: string): string {
  return text.replace(/['’]s?$/u, '');
}

/**
 * Summarises placed matches. A name's label is the fullest form the page uses (the full index,
 * with canonical names, stays in the background); a claim's or quote's label is its text, shortened.
 */
export function summarizeFindings(url: string, status: TabFindings['status'], placed: PlacedMatch[], message?: string): TabFindings {
  const ordered = placed.slice().sort((a, b) => {
    const pos = a.marks[0].compareDocumentPosition(b.marks[0]);
    return pos & 4 ? -1 : pos & 2 ? 1 : 0;
  });
  const items = new Map<string, FoundItem>();
  for (const { match } of ordered) {
    const key = `${match.kind}\u0000${match.id}`;
    const text = shorten(match.text);
    const found = items.get(key);
    if (!found) {
      const label = match.kind === 'person' || match.kind === 'organisation' ? withoutPossessive(text) : text;
      items.set(key, { kind: match.kind, id: match.id, text, label, count: 1 });
      continue;
    }
    found.count++;
    if ((match.kind === 'person' || match.kind === 'organisation') && withoutPossessive(text).length > found.label.length) {
      found.label = withoutPossessive(text);
    }
  }
  const result: TabFindings = { url, status, items: [...items.values()], markers: ordered.length };
  if (message) result.message = message;
  return result;
}
