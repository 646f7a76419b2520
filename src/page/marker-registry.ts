/**
 * Which markers are on the page and what each one marks: the one place that places and removes
 * markers for the scan, so the card triggers, the findings and the change watcher all read the same
 * list.
 */
import type { CorpusMatch } from '../shared/protocol';
import type { Highlighter, MarkSpec } from './highlight';
import type { TextBlock } from './text-map';

/** A match that was marked on the page, with its marker elements (the first is the focus target). */
export interface PlacedMatch {
  match: CorpusMatch;
  marks: HTMLElement[];
}

/** The markers one scan placed. */
export class MarkerRegistry {
  private readonly placed = new Map<HTMLElement, PlacedMatch>();
  private readonly byPiece = new WeakMap<Element, PlacedMatch>();
  /**
   * Runs our own DOM writes; the change watcher replaces it so that it never mistakes our markers
   * for the page's changes.
   */
  ownWrites: (write: () => void) => void = (write) => write();

  constructor(
    private readonly highlighter: Highlighter,
    /** Told how many matches lost their markers (their room under the marker cap is free again). */
    private readonly onRemoved: (count: number) => void = () => undefined,
  ) {}

  /** How many matches are marked. */
  get size(): number {
    return this.placed.size;
  }

  /**
   * Marks matches of one block (nested ones allowed, no partial overlaps); returns how many were
   * placed. `reuse`: per match, the marker elements of an earlier placement of it to put back (Highlighter.markBlock).
   */
  place(block: TextBlock, matches: readonly CorpusMatch[], reuse?: readonly (readonly HTMLElement[] | undefined)[]): number {
    let count = 0;
    this.ownWrites(() => {
      const specs: MarkSpec[] = matches.map((m) => ({ kind: m.kind, id: m.id, start: m.start, end: m.end }));
      const marks = this.highlighter.markBlock(block, specs, reuse);
      matches.forEach((match, i) => {
        if (marks[i].length === 0) return;
        const placed = { match, marks: marks[i] };
        this.placed.set(marks[i][0], placed);
        for (const mark of marks[i]) this.byPiece.set(mark, placed);
        count++;
      });
    });
    return count;
  }

  /** Removes the markers of every placed match `which` picks; returns how many matches were removed. */
  remove(which: (placed: PlacedMatch, first: HTMLElement) => boolean): number {
    const stale: HTMLElement[] = [];
    let count = 0;
    for (const [first, placed] of this.placed) {
      if (!which(placed, first)) continue;
      stale.push(...placed.marks);
      this.placed.delete(first);
      count++;
    }
    if (stale.length > 0) this.ownWrites(() => this.highlighter.unmark(stale));
    if (count > 0) this.onRemoved(count);
    return count;
  }

  /**
   * Hands placed matches over to `to` without touching the page: `as` gives, for each placed match,
   * the match its markers stand for from now on, or null to keep it here. Returns how many moved.
   */
  handOver(to: MarkerRegistry, as: (placed: PlacedMatch) => CorpusMatch | null): number {
    let count = 0;
    for (const [first, placed] of this.placed) {
      const match = as(placed);
      if (!match) continue;
      this.placed.delete(first);
      const moved = { match, marks: placed.marks };
      to.placed.set(first, moved);
      for (const mark of placed.marks) to.byPiece.set(mark, moved);
      count++;
    }
    return count;
  }

  /** How many placed matches, still on the page, `which` picks. */
  count(which: (placed: PlacedMatch) => boolean): number {
    let n = 0;
    for (const placed of this.placed.values()) if (placed.marks[0].isConnected && which(placed)) n++;
    return n;
  }

  /** Removes every marker. */
  clear(): void {
    this.remove(() => true);
  }

  /** Every match marked and still on the page, in no particular order. */
  all(): PlacedMatch[] {
    return [...this.placed.values()].filter((p) => p.marks[0].isConnected);
  }

  /** The placed match a marker element (any of its pieces) belongs to, or null. */
  lookup(mark: Element): PlacedMatch | null {
    const placed = this.byPiece.get(mark);
    return placed && this.placed.has(placed.marks[0]) ? placed : null;
  }

  /** True when `node` (a text node the page rewrote) is one the highlighter split. */
  isRewritten(node: Node): boolean {
    return this.highlighter.isRewritten(node);
  }
}
