/**
 * Builds what the bench needs, into a temporary folder so it never touches dist/ or anyone's build:
 * the two measurement bundles for the bench page (IIFE, minified like the content script) and a
 * Chrome build of the extension (to weigh what is injected into pages).
 */
import preact from '@preact/preset-vite';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { build, type Plugin } from 'vite';
import { ROOT } from './seed-text';

const run = promisify(execFile);

/** Builds one page bundle (IIFE, minified, es2022) from an entry file. */
async function buildPageBundle(entry: string, outDir: string, fileName: string, generatedDir: string, extra: Plugin[] = [], stubBrowser = true): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'error',
    root: ROOT,
    plugins: [preact({ devToolsEnabled: false, prefreshEnabled: false }), ...extra],
    define: { 'process.env.NODE_ENV': '"production"' },
    resolve: {
      alias: [
        ...(stubBrowser ? [{ find: 'webextension-polyfill', replacement: join(ROOT, 'scripts/bench/page/browser-stub.ts') }] : []),
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

/** Which part of the code a module belongs to: an npm package, a src/ folder, or generated data. */
function groupOf(id: string): string {
  const path = id.replace(/\\/g, '/').replace(/\?.*$/, '');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1];
  if (path.includes('/src/generated/') || path.includes('/generated/')) return `data: ${path.split('/').pop()}`;
  const src = path.match(/\/src\/([^/]+)(?:\/([^/.]+))?/);
  if (src) return src[2] && !src[2].includes('.') ? `src/${src[1]}/${src[2]}` : `src/${src[1]}`;
  return path.split('/').slice(-2).join('/');
}

/** Size of each part of one script, as rendered into the bundle before minification. */
export type ModuleShares = { group: string; bytes: number }[];

/**
 * Builds one extension script the way it is shipped (IIFE, minified, es2022) only to weigh it and
 * see which parts its bytes come from. Returns the parts, biggest first.
 */
export async function weighScript(entry: string, outDir: string, fileName: string, generatedDir: string): Promise<ModuleShares> {
  const groups = new Map<string, number>();
  const collect: Plugin = {
    name: 'coverage-lens-bench:weigh',
    generateBundle(_options, bundle) {
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const [id, info] of Object.entries(output.modules)) {
          const g = groupOf(id);
          groups.set(g, (groups.get(g) ?? 0) + (info.renderedLength ?? 0));
        }
      }
    },
  };
  await buildPageBundle(entry, outDir, fileName, generatedDir, [collect], false);
  return [...groups.entries()].map(([group, bytes]) => ({ group, bytes })).sort((a, b) => b.bytes - a.bytes);
}

/** A production Chrome build of the extension, written to `outDir` (the project's own vite config). */
export async function buildChromeExtension(outDir: string): Promise<void> {
  await run('npx', ['vite', 'build', '--mode', 'chrome', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
}
