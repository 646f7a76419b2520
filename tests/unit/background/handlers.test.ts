/**
 * Background handlers against an in-memory fake of the browser API: every request, its happy path
 * and the error Results the dispatcher turns failures into.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Store = Map<string, unknown>;

/** An in-memory storage area with the polyfill's promise API. */
function fakeArea(store: Store) {
  return {
    async get(keys?: string | string[] | null) {
      const wanted = keys == null ? [...store.keys()] : Array.isArray(keys) ? keys : [keys];
      const out: Record<string, unknown> = {};
      for (const k of wanted) if (store.has(k)) out[k] = structuredClone(store.get(k));
      return out;
    },
    async set(items: Record<string, unknown>) {
      for (const [k, v] of Object.entries(items)) store.set(k, structuredClone(v));
    },
    async remove(keys: string | string[]) {
      for (const k of Array.isArray(keys) ? keys : [keys]) store.delete(k);
    },
  };
}

const fake = vi.hoisted(() => {
  const state = {
    local: new Map<string, unknown>(),
    session: new Map<string, unknown>(),
    badges: [] as { tabId?: number; text: string }[],
    created: [] as { url?: string }[],
    injected: [] as unknown[],
    failLocalGet: false,
  };
  return { state, browser: {} as Record<string, unknown> };
});

vi.mock('webextension-polyfill', () => ({ default: fake.browser }));

const corpusMock = vi.hoisted(() => ({ result: { error: 'not set' } as unknown }));
vi.mock('../../../src/background/corpus', () => ({ loadCorpus: () => corpusMock.result }));

const detailsMock = vi.hoisted(() => ({ buildDetails: vi.fn() }));
vi.mock('../../../src/core/index/details', () => ({ buildDetails: detailsMock.buildDetails }));

// The real module imports the card UI entry with crxjs's `?iife` (a file name only in a build).
vi.mock('../../../src/background/card-ui-path', () => ({ CARD_UI_PATH: 'src/page/card-ui.js' }));

const { dispatch, handlers, setCorpusSource, CORPUS_BROWSER_PATH } = await import('../../../src/background/handlers');
const { bundledCorpusSource } = await import('../../../src/background/bundled-source');
type LoadedCorpus = import('../../../src/background/corpus-source').LoadedCorpus;
const { DEFAULT_SETTINGS } = await import('../../../src/shared/settings');
const { SETTINGS_KEY } = await import('../../../src/shared/storage');

const EXTENSION_ORIGIN = 'chrome-extension://fakeid/';

