import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeJsonFile } from '../../scripts/lib/write-json';

const dir = mkdtempSync(join(tmpdir(), 'write-json-'));

// Values with what JSON.stringify treats specially: undefined and functions in objects (left
// out) and arrays (null), empty containers, nested records, strings with newlines and quotes.
const CASES: [string, unknown][] = [
  ['scalar', 'a "quoted"\nline'],
  ['empty object', {}],
  ['empty array', []],
  ['index-like', { schemaVersion: 3, articles: [{ id: 'x', spans: [{ start: 0, end: 2 }], text: 'two\nlines' }], quotes: [], note: undefined }],
  ['skipped values', { a: undefined, b: [undefined, () => 1, { c: undefined, d: [] }], e: {}, f: [[], {}], g: null }],
  ['nested arrays', [[1, [2, [3]]], { deep: { deeper: [{ x: 1 }] } }]],
];

describe('writeJsonFile', () => {
  it.each(CASES)('writes %s byte for byte as JSON.stringify does', (name, value) => {
    for (const indent of [0, 2] as const) {
      const file = join(dir, `${name}-${indent}.json`);
      writeJsonFile(file, value, indent, '\n');
      expect(readFileSync(file, 'utf8')).toBe(`${JSON.stringify(value, null, indent)}\n`);
    }
  });
});
