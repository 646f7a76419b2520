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

/**
 * Per given name: its display form and every corpus person who has it, when some article writes it
 * alone (capitalised, not next to another capitalised word, never in lower case in the corpus)
 * and also names one of those people in full. One pass over the tokens.
 */
function givenNamesUsedAlone(drafts: ArticleDraft[], entities: EntityDraft[], lower: Set<string>): Map<string, { display: string; ids: string[] }> {
  const byGiven = new Map<string, { display: string; rest: string[]; id: string }[]>();
  for (const e of entities) {
    if (e.kind !== 'person') continue;
    const display = e.name.split(/\s+/);
    const words = display.map((w) => normalize(w));
    if (words.length < 2 || !NAME_SHAPE.test(display[0]) || isTitleWord(words[0]) || lower.has(words[0])) continue;
    const list = byGiven.get(words[0]) ?? [];
    list.push({ display: display[0], rest: words.slice(1), id: e.id });
    byGiven.set(words[0], list);
  }
  const used = new Map<string, { display: string; ids: string[] }>();
  if (!byGiven.size) return used;
  for (const d of drafts) {
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
    for (const given of alone) {
      const people = byGiven.get(given)!;
      if (!people.some((p) => namedInFull.has(p.id))) continue;
      used.set(given, { display: people[0].display, ids: people.map((p) => p.id).sort() });
    }
  }
  return used;
}

/** Claims each given name used alone for its people, unless it is also a surname or another entity's alias. */
export function addGivenNames(drafts: ArticleDraft[], stats: WordStats, book: EntityBook, bySurname: Map<string, string[]>): void {
  for (const [key, { display, ids }] of givenNamesUsedAlone(drafts, book.entities, stats.lower)) {
    if (bySurname.has(key)) continue;
    const owners = book.owners.get(key);
    if (owners && [...owners].some((o) => !ids.includes(o))) continue;
    book.claimAll(display, ids);
  }
}
