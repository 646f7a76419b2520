/**
 * The CorpusSource the matching side uses: the active, ready corpora of the corpus store. Each
 * corpus's matcher is built once, on its first scan, from its matcher shard; card details are
 * read one record at a time. A corrupt shard or record marks that corpus broken (listed with the
 * reason) and leaves it out; the other corpora keep matching.
 *
 * A cold start never runs the claim scorer's build (~150 ms of CPU at 5,000 generated articles:
 * scripts/bench/cold-side.ts) while a page waits for names: the matcher is built with its claims
 * deferred (core/match/scan `deferClaims`), and the claim scorer is built when a request wants the
 * whole answer (that request waits for it anyway), or once nothing has been asked of the matching
 * side for PREPARE_IDLE_MS. Until then a names-first request is answered from the names, and the
 * build runs in pieces with a turn of the event loop between them (Matcher.prepareSteps), so a
 * names request arriving during it waits for one piece, not the whole build.
 */
import { createMatcher, type Matcher } from '../core/match/scan';
import type { ScanOptions } from '../core/match';
import { StoredRecordError } from '../store/validate-stored';
import type { CorpusMeta } from '../store/db';
import type { CorpusStore } from '../store/corpus-store';
import type { StoredMatcher } from '../store/matcher-row';
import type { MatcherData } from '../core/match/data';
import type { ArticleRecord } from '../core/index/types';
import { sentenceExcerpts } from '../core/index/details';
import type { CorpusSource, LoadedCorpus } from './corpus-source';
import { VectorAwareMatcher } from './word-vectors';

/**
 * How long nothing must be asked of the matching side (no batch, no tab starting to load) before a
 * corpus's claim scorer is built unasked. A page's batches come in a burst from its load on, and a
 * batch that met the build would wait for all of it (the cold first marker's budget is 150 ms).
 * Waiting long costs little: a page's first batch asks for names first (MatchingProtocol
 * `namesFirst`), so only its whole answer waits for a build not yet done. In scripts/bench/cold-
 * side.ts at load ~20, a 2 s wait was reached within a cold start, before the first batch was
 * sent; 5 s is still far inside the ~30 s after which Chrome stops an idle service worker.
 */
export const PREPARE_IDLE_MS = 5000;

/**
 * How old the matching side's copy of the corpus list may grow before a request that uses it also
 * reads the list again (after answering from the copy). The copy is dropped on every change notice
 * (store/corpora-notice.ts), so this only bounds how long a notice that never arrived could leave
 * it stale; one read of the list costs ~1 ms, once per this interval of activity at most.
 */
export const METAS_REVALIDATE_MS = 5000;

