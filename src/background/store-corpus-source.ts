/**
 * The CorpusSource the matching side uses: the active, ready corpora of the corpus store. Each
 * corpus's matcher is built once, on its first scan, from its matcher shard; card details are
 * read one record at a time. A corrupt shard or record marks that corpus broken (listed with the
 * reason) and leaves it out; the other corpora keep matching.
 */
import type { MatcherData } from '../core/match/data';
import { createMatcher, type Matcher } from '../core/match/scan';
import { StoredRecordError } from '../store/validate-stored';
import type { CorpusMeta } from '../store/db';
import type { CorpusStore } from '../store/corpus-store';
import type { CorpusSource, LoadedCorpus } from './corpus-source';
import { VectorAwareMatcher } from './word-vectors';

/** A matcher from validated data; data it still cannot be built from breaks the corpus. */
async function build(s: CorpusStore, meta: CorpusMeta, data: MatcherData): Promise<(() => Matcher) | null> {
  try {
    const matcher = new VectorAwareMatcher<Matcher>();
    const get = () => matcher.get((vectors) => createMatcher(data, { vectors }));
    // Built now, so data that cannot make a matcher breaks the corpus here (rebuilt when the vectors arrive).
    get();
    return get;
  } catch (error) {
    await s.markBroken(meta.id, meta.data, new StoredRecordError('matcher "core"', '(root)', `unusable: ${error instanceof Error ? error.message : String(error)}`));
    return null;
  }
}

/** A CorpusSource over a corpus store (`store` is awaited on every call, so it may open lazily). */
export function createStoreCorpusSource(store: () => Promise<CorpusStore>): CorpusSource {
  // Keyed by generation: a reinstalled corpus gets a fresh matcher, a renamed one keeps its own.
  const loaded = new Map<string, { meta: CorpusMeta; corpus: LoadedCorpus }>();

  function load(s: CorpusStore, initial: CorpusMeta): LoadedCorpus {
    let matcher: Promise<(() => Matcher) | null> | null = null;
    const entry = { meta: initial, corpus: null as unknown as LoadedCorpus };
    entry.corpus = {
      id: initial.id,
      get name() {
        return entry.meta.name;
      },
      async match(text, options) {
        matcher ??= s.readMatcher(entry.meta).then((data) => (data ? build(s, entry.meta, data) : null));
        const m = await matcher.catch((error: unknown) => {
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
