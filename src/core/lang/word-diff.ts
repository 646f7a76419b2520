/**
 * Word-level comparison of two wordings (the `diff` package). Build-time and background code only:
 * the content script never imports this file, so the diff library stays out of every page.
 */
import { diffArrays, wordDiff as wordDiffer } from 'diff';
import type { DiffPart } from '../index/types';
import { foldMarks } from './normalize';

/**
 * Number of words two word lists (words, or numbers standing one to one for words) share in order
 * (longest common subsequence via diff). With `atLeast`, a pair that shares fewer may give any
 * number below `atLeast` (0): the diff stops once its edit script is longer than sharing
 * `atLeast` words allows (a script of D insertions and deletions leaves (|a| + |b| − D) / 2 words
 * shared), so pairs far apart cost little. A pair that shares `atLeast` or more gets its exact count.
 */
export function sharedInOrder<T>(a: T[], b: T[], atLeast = 0): number {
  const parts = atLeast > 0 ? diffArrays(a, b, { maxEditLength: Math.max(0, a.length + b.length - 2 * atLeast) }) : diffArrays(a, b);
  if (!parts) return 0;
  let n = 0;
  for (const part of parts) if (!part.added && !part.removed) n += part.count ?? part.value.length;
  return n;
}

/**
 * The `diff` package's word differ with the same results, cheaper when one reference is compared
 * with every member of a group: the last texts' tokens are kept between calls, and each token's
 * comparison form (lower case, trimmed: what its case-blind `equals` compares) is made once rather
 * than at every comparison of the edit-graph search.
 */
const groupWordDiffer: typeof wordDiffer = Object.create(wordDiffer);
const comparisonForms = new Map<string, string>();
/** Tokens whose comparison form is kept; past this the table starts again (memory stays bounded). */
const MAX_COMPARISON_FORMS = 100_000;
const comparisonForm = (token: string): string => {
  let form = comparisonForms.get(token);
  if (form === undefined) {
    if (comparisonForms.size >= MAX_COMPARISON_FORMS) comparisonForms.clear();
    comparisonForms.set(token, (form = token.toLowerCase().trim()));
  }
  return form;
};
groupWordDiffer.equals = (left: string, right: string) => comparisonForm(left) === comparisonForm(right);
const tokenized: { text: string; tokens: string[] }[] = [];
groupWordDiffer.tokenize = (value: string, options) => {
  const k = tokenized.findIndex((t) => t.text === value);
  if (k >= 0) {
    const [hit] = tokenized.splice(k, 1);
    tokenized.unshift(hit);
    return hit.tokens.slice();
  }
  const tokens = wordDiffer.tokenize(value, options);
  // Two texts per diff: the reference and the member.
  if (tokenized.unshift({ text: value, tokens: tokens.slice() }) > 2) tokenized.pop();
  return tokens;
};

/**
 * Word-level diff from a reference wording to another, ignoring case and the style of apostrophes,
 * quotation marks and dashes. The corpus (quote groups) and the evidence builder (a page's wording
 * against the corpus's) used two diffs; this one is kept because its parts keep the wordings'
 * punctuation and spacing (the other rebuilt them from bare words joined by spaces): the "removed"
 * and "same" parts read back as the reference, the "added" and "same" parts as the other wording,
 * up to white space at a change, which is what a card shows.
 */
export function wordDiff(reference: string, other: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const p of groupWordDiffer.diff(foldMarks(reference), foldMarks(other), { ignoreCase: true })) {
    const op = p.added ? 'added' : p.removed ? 'removed' : 'same';
    const last = parts[parts.length - 1];
    if (last && last.op === op) last.text += p.value;
    else parts.push({ op, text: p.value });
  }
  return parts;
}
