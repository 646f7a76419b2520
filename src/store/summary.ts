/** The counts and date range a corpus is listed with, computed from its index once at install. */
import { isKnown } from '../core/index/details';
import type { CorpusIndex } from '../core/index/types';
import type { CorpusSummary } from '../shared/protocol';

/** Counts, date range and schema version of an index. */
export function summarise(index: CorpusIndex): Pick<CorpusSummary, 'counts' | 'dateRange' | 'schemaVersion'> {
  const outlets = new Set(index.articles.map((a) => a.outlet).filter(isKnown));
  const dates = index.articles.map((a) => a.date).filter(isKnown).sort();
  return {
    counts: {
      articles: index.articles.length,
      outlets: outlets.size,
      people: index.entities.filter((e) => e.kind === 'person').length,
      organisations: index.entities.filter((e) => e.kind === 'organisation').length,
      claims: index.claimGroups.length,
      quotes: index.quoteGroups.length,
    },
    dateRange: dates.length ? { from: dates[0], to: dates[dates.length - 1] } : null,
    schemaVersion: index.schemaVersion,
  };
}
