/** Tiny corpora for the entity sub-step tests: one headline line "H", then the given paragraphs. */
import { analyseCorpus } from '../../../../src/core/analysis/index';
import { prepareArticle } from '../../../../src/core/analysis/prepare';
import type { ArticleDraft } from '../../../../src/core/analysis/context';
import type { CorpusIndex } from '../../../../src/core/index/types';

/** The index of articles given as body texts (ids a0, a1, …). */
export function corpus(...bodies: string[]): CorpusIndex {
  return analyseCorpus(bodies.map((b, i) => ({ id: `a${i}`, text: `H\n\n${b}` })));
}

/** One prepared article draft from a body text. */
export function draft(body: string): ArticleDraft {
  return prepareArticle({ id: 'a0', text: `H\n\n${body}` });
}

/** Sorted "kind name" strings of an index's entities. */
export function names(index: CorpusIndex): string[] {
  return index.entities.map((e) => `${e.kind} ${e.name}`).sort();
}
