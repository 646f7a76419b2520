/**
 * Step 3.10: the final alias lists. Forms that name nothing in particular go: a function word or a
 * form that starts with one ("That", "That party"); for an organisation, a generic word alone
 * ("News", "General") or a country's abbreviation ("US"). An entity whose name is such a form goes too.
 * A form claimed by two entities is ambiguous: it is listed in the index's `ambiguous` with every
 * entity that claims it, removed from their aliases, and never resolved to one of them.
 */
import { CLOSED_CLASS_WORDS } from '../../lang/closed-class';
import { COUNTRY_ABBREVIATIONS, GENERIC_NOUNS } from '../../lang/generic-nouns';
import { normalize } from '../../lang/normalize';
import type { EntityDraft } from '../context';
import type { EntityBook } from './book';

/** True when the form cannot stand for one particular person or organisation. */
export function isJunkAlias(alias: string, kind: EntityDraft['kind']): boolean {
  const words = normalize(alias).split(/\s+/).map((w) => w.replace(/['\u2019]s?$/, ''));
  if (!words[0] || CLOSED_CLASS_WORDS.has(words[0])) return true;
  if (words.length > 1) return false;
  // Only an organisation's one-word alias is checked against generic words: a person's surname may
  // be one ("West", "Court", "Post") and is an alias when the corpus uses it alone.
  return kind === 'organisation' && (GENERIC_NOUNS.has(words[0]) || COUNTRY_ABBREVIATIONS.has(words[0]));
}

/** Result of the alias step. */
export interface AliasResult {
  entities: EntityDraft[];
  ambiguous: { alias: string; entities: string[] }[];
  ambiguousKeys: Set<string>;
}

/** Drops junk forms and entities, finds the ambiguous forms, and sorts each entity's aliases. */
export function finishAliases(book: EntityBook): AliasResult {
  const kindOf = new Map(book.entities.map((e) => [e.id, e.kind]));
  const dropped = new Set(book.entities.filter((e) => isJunkAlias(e.name, e.kind)).map((e) => e.id));
  const entities = book.entities.filter((e) => !dropped.has(e.id));
  const ambiguous: { alias: string; entities: string[] }[] = [];
  const ambiguousKeys = new Set<string>();
  for (const [k, owners] of book.owners) {
    const real = [...owners].filter((id) => !dropped.has(id) && !isJunkAlias(k, kindOf.get(id)!));
    if (real.length < 2) continue;
    ambiguousKeys.add(k);
    ambiguous.push({ alias: book.displays.get(k) ?? k, entities: real.sort() });
  }
  ambiguous.sort((a, b) => (a.alias < b.alias ? -1 : a.alias > b.alias ? 1 : 0));
  for (const ent of entities) {
    const seen = new Set<string>([normalize(ent.name)]);
    const rest = ent.aliases.filter((a) => {
      const k = normalize(a);
      if (ambiguousKeys.has(k) || seen.has(k) || isJunkAlias(a, ent.kind)) return false;
      seen.add(k);
      return true;
    });
    ent.aliases = [ent.name, ...rest].filter((a) => !ambiguousKeys.has(normalize(a))).sort();
  }
  return { entities, ambiguous, ambiguousKeys };
}
