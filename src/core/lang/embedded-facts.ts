/**
 * Facts a sentence states on the side of what it is mainly about (corpus analysis, step 7): each is
 * read as a stretch of the sentence's tokens that can be a claim of its own, with the words it is
 * about, so a page sentence stating only that fact is not diluted by the rest of the sentence:
 * - an apposition to a name: "Dana Reyes, the council's finance chief, said …" and "one of the
 *   mayor's closest advisers, Dana Reyes, said …" (a stretch with no verb between commas beside a
 *   name: the fact is that the name is what the stretch says);
 * - a non-restrictive relative clause after a name: "…, Dana Reyes, who ran the port authority
 *   until March, said …" (the name is the clause's subject or antecedent).
 * Cut at clause punctuation as lang/clause-breaks.ts cuts (the matcher cuts page sentences the same
 * way), never inside quotation marks. General English: nothing here belongs to one topic.
 */
import { isClauseBreak } from './clause-breaks';
import { isVerbForm } from './clauses';
import { RELATIVE_PRONOUNS } from './closed-class';
import { OPENING_CONNECTIVES } from './function-words';
import { lexiconTags } from './pos';
import { SPEECH_VERBS } from './reporting-verbs';

/** What a reader of embedded facts needs of a token. */
export interface FactToken {
  norm: string;
  isWord: boolean;
  isCap: boolean;
  start: number;
  end: number;
}

export type EmbeddedKind = 'apposition' | 'relative';

/** One embedded fact: its tokens [from, to) and the name inside it the fact is about, tokens [subjectFrom, subjectTo). */
export interface EmbeddedFact {
  kind: EmbeddedKind;
  from: number;
  to: number;
  subjectFrom: number;
  subjectTo: number;
}

/**
 * Fewest words of an apposition's description ("the mayor" is a role the descriptor step reads
 * already; "one of the mayor's advisers" states a relation).
 */
export const MIN_APPOSITION_WORDS = 3;
/** Most words of an apposition's description: a longer stretch with no verb is a list or a heading, not a description. */
export const MAX_APPOSITION_WORDS = 12;
/** Fewest words of a relative clause to state a fact ("who resigned" says too little). */
export const MIN_EMBEDDED_WORDS = 4;

/** Relative pronouns that open a non-restrictive clause after a comma ("that" opens restrictive ones). */
const NON_RESTRICTIVE: ReadonlySet<string> = new Set([...RELATIVE_PRONOUNS].filter((w) => w !== 'whom'));

/**
 * Whether a word is a verb form that a noun phrase does not hold: a verb form the lexicon does not
 * read as a base form or a noun ("finance" in "finance chief", "trade" in "trade union" are nouns there).
 */
function isInflectedVerb(norm: string): boolean {
  if (!isVerbForm(norm)) return false;
  const tags = lexiconTags(norm);
  return !tags.includes('Infinitive') && !tags.includes('Singular') && !tags.includes('Plural');
}

/**
 * The embedded facts of one sentence's tokens. `quoted(i)` says whether token i is inside quotation
 * marks; `nameAt(i)` whether it belongs to a recognised name (a mention of an entity).
 */
export function embeddedFacts(
  toks: readonly FactToken[],
  quoted: (i: number) => boolean,
  nameAt: (i: number) => boolean,
): EmbeddedFact[] {
  // The stretches between clause punctuation outside quotes: [from, to) and the break after it (-1 at the end).
  const segs: { from: number; to: number; brk: number }[] = [];
  let from = 0;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (t.isWord || quoted(i) || !isClauseBreak(t.norm, i === 0 || t.start > toks[i - 1].end)) continue;
    segs.push({ from, to: i, brk: i });
    from = i + 1;
  }
  segs.push({ from, to: toks.length, brk: -1 });
  const wordsIn = (a: number, b: number) => {
    let n = 0;
    for (let i = a; i < b; i++) if (toks[i].isWord) n++;
    return n;
  };
  const anyQuoted = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (quoted(i)) return true;
    return false;
  };
  const hasVerb = (a: number, b: number) => {
    for (let i = a; i < b; i++) if (toks[i].isWord && !nameAt(i) && isInflectedVerb(toks[i].norm)) return true;
    return false;
  };
  /** The first word token at or after a (skipping an opening connective: "However, …", "But …"). */
  const firstWord = (a: number, b: number, skipConnective: boolean) => {
    let i = a;
    while (i < b && !toks[i].isWord) i++;
    if (skipConnective && i < b && OPENING_CONNECTIVES.has(toks[i].norm)) {
      i++;
      while (i < b && !toks[i].isWord) i++;
    }
    return i;
  };
  /** The name run ending at token b - 1 (trailing punctuation skipped), as [start, end), or null. */
  const nameEndingAt = (a: number, b: number): [number, number] | null => {
    let e = b;
    while (e > a && !toks[e - 1].isWord) e--;
    if (e === a || !nameAt(e - 1)) return null;
    let s = e - 1;
    while (s > a && nameAt(s - 1)) s--;
    return [s, e];
  };
  /** Whether [a, b) is a description: no verb, not quoted, not opened by a relative or a verb. */
  const isDescription = (a: number, b: number) => {
    const n = wordsIn(a, b);
    if (n < MIN_APPOSITION_WORDS || n > MAX_APPOSITION_WORDS || anyQuoted(a, b) || hasVerb(a, b)) return false;
    const w = firstWord(a, b, false);
    // A capital is a name's, unless the description opens the sentence ("One of the …").
    return w < b && (!toks[w].isCap || w === firstWord(0, toks.length, true)) && !RELATIVE_PRONOUNS.has(toks[w].norm) && !SPEECH_VERBS.has(toks[w].norm);
  };
  const out: EmbeddedFact[] = [];
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const prev = k > 0 ? segs[k - 1] : null;
    const next = k + 1 < segs.length ? segs[k + 1] : null;
    const w = firstWord(seg.from, seg.to, k === 0);
    if (w >= seg.to) continue;
    const first = toks[w].norm;
    // A relative clause after a name and a comma: "…, Dana Reyes, who ran the port authority …".
    if (prev && NON_RESTRICTIVE.has(first) && w === firstWord(seg.from, seg.to, false) && wordsIn(seg.from, seg.to) >= MIN_EMBEDDED_WORDS && !anyQuoted(seg.from, seg.to)) {
      const name = nameEndingAt(prev.from, prev.to);
      if (name) out.push({ kind: 'relative', from: name[0], to: seg.to, subjectFrom: name[0], subjectTo: name[1] });
      continue;
    }
    // A description, then a name standing alone between commas: "one of the mayor's advisers, Dana Reyes, said …".
    if (next && seg.brk >= 0 && next.brk >= 0 && isDescription(w, seg.to)) {
      const name = nameEndingAt(next.from, next.to);
      const nw = firstWord(next.from, next.to, false);
      if (name && !hasVerb(nw, next.to) && !anyQuoted(next.from, next.to)) {
        out.push({ kind: 'apposition', from: w, to: name[1], subjectFrom: name[0], subjectTo: name[1] });
        continue;
      }
    }
    // A name opening the sentence, then a description between commas: "Dana Reyes, the council's finance chief, said …".
    if (prev && k === 1 && seg.brk >= 0 && isDescription(seg.from, seg.to)) {
      const pw = firstWord(prev.from, prev.to, true);
      const name = nameEndingAt(prev.from, prev.to);
      if (name && name[0] === pw) {
        out.push({ kind: 'apposition', from: name[0], to: seg.to, subjectFrom: name[0], subjectTo: name[1] });
        continue;
      }
    }
  }
  return out;
}
