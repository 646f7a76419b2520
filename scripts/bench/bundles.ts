/**
 * Builds what the bench needs, into a temporary folder so it never touches dist/ or anyone's build:
 * the two measurement bundles for the bench page (IIFE, minified like the content script) and a
 * Chrome build of the extension (to weigh what is injected into pages).
 */
import preact from '@preact/preset-vite';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build } from 'vite';
import { ROOT } from './seed-text';

const run = promisify(execFile);

/** Builds one page bundle (IIFE, minified, es2022) from an entry file. */
async function buildPageBundle(entry: string, outDir: string, fileName: string, generatedDir: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false })],
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: {
      alias: [
        { find: 'webextension-polyfill', replacement: join(ROOT, 'scripts/bench/page/browser-stub.ts') },
        // The index the bench prepared (src/generated, or its own build while there is no build-index).
        { find: /^(?:\.\.\/)+src\/generated\/(index|matcher)\.json$/, replacement: `${generatedDir}/$1.json` },
      ],
    },
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      copyPublicDir: false,
      lib: { entry, formats: ['iife'], name: fileName.replace(/\W/g, '_'), fileName: () => fileName },
    },
  });
}

/** The bench page bundles: ours.js (the real page code), harness.js (floor, compromise, helpers), card.js (card latency). */
export async function buildPageBundles(outDir: string, generatedDir: string): Promise<void> {
  await buildPageBundle(join(ROOT, 'scripts/bench/page/ours-entry.ts'), outDir, 'ours.js', generatedDir);
  await buildPageBundle(join(ROOT, 'scripts/bench/page/harness-entry.ts'), outDir, 'harness.js', generatedDir);
  await buildPageBundle(join(ROOT, 'scripts/bench/page/card-entry.ts'), outDir, 'card.js', generatedDir);
}

/** A production Chrome build of the extension, written to `outDir` (the project's own vite config). */
export async function buildChromeExtension(outDir: string): Promise<void> {
  await run('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
}
