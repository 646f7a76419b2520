/**
 * Word vectors: similarity of meaning between words and word sets, from the trimmed int8 table that
 * scripts/build-vectors.ts writes (data/word-vectors.json: common lowercase English words, each a
 * 100-dimension vector stored as int8 values with one float scale). Pure: the caller passes the
 * parsed table in, so nothing here reads files or the network.
 */

/** The committed table as JSON (see scripts/build-vectors.ts for the format). */
export interface WordVectorsData {
  dimensions: number;
  count: number;
  /** The words, space-separated, in table order. */
  words: string;
  /** base64 of `count` little-endian float32 scales. */
  scales: string;
  /** base64 of `count × dimensions` int8 values, word after word. */
  values: string;
}

/** A loaded table. */
export interface WordVectors {
  readonly dimensions: number;
  readonly size: number;
  /** The row of a word (matched lowercase), or -1 when the table lacks it. */
  row(word: string): number;
  /** The word's vector with its scale applied, or null when the table lacks it. */
  vector(word: string): Float32Array | null;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Sextet value by character code (255: not a base64 character); a table, since the text is megabytes. */
const BASE64_INDEX = new Uint8Array(128).fill(255);
for (let i = 0; i < BASE64.length; i++) BASE64_INDEX[BASE64.charCodeAt(i)] = i;

/** Decodes standard base64 (with or without padding); throws naming `field` on a bad character. */
function decodeBase64(text: string, field: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const code = clean.charCodeAt(i);
    const v = code < 128 ? BASE64_INDEX[code] : 255;
    if (v === 255) throw new Error(`word vectors: field "${field}" is not base64 (character ${i})`);
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Checks and decodes a table; throws naming the field that is wrong. */
export function loadWordVectors(data: WordVectorsData): WordVectors {
  const { dimensions, count } = data ?? ({} as WordVectorsData);
  if (!Number.isInteger(dimensions) || dimensions <= 0) throw new Error('word vectors: field "dimensions" must be a positive integer');
  if (!Number.isInteger(count) || count < 0) throw new Error('word vectors: field "count" must be a non-negative integer');
  if (typeof data.words !== 'string' || typeof data.scales !== 'string' || typeof data.values !== 'string') {
    throw new Error('word vectors: fields "words", "scales" and "values" must be strings');
  }
  const words = data.words ? data.words.split(' ') : [];
  if (words.length !== count) throw new Error(`word vectors: field "words" holds ${words.length} words, "count" says ${count}`);
  const scaleBytes = decodeBase64(data.scales, 'scales');
  if (scaleBytes.length !== count * 4) throw new Error(`word vectors: field "scales" holds ${scaleBytes.length} bytes, expected ${count * 4}`);
  const valueBytes = decodeBase64(data.values, 'values');
  if (valueBytes.length !== count * dimensions) throw new Error(`word vectors: field "values" holds ${valueBytes.length} bytes, expected ${count * dimensions}`);
  const scales = new DataView(scaleBytes.buffer, scaleBytes.byteOffset, scaleBytes.byteLength);
  const values = new Int8Array(valueBytes.buffer, valueBytes.byteOffset, valueBytes.byteLength);
  const rows = new Map<string, number>();
  words.forEach((w, i) => {
    if (!rows.has(w)) rows.set(w, i);
  });
  const row = (word: string) => rows.get(word.toLowerCase()) ?? -1;
  return {
    dimensions,
    size: count,
    row,
    vector(word) {
      const r = row(word);
      if (r < 0) return null;
      const scale = scales.getFloat32(r * 4, true);
      const v = new Float32Array(dimensions);
      for (let d = 0; d < dimensions; d++) v[d] = values[r * dimensions + d] * scale;
      return v;
    },
  };
}

/** Cosine of two vectors of one length (0 when either is all zeros). */
function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i] * b[i];
    na += a[i] * a[i];
    nb += b[i] * b[i];
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** Cosine similarity (-1..1) of two words, or null when the table lacks either. */
export function wordSimilarity(vectors: WordVectors, a: string, b: string): number | null {
  const va = vectors.vector(a);
  const vb = vectors.vector(b);
  return va && vb ? cosine(va, vb) : null;
}

/** Sum of the unit vectors of the known words (each word counts once, whatever its length). */
function centroid(vectors: WordVectors, words: readonly string[]): Float32Array | null {
  let sum: Float32Array | null = null;
  for (const w of words) {
    const v = vectors.vector(w);
    if (!v) continue;
    const norm = Math.hypot(...v);
    if (norm === 0) continue;
    sum ??= new Float32Array(vectors.dimensions);
    for (let d = 0; d < v.length; d++) sum[d] += v[d] / norm;
  }
  return sum;
}

/** Cosine similarity of two word sets' centroids (unknown words ignored), or null when a set has no known word. */
export function setSimilarity(vectors: WordVectors, a: readonly string[], b: readonly string[]): number | null {
  const ca = centroid(vectors, a);
  const cb = centroid(vectors, b);
  return ca && cb ? cosine(ca, cb) : null;
}

/**
 * Soft alignment of `a` onto `b`: the mean, over the known words of `a`, of each one's best cosine
 * with a known word of `b` (asymmetric: how well `b` covers `a`), or null when either has none.
 */
export function softAlignment(vectors: WordVectors, a: readonly string[], b: readonly string[]): number | null {
  const vb = b.map((w) => vectors.vector(w)).filter((v): v is Float32Array => v !== null);
  if (!vb.length) return null;
  let total = 0;
  let n = 0;
  for (const w of a) {
    const v = vectors.vector(w);
    if (!v) continue;
    total += Math.max(...vb.map((u) => cosine(v, u)));
    n++;
  }
  return n ? total / n : null;
}
