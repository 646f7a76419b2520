/**
 * Step 3.6: decides from the summed evidence (step 3.5) which keys are people, organisations or
 * places; adds places listed beside known places; merges an organisation's shorter name into its
 * longer one ("X Assembly" into "X Assembly Against Y").
 */
import { COUNTRY_ABBREVIATIONS } from '../../lang/generic-nouns';
import type { ArticleDraft, Token } from '../context';
import { ORG_HEADS } from '../../lang/organisations';
import { isKnownPlace, lexiconTags } from '../../lang/pos';
import { PERSONAL_TITLES } from '../../lang/titles';
import type { WordStats } from './02-word-stats';
import { ACRONYM, NAME_SHAPE, hasOrgHeadWords, type Evidence } from './shared';

/** Evidence a person or an organisation needs: one strong cue or two weak ones (see step 3.5). */
export const MIN_EVIDENCE = 2;
/** An acronym with no other evidence must be used in this many sentences: once may be a shout or a typo. */
export const ACRONYM_MIN_SENTENCES = 2;
/** A list is a list of places when it has at least this many items ("X, Y and Z")… */
const PLACE_LIST_MIN_ITEMS = 3;
/** …and more than this share of them are places already known. */
const PLACE_LIST_KNOWN_SHARE = 0.5;
/** Weak: the full name ends in the surname of a person the corpus names ("Abena Osei" beside "Farida Osei"). */
export const W_SHARED_SURNAME = 1;
/** Weak: the surname alone has a person's cue after it in the corpus ("Delacroix said", "Osei, 22,"). */
export const W_BARE_SURNAME_CUE = 1;

/** One classified key. */
export interface Classified {
  words: string[];
  e: Evidence;
}

/** The classification of every candidate key. */
export interface Classification {
  persons: Map<string, Classified>;
  orgs: Map<string, Classified>;
  /** One-word keys used with a personal title only ("Mr Doe"), for people never named in full. */
  surnameOnly: Map<string, Evidence>;
  places: Set<string>;
}

/** Classifies every key, then tidies places and organisations. */
export function classify(lists: readonly string[][], evidence: Map<string, Evidence>, stats: WordStats): Classification {
  const isCommonWord = (key: string) => !key.includes(' ') && stats.lower.has(key);
  const persons = new Map<string, Classified>();
  const orgs = new Map<string, Classified>();
  const places = new Set<string>();
  const surnameOnly = new Map<string, Evidence>();
  const unclassified: string[] = [];
  for (const [key, e] of evidence) {
    const words = key.split(' ');
    if (e.place > 0 && e.place >= e.person && e.place >= e.org) {
      places.add(key);
    } else if (words.length >= 2 && e.person >= MIN_EVIDENCE && e.person >= e.org) {
      persons.set(key, { words, e });
    } else if (words.length === 1 && e.person >= MIN_EVIDENCE && [...e.titles].some((t) => PERSONAL_TITLES.has(t)) && !isCommonWord(key)) {
      surnameOnly.set(key, e);
    } else if (e.org >= MIN_EVIDENCE || (words.length >= 2 && hasOrgHeadWords(words) && e.person < MIN_EVIDENCE)) {
      if (!isCommonWord(key)) orgs.set(key, { words, e });
    } else if (isAcronymOrg(key, e) && !isCommonWord(key)) {
      orgs.set(key, { words, e });
    } else {
      unclassified.push(key);
    }
  }
  // A name-shaped full name short of evidence, whose surname the corpus gives another person or
  // uses alone with a speech verb, is a person: "Abena Osei" stays apart from "Farida Osei".
  const surnames = new Set([...persons.keys()].map((k) => k.slice(k.lastIndexOf(' ') + 1)));
  for (const key of unclassified) {
    const words = key.split(' ');
    const e = evidence.get(key)!;
    if (words.length < 2 || e.org > 0 || ![...e.displays.keys()].some((dsp) => dsp.split(/\s+/).every((w) => NAME_SHAPE.test(w)))) continue;
    const surname = words[words.length - 1];
    const support = (surnames.has(surname) ? W_SHARED_SURNAME : 0) + ((evidence.get(surname)?.bareCues ?? 0) > 0 ? W_BARE_SURNAME_CUE : 0);
    if (e.person + support >= MIN_EVIDENCE) persons.set(key, { words, e });
  }
  addListedPlaces(lists, places, persons, orgs);
  // A place must not be a common word ("in parliament") or a name the corpus gives a person or an
  // organisation ("trouble in Acme" where Acme is also "the Acme party").
  for (const p of [...places]) {
    if (isCommonWord(p) || persons.has(p) || orgs.has(p)) places.delete(p);
    else for (const key of orgs.keys()) if (key.startsWith(p + ' ') && ORG_HEADS.has(key.slice(p.length + 1))) places.delete(p);
  }
  mergeExtendedOrgNames(orgs);
  return { persons, orgs, surnameOnly, places };
}

