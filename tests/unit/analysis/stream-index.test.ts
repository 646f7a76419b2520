/**
 * The streamed index (analyseParts → streamIndex → validateIndexStream → writeJsonFile) is the
 * whole index, byte for byte, and the matcher compiled from its file read back record by record
 * (MatcherCompiler, as an install does) is the matcher compiled from the whole index.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseParts, streamIndex } from '../../../src/core/analysis/index';
import type { CorpusIndex } from '../../../src/core/index/types';
import { validateIndex, validateIndexStream } from '../../../src/core/index/validate';
import { compileMatcher } from '../../../src/core/match';
import { MatcherCompiler } from '../../../src/core/match/compile';
import { CorpusFileReader } from '../../../src/store/corpus-file-reader';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { writeJsonFile } from '../../../scripts/lib/write-json';
import { ROOT, indexOf } from './helpers';

const SECTIONS = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;

const seedsStream = () => streamIndex(analyseParts(readCorpus(resolve(ROOT, 'seeds')).articles));

/** Reads every section of a stream in order into plain arrays. */
function drain(stream: object): Record<string, unknown> {
  const s = stream as Record<string, unknown>;
  const out: Record<string, unknown> = { schemaVersion: s.schemaVersion };
  for (const k of SECTIONS) out[k] = [...(s[k] as Iterable<unknown>)];
  return out;
}

describe('streamIndex', () => {
  it('writes the same bytes as the whole index serialised, and compiles the same matcher from what it keeps', () => {
    const whole = indexOf('seeds');
    const stream = seedsStream();
    const file = join(mkdtempSync(join(tmpdir(), 'stream-index-')), 'index.json');
    writeJsonFile(file, validateIndexStream(stream), 2, '\n');
    expect(readFileSync(file, 'utf8')).toBe(serialiseIndex(whole));
    const compiler = new MatcherCompiler();
    const reader = new CorpusFileReader(file, (section, record) => compiler.add(section, record));
    reader.write(readFileSync(file));
    expect(reader.end().counts.articles).toBe(5);
    expect(JSON.stringify(compiler.finish())).toBe(JSON.stringify(compileMatcher(whole)));
  }, 60_000);

  it('refuses a section read before the one that comes first', () => {
    const stream = seedsStream();
    expect(() => [...stream.entities]).toThrow('streamIndex: section entities read before articles');
  });
});

describe('validateIndexStream', () => {
  const fresh = (): Record<string, unknown[]> & { schemaVersion: unknown } => JSON.parse(JSON.stringify(indexOf('seeds')));

  it.each<[string, (i: any) => void]>([
    ['an unknown quote group (named after the quotes)', (i) => (i.quotes[0].group = 'nope')],
    ['an unknown claim group', (i) => (i.claims[2].group = 'cg999')],
    ['an unknown quote in a coverage list', (i) => (i.entities.find((e: any) => e.coverage.some((c: any) => c.quotes.length)).coverage.find((c: any) => c.quotes.length).quotes[0] = 'x#q9')],
    ['a mention past the text', (i) => (i.entities[0].coverage[0].mentions[0].end = 1e9)],
    ['a bad relation', (i) => (i.claimGroups[0].members[0].relation = 'maybe')],
    ['a missing section', (i) => delete i.claims],
  ])('fails with validateIndex\'s message for %s', (_name, corrupt) => {
    const index = fresh();
    corrupt(index);
    let expected = '';
    try {
      validateIndex(index);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).not.toBe('');
    expect(() => drain(validateIndexStream(index as unknown as CorpusIndex))).toThrow(expected);
  });

  it('passes the seeds index through unchanged', () => {
    expect(JSON.stringify(drain(validateIndexStream(fresh() as unknown as CorpusIndex)))).toBe(JSON.stringify(indexOf('seeds')));
  });
});