beforeEach(() => {
  const { state } = fake;
  state.local.clear();
  state.session.clear();
  state.badges.length = 0;
  state.created.length = 0;
  state.injected.length = 0;
  state.failLocalGet = false;
  const local = fakeArea(state.local);
  Object.assign(fake.browser, {
    storage: {
      local: {
        ...local,
        get: async (keys?: string | string[]) => {
          if (state.failLocalGet) throw new Error('storage is unavailable');
          return local.get(keys);
        },
      },
      session: fakeArea(state.session),
    },
    action: {
      setBadgeText: async (details: { tabId?: number; text: string }) => {
        state.badges.push(details);
      },
    },
    tabs: {
      create: async (props: { url?: string }) => {
        state.created.push(props);
        return { id: 99, ...props };
      },
      query: async () => [],
    },
    scripting: {
      executeScript: async (injection: unknown) => {
        state.injected.push(injection);
        return [{ frameId: 0, result: null }];
      },
    },
    runtime: {
      getManifest: () => ({ manifest_version: 3, name: 'x', version: '9.8.7' }),
      getURL: (path: string) => EXTENSION_ORIGIN + path.replace(/^\//, ''),
    },
  });
  corpusMock.result = { error: 'not set' };
  detailsMock.buildDetails.mockReset();
  setCorpusSource(bundledCorpusSource());
});

const findings = (over: Partial<{ url: string; status: 'done' | 'disabled'; markers: number }> = {}) => ({
  url: 'https://news.example/a',
  status: 'done' as const,
  items: [],
  markers: 3,
  ...over,
});

describe('dispatch', () => {
  it('answers every protocol request type with a handler', () => {
    expect(Object.keys(handlers).sort()).toEqual(
      [
        'addPage',
        'takePageDraft',
        'deleteCorpus',
        'exportCorpus',
        'getDetails',
        'getFindings',
        'installCorpus',
        'listCorpora',
        'renameCorpus',
        'setCorpusActive',
        'getSettings',
        'getSiteState',
        'loadCardUi',
        'matchBlocks',
        'openCorpusBrowser',
        'ping',
        'reportFindings',
        'setSettings',
        'setSiteEnabled',
      ].sort(),
    );
  });

  it('answers an unknown request with an error Result', async () => {
    expect(await dispatch({ type: 'nope', payload: {} }, {})).toEqual({ ok: false, error: 'unknown request "nope"' });
  });

  it('turns a thrown error into an error Result with its message', async () => {
    fake.browser.runtime = {
      getManifest: () => {
        throw new Error('manifest gone');
      },
    };
    expect(await dispatch({ type: 'ping', payload: { from: 'popup' } }, {})).toEqual({ ok: false, error: 'manifest gone' });
  });
});

describe('ping', () => {
  it('replies with the manifest version', async () => {
    expect(await dispatch({ type: 'ping', payload: { from: 'content' } }, {})).toEqual({
      ok: true,
      value: { version: '9.8.7', from: 'background' },
    });
  });
});

describe('settings', () => {
  it('getSettings gives the defaults on a new install', async () => {
    expect(await dispatch({ type: 'getSettings', payload: {} }, {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('getSettings repairs corrupt stored values field by field', async () => {
    fake.state.local.set(SETTINGS_KEY, { enabled: false, maxMarkers: 'lots', theme: 'dark' });
    const reply = await dispatch({ type: 'getSettings', payload: {} }, {});
    expect(reply).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, enabled: false, theme: 'dark' } });
  });

  it('getSettings falls back to the defaults when storage fails', async () => {
    fake.state.failLocalGet = true;
    expect(await dispatch({ type: 'getSettings', payload: {} }, {})).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('setSettings stores the validated patch and returns it', async () => {
    const reply = await dispatch({ type: 'setSettings', payload: { patch: { theme: 'light', maxMarkers: 5000 } } }, {});
    const expected = { ...DEFAULT_SETTINGS, theme: 'light', maxMarkers: 2000 };
    expect(reply).toEqual({ ok: true, value: expected });
    expect(fake.state.local.get(SETTINGS_KEY)).toEqual(expected);
    expect(await dispatch({ type: 'getSettings', payload: {} }, {})).toEqual({ ok: true, value: expected });
  });

  it('setSettings reports a storage failure as an error Result', async () => {
    (fake.browser.storage as { local: { set: unknown } }).local.set = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    expect(await dispatch({ type: 'setSettings', payload: { patch: { theme: 'dark' } } }, {})).toEqual({
      ok: false,
      error: 'QUOTA_BYTES quota exceeded',
    });
  });
});

describe('per-site switch', () => {
  it('getSiteState is enabled by default and follows setSiteEnabled, ignoring host case', async () => {
    expect(await dispatch({ type: 'getSiteState', payload: { host: 'news.example' } }, {})).toEqual({
      ok: true,
      value: { enabled: true, settings: DEFAULT_SETTINGS },
    });
    const off = await dispatch({ type: 'setSiteEnabled', payload: { host: 'News.Example', enabled: false } }, {});
    expect(off).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, disabledSites: ['news.example'] } });
    const state = await dispatch({ type: 'getSiteState', payload: { host: 'news.example' } }, {});
    expect(state.ok && (state.value as { enabled: boolean }).enabled).toBe(false);
    const other = await dispatch({ type: 'getSiteState', payload: { host: 'other.example' } }, {});
    expect(other.ok && (other.value as { enabled: boolean }).enabled).toBe(true);

    const on = await dispatch({ type: 'setSiteEnabled', payload: { host: 'news.example', enabled: true } }, {});
    expect(on).toEqual({ ok: true, value: DEFAULT_SETTINGS });
  });

  it('getSiteState is disabled everywhere when the global switch is off', async () => {
    await dispatch({ type: 'setSettings', payload: { patch: { enabled: false } } }, {});
    const state = await dispatch({ type: 'getSiteState', payload: { host: 'news.example' } }, {});
    expect(state.ok && (state.value as { enabled: boolean }).enabled).toBe(false);
  });
});

describe('findings', () => {
  it('reportFindings stores a content script report per tab and sets the badge', async () => {
    expect(await dispatch({ type: 'reportFindings', payload: findings() }, { tabId: 7 })).toEqual({
      ok: true,
      value: { stored: true },
    });
    expect(fake.state.badges).toEqual([{ tabId: 7, text: '3' }]);
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 7 } }, {})).toEqual({ ok: true, value: findings() });
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 8 } }, {})).toEqual({ ok: true, value: null });
  });

  it('getFindings asks the tab for the items a report left there, and gives the counts when the tab cannot answer', async () => {
    const listed = { ...findings(), items: [{ kind: 'person' as const, id: 'p:1', text: 'Ann Example', label: 'Ann Example', count: 3 }] };
    const asked: unknown[] = [];
    let answer: unknown = { ok: true, value: listed };
    (fake.browser.tabs as Record<string, unknown>).sendMessage = async (tabId: number, message: unknown) => {
      asked.push([tabId, message]);
      if (answer instanceof Error) throw answer;
      return answer;
    };
    await dispatch({ type: 'reportFindings', payload: { ...findings(), itemsInTab: true } }, { tabId: 5 });
    expect(fake.state.badges).toEqual([{ tabId: 5, text: '3' }]);
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 5 } }, {})).toEqual({ ok: true, value: listed });
    expect(asked).toEqual([[5, { type: 'findings', payload: {} }]]);
    answer = new Error('Could not establish connection. Receiving end does not exist.');
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 5 } }, {})).toEqual({ ok: true, value: findings() });
    answer = { ok: false, error: 'no such handler' };
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 5 } }, {})).toEqual({ ok: true, value: findings() });
    // A report with its items (not left in the tab) is answered as stored, without asking the tab.
    await dispatch({ type: 'reportFindings', payload: findings() }, { tabId: 6 });
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 6 } }, {})).toEqual({ ok: true, value: findings() });
    expect(asked).toHaveLength(3);
  });

  it('reportFindings without a sender tab stores nothing', async () => {
    expect(await dispatch({ type: 'reportFindings', payload: findings() }, {})).toEqual({
      ok: true,
      value: { stored: false },
    });
    expect(fake.state.session.size).toBe(0);
  });

  it('clears the badge when nothing was marked, and caps it at 999', async () => {
    await dispatch({ type: 'reportFindings', payload: findings({ status: 'disabled', markers: 0 }) }, { tabId: 1 });
    await dispatch({ type: 'reportFindings', payload: findings({ markers: 5000 }) }, { tabId: 2 });
    expect(fake.state.badges).toEqual([
      { tabId: 1, text: '' },
      { tabId: 2, text: '999' },
    ]);
  });

  it('keeps findings in memory when storage.session is missing', async () => {
    delete (fake.browser.storage as { session?: unknown }).session;
    await dispatch({ type: 'reportFindings', payload: findings({ url: 'https://x.example/' }) }, { tabId: 3 });
    expect(await dispatch({ type: 'getFindings', payload: { tabId: 3 } }, {})).toEqual({
      ok: true,
      value: findings({ url: 'https://x.example/' }),
    });
  });

  it('a badge failure does not lose the report', async () => {
    fake.browser.action = {
      setBadgeText: async () => {
        throw new Error('no such tab');
      },
    };
    expect(await dispatch({ type: 'reportFindings', payload: findings() }, { tabId: 4 })).toEqual({
      ok: true,
      value: { stored: true },
    });
  });
});

