/**
 * The corpus file: one CorpusIndex as JSON, exactly what `npm run corpus` writes and what
 * exportCorpus gives back, so an exported corpus can be installed again anywhere.
 */
import type { CorpusIndex } from '../core/index/types';
import { validateIndex } from '../core/index/validate';

/** Largest corpus file accepted, in UTF-16 units of its text (a 20,000-article index is ~450 MB). */
export const MAX_CORPUS_FILE_CHARS = 512 * 1024 * 1024;

/** Parses and validates a corpus file; errors name the file and the field. */
export function parseCorpusFile(text: string, fileName: string): CorpusIndex {
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${fileName}: the corpus file is empty`);
  if (text.length > MAX_CORPUS_FILE_CHARS) throw new Error(`${fileName}: the corpus file is larger than ${MAX_CORPUS_FILE_CHARS} characters`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName}: not a corpus file (not JSON: ${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    return validateIndex(json);
  } catch (error) {
    throw new Error(`${fileName}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A corpus file's text for an index (the CLI's own formatting, so files diff cleanly). */
export function serialiseCorpusFile(index: CorpusIndex): string {
  return JSON.stringify(index, null, 2) + '\n';
}
