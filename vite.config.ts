import { defineConfig, type UserConfig } from 'vite';
import preact from '@preact/preset-vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import { resolve } from 'node:path';
import { manifestFor, type TargetBrowser } from './scripts/lib/manifest.ts';

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
