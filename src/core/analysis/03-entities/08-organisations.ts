/**
 * Step 3.8: organisations, each with the short forms the corpus itself introduces: "X" for "X
 * Party" when the corpus writes "X" alone, and an acronym that an article introduces after the
 * full name, in brackets ("the International Widget Association (IWA)") or by using the name's
 * initials after naming it in full.
 */
import type { ArticleDraft, Token } from '../context';
import { ORG_HEADS } from '../../lang/organisations';
import type { Classification } from './06-classify';
import type { EntityBook } from './book';
import { ACRONYM, CONNECTORS, byKey, type Evidence } from './shared';

/** Names with fewer initials than this have no acronym worth matching ("Acme Union" → "AU" is noise). */
const MIN_ACRONYM_LETTERS = 3;
/** An unbracketed acronym may leave out this many of the name's initials ("LAA" for a four-word name with "A" twice). */
const ACRONYM_DROPPED_INITIALS = 1;

/** The preferred display: the capitalised head ("X Party" over "X party"), then the most frequent. */
function preferredOrgName(entries: [string, number][]): string {
  return entries.sort((a, b) => {
    const capA = /\s\p{Lu}[\p{L}]*$/u.test(a[0]) ? 1 : 0;
    const capB = /\s\p{Lu}[\p{L}]*$/u.test(b[0]) ? 1 : 0;
    return capB - capA || b[1] - a[1] || (a[0] < b[0] ? -1 : 1);
  })[0][0];
}

/** Short forms wanted by their first word: "X" of "X Party", with the head that must not follow ("party"). */
export type ShortForms = Map<string, { words: string[]; head: string }[]>;

/** The short forms ("X" of "X Party") of the organisations' keys, by first word. */
export function shortFormsOf(orgKeys: string[]): ShortForms {
  const wanted: ShortForms = new Map();
  for (const key of orgKeys) {
    const words = key.split(' ');
    if (words.length < 2 || !ORG_HEADS.has(words[words.length - 1])) continue;
    const short = words.slice(0, -1);
    wanted.set(short[0], [...(wanted.get(short[0]) ?? []), { words: short, head: words[words.length - 1] }]);
  }
  return wanted;
}

/** The short forms one article uses on their own, in text order (it asks `wanted` about its capitalised words only). */
export function shortFormsAloneIn(d: ArticleDraft, wanted: ShortForms): string[] {
  const found = new Set<string>();
  if (!wanted.size) return [];
  const toks = d.tokens.filter((t) => t.isWord);
  for (let i = 0; i < toks.length; i++) {
    if (!toks[i].isCap) continue;
    for (const w of wanted.get(toks[i].norm) ?? []) {
      let ok = i + w.words.length <= toks.length;
      for (let k = 0; k < w.words.length && ok; k++) ok = toks[i + k].norm === w.words[k];
      if (!ok) continue;
      const next = toks[i + w.words.length];
      if (!next || next.norm !== w.head) found.add(w.words.join(' '));
    }
  }
  return [...found];
}

/** How makeOrganisations reads articles: per article, the short forms it uses alone; per organisation and article, the acronym it introduces. */
export interface OrganisationScans {
  /** shortFormsAloneIn for every article, in article order. */
  shortForms(wanted: ShortForms): string[][];
  /** introducedAcronymIn for article `a` (by its index) and the organisation `key`. */
  acronym(a: number, key: string, compute: () => string | null): string | null;
}

/** Every article read again: what an analysis without kept state does. */
export function scanAll(drafts: ArticleDraft[]): OrganisationScans {
  return { shortForms: (wanted) => drafts.map((d) => shortFormsAloneIn(d, wanted)), acronym: (_a, _key, compute) => compute() };
}

/** True when the letters of `needle` appear in `hay` in order. */
function isSubsequence(needle: string, hay: string): boolean {
  let j = 0;
  for (let i = 0; i < hay.length && j < needle.length; i++) if (hay[i] === needle[j]) j++;
  return j === needle.length;
}

/** Index of the last token of the first full-name occurrence in the article, or -1. */
function firstFullNameEnd(toks: Token[], words: string[]): number {
  const wordIdx: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i].isWord) wordIdx.push(i);
  for (let w = 0; w + words.length <= wordIdx.length; w++) {
    let ok = true;
    for (let k = 0; k < words.length && ok; k++) ok = toks[wordIdx[w + k]].norm === words[k];
    if (ok) return wordIdx[w + words.length - 1];
  }
  return -1;
}

/** The acronym an article introduces for the organisation, or null: the first of its articles (in order) that introduces one. */
export function introducedAcronym(drafts: ArticleDraft[], words: string[], e: Evidence, key = words.join(' '), scans: OrganisationScans = scanAll(drafts)): string | null {
  const contentInitials = words.filter((w) => !CONNECTORS.has(w)).map((w) => w[0]).join('');
  const allInitials = words.map((w) => w[0]).join('');
  if (contentInitials.length < MIN_ACRONYM_LETTERS) return null;
  for (const a of [...e.articles].sort((x, y) => x - y)) {
    const found = scans.acronym(a, key, () => introducedAcronymIn(drafts[a].tokens, words, contentInitials, allInitials));
    if (found) return found;
  }
  return null;
}

/** The acronym one article introduces after the organisation's first full name, or null. */
function introducedAcronymIn(toks: Token[], words: string[], contentInitials: string, allInitials: string): string | null {
  const end = firstFullNameEnd(toks, words);
  if (end < 0) return null;
  for (let i = end + 1; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord || !ACRONYM.test(t.text) || /\d/.test(t.text)) continue;
    const acr = t.norm;
    if (acr.length < MIN_ACRONYM_LETTERS || acr[0] !== contentInitials[0]) continue;
    // In brackets straight after the name: any acronym built from its initials.
    if (i === end + 2 && toks[end + 1].text === '(' && isSubsequence(acr, allInitials)) return t.text;
    if (acr.length >= contentInitials.length - ACRONYM_DROPPED_INITIALS && isSubsequence(acr, contentInitials)) return t.text;
  }
  return null;
}

/** Makes the organisations of the corpus. */
export function makeOrganisations(drafts: ArticleDraft[], cls: Classification, book: EntityBook, scans: OrganisationScans = scanAll(drafts)): void {
  const aloneForms = new Set(scans.shortForms(shortFormsOf([...cls.orgs.keys()])).flat());
  const acronyms = new Map<string, string>();
  for (const [key, { words, e }] of cls.orgs) {
    const acronym = introducedAcronym(drafts, words, e, key, scans);
    if (acronym) acronyms.set(key, acronym);
  }
  // An acronym an article introduces for an organisation is that organisation, not another one.
  const introduced = new Set([...acronyms.values()].map((a) => a.toLowerCase()));
  for (const [key, { words, e }] of byKey(cls.orgs)) {
    if (cls.persons.has(key) || introduced.has(key)) continue;
    const name = preferredOrgName([...e.displays.entries()]);
    const aliases = [...e.displays.keys(), ...e.extraAliases];
    if (words.length >= 2 && ORG_HEADS.has(words[words.length - 1])) {
      const short = words.slice(0, -1).join(' ');
      if (aloneForms.has(short) && !cls.persons.has(short) && !cls.places.has(short)) aliases.push(name.split(/\s+/).slice(0, -1).join(' '));
    }
    const acronym = acronyms.get(key);
    if (acronym) aliases.push(acronym);
    book.add('organisation', name, aliases);
  }
}
