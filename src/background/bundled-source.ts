/**
 * The corpus the build bundles (src/generated/: the index and the compact matcher data built from
 * the corpus folder at build time), as a CorpusSource. It stands in until the IndexedDB corpus store
 * provides the reader's corpora through the same contract.
 *
 * Cold start: a stopped background (Chrome stops an idle service worker after about 30 s) is
 * started again by the next message, and this module is evaluated with it. Both JSON files are
 * part of the background's own script (no fetch, no dynamic import, which service workers do not
 * allow); the matcher is built on the first match and the index is validated on first use, so a
 * start that only answers a settings request pays for neither.
 */
import type { CorpusIndex } from '../core/index/types';
import { buildDetails, lookups, sentenceExcerpts } from '../core/index/details';
import { createMatcher, type Matcher, type MatcherData } from '../core/match/scan-entry';
import matcherData from '../generated/matcher.json';
import { loadCorpus } from './corpus';
import { VectorAwareMatcher, vectorsNow } from './word-vectors';
import type { WordVectors } from '../core/lang/vectors';
import type { CorpusSource, LoadedCorpus } from './corpus-source';

/** The bundled corpus's id (stable across builds; the reader's corpora get their own). */
export const BUNDLED_CORPUS_ID = 'bundled';
/** The name cards show for the bundled corpus. */
export const BUNDLED_CORPUS_NAME = 'Bundled corpus';

/** The bundled corpus as a LoadedCorpus; `data` and `index` are injectable for tests. */
export function bundledCorpus(
  data: () => MatcherData = () => matcherData as unknown as MatcherData,
  index: () => { index: CorpusIndex } | { error: string } = loadCorpus,
  vectors: () => WordVectors | null = vectorsNow,
): LoadedCorpus {
  const matcher = new VectorAwareMatcher<Matcher>(vectors);
  const loaded = (): CorpusIndex => {
    const result = index();
    if ('error' in result) throw new Error(result.error);
    return result.index;
  };
  return {
    id: BUNDLED_CORPUS_ID,
    name: BUNDLED_CORPUS_NAME,
    async match(text, options) {
      return matcher.get((v) => createMatcher(data(), { vectors: v })).scan(text, options);
    },
    async details(kind, id) {
      return buildDetails(loaded(), kind, id);
    },
    async excerpts(sentences) {
      const articles = lookups(loaded()).articles;
      return sentenceExcerpts(sentences, (id) => articles.get(id));
    },
  };
}

/** A CorpusSource holding only the bundled corpus. */
export function bundledCorpusSource(corpus: LoadedCorpus = bundledCorpus()): CorpusSource {
  return { active: async () => [corpus] };
}
