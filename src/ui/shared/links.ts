/**
 * Corpus-browser deep links. The scheme is the one the cards use (`#/person/<id>` …); ids may
 * contain ':' and other characters, so they are encoded in links and decoded by the router.
 */
import { deepLink } from '../../core/index/details';
import type { DetectionKind } from '../../core/index/types';

/** A page of the corpus browser. */
export type Route =
  | { view: 'overview' }
  | { view: 'corpora' }
  | { view: 'add-page'; id: string }
  | { view: 'article'; id: string }
  | { view: DetectionKind; id: string }
  | { view: 'not-found'; hash: string };

const VIEWS = new Set(['article', 'person', 'organisation', 'claim', 'quote']);

/** Deep link of a record of any kind (articles included). */
export function linkTo(kind: DetectionKind | 'article', id: string): string {
  return kind === 'article' ? `#/article/${encodeURIComponent(id)}` : deepLink(kind, id);
}

/**
 * A deep link may name the corpus it points into: `#/corpus/<corpus id>/person/<id>` (the popup's
 * links do; a card's may). The corpus browser keeps the chosen corpus in its `?corpus=` query once
 * the reader moves on, so the page's own links stay corpus-free.
 */
const CORPUS_PREFIX = /^#?\/corpus\/([\w.-]+)(\/.*)?$/;

/** The corpus a hash names (or null) and the hash without it. */
export function splitCorpusHash(hash: string): { corpus: string | null; hash: string } {
  const match = CORPUS_PREFIX.exec(hash);
  return match ? { corpus: match[1], hash: `#${match[2] ?? '/'}` } : { corpus: null, hash };
}

/** A deep link into a given corpus, e.g. `#/corpus/<corpus id>/person/<id>` from `#/person/<id>`. */
export function corpusLink(corpusId: string, hash: string): string {
  return `#/corpus/${encodeURIComponent(corpusId)}${hash.replace(/^#/, '') || '/'}`;
}

/** Turns a location hash into a route; anything unrecognised is "not-found", never a guess. */
export function parseRoute(hash: string): Route {
  const path = splitCorpusHash(hash).hash.replace(/^#/, '');
  if (path === '' || path === '/') return { view: 'overview' };
  if (path === '/corpora') return { view: 'corpora' };
  const addPage = /^\/add-page\/([\w-]+)$/.exec(path);
  if (addPage) return { view: 'add-page', id: addPage[1]! };
  const match = /^\/([a-z]+)\/(.+)$/.exec(path);
  if (!match || !VIEWS.has(match[1])) return { view: 'not-found', hash };
  let id: string;
  try {
    id = decodeURIComponent(match[2]);
  } catch {
    return { view: 'not-found', hash };
  }
  return { view: match[1] as 'article' | DetectionKind, id };
}
