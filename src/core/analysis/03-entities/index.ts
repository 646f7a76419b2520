/**
 * Step 3: people, organisations (and places, kept apart for claims) from capitalised word runs,
 * decided on corpus-wide evidence rather than on any single occurrence. Headlines are searched
 * for mentions but never used to discover names (headline case); all-caps lines and datelines are
 * neither. A form two entities share is recorded as ambiguous, never resolved. Sub-steps:
 * 3.1 non-prose spans · 3.2 word statistics · 3.3 capitalised runs · 3.4 candidates · 3.5 evidence
 * · 3.6 classification · 3.7 people · 3.8 organisations · 3.9 given names · 3.10 aliases and
 * ambiguity · 3.11 mentions.
 */
import type { ArticleDraft, EntityResult, MentionDraft } from '../context';
import { nonProseSpans } from './01-non-prose';
import { addStats, emptyStats, type WordStats } from './02-word-stats';
import { findRuns } from './03-runs';
import { candidatesOf, type StatsLookup } from './04-candidates';
import { weigh } from './05-evidence';
import { capitalisedLists, classify } from './06-classify';
import { addSurnameUsage, makePeople, type SurnameUsage } from './07-people';
import { makeOrganisations, shortFormsAloneIn } from './08-organisations';
import { addGivenNames, givenNamesAloneIn } from './09-given-names';
import { finishAliases } from './10-aliases';
import { buildAliasTable, findMentions } from './11-mentions';
import { EntityBook } from './book';
import { AskedStats, EntityReads, wordFilter, articleFingerprint, keyShares, lazySpans, mergeShare, mergeSurnames, sameStatsAnswers, usableState, type ArticleShare, type EntityState } from './kept';
import { emptyEvidence, type Evidence } from './shared';

export { slug } from './book';
export type { EntityState } from './kept';

/**
 * Finds the people, organisations and places of the corpus and every mention of them. Given the
 * state an earlier analysis of some of these articles left (`previous`, kept.ts), the articles
 * whose part of the evidence and whose reads cannot have changed are not read again; `keep`
 * receives the state this analysis leaves. The result is the same with or without.
 */
export function extractEntities(drafts: ArticleDraft[], previous?: EntityState, keep?: (state: EntityState) => void): EntityResult {
  const nonProse = lazySpans(drafts, nonProseSpans);
  const withState = !!(previous || keep);
  const fingerprints = withState ? drafts.map(articleFingerprint) : [];
  const kept = usableState(previous, drafts, fingerprints);
  // What steps 3.2, 3.6 (capitalised lists) and 3.7 (surname usage) read of each article alone, in
  // one pass over its tokens (each pass decodes every article's tokens again: token-store.ts). An
  // article the kept state knows added its part to the kept statistics and usage already.
  const stats: WordStats = kept ? { lower: new Set(kept.lower), capMid: new Set(kept.capMid) } : emptyStats();
  const lists: string[][][] = [];
  const addedSurnames: SurnameUsage = new Map();
  drafts.forEach((d, a) => {
    const share = kept?.articles.get(d.id);
    if (share) {
      lists.push(share.lists);
      return;
    }
    const toks = d.tokens;
    addStats(stats, d, toks, nonProse(a));
    lists.push(capitalisedLists(d, toks));
    addSurnameUsage(addedSurnames, toks);
  });
  const surnames = kept ? mergeSurnames(kept.surnames, addedSurnames) : addedSurnames;
  // Step 3.5 article by article, merged in article order (kept.ts): a kept share whose questions
  // the statistics answer alike is what the article would give again.
  const evidence = new Map<string, Evidence>();
  const shares: (ArticleShare | null)[] = drafts.map((d, a) => {
    const share = kept?.articles.get(d.id);
    if (share && sameStatsAnswers(share, stats)) {
      mergeShare(evidence, share.keys, a);
      return share;
    }
    if (!withState) {
      for (const c of candidatesOfArticle(d, a, nonProse(a), stats)) {
        let e = evidence.get(c.key);
        if (!e) evidence.set(c.key, (e = emptyEvidence()));
        weigh(c, d, e);
      }
      return null;
    }
    const asked = new AskedStats(stats);
    const local = new Map<string, Evidence>();
    for (const c of candidatesOfArticle(d, a, nonProse(a), asked)) {
      let e = local.get(c.key);
      if (!e) local.set(c.key, (e = emptyEvidence()));
      weigh(c, d, e);
    }
    const made: ArticleShare = { fingerprint: fingerprints[a], ...asked.written(), keys: keyShares(local), lists: lists[a], ...wordsOf(d) };
    mergeShare(evidence, made.keys, a);
    return made;
  });
  const cls = classify(lists.flat(), evidence, stats);
  const book = new EntityBook();
  const reads = new EntityReads(drafts, shares, kept, !!keep);
  const bySurname = makePeople(surnames, cls, book);
  makeOrganisations(drafts, cls, book, reads.organisations(shortFormsAloneIn));
  addGivenNames(drafts, stats, book, bySurname, (byGiven) => reads.givenNames(byGiven, (d) => givenNamesAloneIn(d, byGiven)));
  const { entities, ambiguous, ambiguousKeys } = finishAliases(book);

  const table = buildAliasTable(entities, ambiguousKeys);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const found = reads.mentions(table, byId, (d, a) => findMentions(d, table, byId, nonProse(a)));
  const mentions = new Map<string, MentionDraft[]>();
  drafts.forEach((d, a) => mentions.set(d.id, found[a]));
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (keep) {
    const articles = new Map<string, ArticleShare>();
    drafts.forEach((d, a) => articles.set(d.id, shares[a]!));
    keep({ articles, lower: stats.lower, capMid: stats.capMid, surnames, ...reads.next! });
  }
  return { entities, ambiguous, mentions, places: cls.places };
}

/** The name candidates of one article (steps 3.3 and 3.4). */
function* candidatesOfArticle(d: ArticleDraft, a: number, nonProse: ReturnType<typeof nonProseSpans>, stats: StatsLookup) {
  for (const run of findRuns(d, a, nonProse)) yield* candidatesOf(run, d, stats);
}

/** An article's distinct capitalised words (normalised), which the later reads look their tables up by, and a filter of all its words. */
function wordsOf(d: ArticleDraft): Pick<ArticleShare, 'capWords' | 'words'> {
  const cap = new Set<string>();
  const all = new Set<string>();
  for (const t of d.tokens) {
    if (!t.isWord) continue;
    all.add(t.norm);
    if (t.isCap) cap.add(t.norm);
  }
  return { capWords: [...cap], words: wordFilter(all) };
}
