/** Shared set-up for the analysis tests: build an index from a folder the way the scripts do. */
import { resolve } from 'node:path';
import { analyseCorpus } from '../../../src/core/analysis/index';
import type { CorpusIndex, EntityRecord } from '../../../src/core/index/types';
import { readCorpus } from '../../../scripts/lib/read-corpus';

/** Repository root. */
export const ROOT = resolve(__dirname, '../../..');

const cache = new Map<string, CorpusIndex>();

/** The index of a corpus folder (relative to the repository root), built once per test run. */
export function indexOf(dir: string): CorpusIndex {
  let index = cache.get(dir);
  if (!index) {
    index = analyseCorpus(readCorpus(resolve(ROOT, dir)).articles);
    cache.set(dir, index);
  }
  return index;
}

/** The entity with this canonical name (fails the test when missing). */
export function entity(index: CorpusIndex, name: string): EntityRecord {
  const e = index.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity named ${name}; have ${index.entities.map((x) => x.name).join(', ')}`);
  return e;
}

/** The article id starting with this prefix ("000" → "000_5b9c…"). */
export function article(index: CorpusIndex, prefix: string): string {
  const a = index.articles.find((x) => x.id.startsWith(prefix));
  if (!a) throw new Error(`no article ${prefix}`);
  return a.id;
}
