import { defineConfig, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type CrxPlugin, type ManifestV3Export } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { manifestFor, type TargetBrowser } from './scripts/lib/manifest.ts';

/** Scripts the background injects on demand (scripting.executeScript), imported there with `?iife`. */
const INJECTED_ON_DEMAND = ['src/page/card-ui.ts', 'src/page/add-page.ts'];

/**
 * crxjs lists every `?iife` script in web_accessible_resources and also emits an ES-module copy of
 * it that nothing loads. executeScript needs neither, and pages must not be able to fetch our code:
 * drop both.
 */
function injectedScriptsStayPrivate(root: string): CrxPlugin {
  const sources = new Set(INJECTED_ON_DEMAND.map((f) => resolve(root, f)));
  const outputs = new Set(INJECTED_ON_DEMAND.map((f) => f.replace(/\.tsx?$/, '.js')));
  return {
    name: 'coverage-lens:injected-scripts-private',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const [name, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.facadeModuleId && sources.has(output.facadeModuleId)) delete bundle[name];
      }
    },
    renderCrxManifest(manifest) {
      const war = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((r) => !outputs.has(r)) }))
        .filter((entry) => entry.resources.length > 0);
      if (war.length > 0) manifest.web_accessible_resources = war as typeof manifest.web_accessible_resources;
      else delete manifest.web_accessible_resources;
      return manifest;
    },
  };
}

// One manifest.json is the source of truth; the Firefox variant is derived from it here, so the
// two builds cannot drift. `vite build --mode chrome|firefox` writes dist/<browser>.
export default defineConfig(({ mode }): UserConfig => {
  if (mode !== 'chrome' && mode !== 'firefox') {
    throw new Error(`vite: --mode must be "chrome" or "firefox" (got "${mode}")`);
  }
  const browser: TargetBrowser = mode;
  return {
    plugins: [
      preact({ devToolsEnabled: false, prefreshEnabled: false }),
      crx({
        manifest: manifestFor(browser) as unknown as ManifestV3Export,
        browser,
        contentScripts: { standaloneFiles: ['src/page/index.ts'] },
      }),
      injectedScriptsStayPrivate(import.meta.dirname),
    ],
    build: {
      outDir: resolve(import.meta.dirname, 'dist', browser),
      emptyOutDir: true,
      target: 'es2022',
      minify: true,
      sourcemap: false,
      modulePreload: false,
      rollupOptions: {
        input: { browser: resolve(import.meta.dirname, 'src/ui/browser/index.html') },
      },
    },
  };
});
