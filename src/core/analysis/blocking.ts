/**
 * Shared by quote grouping and claim grouping: blocking for pairwise comparison, and union-find
 * groups. Only items that share a blocking key are compared, so n items cost far less than n²
 * comparisons; a key shared by more than `maxBlock` items says too little to be worth comparing,
 * and the cap bounds the work per item: at most maxBlock − 1 partners per key it holds, however
 * large the corpus grows.
 *
 * Keys are compact: each distinct key becomes a dense number once, the blocks are one flat
 * Int32Array of item numbers (no list or string per pair), and a pair is visited once through a
 * per-item stamp rather than a set of every pair seen.
 */

/** A blocking key: a string, or a number the caller already made unique per key (e.g. a packed word trigram). */
export type BlockingKey = string | number;

/**
 * Calls `visit` once for every pair of items (i < j) that share a key held by at most `maxBlock`
 * items: in order of i, then of i's keys as `keysOf` gives them, then of j.
 */
export function forEachCandidatePair(count: number, keysOf: (i: number) => Iterable<BlockingKey>, maxBlock: number, visit: (i: number, j: number) => void): void {
  // 1. Each item's distinct keys, as dense key numbers, in one flat list.
  const { itemKeys, itemStart, blockSize } = numberedKeys(count, keysOf) ?? mappedKeys(count, keysOf);

  // 2. Blocks: the items of each key, ascending, one after another (only blocks that will be compared).
  const blockStart = new Int32Array(blockSize.length + 1);
  for (let b = 0; b < blockSize.length; b++) {
    const size = blockSize[b];
    blockStart[b + 1] = blockStart[b] + (size >= 2 && size <= maxBlock ? size : 0);
  }
  // Where each item stands in each of its blocks (members ascend: its later partners follow it).
  const members = new Int32Array(blockStart[blockSize.length]);
  const at = new Int32Array(itemKeys.length);
  const fill = blockStart.slice(0, blockSize.length);
  for (let i = 0; i < count; i++) {
    for (let k = itemStart[i]; k < itemStart[i + 1]; k++) {
      const b = itemKeys[k];
      if (blockStart[b + 1] > blockStart[b]) {
        at[k] = fill[b];
        members[fill[b]++] = i;
      }
    }
  }

  // 3. Pairs: each item with the later items of its blocks, each partner once (stamped with i).
  const stamp = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    for (let k = itemStart[i]; k < itemStart[i + 1]; k++) {
      const b = itemKeys[k];
      const end = blockStart[b + 1];
      if (end === blockStart[b]) continue;
      for (let m = at[k] + 1; m < end; m++) {
        const j = members[m];
        if (stamp[j] === i) continue;
        stamp[j] = i;
        visit(i, j);
      }
    }
  }
}

/** Each item's distinct keys as dense key numbers (one flat list, item `i`'s from itemStart[i]), and how many items hold each key. */
interface DenseKeys {
  itemKeys: Int32Array;
  itemStart: Int32Array;
  blockSize: Int32Array;
}

/** Sets a[used] to value, in a copy twice as long when `a` is full; returns the array to keep using. */
function pushInt(a: Int32Array, used: number, value: number): Int32Array {
  if (used === a.length) {
    const grown = new Int32Array(a.length * 2);
    grown.set(a);
    a = grown;
  }
  a[used] = value;
  return a;
}

/**
 * Whether key `id` is in an item's list so far (itemKeys from `from` to `used`): a key repeated
 * within one item counts once (items are short: a linear look-back is cheapest).
 */
function isRepeated(itemKeys: Int32Array, from: number, used: number, id: number): boolean {
  for (let k = from; k < used; k++) if (itemKeys[k] === id) return true;
  return false;
}

/** Dense key numbers in order of first appearance, through a Map (any keys). */
function mappedKeys(count: number, keysOf: (i: number) => Iterable<BlockingKey>): DenseKeys {
  const keyIds = new Map<BlockingKey, number>();
  let blockSize: Int32Array = new Int32Array(1024);
  let itemKeys: Int32Array = new Int32Array(Math.max(16, count * 4));
  const itemStart = new Int32Array(count + 1);
  let used = 0;
  for (let i = 0; i < count; i++) {
    itemStart[i] = used;
    for (const key of keysOf(i)) {
      let id = keyIds.get(key);
      if (id === undefined) {
        id = keyIds.size;
        keyIds.set(key, id);
        blockSize = pushInt(blockSize, id, 0);
      }
      if (isRepeated(itemKeys, itemStart[i], used, id)) continue;
      itemKeys = pushInt(itemKeys, used++, id);
      blockSize[id]++;
    }
  }
  itemStart[count] = used;
  return { itemKeys, itemStart, blockSize: blockSize.subarray(0, keyIds.size) };
}

