/**
 * Hover intent: the card opens inside the animation frame where the open delay ends (so it is
 * painted in that frame), never before the frame lead, and not at all when the pointer leaves first.
 * Frames are driven by hand (the window's requestAnimationFrame is replaced), timers are faked.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Match } from '../../../src/core/index/types';
import type { CardHost } from '../../../src/page/card-host';
import { OPEN_DELAY_MS, OPEN_FRAME_LEAD_MS, initCardTriggers } from '../../../src/page/card-triggers';

const MATCH: Match = { kind: 'person', text: 'Jane Doe', start: 0, end: 8, id: 'person:jane', score: 1, refs: [] };

function fakeHost() {
  const calls: string[] = [];
  const host = {
    marker: null as HTMLElement | null,
    isPinned: false,
    isHost: () => false,
    preload: () => Promise.resolve(),
    stage: () => calls.push('stage'),
    unstage: () => calls.push('unstage'),
    open: (marker: HTMLElement) => {
      calls.push(`open at ${Date.now()}${frameDepth > 0 ? ' in a frame' : ''}`);
      host.marker = marker;
    },
    close: () => {
      calls.push('close');
      host.marker = null;
    },
    setPinned: () => undefined,
    focusCard: () => undefined,
  };
  return { host, calls };
}

let frames: FrameRequestCallback[] = [];
let frameDepth = 0;
/** Runs the frame callbacks requested so far, as the browser does at the start of a frame. */
function runFrame(): void {
  const due = frames;
  frames = [];
  frameDepth++;
  try {
    for (const callback of due) callback(Date.now());
  } finally {
    frameDepth--;
  }
}

describe('card triggers: hover intent', () => {
  let abort: AbortController;
  let marker: HTMLElement;
  let view: Window;
  let savedRaf: typeof window.requestAnimationFrame;
  let savedCaf: typeof window.cancelAnimationFrame;

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], now: 0 });
    document.body.innerHTML = '<p>Said <coverage-lens-mark id="m">Jane Doe</coverage-lens-mark> today. <span id="away">x</span></p>';
    marker = document.getElementById('m')!;
    view = document.defaultView!;
    savedRaf = view.requestAnimationFrame;
    savedCaf = view.cancelAnimationFrame;
    frames = [];
    view.requestAnimationFrame = (callback: FrameRequestCallback) => frames.push(callback);
    view.cancelAnimationFrame = (id: number) => {
      frames[id - 1] = () => undefined;
    };
    abort = new AbortController();
  });

  afterEach(() => {
    abort.abort();
    view.requestAnimationFrame = savedRaf;
    view.cancelAnimationFrame = savedCaf;
    vi.useRealTimers();
    document.body.innerHTML = '';
  });

  const wire = () => {
    const { host, calls } = fakeHost();
    initCardTriggers(document, host as unknown as CardHost, (el) => (el === marker ? { match: MATCH, first: marker } : null), abort.signal);
    return calls;
  };
  const over = (el: Element) => el.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  const out = (el: Element, to: Element) => el.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, relatedTarget: to }));

  it('opens in the animation frame that comes once the delay, less the frame lead, has passed', () => {
    const calls = wire();
    over(marker);
    expect(calls).toEqual(['stage']);
    vi.advanceTimersByTime(OPEN_DELAY_MS - OPEN_FRAME_LEAD_MS - 1);
    runFrame();
    expect(calls).toEqual(['stage']); // a frame before the lead opens nothing
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['stage']); // the timer only asks for a frame
    vi.advanceTimersByTime(OPEN_FRAME_LEAD_MS - 4);
    runFrame();
    expect(calls).toEqual(['stage', `open at ${OPEN_DELAY_MS - 4} in a frame`]);
    // The fallback timer is cancelled: no second open.
    vi.advanceTimersByTime(1000);
    runFrame();
    expect(calls).toHaveLength(2);
  });

  it('opens from the fallback timer when no frame comes', () => {
    const calls = wire();
    over(marker);
    vi.advanceTimersByTime(OPEN_DELAY_MS + 49);
    expect(calls).toEqual(['stage']);
    vi.advanceTimersByTime(1);
    expect(calls).toEqual(['stage', `open at ${OPEN_DELAY_MS + 50}`]);
    runFrame();
    expect(calls).toHaveLength(2);
  });

  it('does not open when the pointer leaves before the frame, even if the frame was already asked for', () => {
    const calls = wire();
    const away = document.getElementById('away')!;
    over(marker);
    vi.advanceTimersByTime(OPEN_DELAY_MS - OPEN_FRAME_LEAD_MS + 2);
    expect(frames).toHaveLength(1);
    out(marker, away);
    runFrame();
    vi.advanceTimersByTime(1000);
    expect(calls).toEqual(['stage', 'unstage']);
  });
});
