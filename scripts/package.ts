/**
 * Writes the store-ready packages: dist/coverage-lens-chrome-<version>.zip and
 * dist/coverage-lens-firefox-<version>.zip, each the contents of dist/<browser> with the manifest
 * at the root. Builds nothing itself: run `npm run build` first. Then checks each zip holds exactly
 * the built files and the right version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { listZipEntries } from './lib/zip';

const root = resolve(import.meta.dirname, '..');
const dist = resolve(root, 'dist');
const version = (JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string }).version;
const webExt = resolve(root, 'node_modules', '.bin', 'web-ext');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'))
    .sort();
}

let failed = false;
for (const browser of ['chrome', 'firefox'] as const) {
  const source = resolve(dist, browser);
  const manifestPath = resolve(source, 'manifest.json');
  if (!existsSync(manifestPath)) {
    console.error(`package: ${manifestPath} is missing; run "npm run build" first (package builds nothing itself)`);
    process.exit(2);
  }
  const built = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version?: string };
  if (built.version !== version) {
    console.error(`package: dist/${browser} is version ${built.version}, package.json says ${version}; run "npm run build"`);
    process.exit(2);
  }
  const filename = `coverage-lens-${browser}-${version}.zip`;
  const out = resolve(dist, filename);
  rmSync(out, { force: true });
  // web-ext build only zips a directory (no signing, no lint), so it serves Chrome as well.
  const run = spawnSync(
    webExt,
    ['build', '--source-dir', source, '--artifacts-dir', dist, '--filename', filename, '--overwrite-dest', '--no-config-discovery'],
    { encoding: 'utf8' },
  );
  if (run.status !== 0 || !existsSync(out)) {
    console.error(`package: web-ext build failed for dist/${browser} (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
    process.exit(1);
  }

  const zip = readFileSync(out);
  const inZip = listZipEntries(zip)
    .map((e) => e.name)
    .filter((n) => !n.endsWith('/'))
    .sort();
  const expected = filesUnder(source);
  const missing = expected.filter((f) => !inZip.includes(f));
  const extra = inZip.filter((f) => !expected.includes(f));
  if (missing.length || extra.length || !inZip.includes('manifest.json')) {
    console.error(`package: ${filename} does not match dist/${browser}: missing ${missing.join(', ') || '-'}; extra ${extra.join(', ') || '-'}`);
    failed = true;
    continue;
  }
  console.log(`${relative(root, out)}: ${inZip.length} files, ${(zip.length / 1024).toFixed(1)} KiB, version ${version}`);
}
process.exit(failed ? 1 : 0);