describe('getDetails', () => {
  it('answers with an error Result when the corpus index failed to load', async () => {
    corpusMock.result = { error: 'The corpus index failed to load: bad schema' };
    expect(await dispatch({ type: 'getDetails', payload: { kind: 'person', id: 'p1' } }, {})).toEqual({
      ok: false,
      error: 'The corpus index failed to load: bad schema',
    });
    expect(detailsMock.buildDetails).not.toHaveBeenCalled();
  });

  it('answers with an error Result naming the record that is not in the index', async () => {
    const index = { schemaVersion: 1 };
    corpusMock.result = { index };
    detailsMock.buildDetails.mockReturnValue(null);
    expect(await dispatch({ type: 'getDetails', payload: { kind: 'claim', id: 'c9' } }, {})).toEqual({
      ok: false,
      error: 'No claim with id "c9" in the corpus index',
    });
    expect(detailsMock.buildDetails).toHaveBeenCalledWith(index, 'claim', 'c9');
  });

  it('returns the detail record built from the index', async () => {
    const index = { schemaVersion: 1 };
    const record = { kind: 'person', id: 'p1', name: 'A Person' };
    corpusMock.result = { index };
    detailsMock.buildDetails.mockReturnValue(record);
    expect(await dispatch({ type: 'getDetails', payload: { kind: 'person', id: 'p1' } }, {})).toEqual({
      ok: true,
      value: { ...record, corpus: { id: 'bundled', name: 'Bundled corpus' } },
    });
  });

  it('asks the named corpus only, and says which corpus the record comes from', async () => {
    setCorpusSource({ active: async () => [fakeCorpus('c1', 'First', []), fakeCorpus('c2', 'Second', [])] });
    expect(await dispatch({ type: 'getDetails', payload: { kind: 'person', id: 'p:c2', corpus: 'c2' } }, {})).toEqual({
      ok: true,
      value: { type: 'entity', id: 'p:c2', corpus: { id: 'c2', name: 'Second' } },
    });
    expect(await dispatch({ type: 'getDetails', payload: { kind: 'person', id: 'p:c2', corpus: 'c1' } }, {})).toEqual({
      ok: false,
      error: 'No person with id "p:c2" in the corpus index',
    });
  });
});

