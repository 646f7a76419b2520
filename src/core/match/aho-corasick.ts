/**
 * A word-level Aho–Corasick automaton (compromise's approach to phrase lookup): compiled once at
 * build time to plain number arrays that ship as JSON, then run over a token stream in one pass,
 * so scan cost is linear in the number of tokens whatever the number of phrases.
 */

/** The automaton as plain arrays (JSON-serialisable). Node 0 is the root; node k>0 is edge k-1's target. */
export interface CompiledAutomaton {
  /** Per node k>0, flattened: [parent node, word id] of the edge into k (BFS order). */
  edges: number[];
  /** Failure link per node. */
  fail: number[];
  /** Pattern ending exactly at the node, or -1. */
  out: number[];
  /** Nearest node on the failure chain with an output, or 0 (the root has none). */
  link: number[];
}

/** Builds the automaton for patterns given as word-id sequences; pattern i is reported as i. */
export function compileAutomaton(patterns: number[][]): CompiledAutomaton {
  // Trie first, with children in a map keyed by word id.
  const children: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  patterns.forEach((words, p) => {
    let node = 0;
    for (const w of words) {
      let next = children[node].get(w);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        terminal.push(-1);
        children[node].set(w, next);
      }
      node = next;
    }
    if (terminal[node] === -1) terminal[node] = p;
  });
  // Renumber breadth-first with children in word-id order so the output is deterministic and
  // each node's edge can be stored at its own index.
  const order: number[] = [0];
  const parentOf: number[] = [-1];
  const wordOf: number[] = [-1];
  const newId = new Map<number, number>([[0, 0]]);
  for (let q = 0; q < order.length; q++) {
    const node = order[q];
    for (const [w, child] of [...children[node]].sort((a, b) => a[0] - b[0])) {
      newId.set(child, order.length);
      order.push(child);
      parentOf.push(q);
      wordOf.push(w);
    }
  }
  const size = order.length;
  const goto = (node: number, w: number): number | undefined => {
    const child = children[order[node]].get(w);
    return child === undefined ? undefined : newId.get(child);
  };
  const fail = new Array<number>(size).fill(0);
  const out = order.map((old) => terminal[old]);
  const link = new Array<number>(size).fill(0);
  for (let k = 1; k < size; k++) {
    const parent = parentOf[k];
    const w = wordOf[k];
    if (parent !== 0) {
      let f = fail[parent];
      let target = goto(f, w);
      while (target === undefined && f !== 0) {
        f = fail[f];
        target = goto(f, w);
      }
      fail[k] = target ?? 0;
    }
    const f = fail[k];
    link[k] = out[f] >= 0 ? f : link[f];
  }
  const edges: number[] = [];
  for (let k = 1; k < size; k++) edges.push(parentOf[k], wordOf[k]);
  return { edges, fail, out, link };
}

/**
 * Run-time form of a compiled automaton. Transitions live in typed arrays: the root's by word id
 * (the root has a child for the first word of every pattern), every other node's as its run of
 * children, which the compiled BFS order already stores contiguously and sorted by word id (most
 * nodes have one child). A Map keyed by node × vocabulary size was hashed per page token, and past a
 * few thousand articles that key leaves the small-integer range, so each look-up hashed a boxed number.
 */
export class Automaton {
  /** Child of the root per word id, 0 for none. */
  private readonly rootNext: Int32Array;
  /** Per node, its first child (children of node n are nodes childStart[n] .. childStart[n + 1] - 1). */
  private readonly childStart: Int32Array;
  /** Per node, the word id of the edge into it. */
  private readonly wordOf: Int32Array;
  readonly fail: Int32Array;
  readonly out: Int32Array;
  readonly link: Int32Array;

  constructor(data: CompiledAutomaton, vocabularySize: number) {
    const size = data.fail.length;
    this.rootNext = new Int32Array(vocabularySize);
    this.childStart = new Int32Array(size + 1);
    this.wordOf = new Int32Array(size);
    const edges = data.edges;
    // Count children per parent, then prefix sums: node k's children follow in BFS order.
    const count = new Int32Array(size + 1);
    let sorted = true;
    for (let k = 1, e = 0; e < edges.length; k++, e += 2) {
      const parent = edges[e];
      const w = edges[e + 1];
      this.wordOf[k] = w;
      count[parent]++;
      if (parent === 0) this.rootNext[w] = k;
      // BFS order with children by word id: each parent's children contiguous, ascending words.
      if (k > 1 && (parent < edges[e - 2] || (parent === edges[e - 2] && w <= edges[e - 1]))) sorted = false;
    }
    if (!sorted) throw new Error('automaton edges are not in breadth-first order with children by word id');
    let at = 1;
    for (let n = 0; n < size; n++) {
      this.childStart[n] = at;
      at += count[n];
    }
    this.childStart[size] = at;
    this.fail = Int32Array.from(data.fail);
    this.out = Int32Array.from(data.out);
    this.link = Int32Array.from(data.link);
  }

  /** The state after reading word `w` in `state`; a word outside the vocabulary (w < 0) resets to the root. */
  step(state: number, w: number): number {
    if (w < 0) return 0;
    let s = state;
    while (s !== 0) {
      const t = this.child(s, w);
      if (t !== 0) return t;
      s = this.fail[s];
    }
    return w < this.rootNext.length ? this.rootNext[w] : 0;
  }

  /** The child of node `s` (not the root) over word `w`, or 0. */
  private child(s: number, w: number): number {
    let lo = this.childStart[s];
    let hi = this.childStart[s + 1];
    const words = this.wordOf;
    // Most nodes have one or two children: a linear look; binary search for the rare wide node.
    if (hi - lo <= 8) {
      for (; lo < hi; lo++) {
        const x = words[lo];
        if (x === w) return lo;
        if (x > w) return 0;
      }
      return 0;
    }
    hi--;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const x = words[mid];
      if (x === w) return mid;
      if (x < w) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }
}
