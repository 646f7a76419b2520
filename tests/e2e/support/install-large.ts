/**
 * Installs a corpus file too large for one extension message (Chromium's limit is 64 MiB; the
 * 5,000-article corpus is over 100 MB) into the built extension's store, in either browser: an
 * extension page fetches it from a one-file server and installs it with the store's own chunk
 * (CorpusStore.install, the code the background's installCorpus runs).
 */
import { createServer, type Server } from 'node:http';
import { readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { CorpusSummary, Result } from '../../../src/shared/protocol';
import type { BrowserName, PageLike } from '../harness/browsers';

const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Serves one text with CORS, so an extension page can fetch what a driver's evaluate argument cannot carry. */
export async function serveText(text: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(text);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/corpus.json`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The built corpus-store chunk of a browser's extension, as a path inside the extension. */
export function storeChunk(name: BrowserName): string {
  const dir = name === 'chromium' ? 'chrome' : 'firefox';
  const file = readdirSync(resolve(ROOT, 'dist', dir, 'assets')).find((f) => /^corpus-store-.*\.js$/.test(f));
  if (!file) throw new Error(`no corpus-store chunk in dist/${dir}/assets: run "npm run build"`);
  return `/assets/${file}`;
}

/**
 * Runs `body` (the text of an async function body with `Store` and `store` in scope) in an extension
 * page with the store open; returns its value. A string, evaluated by the driver as is: vitest
 * would rewrite an `import()` inside a function.
 */
export async function withStore<T>(page: PageLike, name: BrowserName, body: string): Promise<T> {
  const expression = `(async () => {
    try {
      const module = await import(${JSON.stringify(storeChunk(name))});
      const Store = Object.values(module).find((v) => typeof v === 'function' && typeof v.open === 'function' && 'readIndex' in v.prototype);
      const store = await Store.open();
      try {
        const value = await (async () => { ${body} })();
        return { ok: true, value };
      } finally {
        store.close();
      }
    } catch (error) {
      return { ok: false, error: String(error && error.stack || error) };
    }
  })()`;
  const got = (await (page.raw as unknown as { evaluate(expression: string): Promise<unknown> }).evaluate(expression)) as Result<T>;
  if (!got.ok) throw new Error(got.error);
  return got.value;
}

/** Installs the corpus file at `url` (served by serveText) from an extension page; resolves with its summary. */
export function installFromUrl(page: PageLike, name: BrowserName, url: string, corpusName: string): Promise<CorpusSummary> {
  return withStore<CorpusSummary>(
    page,
    name,
    `const index = await (await fetch(${JSON.stringify(url)})).json();
     return store.install(index, { name: ${JSON.stringify(corpusName)}, origin: 'imported' });`,
  );
}
