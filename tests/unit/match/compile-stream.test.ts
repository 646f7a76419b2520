/**
 * The streamed compile (MatcherCompiler, fed one record at a time, its texts packed in blocks and let
 * go as they are used) gives the same matcher data, byte for byte as JSON, as the compile before it
 * streamed (compile-before.ts) over the whole index: on the seeds, the invented second corpus, the
 * hostile corpus and a generated one.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis';
import type { CorpusIndex } from '../../../src/core/index/types';
import { MatcherCompiler, compileMatcher } from '../../../src/core/match/compile';
import { serialiseCorpusFile } from '../../../src/store/corpus-file';
import { CorpusFileReader, UTF8_TEXTS } from '../../../src/store/corpus-file-reader';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { indexOf } from '../analysis/helpers';
import { compileMatcherBefore } from './compile-before';

const CORPORA: [string, () => CorpusIndex][] = [
  ['the seeds', () => indexOf('seeds')],
  ['the second corpus', () => indexOf('tests/fixtures/corpora/second')],
  ['the hostile corpus', () => indexOf('tests/fixtures/corpora/hostile')],
  ['40 generated articles', () => analyseCorpus(generateCorpus({ articles: 40, seed: 11 }))],
];

/** The matcher data of `index` read back from its corpus file record by record, texts as UTF-8 in blocks of `perBlock`. */
function streamed(index: CorpusIndex, perBlock: number): string {
  const compiler = new MatcherCompiler(UTF8_TEXTS, perBlock);
  const reader = new CorpusFileReader('c.json', (section, record) => compiler.add(section, record));
  const file = new TextEncoder().encode(serialiseCorpusFile(index));
  for (let k = 0; k < file.length; k += 65_536) reader.write(file.subarray(k, k + 65_536));
  reader.end();
  return JSON.stringify(compiler.finish());
}

describe('MatcherCompiler', () => {
  it.each(CORPORA)('compiles %s as the whole-index compile before streaming did', (_name, make) => {
    const index = make();
    const whole = compileMatcherBefore(index);
    const before = JSON.stringify(whole);
    const now = compileMatcher(index);
    // Equal as values too (the claims' lists are rebuilt from JSON: no undefined may turn into null).
    expect(now).toEqual(whole);
    expect(JSON.stringify(now)).toBe(before);
    // Blocks of 1 and 3 texts: block edges fall between every claim, and inside runs of one article's claims.
    for (const perBlock of [1, 3, 4096]) expect(streamed(index, perBlock)).toBe(before);
  }, 120_000);

  it('refuses a record of an earlier section, a record after finish and a second finish', () => {
    const index = indexOf('tests/fixtures/corpora/second');
    const compiler = new MatcherCompiler();
    compiler.add('entities', index.entities[0]);
    expect(() => compiler.add('articles', index.articles[0])).toThrow('compile: a record of articles after entities');
    compiler.finish();
    expect(() => compiler.add('claimGroups', index.claimGroups[0])).toThrow('compile: record added after finish');
    expect(() => compiler.finish()).toThrow('compile: finished twice');
  });
});
