/**
 * Names of people and organisations (and corpus place names) in a token stream.
 *
 * Rules:
 * - A mention is a whole-token match of an alias (tokens are maximal letter/digit/mark runs, so a
 *   letter, digit or mark on either side means no match).
 * - Title + surname ("Mr X", "Dr. X") is generated for every person whose surname is not ambiguous.
 * - An alias listed in CorpusIndex.ambiguous (or claimed by two entities) is compiled as a
 *   *blocker*: it takes part in overlap resolution, so it can swallow a shorter alias, but it never
 *   produces a detection. Ambiguity is never resolved by guessing.
 * - A single-word person alias preceded by another capitalised given-name-like word ("Delia X") is
 *   some other person of that surname: no match.
 * - A given-name alias followed directly by a capitalised word ("Jane Roe" for a corpus "Jane Doe"
 *   whose articles also call her "Jane") is some other person of that given name: no match.
 * - Alias words written with a capital must be capitalised in the text too ("apple" is a word,
 *   "Apple" may be an organisation).
 * - Possessives ("X's", "X’s", "Xs'") are part of the mention.
 * - Overlaps: the longest match wins (in characters), then the leftmost.
 */
import { Automaton, compileAutomaton } from './aho-corasick';
import { GIVEN_FLAG, PatternType, SURNAME_FLAG, type MatcherData } from './data';
import { NAME_LIKE_STOPWORDS, STOPWORDS } from '../lang/function-words';
import { ROLE_WORDS, SURNAME_TITLES as TITLES } from '../lang/titles';
import { CAP, SPACED, Tokens, WORD, scratchTokens, tokenize } from './tokens';
import type { CorpusIndex } from '../index/types';

/** A shared string → id table. */
export class Vocabulary {
  readonly list: string[] = [];
  private readonly ids = new Map<string, number>();
  /** The id of `word`, added when new. */
  id(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(word);
      this.ids.set(word, id);
    }
    return id;
  }
}

interface PatternSpec {
  tokens: string[];
  type: number;
  target: number;
  flags: number;
}

/** Token strings and capitalisation mask of a name as written. */
function nameTokens(name: string): { tokens: string[]; caps: number; words: number } {
  const t = tokenize(name, scratchTokens());
  const tokens: string[] = [];
  let caps = 0;
  let words = 0;
  for (let i = 0; i < t.count; i++) {
    tokens.push(t.norm[i]);
    if (t.flags[i] & CAP) caps |= 1 << i;
    if (t.flags[i] & WORD) words++;
  }
  return { tokens, caps, words };
}

