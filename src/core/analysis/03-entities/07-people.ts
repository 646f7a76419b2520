/**
 * Step 3.7: people. Full names that share their first and last word are one person ("Jane Q Doe"
 * and "Jane Doe"); a person named only with a title ("Mr Doe") is one when nobody with that
 * surname is named in full. Then the surname alone and title + surname become aliases when the
 * corpus uses them; a surname two people share is claimed by both, so it ends up ambiguous
 * (step 3.10), never given to one of them.
 */
import type { Token } from '../context';
import { PERSONAL_TITLES } from '../../lang/titles';
import type { Classification } from './06-classify';
import type { EntityBook } from './book';
import { byKey } from './shared';

/** The most frequent display, ties to the longer, then alphabetical. */
export function mostFrequent(entries: [string, number][]): string {
  return entries.sort((a, b) => b[1] - a[1] || b[0].length - a[0].length || (a[0] < b[0] ? -1 : 1))[0][0];
}

/** For each capitalised word: is it used bare (not after another capitalised word) and with which titles. */
export type SurnameUsage = Map<string, { bare: boolean; titled: Set<string> }>;

/** Adds one article's capitalised words (its tokens `toks`) to `use`, in the same pass over the tokens as the word statistics. */
export function addSurnameUsage(use: SurnameUsage, toks: readonly Token[]): void {
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isCap || !t.isWord) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    if (next && next.isCap && next.isWord && next.start - t.end <= 1 && !t.isPossessive) continue;
    let u = use.get(t.norm);
    if (!u) use.set(t.norm, (u = { bare: false, titled: new Set() }));
    if (prev && prev.isCap && prev.isWord && prev.sentence === t.sentence && t.start - prev.end <= 1) {
      if (PERSONAL_TITLES.has(prev.norm.replace(/\.$/, ''))) u.titled.add(`${prev.text} ${t.text.replace(/['\u2019]s?$/, '')}`);
      continue;
    }
    u.bare = true;
  }
}

/** Makes the people of the corpus; returns, per surname, the ids of the people who have it. */
export function makePeople(use: SurnameUsage, cls: Classification, book: EntityBook): Map<string, string[]> {
  const byEnds = new Map<string, string[]>();
  for (const key of [...cls.persons.keys()].sort()) {
    const w = key.split(' ');
    const ends = `${w[0]} ${w[w.length - 1]}`;
    byEnds.set(ends, [...(byEnds.get(ends) ?? []), key]);
  }
  const bySurname = new Map<string, string[]>();
  const surnameDisplay = new Map<string, string>();
  for (const keys of byEnds.values()) {
    const displays = keys.flatMap((k) => [...cls.persons.get(k)!.e.displays.entries()]);
    const name = mostFrequent(displays);
    const ent = book.add('person', name, displays.map(([dsp]) => dsp));
    const surname = keys[0].slice(keys[0].lastIndexOf(' ') + 1);
    bySurname.set(surname, [...(bySurname.get(surname) ?? []), ent.id]);
    surnameDisplay.set(surname, name.split(/\s+/).pop()!);
  }
  for (const [surname, e] of byKey(cls.surnameOnly)) {
    if (bySurname.has(surname)) continue;
    const name = mostFrequent([...e.displays.entries()]);
    const ent = book.add('person', name, []);
    bySurname.set(surname, [ent.id]);
    surnameDisplay.set(surname, name);
  }
  for (const [surname, ids] of bySurname) {
    const u = use.get(surname);
    if (!u) continue;
    const forms = [...(u.bare ? [surnameDisplay.get(surname)!] : []), ...[...u.titled].sort()];
    for (const form of forms) book.claimAll(form, ids);
  }
  return bySurname;
}
