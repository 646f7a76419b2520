/**
 * Runs `web-ext lint` on dist/firefox and fails on any error. Warnings are printed so they are
 * seen, not hidden. Part of `npm test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = resolve(root, 'dist', 'firefox');
if (!existsSync(resolve(dir, 'manifest.json'))) {
  console.error(`lint-firefox: ${dir}/manifest.json is missing; run "npm run build" first`);
  process.exit(2);
}
const bin = resolve(root, 'node_modules', '.bin', 'web-ext');
const run = spawnSync(bin, ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'], {
  encoding: 'utf8',
  maxBuffer: 32 * 1024 * 1024,
});
let report: { summary: { errors: number; warnings: number; notices: number }; errors: Msg[]; warnings: Msg[]; notices: Msg[] };
type Msg = { code: string; message: string; file?: string };
try {
  report = JSON.parse(run.stdout);
} catch {
  console.error(`lint-firefox: web-ext lint did not print JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  process.exit(1);
}
for (const level of ['errors', 'warnings', 'notices'] as const) {
  for (const m of report[level]) console.log(`${level.slice(0, -1)}: ${m.code} ${m.message}${m.file ? ` (${m.file})` : ''}`);
}
const { errors, warnings, notices } = report.summary;
console.log(`web-ext lint dist/firefox: ${errors} errors, ${warnings} warnings, ${notices} notices`);
process.exit(errors === 0 ? 0 : 1);
