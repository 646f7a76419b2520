/**
 * Step 3.11: every mention of every entity: alias occurrences (longest first, whole words, first
 * word capitalised, never inside what is not prose), then given names used alone in an article
 * that names exactly one person with that given name.
 */
import type { Span } from '../../index/types';
import { normalize } from '../../lang/normalize';
import { comparableWords } from '../../lang/segment';
import type { ArticleDraft, EntityDraft, MentionDraft } from '../context';
import { isInside } from '../context';
import { ORG_HEADS } from '../../lang/organisations';
import { PERSONAL_TITLES } from '../../lang/titles';
import { isPluralTitle, isTitleWord } from './shared';

interface AliasEntry {
  words: string[];
  /** Null for an ambiguous form: it blocks shorter matches but is given to nobody. */
  entity: string | null;
  /** The alias has a possessive inside it ("Widget Makers' Association"). */
  hasApostrophe: boolean;
}

/** Alias look-up by first word, longest alias first. */
export type AliasTable = Map<string, AliasEntry[]>;

// An alias's words as the mention tokens carry them: normalised, possessive ending removed.
function wordsOf(alias: string): string[] {
  return comparableWords(alias).map((w) => w.replace(/'s?$/, ''));
}

/** Builds the alias table from the entities' aliases and the ambiguous forms. */
export function buildAliasTable(entities: EntityDraft[], ambiguousKeys: Set<string>): AliasTable {
  const table: AliasTable = new Map();
  // The word lists already in the table, joined: a form is added once, for the first entity that has it.
  const added = new Set<string>();
  const add = (alias: string, entity: string | null) => {
    const words = wordsOf(alias);
    if (!words.length) return;
    const list = table.get(words[0]) ?? [];
    const joined = words.join(' ');
    if (!added.has(joined)) {
      added.add(joined);
      list.push({ words, entity, hasApostrophe: /['\u2019]/.test(alias) });
    }
    table.set(words[0], list);
  };
  for (const e of entities) for (const a of e.aliases) add(a, e.id);
  for (const k of [...ambiguousKeys].sort()) add(k, null);
  for (const list of table.values()) list.sort((a, b) => b.words.length - a.words.length);
  return table;
}

/** The mentions of one article, in text order. */
export function findMentions(d: ArticleDraft, table: AliasTable, entities: Map<string, EntityDraft>, nonProse: Span[]): MentionDraft[] {
  const toks = d.tokens;
  const out: MentionDraft[] = [];
  const words: number[] = [];
  for (let i = 0; i < toks.length; i++) if (toks[i].isWord) words.push(i);
  for (let w = 0; w < words.length; w++) {
    const t = toks[words[w]];
    if (!t.isCap || isInside(nonProse, t.start)) continue;
    const list = table.get(t.norm);
    if (!list) continue;
    let matched: AliasEntry | null = null;
    for (const entry of list) {
      if (w + entry.words.length > words.length) continue;
      let ok = true;
      for (let k = 0; k < entry.words.length && ok; k++) {
        const tk = toks[words[w + k]];
        ok = tk.norm === entry.words[k] && tk.sentence === t.sentence && (k === entry.words.length - 1 || !tk.isPossessive || entry.hasApostrophe);
      }
      if (ok) {
        matched = entry;
        break;
      }
    }
    if (!matched) continue;
    // The whole name must be one capitalised run: "Keep X" is fine, but "X Y" where Y extends
    // the name beyond the alias is another name ("Anna" in "Anna Berg").
    const lastIdx = words[w + matched.words.length - 1];
    const last = toks[lastIdx];
    const after = toks[lastIdx + 1];
    if (!last.isPossessive && after && after.isWord && after.isCap && after.start - last.end <= 1 && matched.words.length === 1 && !isTitleWord(after.norm) && !isPluralTitle(after.norm) && !ORG_HEADS.has(after.norm)) {
      continue;
    }
    if (matched.entity) {
      // Include a title written before a surname ("Mr Doe") in the mention.
      const prev = toks[words[w] - 1];
      const titled = prev && prev.isWord && prev.sentence === t.sentence && PERSONAL_TITLES.has(prev.norm.replace(/\.$/, '')) && t.start - prev.end <= 1 && entities.get(matched.entity)?.kind === 'person';
      const s = titled && !out.some((m) => m.end > prev.start) ? prev.start : t.start;
      out.push({
        entity: matched.entity,
        start: s,
        end: last.end,
        sentence: t.sentence,
        surface: d.text.slice(s, last.end),
        tokenStart: titled ? words[w] - 1 : words[w],
        tokenEnd: lastIdx + 1,
        isPossessive: last.isPossessive,
      });
    }
    w += matched.words.length - 1;
  }
  addGivenNameMentions(d, out, entities, nonProse);
  out.sort((a, b) => a.start - b.start);
  return out;
}

/** "Anna" alone, in an article that names exactly one person with that given name in full. */
function addGivenNameMentions(d: ArticleDraft, out: MentionDraft[], entities: Map<string, EntityDraft>, nonProse: Span[]): void {
  const byGiven = new Map<string, Set<string>>();
  for (const m of out) {
    const e = entities.get(m.entity);
    if (!e || e.kind !== 'person') continue;
    const parts = normalize(e.name).split(/\s+/);
    if (parts.length < 2) continue;
    const set = byGiven.get(parts[0]) ?? new Set<string>();
    set.add(e.id);
    byGiven.set(parts[0], set);
  }
  if (!byGiven.size) return;
  const covered = new Set<number>();
  for (const m of out) for (let k = m.tokenStart; k < m.tokenEnd; k++) covered.add(k);
  const toks = d.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isCap || !t.isWord || isInside(nonProse, t.start)) continue;
    const ids = byGiven.get(t.norm);
    if (!ids || ids.size !== 1 || covered.has(i)) continue;
    const next = toks[i + 1];
    if (next && next.isWord && next.isCap && next.start - t.end <= 1) continue;
    out.push({ entity: [...ids][0], start: t.start, end: t.end, sentence: t.sentence, surface: t.text, tokenStart: i, tokenEnd: i + 1, isPossessive: t.isPossessive });
  }
}
