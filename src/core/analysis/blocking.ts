/**
 * Shared by quote grouping and claim grouping: blocking for pairwise comparison, and union-find
 * groups. Only items that share a blocking key are compared, so n items cost far less than n²
 * comparisons; a key shared by more than `maxBlock` items says too little to be worth comparing.
 */

/** Calls `visit` once for every pair of items (i < j) that share a key, block by block in first-seen key order. */
export function forEachCandidatePair(count: number, keysOf: (i: number) => Iterable<string>, maxBlock: number, visit: (i: number, j: number) => void): void {
  const blocks = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    for (const key of new Set(keysOf(i))) {
      const list = blocks.get(key);
      if (list) list.push(i);
      else blocks.set(key, [i]);
    }
  }
  const seen = new Set<string>();
  for (const list of blocks.values()) {
    if (list.length < 2 || list.length > maxBlock) continue;
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const key = `${list[x]}:${list[y]}`;
        if (seen.has(key)) continue;
        seen.add(key);
        visit(list[x], list[y]);
      }
    }
  }
}

/** A union-find over items 0..count-1. */
export class DisjointSets {
  private readonly parent: number[];
  constructor(count: number) {
    this.parent = Array.from({ length: count }, (_, i) => i);
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
