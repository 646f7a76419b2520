/**
 * The content script is injected into every page: its import graph must reach only the matcher's
 * run-time code, never build-time compilation or the word diff (and the diff library with it).
 */
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: 'iife', logLevel: 'silent', loader: { '.json': 'json' } });
  return Object.keys(result.metafile.inputs);
}

describe('content-script bundle', () => {
  it('the matcher scan entry reaches no compile, diff or analysis code', async () => {
    const inputs = await inputsOf('src/core/match/scan-entry.ts');
    expect(inputs).toContain('src/core/match/scan.ts');
    expect(inputs.filter((p) => p.includes('node_modules/') || /match\/compile\.ts$|lang\/(word-diff|pos)\.ts$/.test(p) || p.includes('core/analysis'))).toEqual([]);
  });

  it('the content script entry bundles no matcher, no corpus data and no diff library (matching runs off the page)', async () => {
    const inputs = await inputsOf('src/page/index.ts');
    expect(inputs).toContain('src/page/page-scan.ts');
    expect(inputs.filter((p) => p.includes('node_modules/') || p.includes('src/generated/') || (p.includes('core/match/') && !p.endsWith('select.ts')))).toEqual([]);
  });

  it('the card details do not reach the word diff (the card script is injected on first hover)', async () => {
    const inputs = await inputsOf('src/core/index/details.ts');
    expect(inputs.filter((p) => p.includes('node_modules/diff') || p.endsWith('lang/word-diff.ts'))).toEqual([]);
  });

  it('the evidence builder does reach the word diff (so the checks above can fail)', async () => {
    const inputs = await inputsOf('src/core/index/evidence.ts');
    expect(inputs).toContain('src/core/lang/word-diff.ts');
    expect(inputs.some((p) => p.includes('node_modules/diff'))).toBe(true);
  });
});
