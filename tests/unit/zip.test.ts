import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listZipEntries } from '../../scripts/lib/zip';

const ROOT = resolve(import.meta.dirname, '..', '..');

describe('listZipEntries', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-zip-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists the files of a zip written by web-ext build (the packager)', () => {
    const src = join(dir, 'src');
    mkdirSync(join(src, 'assets'), { recursive: true });
    writeFileSync(join(src, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'zip test', version: '1.2.3' }));
    writeFileSync(join(src, 'assets', 'app.js'), 'console.log("x");\n'.repeat(50));
    const run = spawnSync(
      join(ROOT, 'node_modules', '.bin', 'web-ext'),
      ['build', '--source-dir', src, '--artifacts-dir', dir, '--filename', 'out.zip', '--no-config-discovery'],
      { encoding: 'utf8' },
    );
    expect(run.status, run.stderr).toBe(0);
    const entries = listZipEntries(readFileSync(join(dir, 'out.zip')));
    const files = entries.filter((e) => !e.name.endsWith('/'));
    expect(files.map((e) => e.name).sort()).toEqual(['assets/app.js', 'manifest.json']);
    expect(files.find((e) => e.name === 'assets/app.js')!.size).toBe('console.log("x");\n'.length * 50);
  });

  it('refuses a buffer that is not a zip', () => {
    expect(() => listZipEntries(Buffer.from('definitely not a zip archive, just some text'))).toThrow(/not a ZIP archive/);
  });
});
