/**
 * The seeds index must equal the reviewed golden copy (regenerate with `npm run golden` and review
 * the diff), and building twice must give byte-identical output.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createTwoFilesPatch } from 'diff';
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { readCorpus, serialiseIndex } from '../../../scripts/lib/read-corpus';
import { ROOT } from './helpers';

const build = () => serialiseIndex(analyseCorpus(readCorpus(resolve(ROOT, 'seeds')).articles));

/** Lines of a failing comparison's diff that the failure message shows. */
const DIFF_LINES_SHOWN = 120;

/** Fails with the unified diff of the two texts (the first lines of it) when they differ. */
function expectSameText(actual: string, expected: string, what: string): void {
  if (actual === expected) return;
  const patch = createTwoFilesPatch(`${what} (expected)`, `${what} (actual)`, expected, actual, '', '', { context: 2 });
  const lines = patch.split('\n');
  expect.fail(`${what} differs (${lines.length} diff lines, first ${DIFF_LINES_SHOWN} below):\n${lines.slice(0, DIFF_LINES_SHOWN).join('\n')}`);
}

describe('golden seeds index', () => {
  it('equals tests/golden/seeds-index.json (run `npm run golden` and review the diff if this changed on purpose)', () => {
    const golden = readFileSync(resolve(ROOT, 'tests/golden/seeds-index.json'), 'utf8');
    expectSameText(build(), golden, 'tests/golden/seeds-index.json');
  });

  it('is byte-identical when built twice, whatever the input order', () => {
    const articles = readCorpus(resolve(ROOT, 'seeds')).articles;
    const a = serialiseIndex(analyseCorpus(articles));
    const b = serialiseIndex(analyseCorpus([...articles].reverse()));
    expectSameText(b, a, 'the index built from the seeds in reverse order');
    expectSameText(build(), a, 'the index built a second time');
  });
});
