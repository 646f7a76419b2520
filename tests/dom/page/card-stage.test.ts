/**
 * The card pre-rendered during the hover-intent delay: rendered hidden and inert (not painted, not
 * announced, not focusable) once its details are there, revealed by `open` without a second render,
 * dropped when the pointer leaves, and never used for another marker.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CardDetails } from '../../../src/core/index/details';
import type { Match } from '../../../src/core/index/types';
import { CardHost } from '../../../src/page/card-host';
import type { CardUi } from '../../../src/page/card-loader';
import type { Result } from '../../../src/shared/protocol';

const match: Match = { kind: 'person', id: 'person:a', text: 'Ann Example', start: 0, end: 11, score: 1, refs: [] };
const other: Match = { ...match, id: 'person:b', text: 'Bo Other' };

const hosts: CardHost[] = [];
const flush = () => new Promise((r) => setTimeout(r, 0));
const float = () => document.querySelector('coverage-lens-card')?.shadowRoot?.querySelector<HTMLElement>('.cl-float') ?? null;

function setup() {
  const renders: string[] = [];
  const stops = vi.fn();
  const ui: CardUi = {
    css: '',
    render: (container, props) => {
      renders.push(`${props.match.id}:${props.state.status}:${props.pinned}`);
      container.textContent = `${props.match.text} ${props.state.status}`;
    },
    unmount: (container) => {
      container.textContent = '';
    },
    position: () => stops,
  };
  const host = new CardHost(document, {
    getDetails: async (): Promise<Result<CardDetails>> => ({ ok: true, value: {} as CardDetails }),
    openBrowser: () => undefined,
    theme: 'light',
    loadUi: async () => ui,
    unavailableText: () => 'card unavailable',
  });
  hosts.push(host);
  const a = document.createElement('span');
  const b = document.createElement('span');
  document.body.append(a, b);
  return { host, a, b, renders, stops };
}

afterEach(() => {
  for (const host of hosts.splice(0)) host.destroy();
  document.body.replaceChildren();
  document.querySelector('coverage-lens-card')?.remove();
});

describe('CardHost staging during the intent delay', () => {
  it('renders hidden and inert, then open only reveals it', async () => {
    const { host, a, renders } = setup();
    host.stage(a, match);
    await flush();
    const f = float()!;
    expect(f).not.toBeNull();
    expect(f.hidden).toBe(false);
    expect(f.style.visibility).toBe('hidden');
    expect(f.hasAttribute('inert')).toBe(true);
    expect(document.querySelector('coverage-lens-card')?.getAttribute('data-cl-state')).toBe('closed');
    expect(renders).toEqual(['person:a:ready:false']);
    host.open(a, match);
    expect(renders).toEqual(['person:a:ready:false']); // no second render
    expect(f.style.visibility).toBe('');
    expect(f.hasAttribute('inert')).toBe(false);
    expect(document.querySelector('coverage-lens-card')?.getAttribute('data-cl-state')).toBe('open');
    expect(f.textContent).toContain('Ann Example');
  });

  it('drops the staged card when the pointer leaves, and never shows it for another marker', async () => {
    const { host, a, b, renders, stops } = setup();
    host.stage(a, match);
    await flush();
    host.unstage();
    expect(stops).toHaveBeenCalledTimes(1);
    expect(float()!.hidden).toBe(true);
    expect(float()!.textContent).toBe('');
    host.stage(a, match);
    await flush();
    host.open(b, other);
    await flush();
    expect(renders.at(-1)).toBe('person:b:ready:false');
    expect(float()!.textContent).toContain('Bo Other');
    expect(float()!.style.visibility).toBe('');
    expect(float()!.hasAttribute('inert')).toBe(false);
  });

  it('is ignored while a card is open', async () => {
    const { host, a, b, renders } = setup();
    host.open(a, match);
    await flush();
    const before = renders.length;
    host.stage(b, other);
    await flush();
    expect(renders.length).toBe(before);
    expect(float()!.textContent).toContain('Ann Example');
  });
});
