/** The corpora the popup lists and searches: every active, ready corpus, read from the store. */
import { useEffect, useState } from 'preact/hooks';
import type { CorpusIndex } from '../../core/index/types';
import type { CorpusSummary } from '../../shared/protocol';
import { activeCorpora, type CorporaSource } from '../shared/stored-corpora';

/** One corpus the popup shows. */
export interface ShownCorpus {
  summary: CorpusSummary;
  index: CorpusIndex;
}

/**
 * The active corpora (those that could be read) and, for each that could not, why; or one error
 * when the list itself could not be read; null while loading.
 */
export type PopupCorpora = { corpora: ShownCorpus[]; errors: string[] } | { error: string } | null;

/** Reads the list, then each active corpus's index; a corpus that fails is reported, the others shown. */
export async function loadActiveCorpora(source: CorporaSource): Promise<Exclude<PopupCorpora, null>> {
  let list: CorpusSummary[];
  try {
    list = await source.list();
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
  const corpora: ShownCorpus[] = [];
  const errors: string[] = [];
  for (const summary of activeCorpora(list)) {
    try {
      corpora.push({ summary, index: await source.readIndex(summary.id) });
    } catch (error) {
      errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  return { corpora, errors };
}

/** The popup's corpora, loaded once when it opens. */
export function useActiveCorpora(source: CorporaSource): PopupCorpora {
  const [state, setState] = useState<PopupCorpora>(null);
  useEffect(() => {
    let live = true;
    void loadActiveCorpora(source).then((got) => live && setState(got));
    return () => {
      live = false;
    };
  }, [source]);
  return state;
}
