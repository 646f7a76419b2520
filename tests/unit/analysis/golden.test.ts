/**
 * The seeds index must equal the reviewed golden copy (regenerate with `npm run golden` and review
 * the diff), and building twice must give byte-identical output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { ROOT } from './helpers';

const build = () => serialiseIndex(analyseCorpus(readCorpus(resolve(ROOT, 'seeds')).articles));

describe('golden seeds index', () => {
  it('equals tests/golden/seeds-index.json (run `npm run golden` and review the diff if this changed on purpose)', () => {
    const golden = readFileSync(resolve(ROOT, 'tests/golden/seeds-index.json'), 'utf8');
    expect(build() === golden).toBe(true);
  });

  it('is byte-identical when built twice, whatever the input order', () => {
    const articles = readCorpus(resolve(ROOT, 'seeds')).articles;
    const a = serialiseIndex(analyseCorpus(articles));
    const b = serialiseIndex(analyseCorpus([...articles].reverse()));
    expect(a === b).toBe(true);
    expect(build() === a).toBe(true);
  });
});
