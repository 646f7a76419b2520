/**
 * Word vectors: similarity of meaning between words and word sets, from the trimmed int8 table that
 * scripts/build-vectors.ts writes (data/word-vectors.json: common lowercase English words, each a
 * 100-dimension vector stored as int8 values with one float scale). Pure: the caller passes the
 * parsed table in, so nothing here reads files or the network. The binary form may carry the word
 * senses (word-senses.ts) of the same rows.
 */
import { decodeSensesSection, encodeSensesSection, type RowSenses, type WordSensesData } from './word-senses';

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
  /** Cosine of two rows (0 when either is all zeros): no allocation, for hot loops. */
  cosineRows(a: number, b: number): number;
  /** Which rows share a meaning (word-senses.ts), when the table carries them. */
  readonly senses?: RowSenses | null;
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
  return tableOf(dimensions, words, scales, values);
}

/** Magic bytes of the binary form ("CLV1"). */
const BINARY_MAGIC = 0x31564c43;

/**
 * The binary form the matching side loads (no JSON parse, no base64): magic "CLV1", then uint32
 * dimensions, count and the byte length of the words (ASCII, newline-separated, sorted by code
 * unit, no duplicates), the words, zero
 * padding to a multiple of 4, `count` float32 scales, `count × dimensions` int8 values; little-endian.
 * With `senses`, their section (word-senses.ts) follows, from a multiple of 4.
 */
export function encodeWordVectorsBinary(data: WordVectorsData, senses?: WordSensesData): Uint8Array {
  // Rows in word order (code units, the first of duplicates kept), so the loader finds a word by
  // binary search instead of building a map of every word at a cold start.
  const table = loadWordVectors(data);
  const list = data.words.split(' ');
  const order = [...list.keys()].filter((i) => table.row(list[i]) === i).sort((a, b) => (list[a] < list[b] ? -1 : list[a] > list[b] ? 1 : 0));
  // The table's words are ASCII (lowercase letters, hyphens, apostrophes: scripts/build-vectors.ts).
  const text = order.map((i) => list[i]).join('\n');
  const words = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 127) throw new Error(`word vectors: field "words" has a non-ASCII character at ${i}`);
    words[i] = c;
  }
  const allScales = decodeBase64(data.scales, 'scales');
  const allValues = decodeBase64(data.values, 'values');
  const d = data.dimensions;
  const scales = new Uint8Array(order.length * 4);
  const values = new Uint8Array(order.length * d);
  order.forEach((from, to) => {
    scales.set(allScales.subarray(from * 4, from * 4 + 4), to * 4);
    values.set(allValues.subarray(from * d, from * d + d), to * d);
  });
  const wordsEnd = 16 + words.length;
  const scalesAt = Math.ceil(wordsEnd / 4) * 4;
  const sensesAt = Math.ceil((scalesAt + scales.length + values.length) / 4) * 4;
  const section = senses ? encodeSensesSection(senses, order.map((i) => list[i])) : new Uint8Array(0);
  const out = new Uint8Array(senses ? sensesAt + section.length : scalesAt + scales.length + values.length);
  if (senses) out.set(section, sensesAt);
  const view = new DataView(out.buffer);
  view.setUint32(0, BINARY_MAGIC, true);
  view.setUint32(4, data.dimensions, true);
  view.setUint32(8, order.length, true);
  view.setUint32(12, words.length, true);
  out.set(words, 16);
  out.set(scales, scalesAt);
  out.set(values, scalesAt + scales.length);
  return out;
}

/** Decodes the binary form; throws naming what is wrong. */
export function loadWordVectorsBinary(bytes: Uint8Array): WordVectors {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 16 || view.getUint32(0, true) !== BINARY_MAGIC) throw new Error('word vectors: not the binary form (bad magic)');
  const dimensions = view.getUint32(4, true);
  const count = view.getUint32(8, true);
  const wordsLength = view.getUint32(12, true);
  const scalesAt = Math.ceil((16 + wordsLength) / 4) * 4;
  const valuesAt = scalesAt + count * 4;
  const end = valuesAt + count * dimensions;
  const sensesAt = Math.ceil(end / 4) * 4;
  if (dimensions === 0 || (bytes.length !== end && bytes.length <= sensesAt)) throw new Error(`word vectors: binary form holds ${bytes.length} bytes, expected ${end}`);
  let text = '';
  for (let i = 16, end = 16 + wordsLength; i < end; i += 8192) text += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  const words = count ? text.split('\n') : [];
  if (words.length !== count) throw new Error(`word vectors: binary form holds ${words.length} words, its header says ${count}`);
  const scales = new DataView(bytes.buffer, bytes.byteOffset + scalesAt, count * 4);
  const values = new Int8Array(bytes.buffer, bytes.byteOffset + valuesAt, count * dimensions);
  for (let i = 1; i < words.length; i++) if (!(words[i - 1] < words[i])) throw new Error(`word vectors: binary form's words are not sorted at ${i}`);
  const table = tableOf(dimensions, words, scales, values, true);
  return bytes.length === end ? table : { ...table, senses: decodeSensesSection(bytes.subarray(sensesAt), count) };
}

/** A table over decoded parts; `sorted` words are found by binary search, others through a map. */
function tableOf(dimensions: number, words: string[], scales: DataView, values: Int8Array, sorted = false): WordVectors {
  const count = words.length;
  let row: (word: string) => number;
  if (sorted) {
    row = (word) => {
      const w = word.toLowerCase();
      let lo = 0;
      let hi = count - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        const m = words[mid];
        if (m === w) return mid;
        if (m < w) lo = mid + 1;
        else hi = mid - 1;
      }
      return -1;
    };
  } else {
    const rows = new Map<string, number>();
    words.forEach((w, i) => {
      if (!rows.has(w)) rows.set(w, i);
    });
    row = (word) => rows.get(word.toLowerCase()) ?? -1;
  }
  // The scale cancels in a cosine, so rows compare on their int8 values and one inverse norm each,
  // computed on a row's first use (-1: not yet), not for every row at load.
  const invNorm = new Float32Array(count).fill(-1);
  const inverseNorm = (r: number) => {
    let v = invNorm[r];
    if (v < 0) {
      let n = 0;
      for (let d = r * dimensions, end = d + dimensions; d < end; d++) n += values[d] * values[d];
      // Read back from the Float32Array: the assignment's value is the unrounded double, so the first
      // cosine of a row would differ in the 8th digit from every later one.
      invNorm[r] = n === 0 ? 0 : 1 / Math.sqrt(n);
      v = invNorm[r];
    }
    return v;
  };
  return {
    dimensions,
    size: count,
    row,
    cosineRows(a, b) {
      let dot = 0;
      const oa = a * dimensions;
      const ob = b * dimensions;
      for (let d = 0; d < dimensions; d++) dot += values[oa + d] * values[ob + d];
      return dot * inverseNorm(a) * inverseNorm(b);
    },
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
