import { describe, expect, it } from 'vitest';
import { extensionTime, type CpuProfile } from '../../../scripts/bench/profile-time';

// root(1) ─┬─ page script (2)
//          └─ extension script (3) ── native call from it, no URL (4)
const nodes: CpuProfile['nodes'] = [
  { id: 1, callFrame: { url: '' }, children: [2, 3] },
  { id: 2, callFrame: { url: 'http://127.0.0.1/page.js' } },
  { id: 3, callFrame: { url: 'chrome-extension://abc/assets/content.js' }, children: [4] },
  { id: 4, callFrame: { url: '' } },
];

describe('extensionTime: profile samples attributed to the extension', () => {
  it.each([
    // Sample i lasts until the next sample: timeDeltas[i + 1] µs.
    { name: 'a sample in an extension frame and one in a native call below it count', samples: [2, 3, 4, 1], deltas: [5, 100, 200, 300], ms: 0.5 },
    { name: 'page script and idle root samples do not count', samples: [2, 1, 2], deltas: [0, 700, 900], ms: 0 },
    { name: 'the last sample has no known length and counts nothing', samples: [1, 3], deltas: [0, 250], ms: 0 },
    { name: 'every sample in the extension', samples: [3, 3, 4], deltas: [0, 1000, 1000], ms: 2 },
  ])('$name', ({ samples, deltas, ms }) => {
    expect(extensionTime({ nodes, samples, timeDeltas: deltas })).toBeCloseTo(ms, 9);
  });

  it('another prefix picks other scripts', () => {
    expect(extensionTime({ nodes, samples: [2, 1], timeDeltas: [0, 400] }, 'http://127.0.0.1/')).toBeCloseTo(0.4, 9);
  });
});
