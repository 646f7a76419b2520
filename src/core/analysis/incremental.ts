/**
 * Adding articles to a corpus already analysed. People, quotes and claims are found and grouped on
 * corpus-wide evidence (a name becomes a person from how the whole corpus writes it; a quote joins
 * a group through every report of it), so the cross-article steps run again over the whole corpus.
 * What an add skips is cleaning and segmenting the articles the corpus holds: their drafts are
 * rebuilt from their stored records (prepareRecord). The result is the index a full analysis of
 * the original articles plus the added ones gives.
 *
 * Why an add is not yet proportional to what it adds: joining the new articles into the groups the
 * corpus holds would not give that index. Adding 10 generated articles to 5,000 added 8 entities but
 * also removed 5 and changed 73 others (corpus-wide word statistics and name evidence moved), and
 * renumbered every quote and claim group (group ids are positions in article order). A proportional
 * add needs the entity evidence and word statistics stored and re-decided for the keys the new
 * articles touch, group ids that do not shift, and matcher data that can be patched.
 *
 * Where the time of adding 10 generated articles to 5,000 went, measured in Node (CPU seconds on a
 * loaded 2-core machine, so inflated alike): preparing the held drafts (tokens) 10.8, entities 12.1,
 * descriptors 1.9, quotes 1.1, quote groups 6.2, claims 4.9, claim groups 2.5, assembly 2.6; then
 * the matcher compile 9.2 and the card records 1.1. Normalising without the offset map
 * (lang/normalize.ts), token texts shared rather than sliced anew and the first million tokens
 * kept decoded (token-store.ts) took the steps before the matcher from 44.0 and 42.3 CPU seconds
 * to 32.1 and 30.4 (scripts/bench/add-node.ts, the same corpus file, runs alternated on the loaded
 * machine): tokens 9.6-10.0 → 5.9-6.0, entities 10.8 → 6.7-6.8, quote groups 7.0-7.1 → 5.3-5.9,
 * claims 6.3-7.3 → 4.8-5.5. The garbage collector was about a third of the whole (Node
 * --trace-gc: about 1,000 scavenges, each promoting half of what it found alive). Storage is the
 * store's (corpus-store.ts): the new generation is written whole, the replaced one removed after
 * the add is reported done. A second worker compiling the matcher and writing the record rows
 * beside the import worker was tried (branch propadd-aside-tried): in the browser it saved 3.4 s
 * in one pair of runs and cost 10 s in another on the shared machine (browser CPU 0.1 and 6.9 s
 * more: the index is copied to it), so it is not kept.
 */
import type { ArticleRecord, CorpusIndex } from '../index/types';
import type { ArticleInput } from './context';
import { analysePreparable, type AnalysisProgress, type PreparableArticle } from './index';
import { prepareArticle, prepareRecord } from './prepare';
import type { StoredTokens } from './stored-tokens';

/** What an add may be given besides the records and the new articles. */
export interface IncrementOptions {
  /** Tokens kept for held articles (by article id, as the store gives them: checked before use); articles without are segmented again. */
  heldTokens?: ReadonlyMap<string, unknown>;
  /** Receives every article's tokens in their kept form (held ones as given when they were used), for the store to keep. */
  keptTokens?: Map<string, StoredTokens>;
}

/**
 * The index of the `held` articles (the article records of an index made earlier) plus `added`:
 * equal to analyseCorpus over the raw inputs the held records were made from plus `added`. Takes
 * the article records only, so the rest of the earlier index (its entities, quotes, claims and
 * groups) need not be read nor kept in memory while the analysis runs. Throws when an added id is
 * already held (or empty, or repeated). The index is the same with or without kept tokens.
 */
export function analyseIncrement(held: readonly ArticleRecord[], added: ArticleInput[], progress?: AnalysisProgress, options: IncrementOptions = {}): CorpusIndex {
  const given = options.heldTokens;
  return analysePreparable(
    [
      ...held.map((record): PreparableArticle => ({ id: record.id, prepare: (store, keep) => prepareRecord(record, store, given?.get(record.id), keep) })),
      ...added.map((input): PreparableArticle => ({ id: input.id, prepare: (store, keep) => prepareArticle(input, store, keep) })),
    ],
    progress,
    options.keptTokens,
  );
}
