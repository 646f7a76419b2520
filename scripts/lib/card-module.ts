/**
 * Loads src/ui/card in Node through vite, the way the extension build compiles it, so its stylesheet
 * imports (`?inline`) resolve to the same strings the content script gets. For scripts that render
 * cards outside a browser build (screenshots).
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createServer } from 'vite';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The card module (render, unmount, stylesheet), compiled by vite, speaking English (no i18n API in Node). */
export async function loadCardModule(): Promise<typeof import('../../src/ui/card')> {
  const server = await createServer({
    root: ROOT,
    configFile: false,
    // The locale messages live in public/ and are imported as data, which vite refuses for its public dir.
    publicDir: false,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  });
  try {
    const card = (await server.ssrLoadModule('/src/ui/card/index.tsx')) as typeof import('../../src/ui/card');
    const i18n = (await server.ssrLoadModule('/src/ui/shared/i18n.ts')) as typeof import('../../src/ui/shared/i18n');
    i18n.setFallbackMessages(JSON.parse(readFileSync(resolve(ROOT, 'public/_locales/en/messages.json'), 'utf8')));
    return card;
  } finally {
    await server.close();
  }
}
