/** What the content script tells the popup about the page: one item per record marked, in page order. */
import type { CorpusMatch, FoundItem, TabFindings } from '../shared/protocol';
import type { HeldMatch } from './held-marks';
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
 * `pageOrder` lists the matches' first markers in page order (one native query): sorting by it
 * replaces a compareDocumentPosition per comparison, which steps through a long article's
 * paragraphs to order two of them (CDP profile of the bench pages: 1.4-2.6 ms of a scan's time);
 * a marker it lacks is ordered by compareDocumentPosition. `held`: matches whose markers are not
 * written yet (held-marks.ts), in page order; they are listed and counted like the others, merged
 * in by their block's place.
 */
export function summarizeFindings(url: string, status: TabFindings['status'], placed: PlacedMatch[], message?: string, pageOrder?: ArrayLike<Element>, held: readonly HeldMatch[] = []): TabFindings {
  const rank = new Map<Element, number>();
  if (pageOrder) for (let i = 0; i < pageOrder.length; i++) rank.set(pageOrder[i], i);
  const ordered = placed.slice().sort((a, b) => {
    const ra = rank.get(a.marks[0]);
    const rb = rank.get(b.marks[0]);
    if (ra !== undefined && rb !== undefined) return ra - rb;
    const pos = a.marks[0].compareDocumentPosition(b.marks[0]);
    return pos & 4 ? -1 : pos & 2 ? 1 : 0;
  });
  const items = new Map<string, FoundItem>();
  for (const match of mergeHeld(ordered, held)) {
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
  const result: TabFindings = { url, status, items: [...items.values()], markers: ordered.length + held.length };
  if (message) result.message = message;
  return result;
}

/** Placed matches (in page order) and held ones (in page order) as one list in page order. */
function mergeHeld(placed: readonly PlacedMatch[], held: readonly HeldMatch[]): CorpusMatch[] {
  if (held.length === 0) return placed.map((p) => p.match);
  const out: CorpusMatch[] = [];
  let h = 0;
  for (const p of placed) {
    // A held block before this marker (DOCUMENT_POSITION_PRECEDING: the block comes first) goes first.
    while (h < held.length && (p.marks[0].compareDocumentPosition(held[h].element) & 2) !== 0 && !held[h].element.contains(p.marks[0])) out.push(held[h++].match);
    out.push(p.match);
  }
  while (h < held.length) out.push(held[h++].match);
  return out;
}
