/**
 * The CorpusSource the matching side uses: the active, ready corpora of the corpus store. Each
 * corpus's matcher is built once, on its first scan, from its matcher shard; card details are
 * read one record at a time. A corrupt shard or record marks that corpus broken (listed with the
 * reason) and leaves it out; the other corpora keep matching.
 */
import { createMatcher, type Matcher } from '../core/match/scan';
import { StoredRecordError } from '../store/validate-stored';
import type { CorpusMeta } from '../store/db';
import type { CorpusStore } from '../store/corpus-store';
import type { StoredMatcher } from '../store/matcher-row';
import type { CorpusSource, LoadedCorpus } from './corpus-source';
import { VectorAwareMatcher } from './word-vectors';

/** A matcher from validated data; data it still cannot be built from breaks the corpus. */
async function build(s: CorpusStore, meta: CorpusMeta, { data, quoteBigrams }: StoredMatcher): Promise<(() => Matcher) | null> {
  try {
    const matcher = new VectorAwareMatcher<Matcher>();
    const get = () => matcher.get((vectors) => createMatcher(data, { vectors, quoteBigrams }));
    // Built now, so data that cannot make a matcher breaks the corpus here (rebuilt when the vectors arrive).
    get();
    return get;
  } catch (error) {
    await s.markBroken(meta.id, meta.data, new StoredRecordError('matcher "core"', '(root)', `unusable: ${error instanceof Error ? error.message : String(error)}`));
    return null;
  }
}

/**
 * A CorpusSource over a corpus store (`store` is awaited on every call, so it may open lazily).
 * Listing a corpus starts reading its matcher shard, so the read overlaps whatever else a cold
 * matching side waits for; the matcher is built once `vectorsReady` resolves (the word vectors, in
 * the extension), so it is built once with them rather than first without.
 */
export function createStoreCorpusSource(store: () => Promise<CorpusStore>, vectorsReady: () => Promise<unknown> = async () => undefined): CorpusSource {
  // Keyed by generation: a reinstalled corpus gets a fresh matcher, a renamed one keeps its own.
  const loaded = new Map<string, { meta: CorpusMeta; corpus: LoadedCorpus }>();

  function load(s: CorpusStore, initial: CorpusMeta): LoadedCorpus {
    let matcher: Promise<(() => Matcher) | null> | null = null;
    const entry = { meta: initial, corpus: null as unknown as LoadedCorpus };
    const start = () => (matcher ??= Promise.all([s.readMatcher(entry.meta), vectorsReady()]).then(([data]) => (data ? build(s, entry.meta, data) : null)));
    entry.corpus = {
      id: initial.id,
      get name() {
        return entry.meta.name;
      },
      async match(text, options) {
        const m = await start().catch((error: unknown) => {
          matcher = null; // the database failed, not the data: the next scan tries again
          throw error;
        });
        // Broken: already marked in the store; this corpus contributes nothing, the others go on.
        return m ? m().scan(text, options) : [];
      },
      details(kind, id) {
        return s.readDetails(entry.meta, kind, id);
      },
    };
    loaded.set(initial.data, entry);
    // Read ahead; a failure here is met again (and retried) by the first match.
    start().catch(() => {
      matcher = null;
    });
    return entry.corpus;
  }

  return {
    async active() {
      const s = await store();
      const metas = (await s.metas()).filter((m) => m.active && m.status === 'ready');
      const live = new Set(metas.map((m) => m.data));
      for (const key of loaded.keys()) if (!live.has(key)) loaded.delete(key);
      return metas.map((meta) => {
        const entry = loaded.get(meta.data);
        if (!entry) return load(s, meta);
        entry.meta = meta;
        return entry.corpus;
      });
    },
  };
}
