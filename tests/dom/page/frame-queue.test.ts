/** The frame-budget queue: reads before writes in a slice, slices bounded by the budget, everything run, abort drops the rest. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FrameQueue } from '../../../src/page/frame-queue';

afterEach(() => vi.restoreAllMocks());

describe('FrameQueue', () => {
  it('runs queued reads before queued writes within a slice, in order', async () => {
    const queue = new FrameQueue(new AbortController().signal, Number.POSITIVE_INFINITY);
    const log: string[] = [];
    queue.write(() => log.push('w1'));
    queue.read(() => log.push('r1'));
    queue.write(() => log.push('w2'));
    queue.read(() => {
      log.push('r2');
      queue.read(() => log.push('r3'));
    });
    await queue.idle();
    expect(log).toEqual(['r1', 'r2', 'r3', 'w1', 'w2']);
  });

  it('cuts work into slices of the budget, at least one task each, and runs every task', async () => {
    let clock = 0;
    let frames = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => clock);
    // Each frame the queue waits for moves the clock on by a whole frame.
    vi.spyOn(globalThis, 'requestAnimationFrame').mockImplementation((cb: FrameRequestCallback) => {
      frames++;
      clock += 16;
      setTimeout(() => cb(clock), 0);
      return frames;
    });
    const queue = new FrameQueue(new AbortController().signal, 8);
    const slices: number[] = [];
    for (let i = 0; i < 10; i++)
      queue.read(() => {
        // A task costs 3 ms of the clock.
        slices[frames] = (slices[frames] ?? 0) + 1;
        clock += 3;
      });
    await queue.idle();
    // 8 ms budget, 3 ms tasks: a task starts while the slice has time left, so three per slice.
    expect(slices).toEqual([3, 3, 3, 1]);
  });

  it('keeps going after a failing task', async () => {
    const queue = new FrameQueue(new AbortController().signal, Number.POSITIVE_INFINITY);
    const log: string[] = [];
    queue.read(() => {
      throw new Error('boom');
    });
    queue.read(() => log.push('after'));
    await queue.idle();
    expect(log).toEqual(['after']);
  });

  it('drops what is queued when its signal aborts', async () => {
    const abort = new AbortController();
    const queue = new FrameQueue(abort.signal, Number.POSITIVE_INFINITY);
    const log: string[] = [];
    queue.read(() => {
      log.push('first');
      abort.abort();
    });
    queue.read(() => log.push('second'));
    await queue.idle();
    expect(log).toEqual(['first']);
  });
});
