/**
 * The corpus analysis pipeline: clean → segment → entities → descriptors → quotes → quote groups
 * → claims → claim groups → index. Pure: no I/O, no DOM, no Node built-ins; the same input always
 * yields the same index.
 */
import type { CorpusIndex } from '../index/types';
import type { ArticleInput } from './context';
import { prepareArticle } from './prepare';
import { extractEntities } from './03-entities';
import { extractDescriptors } from './04-descriptors';
import { extractQuotes } from './05-quotes';
import { groupQuotes } from './06-quote-groups';
import { extractClaims } from './07-claims';
import type { NearbyQuote } from './07-claims';
import type { QuoteDraft } from './05-quotes';
import type { QuoteGroupDraft } from './06-quote-groups';
import { groupClaims } from './08-claim-groups';
import { assembleIndex } from './09-index';
import { TokenStore } from './token-store';

export type { ArticleInput } from './context';

/** Analyses a corpus of articles into a CorpusIndex. Throws on duplicate or empty article ids. */
export function analyseCorpus(inputs: ArticleInput[]): CorpusIndex {
  const seen = new Set<string>();
  for (const input of inputs) {
    if (!input.id) throw new Error('analyseCorpus: an article has an empty id');
    if (seen.has(input.id)) throw new Error(`analyseCorpus: duplicate article id "${input.id}"`);
    seen.add(input.id);
  }
  const sorted = [...inputs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Tokens are packed (token-store.ts): as objects, every article's tokens at once do not fit in memory.
  const store = new TokenStore();
  const drafts = sorted.map((input) => prepareArticle(input, store));
  const entities = extractEntities(drafts);
  const descriptors = extractDescriptors(drafts, entities.entities, entities.mentions);
  const quotes = drafts.flatMap((d) => extractQuotes(d, entities.mentions.get(d.id) ?? [], entities.entities));
  const quoteGroups = groupQuotes(quotes);
  const nearby = nearbyQuotes(quotes, quoteGroups);
  const claims = drafts.flatMap((d) => extractClaims(d, entities.mentions.get(d.id) ?? [], entities.entities, entities.places, nearby.get(d.id)));
  store.release(); // no step after claims reads tokens
  const claimGroups = groupClaims(claims);
  return assembleIndex({ drafts, entities, descriptors, quotes, quoteGroups, claims, claimGroups });
}

/** Per article, the quotes that belong to groups reported by more than one article. */
function nearbyQuotes(quotes: QuoteDraft[], groups: QuoteGroupDraft[]): Map<string, NearbyQuote[]> {
  const out = new Map<string, NearbyQuote[]>();
  groups.forEach((g, gi) => {
    if (new Set(g.members.map((m) => quotes[m].article)).size < 2) return;
    for (const m of g.members) {
      const q = quotes[m];
      const list = out.get(q.article) ?? [];
      for (const sentence of q.sentences) list.push({ sentence, group: gi, speaker: q.speaker });
      out.set(q.article, list);
    }
  });
  return out;
}
