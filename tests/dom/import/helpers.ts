/** Reads import fixtures as the import UI hands them over: a name and the bytes. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportFile } from '../../../src/store/import';

/** The fixture folder (tests/fixtures/import). */
export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'import');

/** Fixture files by name, in the order given. */
export function fixtures(...names: string[]): ImportFile[] {
  return names.map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(FIXTURES, name))) }));
}

/** A file from a string, for cases that need no fixture on disk. */
export function textFile(name: string, text: string): ImportFile {
  return { name, bytes: new TextEncoder().encode(text) };
}
