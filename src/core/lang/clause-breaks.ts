/**
 * Where a sentence's clauses break: read by the corpus analysis (a long sentence's clauses become
 * claims of their own, step 7) and by the matcher (a page sentence is scored clause by clause), so
 * both sides cut a sentence the same way. Imports only closed-class.ts, which imports nothing: the
 * matcher's bundle takes both as they are.
 */
import { RELATIVE_PRONOUNS } from './closed-class';

/** Punctuation that ends a clause (a hyphen only with a space before it: isClauseBreak). */
const CLAUSE_PUNCT: ReadonlySet<string> = new Set([',', ';', ':', '(', ')', '-', '–', '—']);

/**
 * Whether a punctuation token ends a clause: clause punctuation, a hyphen only with a space before
 * it ("long-term" is one word; "the vote - and after" breaks).
 */
export function isClauseBreak(norm: string, spacedBefore: boolean): boolean {
  return CLAUSE_PUNCT.has(norm) && (norm !== '-' || spacedBefore);
}
/**
 * Words that open a subordinate or coordinate clause: a long sentence's facts sit between them
 * ("The mayor, who took office after the vote, will open the depot while crews wait"). General English.
 */
export const CLAUSE_OPENERS: ReadonlySet<string> = new Set([
  ...RELATIVE_PRONOUNS,
  ...'where when while after before because although though whereas since until amid despite but'.split(' '),
]);
