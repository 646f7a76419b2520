/**
 * The corpora the popup lists and searches. Opening the popup reads only the list (metadata, from
 * the background): counts and broken corpora show at once. The indexes, which lists and search
 * need, are read from the store only when the reader asks for a list or starts a search (at 5,000
 * articles reading and validating one takes seconds, which opening must not wait for).
 */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusIndex } from '../../core/index/types';
import type { CorpusSummary } from '../../shared/protocol';
import { activeCorpora, type CorporaSource } from '../shared/stored-corpora';

/** One corpus the popup shows, with its index. */
export interface ShownCorpus {
  summary: CorpusSummary;
  index: CorpusIndex;
}

/** The active corpora that could be read, and for each that could not, why. */
export interface CorpusIndexes {
  corpora: ShownCorpus[];
  errors: string[];
}

/** What the popup knows as soon as it opens, and how to read the rest. */
export interface PopupCorpusList {
  /** The active, ready corpora (metadata only). */
  active: CorpusSummary[];
  /** Why each active corpus that is broken cannot be used (from its metadata). */
  errors: string[];
  /** Reads the active corpora's indexes: once, later calls share the first read. */
  indexes(): Promise<CorpusIndexes>;
  /** The indexes when they are already in memory (tests, or after the first read). */
  loaded?: CorpusIndexes;
}

/** The popup's corpora: the list, or one error when it could not be read; null while loading. */
export type PopupCorpora = PopupCorpusList | { error: string } | null;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Why a listed corpus is unusable, from its metadata. */
function brokenReason(summary: CorpusSummary): string {
  return summary.reason ?? `Corpus "${summary.name}" (${summary.id}) is ${summary.status}`;
}

/** Reads each active corpus's index; a corpus that fails is reported, the others shown. */
export async function readIndexes(source: CorporaSource, active: CorpusSummary[]): Promise<CorpusIndexes> {
  const corpora: ShownCorpus[] = [];
  const errors: string[] = [];
  for (const summary of active) {
    try {
      corpora.push({ summary, index: await source.readIndex(summary.id) });
    } catch (error) {
      errors.push(messageOf(error));
    }
  }
  return { corpora, errors };
}

/** Reads the list only; the indexes are read on the first call of `indexes()`. */
export async function listActiveCorpora(source: CorporaSource): Promise<Exclude<PopupCorpora, null>> {
  let list: CorpusSummary[];
  try {
    list = await source.list();
  } catch (error) {
    return { error: messageOf(error) };
  }
  const active = activeCorpora(list);
  let read: Promise<CorpusIndexes> | null = null;
  const result: PopupCorpusList = {
    active,
    errors: list.filter((c) => c.active && c.status === 'broken').map(brokenReason),
    indexes: () =>
      (read ??= readIndexes(source, active).then((got) => {
        result.loaded = got;
        return got;
      })),
  };
  return result;
}

/** A list over indexes already in memory (tests; anything that has the indexes at hand). */
export function preloadedCorpora(corpora: ShownCorpus[], errors: string[] = []): PopupCorpusList {
  const loaded: CorpusIndexes = { corpora, errors: [] };
  return { active: corpora.map((c) => c.summary), errors, indexes: async () => loaded, loaded };
}

/** The popup's corpus list, read once when it opens. */
export function useActiveCorpora(source: CorporaSource): PopupCorpora {
  const [state, setState] = useState<PopupCorpora>(null);
  useEffect(() => {
    let live = true;
    void listActiveCorpora(source).then((got) => live && setState(got));
    return () => {
      live = false;
    };
  }, [source]);
  return state;
}

/** The indexes of the list, read once `wanted` first holds; null until then and while reading. */
export function useCorpusIndexes(corpus: PopupCorpora, wanted: boolean): CorpusIndexes | null {
  const list = corpus && 'active' in corpus ? corpus : null;
  const [state, setState] = useState<CorpusIndexes | null>(list?.loaded ?? null);
  useEffect(() => {
    if (!list) return;
    if (list.loaded) {
      setState(list.loaded);
      return;
    }
    if (!wanted) return;
    let live = true;
    void list.indexes().then((got) => live && setState(got));
    return () => {
      live = false;
    };
  }, [list, wanted]);
  return list ? (state ?? list.loaded ?? null) : null;
}
