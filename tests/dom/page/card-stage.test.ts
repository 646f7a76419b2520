/**
 * The card pre-rendered during the hover-intent delay: rendered at opacity 0 with pointer-events
 * none and inert (laid out and painted on its own layer, but not seen, not announced, not focusable,
 * not in the way of the page's pointer events) once its details are there, revealed by `open`
 * without a second render, dropped when the pointer leaves, and never used for another marker.
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

/** What keeps a staged card unseen and out of the way, as the browser would compute it. */
function staging(f: HTMLElement) {
  const cs = getComputedStyle(f);
  // happy-dom leaves properties no rule sets empty where a browser reports the initial value.
  return { opacity: cs.opacity || '1', pointerEvents: cs.pointerEvents || 'auto', inert: f.hasAttribute('inert') };
}

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
    expect(staging(f)).toEqual({ opacity: '0', pointerEvents: 'none', inert: true });
    expect(getComputedStyle(f).willChange).toBe('opacity');
    expect(document.querySelector('coverage-lens-card')?.getAttribute('data-cl-state')).toBe('closed');
    expect(renders).toEqual(['person:a:ready:false']);
    host.open(a, match);
    expect(renders).toEqual(['person:a:ready:false']); // no second render
    expect(staging(f)).toEqual({ opacity: '1', pointerEvents: 'auto', inert: false });
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
    expect(staging(float()!)).toEqual({ opacity: '1', pointerEvents: 'auto', inert: false });
    host.stage(a, match);
    await flush();
    expect(staging(float()!)).toEqual({ opacity: '0', pointerEvents: 'none', inert: true });
    await flush();
    host.open(b, other);
    await flush();
    expect(renders.at(-1)).toBe('person:b:ready:false');
    expect(float()!.textContent).toContain('Bo Other');
    expect(staging(float()!)).toEqual({ opacity: '1', pointerEvents: 'auto', inert: false });
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
