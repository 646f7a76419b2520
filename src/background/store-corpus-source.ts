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
import type { MatcherData } from '../core/match/data';
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
 * Listing a corpus starts reading its matcher data, so the read overlaps whatever else a cold
 * matching side waits for; the matcher is built once `vectorsReady` resolves (the word vectors, in
 * the extension), so it is built once with them rather than first without. Until then, `early`
 * answers names from a matcher of the data's `core` part, which is read first (matcher-row.ts).
 */
export function createStoreCorpusSource(store: () => Promise<CorpusStore>, vectorsReady: () => Promise<unknown> = async () => undefined): CorpusSource {
  // Keyed by generation: a reinstalled corpus gets a fresh matcher, a renamed one keeps its own.
  const loaded = new Map<string, { meta: CorpusMeta; corpus: LoadedCorpus }>();

  function load(s: CorpusStore, initial: CorpusMeta): LoadedCorpus {
    // One attempt at loading the corpus's matcher; a failing database drops it so the next scan tries again.
    let attempt: { whole: Promise<(() => Matcher) | null>; names: Promise<Matcher | null>; ready: boolean } | null = null;
    const entry = { meta: initial, corpus: null as unknown as LoadedCorpus };
    const start = () => {
      if (attempt) return attempt;
      let namesReady: (m: Matcher | null) => void = () => undefined;
      const names = new Promise<Matcher | null>((resolve) => (namesReady = resolve));
      // Names from the `core` part, without the word vectors (names do not use them), while the rest loads.
      const onNames = (data: MatcherData) => {
        try {
          namesReady(createMatcher(data));
        } catch {
          namesReady(null); // the whole matcher meets the same data and breaks the corpus, naming why
        }
      };
      const current = {
        ready: false,
        names,
        whole: Promise.all([s.readMatcher(entry.meta, onNames), vectorsReady()])
          .then(([data]) => (data ? build(s, entry.meta, data) : null))
          .then((m) => {
            current.ready = true;
            // The names-only matcher is not asked again: its memory goes.
            current.names = Promise.resolve(null);
            return m;
          })
          .finally(() => namesReady(null)),
      };
      current.whole.catch(() => undefined); // met (and retried) by whoever awaits it
      return (attempt = current);
    };
    const whole = () =>
      start().whole.catch((error: unknown) => {
        attempt = null; // the database failed, not the data: the next scan tries again
        throw error;
      });
    entry.corpus = {
      id: initial.id,
      get name() {
        return entry.meta.name;
      },
      async match(text, options) {
        const m = await whole();
        // Broken: already marked in the store; this corpus contributes nothing, the others go on.
        return m ? m().scan(text, options) : [];
      },
      async early(text, options) {
        const a = start();
        if (a.ready) return null;
        const names = await a.names;
        if (a.ready || !names) return null;
        const kinds = options?.kinds;
        return names.scan(text, { ...options, kinds: { person: !kinds || kinds.person === true, organisation: !kinds || kinds.organisation === true } });
      },
      details(kind, id) {
        return s.readDetails(entry.meta, kind, id);
      },
    };
    loaded.set(initial.data, entry);
    // Read ahead; a failure here is met again (and retried) by the first match.
    whole().catch(() => undefined);
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