/** Compiles entity aliases, title variants, ambiguous blockers and places into automaton patterns. */
export function compileNames(index: CorpusIndex, words: Vocabulary): Pick<MatcherData, 'automaton' | 'patterns' | 'places'> {
  const specs = new Map<string, PatternSpec>();
  const blocked = new Set<string>();
  const ambiguous = new Set(index.ambiguous.map((a) => nameTokens(a.alias).tokens.join(' ')));
  const add = (form: string, type: number, target: number, surnameOf: boolean, givenName = '') => {
    const { tokens, caps, words: wordCount } = nameTokens(form);
    if (tokens.length === 0 || tokens.length > 29) return;
    const key = tokens.join(' ');
    const isGiven = wordCount === 1 && tokens.length === 1 && givenName !== '' && tokens[0] === givenName;
    const flags = ((surnameOf && wordCount === 1 ? SURNAME_FLAG : 0) | (isGiven ? GIVEN_FLAG : 0) | (caps << 1)) >>> 0;
    const existing = specs.get(key);
    if (type === PatternType.blocker || ambiguous.has(key) || blocked.has(key)) {
      blocked.add(key);
      specs.set(key, { tokens, type: PatternType.blocker, target: -1, flags: 0 });
      return;
    }
    if (existing && existing.type === PatternType.entity && type === PatternType.entity && existing.target !== target) {
      // Two entities claim the same form: ambiguous, so never resolved.
      blocked.add(key);
      specs.set(key, { tokens, type: PatternType.blocker, target: -1, flags: 0 });
      return;
    }
    if (existing && existing.type === PatternType.entity && type === PatternType.place) return;
    if (existing && existing.type === type && existing.target === target) return;
    specs.set(key, { tokens, type, target, flags });
  };
  for (const a of index.ambiguous) {
    add(a.alias, PatternType.blocker, -1, false);
    const single = nameTokens(a.alias);
    if (single.words === 1) for (const title of TITLES) for (const dot of ['', '.']) add(`${title}${dot} ${a.alias}`, PatternType.blocker, -1, false);
  }
  const surnames: [string, number][] = [];
  index.entities.forEach((e, i) => {
    const full = nameTokens(e.name);
    const isPerson = e.kind === 'person' && full.words > 1;
    const givenName = isPerson ? full.tokens[0] : '';
    for (const alias of [e.name, ...e.aliases]) add(alias, PatternType.entity, i, isPerson, givenName);
    if (isPerson) {
      // The shared scratch tokens (a Tokens of its own per person was a fifth of compileNames): its last token read before `add` tokenises again.
      const t = tokenize(e.name, scratchTokens());
      const surname = e.name.slice(t.start[t.count - 1]);
      const lastNorm = t.norm[t.count - 1];
      const lastCapital = (t.flags[t.count - 1] & CAP) !== 0;
      if (!ambiguous.has(lastNorm)) {
        // Pages name people by surname even where the corpus never did; the given-name and
        // capitalisation rules keep "Delia X" and the common word "x" out.
        if (surname.length >= 3 && lastCapital) surnames.push([surname, i]);
        for (const title of TITLES) {
          const cap = title[0].toUpperCase() + title.slice(1);
          add(`${cap} ${surname}`, PatternType.entity, i, false);
          add(`${cap}. ${surname}`, PatternType.entity, i, false);
        }
      }
    }
  });
  // Bare surnames last, so a form the index gives another entity, or two people sharing a surname,
  // make it a blocker rather than a guess.
  const surnameOwners = new Map<string, Set<number>>();
  for (const [surname, i] of surnames) {
    const key = nameTokens(surname).tokens.join(' ');
    surnameOwners.set(key, (surnameOwners.get(key) ?? new Set()).add(i));
  }
  for (const [surname, i] of surnames) {
    const key = nameTokens(surname).tokens.join(' ');
    const existing = specs.get(key);
    // The index's own aliases and ambiguity decisions stand.
    if (existing) continue;
    add(surname, surnameOwners.get(key)!.size > 1 ? PatternType.blocker : PatternType.entity, i, true);
  }
  const places: string[] = [];
  const placeIds = new Map<string, number>();
  for (const claim of index.claims) {
    for (const place of claim.places) {
      const key = nameTokens(place).tokens.join(' ');
      if (!key || placeIds.has(key)) continue;
      placeIds.set(key, places.length);
      places.push(place);
      add(place, PatternType.place, places.length - 1, false);
    }
  }
  const ordered = [...specs.values()];
  const patterns: number[] = [];
  const automaton = compileAutomaton(ordered.map((s) => s.tokens.map((w) => words.id(w))));
  for (const s of ordered) patterns.push(s.type, s.target, s.tokens.length, s.flags);
  return { automaton, patterns, places };
}

/** Name, blocker and place hits of one scan, in reusable parallel arrays. */
export class NameHits {
  count = 0;
  /** First and last token (inclusive) of each accepted hit. */
  firstToken: number[] = [];
  lastToken: number[] = [];
  start: number[] = [];
  end: number[] = [];
  type: number[] = [];
  target: number[] = [];
  /** Whether the hit is the full alias of several words (stronger evidence than a surname). */
  isFull: boolean[] = [];
}

const APOSTROPHE = "'";
const TITLE_SET: ReadonlySet<string> = new Set(TITLES);
const GIVEN_NAME = /^\p{Lu}\p{Ll}+$/u;

/** Run-time name scanner over a token stream. */
export class NameScanner {
  private readonly automaton: Automaton;
  private readonly patterns: Int32Array;
  // Candidate buffers reused across scans.
  private candFirst: number[] = [];
  private candLast: number[] = [];
  private candPattern: number[] = [];
  private candEnd: number[] = [];
  private taken = new Uint8Array(256);
  private readonly order: number[] = [];
  private readonly accepted: number[] = [];
  /** Tokens of the scan in progress, for the comparators below (made once, not per scan). */
  private current: Tokens | null = null;
  private readonly byLengthThenStart = (a: number, b: number): number => {
    const start = this.current!.start;
    const sa = start[this.candFirst[a]];
    const sb = start[this.candFirst[b]];
    return this.candEnd[b] - sb - (this.candEnd[a] - sa) || sa - sb;
  };
  private readonly byStart = (a: number, b: number): number => this.current!.start[this.candFirst[a]] - this.current!.start[this.candFirst[b]];

  constructor(data: MatcherData) {
    this.automaton = new Automaton(data.automaton, data.words.length);
    this.patterns = Int32Array.from(data.patterns);
  }