/** A corpus that finds fixed words and knows records whose id ends in its own id. */
function fakeCorpus(id: string, name: string, words: string[], broken = false): LoadedCorpus {
  return {
    id,
    name,
    async match(text) {
      if (broken) throw new Error('shard 3 is unreadable');
      return words.flatMap((w) => {
        const at = text.indexOf(w);
        return at < 0 ? [] : [{ kind: 'person' as const, text: w, start: at, end: at + w.length, id: `p:${w}`, score: 1, refs: [] }];
      });
    },
    async details(kind, record) {
      return record.endsWith(id) ? ({ type: 'entity', id: record } as never) : null;
    },
  };
}

describe('matchBlocks', () => {
  const kinds = { person: true, organisation: true, claim: true, quote: true };

  it('matches every block in every active corpus, offsets per block, each match tagged with its corpus', async () => {
    setCorpusSource({ active: async () => [fakeCorpus('c1', 'First', ['Quint']), fakeCorpus('c2', 'Second', ['Berg'])] });
    const reply = await dispatch({ type: 'matchBlocks', payload: { blocks: ['Ada Quint and Berg.', 'Nothing.', 'Berg'], kinds } }, {});
    expect(reply).toEqual({
      ok: true,
      value: {
        matches: [
          [
            { kind: 'person', text: 'Quint', start: 4, end: 9, id: 'p:Quint', score: 1, refs: [], corpus: 'c1', articles: 0 },
            { kind: 'person', text: 'Berg', start: 14, end: 18, id: 'p:Berg', score: 1, refs: [], corpus: 'c2', articles: 0 },
          ],
          [],
          [{ kind: 'person', text: 'Berg', start: 0, end: 4, id: 'p:Berg', score: 1, refs: [], corpus: 'c2', articles: 0 }],
        ],
      },
    });
  });

  it('reports a broken corpus by name and reason, and the others still match', async () => {
    setCorpusSource({ active: async () => [fakeCorpus('c1', 'First', ['Quint'], true), fakeCorpus('c2', 'Second', ['Berg'])] });
    const reply = await dispatch({ type: 'matchBlocks', payload: { blocks: ['Quint, Berg'], kinds } }, {});
    expect(reply).toEqual({
      ok: true,
      value: { matches: [[{ kind: 'person', text: 'Berg', start: 7, end: 11, id: 'p:Berg', score: 1, refs: [], corpus: 'c2', articles: 0 }]], problems: ['First: shard 3 is unreadable'] },
    });
  });

  it.each([
    [{ blocks: 'text', kinds }, 'matchBlocks: blocks must be an array of strings'],
    [{ blocks: ['ok', 7], kinds }, 'matchBlocks: block 1 is not a string'],
    [{ blocks: Array(501).fill('x'), kinds }, 'matchBlocks: 501 blocks, at most 500 per request'],
  ])('refuses a malformed request with a reason: %#', async (payload, error) => {
    expect(await dispatch({ type: 'matchBlocks', payload }, {})).toEqual({ ok: false, error });
  });
});

