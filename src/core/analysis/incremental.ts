/**
 * Adding articles to a corpus already analysed. People, quotes and claims are found and grouped on
 * corpus-wide evidence (a name becomes a person from how the whole corpus writes it; a quote joins
 * a group through every report of it), so the cross-article steps run again over the whole corpus.
 * What an add skips is cleaning and segmenting the articles the corpus holds: their drafts are
 * rebuilt from their stored records (prepareRecord) and their tokens read from the copy the store
 * keeps beside each record (stored-tokens.ts; an article without one is segmented again). Given
 * the analysis state the last analysis left (options previous/onState, claim-reuse.ts), it also
 * skips extracting the claims of every article whose claim inputs did not change, and the quote
 * diffs of wordings compared before. The result is the index a full analysis of the original
 * articles plus the added ones gives, with or without kept tokens or state.
 *
 * Since the figures below: quote grouping counts words shared in order by a bit-parallel longest
 * common subsequence (common-subsequence.ts) and splits ASCII quotes into words without the
 * segmenter; claim grouping scores pairs on numbers made once per claim and writes a lone claim's
 * group without comparing. Node, CPU seconds, 10 added to 5,000 with kept tokens, the same corpus
 * file, two rounds alternated with the code before at load 11-15 (before / now / now with the
 * state): quote groups 5.1-5.3 / 1.9 / 1.9; claims 4.9-5.4 / 4.9-5.7 / 0.35 (4,960 of 5,010
 * articles' claims taken); claim groups 2.0-2.1 / 1.6-2.2 / 2.1; assembly 3.5-3.7 / 3.0-3.5 / 1.5;
 * the analysis in all 21.1-22.4 / 16.7-19.2 / 10.9. The store keeps the state beside each
 * generation (store/analysis-state.ts, in the compact form of stored-state.ts: 10.2 MB of structured
 * clone at 5,000 generated articles, 58 rows, where the state written out as JSON was 87 MB; with
 * the entity step's and the claim groups' state kept since, 41.1 MB in 213 rows); an
 * import or add through the import worker writes it, and the next add reads it. With the compact
 * state read back (drafts made again from the claim records: 0.4-0.6 s CPU, cloning included)
 * the analysis of 10 added to 5,000 took 11.5-13.7 s CPU against 16.9-19.3 without (claims 0.7-1.0
 * against 5.2-5.3, assembly 1.8-2.2 against 2.9-3.5), two runs each alternated at load 10-13. In
 * Chromium (add-profile.ts --rounds 2, load 15-17, so wall times only as a guide) the worker read
 * the state in 4.5 s wall, 3.4 of it the 132,737 claim records and 0.9 making the drafts, and the
 * claims step took 2.5 s wall against 6.3 in the add before it without a state.
 *
 * What an add changes, measured on adding 10 generated articles to a generated corpus of 5,000 (the
 * full analysis of the 5,010 against the stored index of the 5,000): the mentions, quotes or claims
 * of 31 held articles (mentions 31, quotes 17, claims 31); 8 entities added, 5 removed, 14 with
 * other aliases, name or kind; 27,514 of 27,518 quote groups and 122,491 of 122,508 claim groups
 * with the same members. So a proportional add would re-run about 40 articles, not 5,010, but which
 * 31 is known only from corpus-wide evidence this add does not keep.
 *
 * Why the add is not yet proportional, and what it needs:
 * - entity evidence kept as mergeable per-corpus summaries: word statistics (sets: an add only
 *   grows them), each key's evidence with counts rather than capped sets (titles, sentences) so an
 *   article's share can be taken out and put back, surname usage, the capitalised lists of step
 *   3.6, given names used alone; step 3 split into a per-article pass that makes an article's share
 *   and a decision pass over the merged summaries (classification to aliases, about a second at
 *   5,000). Candidates read the word statistics only at sentence starts, so a held article's share
 *   changes only when a word it opens a name run with enters them: those articles, the new ones,
 *   and the articles whose text holds an alias the decisions changed (a capitalised-word → articles
 *   index, kept too) are the ones re-run;
 * - group ids that do not shift: done, a group's id is its first member's (09-index.ts), so the
 *   groups an add does not touch keep theirs. Claim grouping, given the state, groups again only
 *   the components of the pair graph that hold a new claim, a gone one or a block pushed across
 *   its cap, and takes the rest from the state (08-claim-groups.ts regroupChanged). Node CPU, 10 added
 *   to 5,000 with the state, six runs alternated with the code before at load 4-22: claims 2.1-2.7 s
 *   before, 0.6-0.8 after (the state's digests no longer SHA-256); claim groups 1.8-2.1 before,
 *   0.5-0.6 after; the analysis in all 11.0-12.8 before, 8.1-11.2 after. The compile after it took
 *   6.8-9.2 s before and 7.9-10.8 after with its code unchanged, and the run's peak RSS was 1.37 GB
 *   before and 1.59 GB after (1.38 GB with the groups' reuse turned off): not explained yet. Quote
 *   grouping given the state the same way was tried and not kept (reverted in 4c0144e, d9e7100):
 *   groups identical, but the generated corpus's pair graph has components of thousands of quotes
 *   (lines quoted by many speakers, chained through unattributed ones), so an add of 10 regrouped
 *   8,534 of 35,563 quotes, and every quote's words are numbered and every group described either
 *   way; in the add it took 1.08-1.14 s CPU against 1.03 grouping every quote (load 2-8), for 1.9
 *   MB more state;
 * - the store writing only what changed: article rows are shared between generations (an add
 *   writes the rows of the articles it adds, CorpusMeta.articlesFrom), since a held article's row
 *   never changes. Record and card rows are cut where a record id hashes to 0 and known by a hash
 *   of their content, so an add writes only the rows whose content changed and shares the rest
 *   with the generation it replaces (store/shared-rows.ts; 1,265 -> 164 record rows and 4,982 ->
 *   451 card rows for 10 added to 5,000); cards carry no corpus total, which is read at card time.
 *   The matcher parts and the state's rows are still written whole;
 * - a patchable matcher: the compile numbers words in order of first appearance, keys in sorted
 *   order with weights from the claim count (IDF), articles, entities and groups by position, so an
 *   added claim moves numbers all through the claim signatures. Patching needs append-only numbers
 *   and the key weights computed on load from stored counts.
 *
 * Fourteenth session (add-node --tokens --state --reuse --digest, 5,000 + 10, the same corpus file,
 * alternated with the code before; every run gave the same index and matcher digests): the
 * compile's compileNames made a Tokens with its own symbol table per person (0.77 s sampled of the
 * compile's profile, 0.06 after, load 10-12), the compile reads a claim token's key from its
 * per-symbol table, and the entity records pick an entity's 20 related entities in one pass
 * instead of sorting every co-occurring one (1.10 s sampled, 0.27 after). The add in all moved
 * less than the runs' spread: 12.57-12.65 s CPU before and 13.22-13.57 after in two pairs at load
 * 0.9-1.7, where a major collection landing in the quote groups or the index step (about 1 s of
 * CPU each, the marking threads counted) decides the figure; with --single-threaded-gc, one pair,
 * 13.58 before and 13.28 after (compile 5.68 / 5.41, index 1.43 / 1.34). Tried and not kept:
 * pinning the prepared tokens as they are packed rather than decoding them at the first read
 * (4a8631c). The per-claim cache of what does not depend on the names (the brief of the session)
 * was not built: the name scan needs the claim's tokens, so it would save the figures and key
 * reading only (about 0.7 s sampled) for per-claim figure spans and key positions in the state,
 * and the key words need every claim's surface counts.
 *
 * Fifteenth session (the place containment's scan and the claim groups' index step; add-node
 * --tokens --state --reuse --digest, 5,000 + 10, alternated with the code before, same digests
 * throughout): kept, claim group topics trimmed by a loop, not an end-anchored regex (all 132,737
 * claims: 45-60 ms CPU before, 32-41 after; negligible in the add). Tried and not kept:
 * - compile placeContainment skipping articles with fewer than two tokens that can begin a place (9bba5db): almost none skipped;
 * - placePairsInText normalising a hit's written form only when nothing lies between (ce55788): no gain seen;
 * - regroupChanged making each claim's blocking keys once and sizing only the region's blocks (1f6591f): two passes cost what one map of every key did.
 * Not built: per-article place hits in the state. A held article's hits depend on every name pattern
 * whose words occur in its text (the scan keeps the longest hit of any kind), so reuse needs the
 * patterns an add changed and, per article, which of those its words could spell (a word set per
 * article, or its kept tokens handed to the compile), which the compile does not have today.
 *
 * Sixteenth session (add-node --tokens --state --reuse --digest, 5,000 + 10, the same corpus file,
 * the same index and matcher digests throughout): the state keeps each article's descriptors and
 * quotes with the digest of its mentions (mention-steps.ts; the nominal descriptors with the office
 * nouns they read), and held articles' kept tokens go into the token store unread (TokenStore
 * addLater), so an add makes the Token objects of the few held articles a step still reads (the
 * entity step's re-read ones, claims re-extracted, nominal descriptors run again). CPU seconds of
 * the analysis steps (prepare to index), alternated with the code before: 9.40 and 10.51 before,
 * 7.62 and 6.88 after (two pairs at load 9-13); profiled runs 11.89 before (load 4-8), 5.69 after
 * (load 8-10); with --single-threaded-gc, one pair, 9.08 before (load 11-16) and 8.02 after (load
 * 7-9), the whole run's add and compile 15.18 and 13.30: prepare 1.1-2.7 -> 0.22-0.46, descriptors
 * 0.87-2.38 -> 0.29-0.40, quotes 0.42-0.59 -> 0.10-0.13, while a major collection landing in the
 * quote groups or the index step (2.3 and 2.7 in that pair) still decides much of the figure. The
 * state grew from 41.1 to 46.5-47.1 MB of structured clone (213 -> 250 rows). What is left is
 * cross-article: entities about 1.0-1.3, quote groups 1.1-2.3, claim groups 0.6-1.1, the assembly
 * 1.4-2.7, and the collector; the compile after it took 7.5-7.8 s against 6.5-6.6 in the
 * two-threaded pairs, but 5.3 against 6.1 single-threaded and 5.5-7.2 in the profiled runs: no
 * change of its own seen.
 *
 * Where the time of adding 10 generated articles to 5,000 goes, measured in Node with
 * scripts/bench/add-node.ts --tokens (CPU seconds, the same corpus file, runs alternated with the
 * code before on the shared machine, load 6-9): prepare 0.8-0.9 (4.8-5.0 segmenting the held
 * articles again), entities 4.7-5.6, descriptors 0.9-1.1, quotes 0.6, quote groups 4.0-4.8, claims
 * 3.8-4.3, claim groups 1.7-2.2, assembly 3.0-3.6; then the matcher compile 8.6-8.8 (15.7-16.9
 * before the quantity and unplaced-time readers were indexed by first word): 28.0 and 31.9 in all,
 * against 39.9 and 42.5 before (32.8 when the held articles have no kept tokens). Reading tokens
 * back from the packed store is the largest single cost left (about 6 s of a CPU profile, and much
 * of the collector's): every step reads every article's tokens again. A second worker compiling the
 * matcher and writing the record rows beside the import worker was tried (branch
 * propadd-aside-tried): in the browser it saved 3.4 s in one pair of runs and cost 10 s in another
 * on the shared machine (browser CPU 0.1 and 6.9 s more: the index is copied to it), so it is not kept.
 * Keeping a 5,000-article corpus's tokens decoded whole (token-store.ts PINNED_TOKENS) took 1.8-2.3
 * CPU s more off the steps before the compile.
 *
 * Where the time goes in the browser (add-profile.ts with "import:" timing lines added to the
 * import worker and the store for the run, Chromium, 10 added to 5,000 installed from the cached
 * corpus file without tokens, load 6.8, before the article rows were shared and tokens kept at
 * install): 49.2 s wall, browser CPU 39.5 s. In the worker: reading the held articles 1.0 s; the
 * analysis 19.7 s (prepare 2.7, entities 5.4, descriptors 0.6, quotes 0.7, quote groups 3.1,
 * claims 3.1, claim groups 1.8, assembly 2.3); the install 26.6 s: the matcher's finishParts 9.8,
 * card records built as records pass 4.5, rows cloned into IndexedDB puts 5.7, the per-record
 * compile 1.0, the gazetteer pairs 0.35, the matcher parts written 1.9, the rest waiting for
 * commits. So the store side (compile, card records, writes) is more than half of an add in the
 * browser, and the analysis alone is twice the budget.
 */
import type { ArticleRecord, CorpusIndex } from '../index/types';
import type { ArticleInput } from './context';
import { analysePreparable, type AnalysisOptions, type AnalysisProgress, type PreparableArticle } from './index';
import { prepareArticle, prepareRecord } from './prepare';
import type { StoredTokens } from './stored-tokens';

/** What an add may be given besides the records and the new articles. */
export interface IncrementOptions extends AnalysisOptions {
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
    { gazetteer: options.gazetteer, previous: options.previous, onState: options.onState },
  );
}
