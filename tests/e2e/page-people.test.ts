/**
 * The page's earlier-named people cross to the matching side with each batch (MatchingProtocol
 * `people`), in both browsers, with the built extension. The fixture names a person in its first
 * paragraph (on screen, the first batch) and, far below the fold (a later batch), says only "He
 * confirmed his support.": a corpus claim of that person's. The same page with the person's name
 * taken out is the control: there the sentence links nothing, so a claim marker on the named page
 * can only come from the earlier batch's person reaching the later batch's match.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launchExtensionBrowser, type ExtensionBrowser } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';
import { markersSettled, readMarkedMatches, writeHeldMarkers } from './support/markers';

const PRONOUN_SENTENCE = 'He confirmed his support.';

describe.each(BROWSERS)('the page\'s earlier-named people in %s', (name) => {
  let server: FixtureServer;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  /** The page's marked matches, every held marker written; and whether the pronoun paragraph started below the fold. */
  async function marked(path: string) {
    const tab = await ext.newPage();
    try {
      await tab.goto(server.url(path));
      const belowFold = await tab.evaluate(() => {
        const last = Array.from(document.querySelectorAll('#story p')).at(-1)!;
        return last.getBoundingClientRect().top > window.innerHeight;
      });
      await tab.evaluate(markersSettled, 1500);
      await writeHeldMarkers(tab);
      await tab.evaluate(markersSettled, 300);
      return { belowFold, matches: await tab.evaluate(readMarkedMatches) };
    } finally {
      await tab.close();
    }
  }

  it('a "he" sentence in a later batch links to the claim of the person an earlier batch named', async () => {
    const named = await marked('page-people/named.html');
    expect(named.belowFold).toBe(true);
    expect(named.matches.filter((m) => m.kind === 'person').map((m) => m.text)).toContain('Len McCluskey');
    expect(named.matches.filter((m) => m.kind === 'claim').map((m) => m.text)).toEqual([PRONOUN_SENTENCE]);

    const control = await marked('page-people/unnamed.html');
    expect(control.belowFold).toBe(true);
    expect(control.matches.filter((m) => m.kind === 'claim')).toEqual([]);
  });
});
