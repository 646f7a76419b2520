/**
 * What a match carries from the matching side to the page (protocol CorpusMatch): marking needs
 * kind, id, offsets, corpus and score; the card needs the page-specific relations of a claim or a
 * quote (how each corpus article relates to the sentence on this page), which no stored record
 * holds. An entity's refs only say "this article mentions it", which its card record already lists,
 * so they go as one ref per article, at most MAX_PAGE_REFS_PER_MATCH of them (the marking policy
 * needs them to tell a person only the page's own copied article names): measured in Chromium on a
 * generated 5,000-article corpus, one 80-block reply carried 183,190 refs (12.8 MB) and took 741 ms,
 * of which ~75 ms was matching.
 */
import type { CoverageRef, Match } from '../core/index/types';
import type { CorpusMatch } from '../shared/protocol';

/**
 * Most refs one claim or quote match sends to the page, strongest first. The card shows a member's
 * page-side relation when its ref came along, else its corpus-side one. Chosen from the generated
 * 5,000-article corpus (scripts/measure-matching-side.ts, 80 blocks of a generated page): one claim
 * match there carried 790 refs. 50 keeps every ref of the bundled corpus's matches (its largest
 * claim or quote group has 5 members) and, of a large group, the strongest, which the card sorts
 * to the top.
 */
export const MAX_PAGE_REFS_PER_MATCH = 50;

/** Distinct articles among refs. */
function distinctArticles(refs: readonly CoverageRef[]): number {
  if (refs.length <= 1) return refs.length;
  return new Set(refs.map((r) => r.article)).size;
}

/** One ref per article (the first), up to the cap. */
function perArticle(refs: readonly CoverageRef[]): CoverageRef[] {
  const seen = new Set<string>();
  const out: CoverageRef[] = [];
  for (const r of refs) {
    if (seen.has(r.article)) continue;
    seen.add(r.article);
    out.push(r);
    if (out.length === MAX_PAGE_REFS_PER_MATCH) break;
  }
  return out;
}

/** Refs strongest first, cut at the cap (input order kept among equals). */
function strongest(refs: readonly CoverageRef[]): CoverageRef[] {
  if (refs.length <= MAX_PAGE_REFS_PER_MATCH) return refs as CoverageRef[];
  return refs
    .map((ref, i) => ({ ref, i }))
    .sort((a, b) => b.ref.score - a.ref.score || a.i - b.i)
    .slice(0, MAX_PAGE_REFS_PER_MATCH)
    .map((x) => x.ref);
}

/**
 * Distinct-article counts and the refs sent of entity refs. The matcher shares one refs array per
 * entity across every detection of it, so a name-dense batch counts and cuts each entity once, and
 * every detection of it sends the same array (packEntityRefs then sees them equal by identity
 * instead of comparing 50 refs field by field on every detection). Weakly held: a rebuilt matcher's
 * arrays replace the old ones.
 */
const entityWire = new WeakMap<readonly CoverageRef[], { articles: number; refs: CoverageRef[] }>();

/** A match as it is sent to the page. */
export function toWireMatch(m: Match, corpus: string): CorpusMatch {
  const entity = m.kind === 'person' || m.kind === 'organisation';
  let articles: number;
  let refs: CoverageRef[];
  if (entity) {
    let cached = entityWire.get(m.refs);
    if (cached === undefined) {
      cached = { articles: distinctArticles(m.refs), refs: perArticle(m.refs) };
      entityWire.set(m.refs, cached);
    }
    articles = cached.articles;
    refs = cached.refs;
  } else {
    articles = distinctArticles(m.refs);
    refs = strongest(m.refs);
  }
  // Entities: articles left out (their refs go one per article); claims and quotes: refs left out.
  const left = entity ? articles - refs.length : m.refs.length - refs.length;
  // Built field by field (no spread of a base object): this runs for every detection of a batch.
  const wire: CorpusMatch = { kind: m.kind, text: m.text, start: m.start, end: m.end, id: m.id, score: m.score, corpus, articles, refs };
  // The marking policy needs to know which article a sentence restates (a copy of it is not its coverage).
  if (m.restates !== undefined) wire.restates = m.restates;
  if (left > 0) wire.refsLeft = left;
  return wire;
}
