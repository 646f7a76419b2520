/**
 * The content script as a whole (controller and its features) against a fake background: the
 * article's blocks go to `matchBlocks`, markers follow the marking policy, findings are reported,
 * settings changes apply without a reload, the matching side restarting mid-scan is retried, and
 * destroy restores the page exactly.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startContentScript, type ControllerEnv } from '../../../src/page/controller';
import type { Protocol, RequestType, Result, TabFindings } from '../../../src/shared/protocol';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import { findTerms } from './fake-background';

const TERMS = [
  { text: 'Jane Doe', kind: 'person' as const, id: 'person:jane' },
  { text: 'Doe', kind: 'person' as const, id: 'person:jane' },
  { text: 'Town Council', kind: 'organisation' as const, id: 'org:council' },
];
const ARTICLE = `<article id="a"><h1>Doe speaks</h1><p>The Town Council met.</p><p>Jane Doe spoke.</p></article>`;

interface Fake {
  env: ControllerEnv;
  sent: string[][];
  reports: TabFindings[];
  changeSettings(s: Settings): void;
}

/**
 * A fake extension runtime; `failFirst` matchBlocks answers fail as a stopped worker's would, and so
 * do the first `loseDone` reports that say the scan is done.
 */
function fakeEnv(failFirst = 0, loseDone = 0): Fake {
  const sent: string[][] = [];
  const reports: TabFindings[] = [];
  let settingsListener: (stored: unknown) => void = () => undefined;
  let failures = failFirst;
  const answer = <K extends RequestType>(type: K, payload: Protocol[K]['request']): Result<unknown> => {
    switch (type) {
      case 'getSiteState':
        return { ok: true, value: { enabled: true, settings: DEFAULT_SETTINGS } };
      case 'matchBlocks': {
        if (failures-- > 0) return { ok: false, error: 'The message port closed before a response was received.' };
        const { blocks, kinds } = payload as Protocol['matchBlocks']['request'];
        sent.push(blocks);
        return { ok: true, value: { matches: blocks.map((b) => findTerms(TERMS, b, kinds)) } };
      }
      case 'reportFindings':
        if ((payload as TabFindings).status === 'done' && loseDone-- > 0) return { ok: false, error: 'The message port closed before a response was received.' };
        reports.push(payload as TabFindings);
        return { ok: true, value: { stored: true } };
      default:
        return { ok: false, error: `unexpected ${type}` };
    }
  };
  return {
    sent,
    reports,
    changeSettings: (s) => settingsListener(s),
    env: {
      request: (async (type: RequestType, payload: never) => answer(type, payload)) as ControllerEnv['request'],
      onSettingsChanged: (listener) => {
        settingsListener = listener;
        return () => undefined;
      },
      onTabMessage: () => () => undefined,
      describeMarker: () => 'press Enter',
      loadCardUi: () => Promise.reject(new Error('no card UI in this test')),
      cardUnavailable: () => 'unavailable',
      isContextValid: () => true,
      skipSettle: true,
    },
  };
}

const markers = () => Array.from(document.querySelectorAll('coverage-lens-mark[data-cl-first]')).map((m) => `${m.getAttribute('data-kind')}:${m.textContent}`);

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the content script against a fake background', () => {
  it('sends the article blocks, marks what the policy keeps (the lone name once the full name is there), and reports', async () => {
    document.body.innerHTML = ARTICLE;
    const before = document.body.innerHTML;
    const fake = fakeEnv();
    const script = startContentScript(fake.env);
    await script.settled();
    expect(fake.sent.flat()).toEqual(['Doe speaks', 'The Town Council met.', 'Jane Doe spoke.']);
    expect(markers()).toEqual(['person:Doe', 'organisation:Town Council', 'person:Jane Doe']);
    expect(script.findings()).toMatchObject({ status: 'done', markers: 3 });
    expect(fake.reports.at(-1)).toMatchObject({ status: 'done', markers: 3 });
    script.destroy();
    expect(document.body.innerHTML).toBe(before);
  });

  it('retries a batch the matching side dropped while it restarted, and completes the markers', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeEnv(2);
    const script = startContentScript(fake.env);
    await script.settled();
    expect(markers()).toEqual(['person:Doe', 'organisation:Town Council', 'person:Jane Doe']);
    script.destroy();
  });

  it('sends the report that the scan is done again when it was lost on its way (the worker stopped as it arrived)', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeEnv(0, 2);
    const script = startContentScript(fake.env);
    await script.settled();
    expect(script.findings()).toMatchObject({ status: 'done', markers: 3 });
    // Two lost, the third stored: the background learns the scan is done.
    await vi.waitFor(() => expect(fake.reports.at(-1)).toMatchObject({ status: 'done', markers: 3 }), { timeout: 4_000, interval: 50 });
    script.destroy();
  });

  it('applies a settings change at once: kinds switched off go, without a reload', async () => {
    document.body.innerHTML = ARTICLE;
    const fake = fakeEnv();
    const script = startContentScript(fake.env);
    await script.settled();
    fake.changeSettings({ ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds, person: false } });
    await script.settled();
    expect(markers()).toEqual(['organisation:Town Council']);
    fake.changeSettings({ ...DEFAULT_SETTINGS, enabled: false });
    await script.settled();
    expect(markers()).toEqual([]);
    expect(script.findings().status).toBe('disabled');
    script.destroy();
  });
});
