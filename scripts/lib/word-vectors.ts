/** The committed word vectors (src/core/lang/data/word-vectors.json), loaded once per process for the CLI, eval and fitting. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadWordVectors, type WordVectors, type WordVectorsData } from '../../src/core/lang/vectors';

/** The vectors file the extension ships. */
export const VECTORS_FILE = resolve(import.meta.dirname, '../../src/core/lang/data/word-vectors.json');

let loaded: WordVectors | null = null;

/** The word vectors, read and decoded on first use. */
export function wordVectors(): WordVectors {
  loaded ??= loadWordVectors(JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData);
  return loaded;
}
