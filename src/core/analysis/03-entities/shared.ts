/**
 * What the entity sub-steps share: the candidate and evidence shapes, the shapes of names, and
 * small token look-ups. No step logic lives here.
 */
import type { Token } from '../context';
import { MONTHS, WEEKDAYS } from '../../lang/dates';
import { ORG_HEADS } from '../../lang/organisations';
import { TITLES } from '../../lang/titles';

/** Lower-case words that may sit inside a name ("Bank of Avonley", "Jean de la Fontaine"). */
export const CONNECTORS = new Set(['of', 'and', 'for', 'the', 'de', 'la', 'le', 'du', 'da', 'van', 'von', 'der', 'al', 'bin', '&']);

/** A word shaped like part of a personal name: a capital, then at least one lower-case letter. */
export const NAME_SHAPE = /^\p{Lu}[\p{L}'\u2019-]*\p{Ll}[\p{L}'\u2019-]*$/u;

/**
 * An acronym: a capital, then 1–7 capitals, digits or "&". Eight characters is longer than the
 * acronyms news text uses for organisations ("NATO", "UNESCO") and shorter than shouted words.
 */
export const ACRONYM = /^[\p{Lu}][\p{Lu}\d&]{1,7}$/u;

/** Real names, even long organisation names, stay well under this; a longer capitalised run is a headline in title case or a pathological line. */
export const MAX_NAME_WORDS = 12;

/** A run of capitalised words in one sentence of one article. */
export interface Run {
  article: number;
  tokens: Token[];
  /** Index in the article's token array of the first token. */
  first: number;
}

/** One possible name, cut from a run. */
export interface Candidate {
  key: string;
  words: string[];
  display: string;
  isSentenceStart: boolean;
  title: string | null;
  article: number;
  firstToken: number;
  lastToken: number;
}

/** Corpus-wide evidence for one candidate key. */
export interface Evidence {
  person: number;
  org: number;
  place: number;
  titles: Set<string>;
  displays: Map<string, number>;
  /** Up to ACRONYM_MIN_SENTENCES of the sentences ("article:sentence") the key occurs in. */
  sentences: Set<string>;
  articles: Set<number>;
  /** Times a one-word name had a person's cue after it ("Doe said", "Doe, 41,"): supports the full name it ends. */
  bareCues: number;
  /** Short names merged in from another candidate ("X Assembly" for "X Assembly Against Y"). */
  extraAliases: string[];
}

/** A fresh, empty evidence record. */
export function emptyEvidence(): Evidence {
  return { person: 0, org: 0, place: 0, titles: new Set(), displays: new Map(), sentences: new Set(), articles: new Set(), bareCues: 0, extraAliases: [] };
}

/** "Mr", "Dr.", "Senator": a title that may precede a name. */
export function isTitleWord(norm: string): boolean {
  return TITLES.has(norm.replace(/\.$/, ''));
}

/** "Senators", "Mayors": a plural title, which never belongs to one name. */
export function isPluralTitle(norm: string): boolean {
  return norm.length > 2 && norm.endsWith('s') && TITLES.has(norm.slice(0, -1));
}

/** A month or weekday: capitalised, never a name. */
export function isCalendarWord(norm: string): boolean {
  return MONTHS.has(norm) || WEEKDAYS.has(norm);
}

/** True when a word after the first is an organisation head ("Acme Union"). */
export function hasOrgHeadWords(words: string[]): boolean {
  return words.slice(1).some((w) => ORG_HEADS.has(w));
}

/** Only whitespace (at most one character) between two tokens. */
export function gapIsSpace(a: Token, b: Token): boolean {
  return b.start - a.end <= 1;
}

/** The nearest word token before `i` in the same sentence. */
export function prevWord(toks: Token[], i: number, sentence: number): { token: Token; index: number } | undefined {
  for (let k = i - 1; k >= 0; k--) {
    if (toks[k].sentence !== sentence) return undefined;
    if (toks[k].isWord) return { token: toks[k], index: k };
  }
  return undefined;
}

/** The nearest word token after `i` in the same sentence. */
export function nextWord(toks: Token[], i: number, sentence: number): { token: Token; index: number } | undefined {
  for (let k = i + 1; k < toks.length; k++) {
    if (toks[k].sentence !== sentence) return undefined;
    if (toks[k].isWord) return { token: toks[k], index: k };
  }
  return undefined;
}

/** Sorts [key, value] pairs by key, for a deterministic order. */
export function byKey<T>(entries: Iterable<[string, T]>): [string, T][] {
  return [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
