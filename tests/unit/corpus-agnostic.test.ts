/**
 * src/ knows nothing of the bundled corpus, comments included: no person, organisation, outlet or
 * place of the seeds appears in any source file. The names are read from the golden index of the
 * seeds (tests/golden/seeds-index.json), so a new seed name is checked without editing this test.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index/types';
import { ROOT } from './analysis/helpers';

const golden = JSON.parse(readFileSync(join(ROOT, 'tests/golden/seeds-index.json'), 'utf8')) as CorpusIndex;

/** Words of seed names that are also ordinary English or generic name parts, so they may appear in src. */
const ORDINARY = new Set([
  'Labour', 'Party', 'Democratic', 'European', 'Union', 'Facebook', 'Assembly', 'Against', 'Austerity',
  'Transport', 'General', 'Worker', 'Association', 'Salaried', 'People', 'News', 'The', 'London', 'Theatre',
]);

function seedNames(): string[] {
  const names = new Set<string>();
  const add = (s: string) => {
    for (const w of s.split(/[\s’']+/)) if (w.length >= 4 && /^\p{Lu}/u.test(w) && !ORDINARY.has(w)) names.add(w);
  };
  for (const e of golden.entities) add(e.name);
  for (const a of golden.articles) if (a.outlet !== 'unknown') add(a.outlet);
  for (const c of golden.claims) for (const p of c.places) add(p);
  return [...names].sort();
}

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'generated') out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx|css|html|json)$/.test(name)) out.push(path);
  }
  return out;
}

describe('src/ is corpus-agnostic', () => {
  const names = seedNames();

  it('reads the seed names it checks from the golden index', () => {
    expect(names).toEqual(expect.arrayContaining(['Corbyn', 'McCluskey', 'Smith', 'Momentum', 'Unite', 'Salford', 'Manchester', 'Morning', 'LabourList']));
  });

  it('no source file names a seed person, organisation, outlet or place', () => {
    const pattern = new RegExp(`\\b(${names.join('|')})\\b`, 'u');
    const hits: string[] = [];
    for (const file of sourceFiles(join(ROOT, 'src'))) {
      readFileSync(file, 'utf8').split('\n').forEach((line, i) => {
        const m = pattern.exec(line);
        if (m) hits.push(`${relative(ROOT, file)}:${i + 1}: ${m[1]}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