/**
 * Dense key numbers when every key is a number (null as soon as one is not): the keys are
 * gathered in one Float64Array and numbered in sorted order, found by binary search. A Map of
 * millions of number keys beyond the small-integer range holds each as a boxed number (about 60
 * bytes a key with its entry): the word trigrams of quote grouping at 20,000 articles were the
 * largest thing in memory at that step. Numbering in sorted rather than first-seen order changes
 * no pair and no visiting order (both follow each item's keys as given, whatever their numbers).
 */
function numberedKeys(count: number, keysOf: (i: number) => Iterable<BlockingKey>): DenseKeys | null {
  let all = new Float64Array(Math.max(16, count * 4));
  const itemStart = new Int32Array(count + 1);
  let used = 0;
  for (let i = 0; i < count; i++) {
    itemStart[i] = used;
    for (const key of keysOf(i)) {
      if (typeof key !== 'number') return null;
      if (used === all.length) {
        const grown = new Float64Array(all.length * 2);
        grown.set(all);
        all = grown;
      }
      all[used++] = key;
    }
  }
  itemStart[count] = used;
  const keys = distinctAscending(all.subarray(0, used));
  const blockSize = new Int32Array(keys.length);
  // Each item's distinct key numbers.
  const itemKeys = new Int32Array(used);
  let out = 0;
  for (let i = 0; i < count; i++) {
    const from = itemStart[i];
    const to = itemStart[i + 1];
    itemStart[i] = out;
    for (let k = from; k < to; k++) {
      const id = sortedIndexOf(keys, all[k]);
      if (isRepeated(itemKeys, itemStart[i], out, id)) continue;
      itemKeys[out++] = id;
      blockSize[id]++;
    }
  }
  itemStart[count] = out;
  return { itemKeys, itemStart, blockSize };
}

/** The distinct values of `values`, ascending (a typed array sorts numerically). */
function distinctAscending(values: Float64Array): Float64Array {
  const sorted = values.slice().sort();
  let distinct = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[distinct - 1]) sorted[distinct++] = sorted[k];
  return sorted.slice(0, distinct);
}

/** Index of `x` in ascending `keys`, which hold it. */
function sortedIndexOf(keys: Float64Array, x: number): number {
  let lo = 0;
  let hi = keys.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Scored pairs of items, packed in typed arrays (20 bytes a pair): the grouping steps find millions
 * of pairs in a corpus of 20,000 articles, and as objects they were the largest thing in memory.
 */
export class Edges {
  private i = new Int32Array(1024);
  private j = new Int32Array(1024);
  private score = new Float64Array(1024);
  /** Pairs added so far. */
  count = 0;

  /** Adds the pair (i, j) with its score. */
  add(i: number, j: number, score: number): void {
    if (this.count === this.i.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.i = grow(this.i);
      this.j = grow(this.j);
      this.score = grow(this.score);
    }
    this.i[this.count] = i;
    this.j[this.count] = j;
    this.score[this.count] = score;
    this.count++;
  }

  /** Calls `visit` for each pair in the order added. */
  forEach(visit: (i: number, j: number) => void): void {
    for (let k = 0; k < this.count; k++) visit(this.i[k], this.j[k]);
  }

  /** Calls `visit` for each pair best first: highest score, then lowest i, then lowest j (a total order). */
  forEachBestFirst(visit: (i: number, j: number) => void): void {
    const { i, j, score } = this;
    const order = new Uint32Array(this.count);
    for (let k = 0; k < order.length; k++) order[k] = k;
    order.sort((a, b) => score[b] - score[a] || i[a] - i[b] || j[a] - j[b]);
    for (const k of order) visit(i[k], j[k]);
  }
}

/** A union-find over items 0..count-1. */
export class DisjointSets {
  private readonly parent: Int32Array;
  constructor(count: number) {
    this.parent = new Int32Array(count);
    for (let i = 0; i < count; i++) this.parent[i] = i;
  }
  /** The representative of i's set. */
  find(i: number): number {
    const parent = this.parent;
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
  /** Puts `child`'s set under `root`'s (both must be representatives). */
  attach(child: number, root: number): void {
    this.parent[child] = root;
  }
  /** The sets' members, each list ascending, lists in order of first member. */
  groups(): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let i = 0; i < this.parent.length; i++) {
      const r = this.find(i);
      const list = byRoot.get(r);
      if (list) list.push(i);
      else byRoot.set(r, [i]);
    }
    return [...byRoot.values()];
  }
}
