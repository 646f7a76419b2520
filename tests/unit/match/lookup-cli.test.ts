import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScript } from '../run-script';
import { mini } from './helpers';

const dir = mkdtempSync(join(tmpdir(), 'lookup-'));
const indexFile = join(dir, 'mini.json');
writeFileSync(indexFile, JSON.stringify(mini));

function run(args: string[], input = '') {
  const r = runScript('scripts/lookup.ts', args, { input });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lookup CLI', () => {
  it('prints exactly one JSON document whose offsets slice back to each detection', () => {
    const input = 'Intro 😀 line.\n\nMs Quint’s bridge will close for fourteen weeks for repairs, the mayor said. "We will not let this city be cut in two," she added.\n';
    const r = run(['--index', indexFile, '-'], input);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { detections: { kind: string; text: string; start: number; end: number; entity?: string; coverage: { article: string; outlet: string; relation: string; excerpt: string; score: number }[] }[] };
    expect(Object.keys(doc)).toEqual(['detections']);
    expect(doc.detections.map((d) => d.kind).sort()).toEqual(['claim', 'person', 'quote']);
    for (const d of doc.detections) {
      expect(input.slice(d.start, d.end)).toBe(d.text);
      for (const c of d.coverage) {
        expect(typeof c.outlet).toBe('string');
        expect(c.score).toBeGreaterThan(0);
        expect(c.score).toBeLessThanOrEqual(1);
        expect(mini.articles.find((a) => a.id === c.article)!.text).toContain(c.excerpt);
      }
    }
    expect(doc.detections.find((d) => d.kind === 'person')).toMatchObject({ text: 'Ms Quint’s', entity: 'Ada Quint' });
  }, 30_000);

  it('reads a file argument too', () => {
    const file = join(dir, 'in.txt');
    writeFileSync(file, 'Mr Berg spoke.');
    const r = run(['--index', indexFile, file]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).detections[0]).toMatchObject({ kind: 'person', entity: 'Tomas Berg', start: 0, end: 7 });
  }, 30_000);

  it.each([
    [['--index', indexFile, join(dir, 'missing.txt')], /cannot read/],
    [['--index', join(dir, 'missing.json'), '-'], /cannot read index/],
    [['--index', join(dir, 'in.txt'), '-'], /not JSON|not a valid index/],
    [['--index', indexFile], /usage/],
  ])('fails clearly with nothing on stdout: %j', (args, message) => {
    const r = run(args, 'text');
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
  }, 30_000);
});
