/** The committed word vectors (src/core/lang/data/word-vectors.json) with their word senses (word-senses.json), loaded once per process for the CLI, eval and fitting. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadWordVectors, type WordVectors, type WordVectorsData } from '../../src/core/lang/vectors';
import { loadRowSenses, type WordSensesData } from '../../src/core/lang/word-senses';

/** The vectors file the extension ships. */
export const VECTORS_FILE = resolve(import.meta.dirname, '../../src/core/lang/data/word-vectors.json');
/** The word senses the extension ships with the vectors (scripts/build-senses.ts). */
export const SENSES_FILE = resolve(import.meta.dirname, '../../src/core/lang/data/word-senses.json');

let loaded: WordVectors | null = null;

/** The committed word senses. */
export function wordSensesData(): WordSensesData {
  return JSON.parse(readFileSync(SENSES_FILE, 'utf8')) as WordSensesData;
}

/** The word vectors with their senses, read and decoded on first use. */
export function wordVectors(): WordVectors {
  if (!loaded) {
    const table = loadWordVectors(JSON.parse(readFileSync(VECTORS_FILE, 'utf8')) as WordVectorsData);
    loaded = { ...table, senses: loadRowSenses(wordSensesData(), table.row, table.size) };
  }
  return loaded;
}
