/** The corpus CLI on bad input: one line per rejected file, the rest indexed, exit codes. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIndex } from '../../../src/core/index/validate';
import { BUILD_NODE_FLAGS } from '../../../scripts/lib/build-heap';
import { runScript } from '../run-script';

/** The corpus CLI, started with its build heap flags (`heap: false`: without, so it starts itself again with them, as `npm run corpus` does). */
function run(args: string[], { heap = true } = {}) {
  return runScript('scripts/corpus.ts', args, { timeout: 60_000, flags: heap ? BUILD_NODE_FLAGS : [] });
}

describe('corpus CLI', () => {
  it('reports each bad file on one line, indexes the good ones and exits 1', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'corpus-cli-')), 'index.json');
    const r = run(['--in', 'tests/fixtures/corpora/bad', '--out', out], { heap: false });
    expect(r.status).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => l.startsWith('corpus:'));
    expect(lines).toHaveLength(4);
    expect(lines.find((l) => l.includes('empty.txt'))).toMatch(/empty file/);
    expect(lines.find((l) => l.includes('binary.txt'))).toMatch(/binary file/);
    expect(lines.find((l) => l.includes('latin1.txt'))).toMatch(/not valid UTF-8/);
    expect(lines.find((l) => l.includes('sources.json'))).toMatch(/entry "good2".*outlet/);
    const index = validateIndex(JSON.parse(readFileSync(out, 'utf8')));
    expect(index.articles.map((a) => [a.id, a.outlet])).toEqual([
      ['good', 'Harbour Gazette'],
      ['good2', 'unknown'],
    ]);
  }, 60_000);

  it('rejects duplicate ids, survives a 10,000-character sentence, exits 0 when all is well', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corpus-cli-'));
    writeFileSync(join(dir, 'long.txt'), 'A long one\n\n' + 'Anna Berg said that '.repeat(10) + 'the harbour and the town '.repeat(400) + 'were fine.\n');
    writeFileSync(join(dir, 'ok.txt'), 'Fine\n\nThe harbour reopened on Friday, Anna Berg said.\n');
    const out = join(dir, 'out', 'index.json');
    const good = run(['--in', dir, '--out', out]);
    expect(good.stderr.split('\n').filter((l) => l.startsWith('corpus:'))).toEqual([]);
    expect(good.status).toBe(0);
    writeFileSync(join(dir, 'ok.TXT'), 'Same id\n\nText.\n');
    const dup = run(['--in', dir, '--out', out]);
    expect(dup.status).toBe(1);
    expect(dup.stderr).toMatch(/ok\.txt: duplicate article id "ok"/);
  }, 60_000);

  it.each([[[]], [['--in', 'seeds']], [['--bogus']], [['--in', 'no/such/dir', '--out', '/tmp/x.json']]])('exits 2 with a usage line for %j', (args) => {
    const r = run(args);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^usage: npm run --silent corpus -- --in DIR --out FILE$/m);
  }, 60_000);
});
