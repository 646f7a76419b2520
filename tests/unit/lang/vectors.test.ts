import { describe, expect, it } from 'vitest';
import data from '../../../src/core/lang/data/word-vectors.json';
import { encodeWordVectorsBinary, loadWordVectors, loadWordVectorsBinary, setSimilarity, softAlignment, wordSimilarity, type WordVectorsData } from '../../../src/core/lang/vectors';

const vectors = loadWordVectors(data);

/** A two-word, two-dimension table written by hand: "up" = (127, 0) × 0.5, "right" = (0, -127) × 2. */
const tiny: WordVectorsData = {
  dimensions: 2,
  count: 2,
  words: 'up right',
  // float32 little-endian 0.5 = 00 00 00 3f, 2 = 00 00 00 40
  scales: btoa(String.fromCharCode(0, 0, 0, 0x3f, 0, 0, 0, 0x40)),
  // int8 127, 0, 0, -127
  values: btoa(String.fromCharCode(127, 0, 0, 0x81)),
};

describe('word vectors: loading', () => {
  it('decodes values and scales exactly (hand-made table)', () => {
    const t = loadWordVectors(tiny);
    expect([...t.vector('up')!]).toEqual([63.5, 0]);
    expect([...t.vector('RIGHT')!]).toEqual([0, -254]);
    expect(t.vector('left')).toBeNull();
    expect(wordSimilarity(t, 'up', 'right')).toBe(0);
  });

  it.each([
    ['dimensions', { ...tiny, dimensions: 0 }, /"dimensions"/],
    ['count against words', { ...tiny, count: 3 }, /"words" holds 2 words, "count" says 3/],
    ['scales length', { ...tiny, scales: btoa('\u0000\u0000\u0000\u003f') }, /"scales" holds 4 bytes, expected 8/],
    ['values length', { ...tiny, values: btoa('\u007f') }, /"values" holds 1 bytes, expected 4/],
    ['values not base64', { ...tiny, values: 'f*8=' }, /"values" is not base64/],
  ])('rejects a bad table, naming the field (%s)', (_name, bad, message) => {
    expect(() => loadWordVectors(bad as WordVectorsData)).toThrow(message);
  });

  it('holds the committed vocabulary: 20,000 lowercase words of 100 dimensions', () => {
    expect(vectors.size).toBe(20_000);
    expect(vectors.dimensions).toBe(100);
    for (const w of ['the', 'staff', 'employees', 'rejected', 'turned', 'ballot']) expect(vectors.row(w)).toBeGreaterThanOrEqual(0);
    expect(vectors.row('zzzqqq')).toBe(-1);
  });
});

describe('word vectors: similarity of meaning', () => {
  it.each([
    // [near pair, unrelated pair]: the near pair is the closer one
    [['rejected', 'turned'], ['rejected', 'banana']],
    [['rejected', 'refused'], ['rejected', 'weather']],
    [['staff', 'employees'], ['staff', 'guitar']],
    [['staff', 'employees'], ['employees', 'weather']],
    [['vote', 'ballot'], ['vote', 'elephant']],
    [['said', 'told'], ['said', 'purple']],
    [['abuse', 'intimidation'], ['abuse', 'tomato']],
    [['rally', 'demonstration'], ['rally', 'spoon']],
    [['leader', 'chief'], ['leader', 'carrot']],
  ])('%j is closer than %j', ([a, b], [c, d]) => {
    expect(wordSimilarity(vectors, a, b)!).toBeGreaterThan(wordSimilarity(vectors, c, d)! + 0.2);
  });

  it('is 1 for a word with itself, symmetric, and null for an unknown word', () => {
    expect(wordSimilarity(vectors, 'union', 'union')).toBeCloseTo(1, 6);
    expect(wordSimilarity(vectors, 'staff', 'employees')).toBeCloseTo(wordSimilarity(vectors, 'employees', 'staff')!, 10);
    expect(wordSimilarity(vectors, 'staff', 'zzzqqq')).toBeNull();
  });

  it('ranks word sets by meaning: a reworded statement above an unrelated one', () => {
    const page = ['union', 'leader', 'rejected', 'offer'];
    const reworded = ['union', 'boss', 'turned', 'down', 'deal'];
    const unrelated = ['weather', 'rain', 'sunday', 'forecast'];
    expect(setSimilarity(vectors, page, reworded)!).toBeGreaterThan(setSimilarity(vectors, page, unrelated)! + 0.2);
    expect(softAlignment(vectors, ['staff', 'rejected', 'offer'], ['employees', 'turned', 'down', 'deal'])!).toBeGreaterThan(
      softAlignment(vectors, ['staff', 'rejected', 'offer'], ['weather', 'rain', 'sunday'])! + 0.1,
    );
    expect(setSimilarity(vectors, ['zzzqqq'], page)).toBeNull();
    expect(softAlignment(vectors, page, [])).toBeNull();
  });
});

describe('word vectors: the binary form the matching side loads', () => {
  it('round-trips the hand-made table: same vectors, words found, cosines of rows', () => {
    const t = loadWordVectorsBinary(encodeWordVectorsBinary(tiny));
    expect(t.size).toBe(2);
    expect([...t.vector('up')!]).toEqual([63.5, 0]);
    expect([...t.vector('Right')!]).toEqual([0, -254]);
    expect(t.row('left')).toBe(-1);
    expect(t.cosineRows(t.row('up'), t.row('up'))).toBeCloseTo(1, 6); // float32 inverse norm
    expect(t.cosineRows(t.row('up'), t.row('right'))).toBe(0);
  });

  it('gives the committed table the same vectors and cosines as the JSON form', () => {
    const binary = loadWordVectorsBinary(encodeWordVectorsBinary(data));
    expect(binary.size).toBe(vectors.size);
    for (const [a, b] of [['staff', 'employees'], ['rejected', 'refused'], ['vote', 'banana']]) {
      expect(binary.cosineRows(binary.row(a), binary.row(b))).toBeCloseTo(vectors.cosineRows(vectors.row(a), vectors.row(b)), 6);
      expect([...binary.vector(a)!]).toEqual([...vectors.vector(a)!]);
    }
  });

  it.each([
    ['bad magic', (b: Uint8Array) => b.fill(0, 0, 4), /bad magic/],
    ['cut short', (b: Uint8Array) => b.subarray(0, b.length - 1), /holds \d+ bytes, expected/],
  ])('rejects a damaged file (%s)', (_name, damage, message) => {
    expect(() => loadWordVectorsBinary(damage(encodeWordVectorsBinary(tiny)))).toThrow(message);
  });
});
