/** Test helpers: stored-corpus summaries and a fake CorporaSource over indexes in memory. */
import type { CorpusIndex, DetectionKind } from '../../../src/core/index/types';
import type { CorpusSummary } from '../../../src/shared/protocol';
import { summarise } from '../../../src/store/summary';
import type { CorporaSource } from '../../../src/ui/shared/stored-corpora';

/** A summary as the store lists it, for an index in memory. */
export function summaryOf(id: string, name: string, index: CorpusIndex, extra: Partial<CorpusSummary> = {}): CorpusSummary {
  return { ...summarise(index), id, name, origin: 'imported', created: 1, updated: 1, status: 'ready', active: true, ...extra };
}

/** A stored corpus in the fake: its summary and its index, or the reason it cannot be read. */
export interface FakeCorpus {
  summary: CorpusSummary;
  index: CorpusIndex | { broken: string };
}

/** A CorporaSource answering from memory; records which indexes were read. */
export function fakeSource(corpora: FakeCorpus[]): CorporaSource & { reads: string[] } {
  const reads: string[] = [];
  const find = (id: string) => corpora.find((c) => c.summary.id === id);
  return {
    reads,
    async list() {
      return corpora.map((c) => c.summary);
    },
    async readIndex(id) {
      reads.push(id);
      const corpus = find(id);
      if (!corpus) throw new Error(`there is no corpus with id "${id}"`);
      if ('broken' in corpus.index) throw new Error(corpus.index.broken);
      return corpus.index;
    },
    async has(id, kind: DetectionKind | 'article', recordId) {
      const index = find(id)?.index;
      if (!index || 'broken' in index) return false;
      if (kind === 'article') return index.articles.some((a) => a.id === recordId);
      if (kind === 'claim') return index.claimGroups.some((g) => g.id === recordId);
      if (kind === 'quote') return index.quoteGroups.some((g) => g.id === recordId);
      return index.entities.some((e) => e.kind === kind && e.id === recordId);
    },
  };
}
