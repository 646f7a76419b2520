/** Attribution of a CPU profile's samples to one set of scripts (the bench's page main-thread rows). */

/** The parts of a CDP Profiler profile the sum reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Time (ms) of the samples whose stack holds a frame of a script under `prefix` (the extension's
 * scripts): a native call made from our code (a forced layout, a DOM write) counts as ours too.
 */
export function extensionTime(profile: CpuProfile, prefix = 'chrome-extension://'): number {
  const parent = new Map<number, number>();
  const own = new Map<number, boolean>();
  for (const n of profile.nodes) {
    own.set(n.id, n.callFrame.url.startsWith(prefix));
    for (const c of n.children ?? []) parent.set(c, n.id);
  }
  const memo = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const p = parent.get(id);
    const v = own.get(id) === true || (p !== undefined && ours(p));
    memo.set(id, v);
    return v;
  };
  let us = 0;
  // timeDeltas[i] is the time before sample i; the next delta is how long sample i's stack ran.
  for (let i = 0; i < profile.samples.length; i++) if (ours(profile.samples[i])) us += profile.timeDeltas[i + 1] ?? 0;
  return us / 1000;
}
