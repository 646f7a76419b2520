/**
 * The packaged gazetteer (src/generated/gazetteer.bin) in the built extension: the background's
 * install of the bundled corpus and the import worker's install of a chosen corpus file both fetch
 * it and store the place pairs it gives with the corpus's matcher (MatcherData.placeWithinGazetteer).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Page as PlaywrightPage } from 'playwright-core';
import type { ElementHandle, Page as PuppeteerPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index/types';
import { serialiseCorpusFile } from '../../src/store/corpus-file';
import type { CorpusSummary } from '../../src/shared/protocol';
import { BROWSERS, CORPUS_BROWSER_PATH, launchExtensionBrowser, requestFrom, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { readCorpus } from '../../scripts/lib/read-corpus';
import { analyseCorpus } from '../../src/core/analysis/index';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The invented second corpus, with two claims placed in a real city and its country (GeoNames: Lyon, France). */
function placedFile(): string {
  const index = analyseCorpus(readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second')).articles) as CorpusIndex;
  index.claims[0].places = ['Lyon'];
  index.claims[1].places = ['France'];
  return serialiseCorpusFile(index);
}

/** Runs in an extension page: the place pairs stored with a corpus's matcher, as "inner in outer"; null when the field is absent. */
async function storedPairs(id: string): Promise<string[] | null> {
  const db = await new Promise<IDBDatabase>((done, failed) => {
    const open = indexedDB.open('coverage-lens-corpora');
    open.onsuccess = () => done(open.result);
    open.onerror = () => failed(open.error);
  });
  const ask = <T>(req: IDBRequest<T>) =>
    new Promise<T>((done, failed) => {
      req.onsuccess = () => done(req.result);
      req.onerror = () => failed(req.error);
    });
  const tx = db.transaction(['corpora', 'matcher'], 'readonly');
  const meta = (await ask(tx.objectStore('corpora').get(id))) as { data: string };
  const part = (row: unknown) => JSON.parse(new TextDecoder().decode((row as { json: Uint8Array }).json)) as Record<string, unknown>;
  const core = part(await ask(tx.objectStore('matcher').get([meta.data, 'core'])));
  const rest = part(await ask(tx.objectStore('matcher').get([meta.data, 'meta'])));
  db.close();
  const flat = rest.placeWithinGazetteer as number[] | undefined;
  if (!flat) return null;
  const places = core.places as string[];
  const out: string[] = [];
  for (let k = 0; k + 1 < flat.length; k += 2) out.push(`${places[flat[k]]} in ${places[flat[k + 1]]}`);
  return out;
}

describe.each(BROWSERS)('the packaged gazetteer in %s', (name) => {
  let ext: ExtensionBrowser;
  let page: PageLike;

  beforeAll(async () => {
    ext = await launchExtensionBrowser(name);
    page = await ext.openExtensionPage(`${CORPUS_BROWSER_PATH}#/corpora`);
    await page.waitForSelector('[data-testid="corpus-row"][data-corpus-id="bundled"]', { timeout: 20_000 });
  });

  afterAll(async () => {
    await ext?.close();
  });

  it('relates the bundled corpus\'s places when the background installs it', async () => {
    // The seeds' one pair the build finds with the full gazetteer (scripts/build-index.ts), found again with the packed one.
    expect(await page.evaluate(storedPairs, 'bundled')).toEqual(['Salford in Manchester']);
  });

  it('relates a chosen corpus file\'s places when the import worker installs it', async () => {
    const file = resolve(tmpdir(), `coverage-lens-e2e-placed-${name}.corpus.json`);
    writeFileSync(file, placedFile());
    if ('setInputFiles' in page.raw) await (page.raw as PlaywrightPage).setInputFiles('[data-testid="choose-corpus-file"]', file);
    else await ((await (page.raw as PuppeteerPage).$('[data-testid="choose-corpus-file"]')) as ElementHandle<HTMLInputElement>).uploadFile(file);
    await page.waitForSelector('[data-testid="import-done"]', { timeout: 60_000 });
    const got = await requestFrom<CorpusSummary[]>(page, 'listCorpora', {});
    if (!got.ok) throw new Error(got.error);
    const mine = got.value.find((c) => c.origin === 'imported');
    expect(mine?.status).toBe('ready');
    expect(await page.evaluate(storedPairs, mine!.id)).toEqual(['Lyon in France']);
  });
});