  /** Finds accepted hits in tokens (whose table must classify against this data's words); `text` is the tokenised text. */
  scan(text: string, t: Tokens, hits: NameHits): void {
    const { automaton, patterns } = this;
    const { out, link } = automaton;
    const word = t.table.word;
    const sym = t.sym;
    let candidates = 0;
    let state = 0;
    for (let i = 0; i < t.count; i++) {
      const w = word[sym[i]];
      if (w < 0 && state === 0) continue;
      state = automaton.step(state, w);
      if (state === 0) continue;
      for (let node = out[state] >= 0 ? state : link[state]; node > 0; node = link[node]) {
        const p = out[node];
        const len = patterns[p * 4 + 2];
        const first = i - len + 1;
        if (!this.accepts(text, t, p, first, i)) continue;
        this.candFirst[candidates] = first;
        this.candLast[candidates] = i;
        this.candPattern[candidates] = p;
        this.candEnd[candidates] = this.possessiveEnd(t, i);
        candidates++;
      }
    }
    hits.count = 0;
    if (candidates === 0) return;
    // Longest (in characters) wins, then leftmost. Buffers are reused; one candidate needs no sort.
    const order = this.order;
    order.length = candidates;
    for (let k = 0; k < candidates; k++) order[k] = k;
    this.current = t;
    if (candidates > 1) order.sort(this.byLengthThenStart);
    if (this.taken.length < t.count + 2) this.taken = new Uint8Array(t.count * 2 + 2);
    const taken = this.taken;
    const accepted = this.accepted;
    accepted.length = 0;
    for (let o = 0; o < candidates; o++) {
      const k = order[o];
      const first = this.candFirst[k];
      const last = this.candEnd[k] > t.end[this.candLast[k]] ? this.candLast[k] + 2 : this.candLast[k];
      let free = true;
      for (let j = first; j <= last && free; j++) if (taken[j]) free = false;
      if (!free) continue;
      for (let j = first; j <= last; j++) taken[j] = 1;
      accepted.push(k);
    }
    for (let o = 0; o < candidates; o++) {
      const k = order[o];
      for (let j = this.candFirst[k]; j <= this.candLast[k] + 2 && j < taken.length; j++) taken[j] = 0;
    }
    if (accepted.length > 1) accepted.sort(this.byStart);
    for (let o = 0; o < accepted.length; o++) {
      const k = accepted[o];
      const p = this.candPattern[k];
      const h = hits.count++;
      hits.firstToken[h] = this.candFirst[k];
      hits.lastToken[h] = this.candLast[k];
      hits.start[h] = t.start[this.candFirst[k]];
      hits.end[h] = this.candEnd[k];
      hits.type[h] = patterns[p * 4];
      hits.target[h] = patterns[p * 4 + 1];
      hits.isFull[h] = !(patterns[p * 4 + 3] & SURNAME_FLAG) && patterns[p * 4 + 2] > 1;
    }
    this.current = null;
  }

  private accepts(text: string, t: Tokens, p: number, first: number, last: number): boolean {
    const flags = this.patterns[p * 4 + 3];
    const caps = flags >>> 1;
    for (let j = first; j <= last; j++) {
      if (caps & (1 << (j - first)) && !(t.flags[j] & CAP)) return false;
      // Every token after the first must follow as it does in the alias: no joining across gaps
      // that the alias does not have ("Mr . X" vs "Mr. X" are separate patterns).
    }
    if (flags & SURNAME_FLAG && first > 0) {
      const prev = first - 1;
      const pf = t.flags[prev];
      if (pf & WORD && pf & CAP && !(t.flags[first] & 8)) {
        const word = t.norm[prev];
        const raw = text.slice(t.start[prev], t.end[prev]);
        const sentenceInitial = prev === 0 || t.flags[prev] & 8 || /^[.!?"]$/.test(t.norm[prev - 1]);
        if (GIVEN_NAME.test(raw) && !TITLE_SET.has(word) && !ROLE_WORDS.has(word) && !(sentenceInitial && STOPWORDS.has(word) && !NAME_LIKE_STOPWORDS.has(word))) return false;
      }
    }
    if (flags & GIVEN_FLAG && first === last && last + 1 < t.count) {
      const next = last + 1;
      const nf = t.flags[next];
      if (nf & WORD && nf & CAP && /^[ \u00a0]$/.test(text.slice(t.end[last], t.start[next]))) return false;
    }
    return true;
  }

  /** The end offset including a possessive: "X's", "X’s", or "Xs'" directly attached. */
  private possessiveEnd(t: Tokens, last: number): number {
    const a = last + 1;
    if (a < t.count && t.norm[a] === APOSTROPHE && !(t.flags[a] & SPACED)) {
      const b = a + 1;
      if (b < t.count && t.norm[b] === 's' && !(t.flags[b] & SPACED)) return t.end[b];
      if (t.norm[last].endsWith('s') && (b >= t.count || t.flags[b] & SPACED || !(t.flags[b] & WORD))) return t.end[a];
    }
    return t.end[last];
  }
}
