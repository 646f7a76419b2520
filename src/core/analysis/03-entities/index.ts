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
import { addStats, emptyStats } from './02-word-stats';
import { findRuns } from './03-runs';
import { candidatesOf } from './04-candidates';
import { weigh } from './05-evidence';
import { capitalisedLists, classify } from './06-classify';
import { addSurnameUsage, makePeople, type SurnameUsage } from './07-people';
import { makeOrganisations } from './08-organisations';
import { addGivenNames } from './09-given-names';
import { finishAliases } from './10-aliases';
import { buildAliasTable, findMentions } from './11-mentions';
import { EntityBook } from './book';
import { emptyEvidence, type Evidence } from './shared';

export { slug } from './book';

/** Finds the people, organisations and places of the corpus and every mention of them. */
export function extractEntities(drafts: ArticleDraft[]): EntityResult {
  const nonProse = drafts.map(nonProseSpans);
  // What steps 3.2, 3.6 (capitalised lists) and 3.7 (surname usage) read of each article alone, in
  // one pass over its tokens (each pass decodes every article's tokens again: token-store.ts).
  const stats = emptyStats();
  const lists: string[][] = [];
  const surnames: SurnameUsage = new Map();
  drafts.forEach((d, a) => {
    const toks = d.tokens;
    addStats(stats, d, toks, nonProse[a]);
    for (const list of capitalisedLists(d, toks)) lists.push(list);
    addSurnameUsage(surnames, toks);
  });
  const evidence = new Map<string, Evidence>();
  drafts.forEach((d, a) => {
    for (const run of findRuns(d, a, nonProse[a])) {
      for (const c of candidatesOf(run, d, stats)) {
        let e = evidence.get(c.key);
        if (!e) evidence.set(c.key, (e = emptyEvidence()));
        weigh(c, d, e);
      }
    }
  });
  const cls = classify(lists, evidence, stats);
  const book = new EntityBook();
  const bySurname = makePeople(surnames, cls, book);
  makeOrganisations(drafts, cls, book);
  addGivenNames(drafts, stats, book, bySurname);
  const { entities, ambiguous, ambiguousKeys } = finishAliases(book);

  const table = buildAliasTable(entities, ambiguousKeys);
  const byId = new Map(entities.map((e) => [e.id, e]));
  const mentions = new Map<string, MentionDraft[]>();
  drafts.forEach((d, a) => mentions.set(d.id, findMentions(d, table, byId, nonProse[a])));
  entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { entities, ambiguous, mentions, places: cls.places };
}