/** A capitalised acronym used in several sentences that the lexicon does not know as a word, and not a country's abbreviation. */
function isAcronymOrg(key: string, e: Evidence): boolean {
  return !key.includes(' ') && [...e.displays.keys()].some((dsp) => ACRONYM.test(dsp)) && e.sentences.size >= ACRONYM_MIN_SENTENCES && !lexiconTags(key).length && !COUNTRY_ABBREVIATIONS.has(key);
}

/** "X Assembly" and "X Assembly Against Y" are one organisation when exactly one name extends the other. */
function mergeExtendedOrgNames(orgs: Map<string, Classified>): void {
  for (const key of [...orgs.keys()]) {
    const words = key.split(' ');
    if (!ORG_HEADS.has(words[words.length - 1])) continue;
    const longer = [...orgs.keys()].filter((k) => k !== key && k.startsWith(key + ' ')).sort();
    if (longer.length !== 1) continue;
    const target = orgs.get(longer[0])!;
    for (const dsp of orgs.get(key)!.e.displays.keys()) target.e.extraAliases.push(dsp);
    orgs.delete(key);
  }
}

/**
 * The comma lists of capitalised items in one article's body (its tokens `toks`) that are long
 * enough to be a list of places (PLACE_LIST_MIN_ITEMS), in text order: what addListedPlaces decides
 * on, read in the same pass over the tokens as the word statistics.
 */
export function capitalisedLists(d: ArticleDraft, toks: readonly Token[]): string[][] {
  const lists: string[][] = [];
  let i = 0;
  while (i < toks.length) {
    if (!toks[i].isCap || toks[i].start < d.bodyStart) {
      i++;
      continue;
    }
    const items: string[] = [];
    let j = i;
    while (j < toks.length && toks[j].isCap && toks[j].isWord) {
      let k = j;
      const words: string[] = [];
      while (k < toks.length && toks[k].isCap && toks[k].isWord && toks[k].sentence === toks[j].sentence) words.push(toks[k++].norm);
      items.push(words.join(' '));
      const sep = toks[k];
      if (!sep || sep.sentence !== toks[j].sentence || !(sep.text === ',' || sep.norm === 'and')) {
        j = k;
        break;
      }
      j = k + 1;
      if (toks[j] && toks[j].norm === 'and') j++;
    }
    if (items.length >= PLACE_LIST_MIN_ITEMS) lists.push(items);
    i = Math.max(j, i + 1);
  }
  return lists;
}

/**
 * Items of a comma list are places when most of the list's items are known places ("Glenhaven,
 * Kesslow and Lyon"). Lists in corpus order (capitalisedLists of each article in turn): a list's
 * places count as known for the lists after it.
 */
function addListedPlaces(lists: readonly string[][], places: Set<string>, persons: Map<string, unknown>, orgs: Map<string, unknown>): void {
  for (const items of lists) {
    const known = items.filter((x) => places.has(x) || isKnownPlace(x)).length;
    if (known > items.length * PLACE_LIST_KNOWN_SHARE) for (const x of items) if (!persons.has(x) && !orgs.has(x)) places.add(x);
  }
}

