/** Words that head or prefix the names of places, and which places lie in which. */
import { normalize } from './normalize';
import { CLOSED_CLASS_WORDS } from './closed-class';
import { CAP, WORD, type TokenRun } from './token-flags';

/** Heads that make a capitalised sequence a place (a venue) rather than a person or organisation. */
export const VENUE_HEADS: ReadonlySet<string> = new Set([
  'theatre', 'theater', 'hall', 'square', 'stadium', 'arena', 'centre', 'center', 'park', 'street',
  'road', 'avenue', 'lane', 'station', 'airport', 'bridge', 'cathedral', 'palace', 'gardens', 'museum',
  'gallery', 'hotel', 'hospital', 'harbour', 'harbor', 'port', 'quay', 'market', 'valley', 'island',
  'county', 'province', 'city', 'town', 'village', 'river', 'lake', 'mountain', 'coast', 'estate',
]);

/** Compass words that may prefix a place name ("North Yorkshire", "west Berlin"). */
export const COMPASS: ReadonlySet<string> = new Set([
  'north', 'south', 'east', 'west', 'northern', 'southern', 'eastern', 'western', 'central', 'greater',
  'upper', 'lower', 'inner', 'outer',
]);

/**
 * Where a containment of two places comes from: "text", an article of the corpus says so ("X,
 * Greater Y", "X in Y", "Y's X"); "gazetteer", no article says so but a gazetteer does (gazetteer.ts).
 */
export type PlaceBasis = 'text' | 'gazetteer';

/** A place named in a text: its offsets and its index in the corpus's list of places. */
export interface PlaceHit {
  start: number;
  end: number;
  target: number;
}

/** Words after which a place names the larger place it lies in ("X, Y", "X in Y"). */
const WITHIN_GAPS: ReadonlySet<string> = new Set([',', 'in']);
/** A place named "Greater Y" contains the place named "Y". */
const GREATER = 'greater ';
/** A possessive ending of a normalised name ("Y's X"), and a gap that is only one. */
const POSSESSIVE = /'s?$/;
const POSSESSIVE_GAP = /^'s?$/;

/**
 * The places a corpus's own names put one inside another: a place named "Greater Y" is around the
 * place named "Y". `names` are the corpus's places; calls `add(inner, outer)` with their indices.
 */
export function greaterPairs(names: readonly string[], add: (inner: number, outer: number) => void): void {
  const keys = names.map((p) => normalize(p).trim());
  keys.forEach((outer, o) => {
    if (!outer.startsWith(GREATER)) return;
    const inner = keys.indexOf(outer.slice(GREATER.length));
    if (inner >= 0 && inner !== o) add(inner, o);
  });
}

/**
 * Which places one text says lie in which, from its place hits in text order: "X, Greater Y" and
 * "X in Y" (X in Y), "Y's X" (X in Y). A comma between places of a list ("A, B and C") says
 * nothing, so a comma counts only between two places that are not in a list. Calls `add(inner, outer)`.
 * The one rule for the matcher's compile (match/compile.ts) and the analysis's claim groups.
 */
export function placePairsInText(text: string, hits: readonly PlaceHit[], add: (inner: number, outer: number) => void): void {
  const gap = (x: PlaceHit, y: PlaceHit) => normalize(text.slice(x.end, y.start)).trim();
  for (let k = 0; k + 1 < hits.length; k++) {
    const [h1, h2] = [hits[k], hits[k + 1]];
    if (h1.target === h2.target) continue;
    const between = gap(h1, h2);
    const written = normalize(text.slice(h1.start, h1.end));
    // The possessive is the name's ("Y's" hit as one) or the whole gap (the hit ends before it).
    if ((between === '' && POSSESSIVE.test(written)) || POSSESSIVE_GAP.test(between)) add(h2.target, h1.target);
    else if (between === 'in') add(h1.target, h2.target);
    else if (WITHIN_GAPS.has(between)) {
      const inList = (k > 0 && /^(,|and)$/.test(gap(hits[k - 1], h1))) || (k + 2 < hits.length && /^(,|and|, and)$/.test(gap(h2, hits[k + 2])));
      if (!inList) add(h1.target, h2.target);
    }
  }
}

/** Per place index, the places that flat (inner, outer) pairs put it in, transitively (a venue in a town in a county lies in the county). */
export function closeWithin(count: number, pairs: readonly number[]): Set<number>[] {
  const direct: number[][] = Array.from({ length: count }, () => []);
  for (let k = 0; k + 1 < pairs.length; k += 2) direct[pairs[k]]?.push(pairs[k + 1]);
  return direct.map((_, p) => {
    const out = new Set<number>();
    const stack = [...direct[p]];
    while (stack.length) {
      const q = stack.pop()!;
      if (q === p || out.has(q)) continue;
      out.add(q);
      stack.push(...direct[q]);
    }
    return out;
  });
}

/** What is known of which places lie in which: per place index, from the corpus text and from a gazetteer. */
export interface PlaceWithin {
  text: readonly ReadonlySet<number>[];
  gazetteer?: readonly ReadonlySet<number>[];
}

