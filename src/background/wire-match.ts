/**
 * What a match carries from the matching side to the page (protocol CorpusMatch): marking needs
 * kind, id, offsets, corpus, score and the article a claim restates; the card needs the page-specific relations of a claim or a
 * quote (how each corpus article relates to the sentence on this page), which no stored record
 * holds. An entity's refs only say "this article mentions it", which its card record already lists,
 * so they stay behind: measured in Chromium on a generated 5,000-article corpus, one 80-block reply
 * carried 183,190 refs (12.8 MB) and took 741 ms, of which ~75 ms was matching. Only an entity
 * found in few articles sends them, one per article: the marking policy (core/match/select) leaves
 * out the evidence of an article the page is a copy of, and must see that a name's only articles are
 * such copies.
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

/**
 * Most distinct articles an entity may be found in and still send its refs (one per article). The
 * marking policy drops a name only when every article it is found in is one the page copies; a page
 * copies one article, or the few outlets' copies of one syndicated text (the bundled corpus tells one
 * story in at most 5 outlets), so a name found in more articles keeps a marker whatever it is sent.
 */
export const MAX_ENTITY_ARTICLES_SENT = 5;

/** Distinct articles among refs. */
function distinctArticles(refs: readonly CoverageRef[]): number {
  if (refs.length <= 1) return refs.length;
  return new Set(refs.map((r) => r.article)).size;
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
 * Distinct-article counts of entity refs. The matcher shares one refs array per entity across every
 * detection of it, so a name-dense batch counts each entity once (weakly held: a rebuilt matcher's
 * arrays replace the old ones).
 */
const entityCounts = new WeakMap<readonly CoverageRef[], number>();

/** An entity's first ref in each article, when it is found in few enough articles (cached as the counts are). */
const entityRefs = new WeakMap<readonly CoverageRef[], CoverageRef[]>();

/** What an entity match sends: one ref per article up to MAX_ENTITY_ARTICLES_SENT articles, else none. */
function entityWireRefs(refs: readonly CoverageRef[], articles: number): CoverageRef[] {
  if (articles > MAX_ENTITY_ARTICLES_SENT) return [];
  let out = entityRefs.get(refs);
  if (!out) {
    const first = new Map<string, CoverageRef>();
    for (const r of refs) if (!first.has(r.article)) first.set(r.article, r);
    out = [...first.values()];
    entityRefs.set(refs, out);
  }
  return out;
}

/** A match as it is sent to the page. */
export function toWireMatch(m: Match, corpus: string): CorpusMatch {
  const entity = m.kind === 'person' || m.kind === 'organisation';
  let articles = entity ? entityCounts.get(m.refs) : undefined;
  if (articles === undefined) {
    articles = distinctArticles(m.refs);
    if (entity) entityCounts.set(m.refs, articles);
  }
  const base: CorpusMatch = { kind: m.kind, text: m.text, start: m.start, end: m.end, id: m.id, score: m.score, corpus, articles, refs: [] };
  // The marking policy needs it to take a page that copies a corpus article for that article.
  if (m.restates !== undefined) base.restates = m.restates;
  const refs = entity ? entityWireRefs(m.refs, articles) : strongest(m.refs);
  const left = m.refs.length - refs.length;
  return left > 0 ? { ...base, refs, refsLeft: left } : { ...base, refs };
}