/** Lets queued messages run before a long piece of work (a macrotask: promise jobs would not). */
function yieldToMessages(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A matcher (claims deferred) from validated data; data it still cannot be built from breaks the corpus. */
async function build(s: CorpusStore, meta: CorpusMeta, { data, quoteBigrams }: StoredMatcher): Promise<(() => Matcher) | null> {
  try {
    const matcher = new VectorAwareMatcher<Matcher>();
    const get = () => matcher.get((vectors) => createMatcher(data, { vectors, quoteBigrams, deferClaims: true }));
    // Built now, so data that cannot make a matcher breaks the corpus here (rebuilt when the vectors arrive).
    get();
    return get;
  } catch (error) {
    await s.markBroken(meta.id, meta.data, unusable(error));
    return null;
  }
}

function unusable(error: unknown): StoredRecordError {
  return new StoredRecordError('matcher "core"', '(root)', `unusable: ${error instanceof Error ? error.message : String(error)}`);
}

/** The names a corpus still loading answers with: people and organisations, of the kinds asked for. */
function namesOptions(options?: ScanOptions): ScanOptions {
  const kinds = options?.kinds;
  return { ...options, kinds: { person: !kinds || kinds.person === true, organisation: !kinds || kinds.organisation === true } };
}

/**
 * A CorpusSource over a corpus store (`store` is awaited on every call, so it may open lazily).
 * Listing a corpus starts reading its matcher data, so the read overlaps whatever else a cold
 * matching side waits for; the matcher is built once `vectorsReady` resolves (the word vectors, in
 * the extension), so it is built once with them rather than first without. Until its claims are
 * built, `early` answers names: from a matcher of the data's `core` part, which is read first
 * (matcher-row.ts), then from the whole matcher.
 */
export function createStoreCorpusSource(
  store: () => Promise<CorpusStore>,
  vectorsReady: () => Promise<unknown> = async () => undefined,
  /** PREPARE_IDLE_MS; tests pass a shorter wait. */
  prepareIdleMs = PREPARE_IDLE_MS,
): CorpusSource {
  // Keyed by generation: a reinstalled corpus gets a fresh matcher, a renamed one keeps its own.
  const loaded = new Map<string, { meta: CorpusMeta; corpus: LoadedCorpus; prepareIdle: () => void }>();
  let idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** Something was asked of the matching side: the idle builds wait another PREPARE_IDLE_MS. */
  const touch = () => {
    if (idleTimer !== null) clearTimeout(idleTimer);
    idleTimer = setTimeout(() => {
      idleTimer = null;
      for (const entry of loaded.values()) entry.prepareIdle();
    }, prepareIdleMs);
  };

  function load(s: CorpusStore, initial: CorpusMeta): LoadedCorpus {
    // One attempt at loading the corpus's matcher; a failing database drops it so the next scan tries again.
    let attempt: { whole: Promise<(() => Matcher) | null>; names: Promise<Matcher | null>; built: (() => Matcher) | null; ready: boolean } | null = null;
    const entry = { meta: initial, corpus: null as unknown as LoadedCorpus, prepareIdle: () => undefined as void };
    const start = () => {
      if (attempt) return attempt;
      let namesReady: (m: Matcher | null) => void = () => undefined;
      const names = new Promise<Matcher | null>((resolve) => (namesReady = resolve));
      // Names from the `core` part, without the word vectors (names do not use them), while the rest loads.
      const onNames = (data: MatcherData) => {
        try {
          namesReady(createMatcher(data, { deferClaims: true }));
        } catch {
          namesReady(null); // the whole matcher meets the same data and breaks the corpus, naming why
        }
      };
      const current = {
        ready: false,
        built: null as (() => Matcher) | null,
        names,
        whole: Promise.all([s.readMatcher(entry.meta, onNames), vectorsReady()])
          .then(async ([data]) => {
            if (!data) return null;
            await yieldToMessages();
            return build(s, entry.meta, data);
          })
          .then((m) => {
            current.built = m;
            // The whole matcher answers names from here on: the names-only one's memory goes.
            current.names = Promise.resolve(m ? m() : null);
            if (!m) current.ready = true;
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
    /** The whole matcher with its claims built (building them now if they are not), or null when broken. */
    const prepared = async (): Promise<Matcher | null> => {
      const m = await whole();
      if (!m) return null;
      const matcher = m();
      if (!matcher.prepared) {
        try {
          // In pieces, each a task of its own: a names request that arrives meanwhile is answered
          // between two pieces instead of after the whole build (~150–235 ms of CPU at 5,000 articles).
          for (const _ of matcher.prepareSteps()) await yieldToMessages();
        } catch (error) {
          await s.markBroken(entry.meta.id, entry.meta.data, unusable(error));
          return null;
        }
      }
      const a = attempt;
      if (a) {
        a.ready = true;
        a.names = Promise.resolve(null);
      }
      return matcher;
    };
    entry.prepareIdle = () => {
      const a = attempt;
      if (a && a.built && !a.ready) prepared().catch(() => undefined);
    };
    /** Names while the claims are not built yet, or null (then `match` answers without waiting long). */
    const names = async (): Promise<Matcher | null> => {
      touch();
      const a = start();
      if (a.ready) return null;
      const m = await a.names;
      return a.ready ? null : m;
    };
    entry.corpus = {
      id: initial.id,
      get name() {
        return entry.meta.name;
      },
      async match(text, options) {
        touch();
        const m = await prepared();
        // Broken: already marked in the store; this corpus contributes nothing, the others go on.
        return m ? m.scan(text, options) : [];
      },
      async matchAll(texts, options) {
        touch();
        const m = await prepared();
        return texts.map((text) => (m ? m.scan(text, options) : []));
      },
      async early(text, options) {
        const m = await names();
        return m ? m.scan(text, namesOptions(options)) : null;
      },
      async earlyAll(texts, options) {
        const m = await names();
        if (!m) return null;
        const o = namesOptions(options);
        return texts.map((text) => m.scan(text, o));
      },
      details(kind, id) {
        return s.readDetails(entry.meta, kind, id);
      },
      excerpts(sentences) {
        // One read per distinct article: a card asks for a few sentences, often of one article.
        const reads = new Map<string, Promise<ArticleRecord | null>>();
        return sentenceExcerpts(sentences, (id) => {
          let read = reads.get(id);
          if (!read) reads.set(id, (read = s.readArticle(entry.meta.id, id)));
          return read;
        });
      },
    };
    loaded.set(initial.data, entry);
    // Read ahead; a failure here is met again (and retried) by the first match.
    whole().catch(() => undefined);
    return entry.corpus;
  }

  // The active, ready corpora's metadata, kept between requests: reading it from the store on every
  // request was most of a warm request's cost (one IndexedDB getAll per batch). A change notice
  // drops the copy; `changes` counts them, so a re-read that a notice overtook is not kept.
  let watched: CorpusStore | null = null;
  let changes = 0;
  let cached: { metas: Promise<CorpusMeta[]>; at: number } | null = null;
  const readMetas = (s: CorpusStore) => s.metas().then((all) => all.filter((m) => m.active && m.status === 'ready'));
  const activeMetas = (s: CorpusStore): Promise<CorpusMeta[]> => {
    if (watched !== s) {
      watched = s;
      cached = null;
      s.onCorporaChange(() => {
        changes++;
        cached = null;
      });
    }
    const held = cached;
    if (held) {
      if (Date.now() - held.at > METAS_REVALIDATE_MS) {
        // Answered from the copy; the list read again replaces it (unless a notice came meanwhile).
        held.at = Date.now();
        const seen = changes;
        readMetas(s).then(
          (list) => {
            if (changes === seen && cached === held) cached = { metas: Promise.resolve(list), at: Date.now() };
          },
          () => undefined,
        );
      }
      return held.metas;
    }
    const entry = { metas: readMetas(s), at: Date.now() };
    cached = entry;
    // A failed read is not kept: the next request reads again.
    entry.metas.catch(() => {
      if (cached === entry) cached = null;
    });
    return entry.metas;
  };

  return {
    async active() {
      touch();
      const s = await store();
      const metas = await activeMetas(s);
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
