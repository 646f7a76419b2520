/**
 * Step 3.4: cuts runs into name candidates: an organisation-shaped run stays whole; other runs split at
 * lower-case words, possessives and titles ("US Senator Jane Doe" → title "senator", "Jane Doe").
 * Leading function words ("That party") and sentence-initial words the corpus never capitalises
 * elsewhere ("Meanwhile Acme Union") are dropped.
 */
import { CLOSED_CLASS_WORDS } from '../../lang/closed-class';
import type { ArticleDraft, Token } from '../context';
import { ORG_SUFFIXES } from '../../lang/org-suffixes';
import { LOWER_ORG_HEADS, ORG_HEADS } from '../../lang/organisations';
import { isGivenName, lexiconTags } from '../../lang/pos';
import { ACRONYM, MAX_NAME_WORDS, isTitleWord, type Candidate, type Run } from './shared';

/** The name as written, without a trailing possessive. */
function display(tokens: Token[], text: string): string {
  const last = tokens[tokens.length - 1];
  let s = text.slice(tokens[0].start, last.end);
  if (last.isPossessive) s = s.replace(/['\u2019]s?$/, '');
  return s;
}

/** True when an organisation head word follows the first word ("Acme Union", "the Acme party"). */
function hasOrgHead(words: Token[]): boolean {
  for (let k = 1; k < words.length; k++) {
    const w = words[k];
    if (w.isWord && ORG_HEADS.has(w.norm) && (w.isCap || LOWER_ORG_HEADS.has(w.norm))) return true;
  }
  return false;
}

/** "University of Avonley": an organisation head, then "of". */
export function isHeadFirstOrg(words: string[]): boolean {
  return words.length >= 3 && ORG_HEADS.has(words[0]) && words[1] === 'of';
}

/** A function word is never a name's first word, whatever its case. */
function isFunctionWord(t: Token): boolean {
  return t.isWord && CLOSED_CLASS_WORDS.has(t.norm);
}

/** What candidates ask of the word statistics (step 3.2): whether the corpus writes a word in lower case, or capitalised mid-sentence. */
export interface StatsLookup {
  lower: { has(word: string): boolean };
  capMid: { has(word: string): boolean };
}

/** A sentence-initial word is only a name if the corpus also capitalises it mid-sentence, or knows it as a given name. */
function isHeadlineCaseOnly(t: Token, stats: StatsLookup): boolean {
  return t.isSentenceStart && !stats.capMid.has(t.norm) && !isGivenName(t.norm);
}

/**
 * Before an organisation's name, a sentence-initial word goes only when it is a known common word
 * ("Meanwhile Acme Union"): an unknown one is the name's own first word ("Ferrow Bank said …").
 */
function isCommonLead(t: Token, stats: StatsLookup): boolean {
  return isHeadlineCaseOnly(t, stats) && (stats.lower.has(t.norm) || lexiconTags(t.norm).length > 0);
}

/** A run shaped like an organisation's name: a head ("Acme Union"), head-first ("University of X") or a company ending ("Orrin Motors"). */
function isOrgShaped(words: Token[]): boolean {
  const norms = words.filter((t) => t.isWord).map((t) => t.norm);
  return hasOrgHead(words) || isHeadFirstOrg(norms) || (norms.length >= 2 && ORG_SUFFIXES.has(norms[norms.length - 1]));
}

/** The candidates of one run. */
export function candidatesOf(run: Run, d: ArticleDraft, stats: StatsLookup): Candidate[] {
  const words = run.tokens;
  const make = (ts: Token[], title: string | null): Candidate | null => {
    const ws = ts.filter((t) => t.isWord);
    if (!ws.length || ws.length > MAX_NAME_WORDS) return null;
    // What is left of "That party" once "That" is dropped is no name.
    if (!ws.some((t) => t.isCap)) return null;
    const firstIndex = run.first + words.indexOf(ts[0]);
    return {
      key: ws.map((t) => t.norm).join(' '),
      words: ws.map((t) => t.norm),
      display: display(ts, d.text),
      isSentenceStart: ts[0].isSentenceStart,
      title,
      article: run.article,
      firstToken: firstIndex,
      lastToken: firstIndex + ts.length - 1,
    };
  };
  if (isOrgShaped(words)) {
    let from = 0;
    while (from < words.length - 1 && (isFunctionWord(words[from]) || isCommonLead(words[from], stats))) from++;
    const c = make(words.slice(from), null);
    return c ? [c] : [];
  }
  // Split at lower-case words and after possessives.
  const parts: Token[][] = [];
  let cur: Token[] = [];
  for (const w of words) {
    if (w.isWord && !w.isCap) {
      if (cur.length) parts.push(cur);
      cur = [];
      continue;
    }
    cur.push(w);
    if (w.isPossessive) {
      parts.push(cur);
      cur = [];
    }
  }
  if (cur.length) parts.push(cur);
  const out: Candidate[] = [];
  for (const part of parts) {
    // The name is what follows the last title ("US Senator Jane Doe", "Reformist MP Jane Doe").
    let lastTitle = -1;
    for (let k = 0; k < part.length - 1; k++) if (part[k].isWord && isTitleWord(part[k].norm)) lastTitle = k;
    let name = part.slice(lastTitle + 1);
    const title = lastTitle >= 0 ? part[lastTitle].norm.replace(/\.$/, '') : null;
    if (lastTitle < 0 && name.length === 1 && isTitleWord(name[0].norm)) continue;
    while (name.length && (isFunctionWord(name[0]) || (title === null && isHeadlineCaseOnly(name[0], stats) && !ACRONYM.test(name[0].text.replace(/['\u2019]s?$/, ''))))) {
      name = name.slice(1);
    }
    // Leading hyphen or apostrophe left by the cuts.
    while (name.length && !name[0].isWord) name = name.slice(1);
    const c = make(name, title);
    if (c) out.push(c);
  }
  return out;
}
