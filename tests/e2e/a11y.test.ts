/**
 * Accessibility audit with axe-core, injected into the page under test, in Chromium and Firefox:
 * the popup, every kind of corpus-browser page (light and dark) and an open card on a news page.
 * A serious or critical violation fails the test and names the rule, its help text and the nodes.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CorpusIndex } from '../../src/core/index/types';
import { BROWSERS, CORPUS_BROWSER_PATH, POPUP_PATH, launchExtensionBrowser, requestFrom, type ExtensionBrowser, type PageLike } from './harness/browsers';
import { startFixtureServer, type FixtureServer } from './harness/server';

const ROOT = resolve(import.meta.dirname, '..', '..');
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const index = JSON.parse(readFileSync(resolve(ROOT, 'src/generated/index.json'), 'utf8')) as CorpusIndex;

/** The impacts that fail the audit (axe's two highest). */
const FAILING_IMPACTS = ['serious', 'critical'];

/** One corpus-browser page of each kind, from the built index. */
const BROWSER_ROUTES = [
  '#/',
  `#/person/${index.entities.find((e) => e.kind === 'person')!.id}`,
  `#/organisation/${index.entities.find((e) => e.kind === 'organisation')!.id}`,
  `#/claim/${(index.claimGroups.find((g) => g.differences.length > 0) ?? index.claimGroups[0]!).id}`,
  `#/quote/${index.quoteGroups[0]!.id}`,
  `#/article/${index.articles[0]!.id}`,
];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Injects axe-core (as an expression evaluated by the driver, which extension pages' CSP allows,
 * unlike a script tag) and audits `selector`'s subtree, shadow roots included.
 */
async function audit(page: PageLike, selector: string): Promise<Finding[]> {
  const raw = page.raw as { evaluate(expression: string): Promise<unknown> };
  await raw.evaluate(`${AXE_SOURCE}\n;undefined`);
  return page.evaluate(async (args: { selector: string; impacts: string[] }) => {
    const axe = (globalThis as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const result = await axe.run(document.querySelector(args.selector), { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact !== null && args.impacts.includes(v.impact))
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, { selector, impacts: FAILING_IMPACTS });
}

function report(findings: Finding[]): string {
  return findings.map((f) => `${f.impact} ${f.id}: ${f.help} at ${f.nodes.slice(0, 5).join(', ')}`).join('\n');
}

describe.each(BROWSERS)('accessibility in %s', (name) => {
  let ext: ExtensionBrowser;
  let server: FixtureServer;

  beforeAll(async () => {
    server = await startFixtureServer();
    ext = await launchExtensionBrowser(name);
  });

  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function setTheme(theme: 'light' | 'dark'): Promise<void> {
    const page = await ext.openExtensionPage(POPUP_PATH);
    await requestFrom(page, 'setSettings', { patch: { theme } });
    await page.close();
  }

  it.each(['light', 'dark'] as const)('the popup (%s) has no serious or critical violation', async (theme) => {
    await setTheme(theme);
    const popup = await ext.openExtensionPage(POPUP_PATH);
    try {
      await popup.waitForSelector('main[data-background="ready"]', { timeout: 10_000 });
      const findings = await audit(popup, 'body');
      expect(findings, report(findings)).toEqual([]);
    } finally {
      await popup.close();
    }
  });

  it.each(['light', 'dark'] as const)('every kind of corpus-browser page (%s) has no serious or critical violation', async (theme) => {
    await setTheme(theme);
    const page = await ext.openExtensionPage(CORPUS_BROWSER_PATH);
    try {
      const all: string[] = [];
      for (const route of BROWSER_ROUTES) {
        await page.evaluate((hash: string) => { location.hash = hash; }, route);
        await page.waitForFunction(() => document.querySelector('#cl-main')?.textContent?.trim() !== '', undefined, { timeout: 10_000 });
        const findings = await audit(page, 'body');
        if (findings.length > 0) all.push(`${route}\n${report(findings)}`);
      }
      expect(all, all.join('\n\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('an open card has no serious or critical violation', async () => {
    await setTheme('light');
    const tab = await ext.newPage();
    try {
      await tab.goto(server.url('news/launch-rally.html'));
      await tab.waitForSelector('coverage-lens-mark[data-kind="person"][data-cl-first]', { timeout: 20_000 });
      // Focus opens a marker's card, the keyboard path every reader has.
      await tab.evaluate(() => (document.querySelector('coverage-lens-mark[data-kind="person"][data-cl-first]') as HTMLElement).focus());
      await tab.waitForFunction(() => {
        const h = document.querySelector('coverage-lens-card');
        return h?.getAttribute('data-cl-state') === 'open' && h.getAttribute('data-cl-status') === 'ready';
      }, undefined, { timeout: 20_000 });
      const findings = await audit(tab, 'coverage-lens-card');
      expect(findings, report(findings)).toEqual([]);
    } finally {
      await tab.close();
    }
  });
});