/**
 * How places `b` relate to places `a` (indices): "same" when they share one and neither names a
 * place the other does not account for; "scope" when they share one but each names others the other
 * does not ("in A, B and C" against "in B, C and D": one statement about other places, both can be
 * true), with the indices of each side's own; else the first pair one of which lies inside the
 * other, what the corpus text says first, a gazetteer where no article relates the two ("within":
 * b's place lies inside a's; "around": b's contains a's); else "other" (another place). The one
 * judge of places for the matcher (relate.ts) and the claim groups.
 */
export function relatePlaces(
  a: readonly number[],
  b: readonly number[],
  within: PlaceWithin | undefined,
  aUnknown = 0,
): { relation: 'same' } | { relation: 'scope'; aOnly: number[]; bOnly: number[] } | { relation: 'other'; a: number; b: number } | { relation: 'within' | 'around'; a: number; b: number; basis: PlaceBasis } {
  if (a.some((p) => b.includes(p))) {
    // A place of one side the other names, or one inside or around a place the other names, is accounted for.
    const related = (p: number, q: number) => p === q || !!within?.text[p]?.has(q) || !!within?.text[q]?.has(p) || !!within?.gazetteer?.[p]?.has(q) || !!within?.gazetteer?.[q]?.has(p);
    const aOnly = a.map((_, i) => i).filter((i) => !b.some((q) => related(a[i], q)));
    const bOnly = b.map((_, i) => i).filter((i) => !a.some((q) => related(b[i], q)));
    // `aUnknown` places of a that are not among the indices (listedPlaces: names b's corpus does not know) are a's own too.
    return aOnly.length + aUnknown > 0 && bOnly.length > 0 ? { relation: 'scope', aOnly, bOnly } : { relation: 'same' };
  }
  for (const [sets, basis] of [[within?.text, 'text'], [within?.gazetteer, 'gazetteer']] as const) {
    if (!sets) continue;
    for (let ai = 0; ai < a.length; ai++) {
      for (let bi = 0; bi < b.length; bi++) {
        if (sets[b[bi]]?.has(a[ai])) return { relation: 'within', a: ai, b: bi, basis };
        if (sets[a[ai]]?.has(b[bi])) return { relation: 'around', a: ai, b: bi, basis };
      }
    }
  }
  return { relation: 'other', a: 0, b: 0 };
}

/** A list item is a name of at most this many capitalised words ("Farholm", "Kessel Quay"; longer runs are rarely one place name and often a name and what follows it). */
const MAX_ITEM_WORDS = 3;
/** Fewer known places than this in a list say nothing of its other names ("Westford and Vale"): two make it a list of places. */
const MIN_KNOWN_IN_LIST = 2;

/**
 * Names coordinated in one list with places a corpus knows: "in Dunmore, Westford, Eastholm and Farholm"
 * where Westford and Eastholm are known makes Dunmore and Farholm places too, ones the corpus never names (so a page's
 * list can be told to name places the corpus's list does not: relatePlaces' `aUnknown`). A list is
 * capitalised names of at most MAX_ITEM_WORDS words joined by "," and ending at the name after
 * "and"/"or"; it needs MIN_KNOWN_IN_LIST known places and an "and"/"or". `known` are the token
 * ranges [first, last] of the known places in tokens [from, to). Returns the other items' token ranges.
 */
export function listedPlaces(run: TokenRun, from: number, to: number, known: readonly (readonly [number, number])[]): [number, number][] {
  const out: [number, number][] = [];
  // The sentence's first word is capitalised whatever it is ("However, …"): never an item of its own.
  const isName = (i: number) => i > from && i < to && (run.flags[i] & (WORD | CAP)) === (WORD | CAP) && !CLOSED_CLASS_WORDS.has(run.norm[i].toLowerCase());
  const knownAt = (i: number) => known.find(([f]) => f === i);
  let i = from;
  while (i < to) {
    // One list: items from i, separated by "," (a comma before the "and" too), closed by the item after "and"/"or".
    const items: [number, number, boolean][] = [];
    let j = i;
    let closing = false;
    let complete = false;
    while (j < to) {
      const k = knownAt(j);
      let end = j;
      if (k) end = k[1];
      else if (!isName(j)) break;
      else while (end + 1 < to && end + 1 - j < MAX_ITEM_WORDS && isName(end + 1) && !knownAt(end + 1)) end++;
      items.push([j, end, !!k]);
      if (closing) {
        complete = true;
        break;
      }
      let next = end + 1;
      if (next < to && run.norm[next] === ',') next++;
      if (next < to && (run.norm[next] === 'and' || run.norm[next] === 'or')) {
        closing = true;
        next++;
      } else if (next === end + 1) break;
      j = next;
    }
    if (complete && items.filter((x) => x[2]).length >= MIN_KNOWN_IN_LIST) for (const [f, l, isKnown] of items) if (!isKnown) out.push([f, l]);
    i = items.length > 0 ? items[items.length - 1][1] + 1 : i + 1;
  }
  return out;
}