describe('openCorpusBrowser', () => {
  it('opens the corpus browser at a deep link', async () => {
    expect(await dispatch({ type: 'openCorpusBrowser', payload: { hash: '#/person/p1' } }, {})).toEqual({
      ok: true,
      value: { opened: true },
    });
    expect(fake.state.created).toEqual([{ url: `${EXTENSION_ORIGIN}${CORPUS_BROWSER_PATH}#/person/p1` }]);
  });

  it('drops a hash that is not a plain deep link', async () => {
    await dispatch({ type: 'openCorpusBrowser', payload: { hash: 'javascript:alert(1)' } }, {});
    await dispatch({ type: 'openCorpusBrowser', payload: { hash: '#/x"><script>' } }, {});
    expect(fake.state.created).toEqual([
      { url: `${EXTENSION_ORIGIN}${CORPUS_BROWSER_PATH}` },
      { url: `${EXTENSION_ORIGIN}${CORPUS_BROWSER_PATH}` },
    ]);
  });

  it('answers with an error Result when the tab cannot be opened', async () => {
    (fake.browser.tabs as { create: unknown }).create = async () => {
      throw new Error('tabs are unavailable');
    };
    expect(await dispatch({ type: 'openCorpusBrowser', payload: { hash: '#/' } }, {})).toEqual({
      ok: false,
      error: 'tabs are unavailable',
    });
  });
});

describe('loadCardUi', () => {
  it("injects the card UI script into the asking content script's tab and frame", async () => {
    expect(await dispatch({ type: 'loadCardUi', payload: {} }, { tabId: 7, frameId: 3 })).toEqual({ ok: true, value: { injected: true } });
    expect(await dispatch({ type: 'loadCardUi', payload: {} }, { tabId: 8 })).toEqual({ ok: true, value: { injected: true } });
    expect(fake.state.injected).toEqual([
      { target: { tabId: 7, frameIds: [3] }, files: ['src/page/card-ui.js'] },
      { target: { tabId: 8, frameIds: [0] }, files: ['src/page/card-ui.js'] },
    ]);
  });

  it('refuses a sender without a tab (extension pages)', async () => {
    const reply = await dispatch({ type: 'loadCardUi', payload: {} }, {});
    expect(reply.ok).toBe(false);
    expect(fake.state.injected).toEqual([]);
  });

  it('answers with an error Result when the browser refuses the injection', async () => {
    (fake.browser.scripting as { executeScript: unknown }).executeScript = async () => {
      throw new Error('Cannot access contents of the page');
    };
    expect(await dispatch({ type: 'loadCardUi', payload: {} }, { tabId: 7, frameId: 0 })).toEqual({
      ok: false,
      error: 'Cannot access contents of the page',
    });
  });
});
