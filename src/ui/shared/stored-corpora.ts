/**
 * The reader's corpora as the extension pages read them: the list comes from the background (which
 * installs the bundled corpus before it answers), the records straight from the corpus store, so a
 * large index is never copied through a message.
 */
import type { CorpusIndex, DetectionKind } from '../../core/index/types';
import type { request as requestFn } from '../../shared/messaging';
import type { CorpusSummary } from '../../shared/protocol';
import { CorpusStore } from '../../store/corpus-store';

/** What the popup and the corpus browser need of the stored corpora (tests hand in a fake). */
export interface CorporaSource {
  /** Every stored corpus, the bundled one first. */
  list(): Promise<CorpusSummary[]>;
  /** The validated index of one ready corpus; rejects with the reason it cannot be read. */
  readIndex(id: string): Promise<CorpusIndex>;
  /** Whether a corpus holds a record (person, organisation, claim, quote or article) by that id. */
  has(id: string, kind: DetectionKind | 'article', recordId: string): Promise<boolean>;
}

/** The corpora an extension page reads: listed through `request`, read from the store. */
export function storedCorpora(request: typeof requestFn): CorporaSource {
  let store: Promise<CorpusStore> | null = null;
  const open = () => (store ??= CorpusStore.open());
  return {
    async list() {
      const got = await request('listCorpora', {});
      if (!got.ok) throw new Error(got.error);
      return got.value;
    },
    async readIndex(id) {
      return (await open()).readIndex(id);
    },
    async has(id, kind, recordId) {
      const db = await open();
      if (kind === 'article') return (await db.readArticle(id, recordId)) !== null;
      const meta = await db.meta(id);
      return meta?.status === 'ready' && (await db.readDetails(meta, kind, recordId).catch(() => null)) !== null;
    },
  };
}

/** The corpora a reader sees by default: the active, ready ones, in list order. */
export function activeCorpora(list: CorpusSummary[]): CorpusSummary[] {
  return list.filter((c) => c.active && c.status === 'ready');
}

/**
 * The corpus to show when the URL names none: for a record page, the first active corpus that has
 * the record (a card's link without a corpus still lands on it); else the first active corpus; else
 * the first listed.
 */
export async function defaultCorpus(
  source: CorporaSource,
  list: CorpusSummary[],
  record: { kind: DetectionKind | 'article'; id: string } | null,
): Promise<CorpusSummary | null> {
  const active = activeCorpora(list);
  if (record) {
    for (const corpus of active) if (await source.has(corpus.id, record.kind, record.id).catch(() => false)) return corpus;
  }
  return active[0] ?? list[0] ?? null;
}
