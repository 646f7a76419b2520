/**
 * Step 3.9: given names the corpus uses alone ("when Anna arrived"), in an article that names the
 * person in full. The given name becomes an alias of the one corpus person who has it, or is
 * claimed by all who share it (so it is ambiguous).
 */
import { normalize } from '../../lang/normalize';
import type { ArticleDraft, EntityDraft } from '../context';
import type { WordStats } from './02-word-stats';
import type { EntityBook } from './book';
import { NAME_SHAPE, isTitleWord } from './shared';

/** Per given name, the corpus people who have it: their given name as written, the rest of their name's words, and their id. */
export type GivenNames = Map<string, { display: string; rest: string[]; id: string }[]>;

/** The people's given names that could be used alone: name-shaped, not a title, never written in lower case in the corpus. */
export function givenNamesOf(entities: EntityDraft[], lower: Set<string>): GivenNames {
  const byGiven: GivenNames = new Map();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const display = e.name.split(/\s+/);
    const words = display.map((w) => normalize(w));
    if (words.length < 2 || !NAME_SHAPE.test(display[0]) || isTitleWord(words[0]) || lower.has(words[0])) continue;
    const list = byGiven.get(words[0]) ?? [];
    list.push({ display: display[0], rest: words.slice(1), id: e.id });
    byGiven.set(words[0], list);
  }
  return byGiven;
}

/**
 * The given names one article writes alone (capitalised, not next to another capitalised word)
 * while naming one of their people in full, in text order. It asks `byGiven` about its capitalised
 * words only.
 */
export function givenNamesAloneIn(d: ArticleDraft, byGiven: GivenNames): string[] {
  if (!byGiven.size) return [];
  const toks = d.tokens;
  const namedInFull = new Set<string>();
  const alone = new Set<string>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord || !t.isCap) continue;
    const people = byGiven.get(t.norm);
    if (!people) continue;
    let full = false;
    for (const p of people) {
      let ok = !t.isPossessive;
      for (let k = 0; k < p.rest.length && ok; k++) {
        const n = toks[i + 1 + k];
        ok = !!n && n.isWord && n.sentence === t.sentence && n.norm === p.rest[k];
      }
      if (ok) {
        namedInFull.add(p.id);
        full = true;
      }
    }
    if (full) continue;
    const prev = toks[i - 1];
    const next = toks[i + 1];
    const capNext = next && next.isWord && next.isCap && next.start - t.end <= 1 && !t.isPossessive;
    // A capital at the sentence start says nothing ("Later Anna …").
    const capPrev = prev && prev.isWord && prev.isCap && !prev.isSentenceStart && t.start - prev.end <= 1 && prev.sentence === t.sentence;
    if (!capNext && !capPrev) alone.add(t.norm);
  }
  return [...alone].filter((given) => byGiven.get(given)!.some((p) => namedInFull.has(p.id)));
}

/**
 * Claims each given name some article uses alone for its people, unless it is also a surname or
 * another entity's alias. `scan` reads every article (givenNamesAloneIn, in article order).
 */
export function addGivenNames(drafts: ArticleDraft[], stats: WordStats, book: EntityBook, bySurname: Map<string, string[]>, scan: (byGiven: GivenNames) => string[][] = (byGiven) => drafts.map((d) => givenNamesAloneIn(d, byGiven))): void {
  const byGiven = givenNamesOf(book.entities, stats.lower);
  // In the order the articles first use them (the book keeps the first way a form is written).
  const used = new Set(scan(byGiven).flat());
  for (const key of used) {
    const people = byGiven.get(key)!;
    const [display, ids] = [people[0].display, people.map((p) => p.id).sort()];
    if (bySurname.has(key)) continue;
    const owners = book.owners.get(key);
    if (owners && [...owners].some((o) => !ids.includes(o))) continue;
    book.claimAll(display, ids);
  }
}
