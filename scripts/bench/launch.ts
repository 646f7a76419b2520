/** The bench's one way to start Chromium with the built extension loaded (a persistent profile, headless, offline flags). */
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_BIN, OFFLINE_HEADLESS_ARGS } from '../lib/chromium';

/**
 * Chromium on `profile` with the unpacked extension at `extDir`. `headless: false` with the
 * `--headless=new` flag: Playwright's own headless mode is the old shell, which loads no extension.
 */
export function launchWithExtension(profile: string, extDir: string, executablePath: string = CHROMIUM_BIN): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath,
    headless: false,
    viewport: { width: 1280, height: 800 },
    args: [...OFFLINE_HEADLESS_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`],
  });
}

/**
 * Installs the corpus file at `corpusPath` (served on 127.0.0.1 for the call) through the store's
 * own code (its built chunk, imported from an extension page of `context`), as the only active
 * corpus; returns its id. The bench's page tools (page-ab, page-trace, page-profile,
 * first-marker-ab) install their corpus so.
 */
export async function installAsOnlyCorpus(context: BrowserContext, extDir: string, corpusPath: string, name: string): Promise<string> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(readFileSync(corpusPath));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try {
    return await installFrom(context, extDir, `http://127.0.0.1:${(server.address() as AddressInfo).port}/corpus.json`, name);
  } finally {
    server.close();
  }
}

async function installFrom(context: BrowserContext, extDir: string, corpusUrl: string, name: string): Promise<string> {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const helper = await context.newPage();
  await helper.goto(`chrome-extension://${new URL(worker.url()).host}/src/ui/popup/index.html`);
  const chunk = readdirSync(join(extDir, 'assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
  if (!chunk) throw new Error(`${extDir} has no corpus-store chunk`);
  const id = await helper.evaluate(`(async () => {
    const index = await (await fetch(${JSON.stringify(corpusUrl)})).json();
    const module = await import(${JSON.stringify(`/assets/${chunk}`)});
    const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
    const store = await Store.open();
    const value = await store.install(index, { name: ${JSON.stringify(name)}, origin: 'imported' });
    store.close();
    for (const c of (await chrome.runtime.sendMessage({ type: 'listCorpora', payload: {} })).value) {
      if (c.id !== value.id && c.active) await chrome.runtime.sendMessage({ type: 'setCorpusActive', payload: { id: c.id, active: false } });
    }
    return value.id;
  })()`);
  await helper.close();
  return String(id);
}
