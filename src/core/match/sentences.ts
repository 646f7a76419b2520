/**
 * Sentence boundaries over an existing token stream. Intl.Segmenter would need a second pass over
 * every character of the page; the tokens already carry what a news sentence split needs
 * (terminal punctuation, the next token's case, line breaks), so this costs nothing extra.
 */
import { BREAK, CAP, NUM, SPACED, Tokens, WORD } from './tokens';
import { ABBREVIATIONS } from '../lang/abbreviations';
import { SYM_TERMINAL } from './symbols';


/** Tokens that may end a sentence. */
export const TERMINALS: ReadonlySet<string> = new Set(['.', '!', '?', '...', '…']);
/** Closing marks that belong to the sentence they follow. */
const CLOSERS = new Set(['"', "'", ')', ']', '»']);
const OPENERS = new Set(['"', "'", '(', '[', '«', '-']);

/**
 * Writes sentence boundaries as token index pairs [first, lastExclusive] into `out` (reused);
 * returns the number of sentences.
 */
export function splitSentences(t: Tokens, out: Int32Array[]): number {
  let count = 0;
  let first = 0;
  const n = t.count;
  for (let i = 0; i < n; i++) {
    if (i > first && t.flags[i] & BREAK) {
      count = push(out, count, first, i);
      first = i;
    }
    if (!(t.table.flags[t.sym[i]] & SYM_TERMINAL)) continue;
    const tok = t.norm[i];
    if (tok === '.' && i > 0 && t.flags[i - 1] & WORD && !(t.flags[i] & SPACED)) {
      const prev = t.norm[i - 1];
      // "Mr." and "J." do not end a sentence.
      if (ABBREVIATIONS.has(prev) || (prev.length === 1 && t.flags[i - 1] & CAP)) continue;
    }
    let j = i + 1;
    while (j < n && CLOSERS.has(t.norm[j]) && !(t.flags[j] & SPACED)) j++;
    if (j >= n) continue;
    const f = t.flags[j];
    const isLowerWord = f & WORD && !(f & (CAP | NUM));
    const startsSentence = f & BREAK || (!isLowerWord && (f & WORD || OPENERS.has(t.norm[j])));
    if (!startsSentence) continue;
    count = push(out, count, first, j);
    first = j;
    i = j - 1;
  }
  return push(out, count, first, n);
}

/** Appends sentence [a, b) when non-empty, growing the buffer; returns the new count. */
function push(out: Int32Array[], count: number, a: number, b: number): number {
  if (b <= a) return count;
  if (out[0].length < (count + 1) * 2) {
    const bigger = new Int32Array(out[0].length * 2 + 2);
    bigger.set(out[0]);
    out[0] = bigger;
  }
  out[0][count * 2] = a;
  out[0][count * 2 + 1] = b;
  return count + 1;
}
