/** Test helpers: a fake PopupApi that records every request and answers from a script. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { vi } from 'vitest';
import type { CorpusIndex } from '../../../src/core/index/types';
import type { Protocol, Result, TabFindings, TabProtocol } from '../../../src/shared/protocol';
import { applySettingsPatch, DEFAULT_SETTINGS, type Settings } from '../../../src/shared/settings';
import type { PopupApi, TabInfo } from '../../../src/ui/popup/api';
import { Popup, type PopupTab } from '../../../src/ui/popup/Popup';
import { preloadedCorpora, type PopupCorpora } from '../../../src/ui/popup/active-corpora';
import { summaryOf } from '../helpers/corpora';

/** What the fake background knows. */
export interface FakeWorld {
  tab?: TabInfo;
  findings?: TabFindings | null;
  settings?: Settings;
  backgroundDown?: boolean;
}

/** A mounted popup with the calls it made. */
export interface Mounted {
  root: HTMLElement;
  requests: { type: keyof Protocol; payload: unknown }[];
  tabRequests: { tabId: number; type: keyof TabProtocol; payload: unknown }[];
  close: ReturnType<typeof vi.fn>;
  settings(): Settings;
}

/** Lets pending promises and effects run. */
export async function flush(times = 4): Promise<void> {
  for (let i = 0; i < times; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

/** Mounts the popup against a fake extension. */
export async function mountPopup(
  corpus: PopupCorpora | CorpusIndex,
  world: FakeWorld = {},
  initialTab: PopupTab = 'page',
): Promise<Mounted> {
  let settings = world.settings ?? { ...DEFAULT_SETTINGS, kinds: { ...DEFAULT_SETTINGS.kinds }, disabledSites: [] };
  const requests: Mounted['requests'] = [];
  const tabRequests: Mounted['tabRequests'] = [];
  const close = vi.fn();
  const reply = <T,>(value: T): Result<T> => ({ ok: true, value });
  const api: PopupApi = {
    async request(type, payload) {
      requests.push({ type, payload });
      if (world.backgroundDown) return { ok: false, error: 'Could not establish connection' } as never;
      switch (type) {
        case 'ping':
          return reply({ version: '9.9.9', from: 'background' }) as never;
        case 'getFindings':
          return reply(world.findings === undefined ? null : world.findings) as never;
        case 'getSettings':
          return reply(settings) as never;
        case 'getSiteState': {
          const host = (payload as { host: string }).host;
          return reply({ enabled: settings.enabled && !settings.disabledSites.includes(host), settings }) as never;
        }
        case 'setSettings':
          settings = applySettingsPatch(settings, (payload as { patch: Partial<Settings> }).patch);
          return reply(settings) as never;
        case 'setSiteEnabled': {
          const { host, enabled } = payload as { host: string; enabled: boolean };
          const sites = new Set(settings.disabledSites);
          if (enabled) sites.delete(host);
          else sites.add(host);
          settings = { ...settings, disabledSites: [...sites] };
          return reply(settings) as never;
        }
        case 'openCorpusBrowser':
          return reply({ opened: true }) as never;
        default:
          return { ok: false, error: `unexpected ${type}` } as never;
      }
    },
    async requestTab(tabId, type, payload) {
      tabRequests.push({ tabId, type, payload });
      return (type === 'reveal' ? reply({ found: true }) : reply({ applied: true })) as never;
    },
    activeTab: async () => world.tab ?? { id: 7, url: 'https://news.example.com/story' },
    close,
  };
  const root = document.createElement('div');
  document.body.append(root);
  // One index stands for one active corpus (id "test").
  const loaded: PopupCorpora = corpus && 'schemaVersion' in corpus ? preloadedCorpora([{ summary: summaryOf('test', 'Test corpus', corpus), index: corpus }]) : corpus;
  await act(async () => {
    render(<Popup api={api} corpus={loaded} initialTab={initialTab} />, root);
  });
  await flush();
  return { root, requests, tabRequests, close, settings: () => settings };
}

/** Text with whitespace collapsed. */
export function textOf(el: Element | null): string {
  return (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Types into an input the way a reader does (value + input event). */
export async function typeInto(input: HTMLInputElement, value: string): Promise<void> {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await flush(1);
}

/** Presses a key on an element. */
export async function press(el: Element, key: string): Promise<void> {
  await act(async () => {
    el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
  });
  await flush(1);
}

/** Clicks an element. */
export async function click(el: Element | null): Promise<void> {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await flush(2);
}

/** Unmounts everything mounted so far. */
export function cleanup(): void {
  for (const el of [...document.body.children]) {
    render(null, el);
    el.remove();
  }
  delete document.documentElement.dataset.clTheme;
}
