/**
 * The entities being built (steps 3.7–3.9) and, for every alias form, which entities claim it: a
 * form claimed by two entities is ambiguous (step 3.10).
 */
import { normalize } from '../../lang/normalize';
import type { EntityDraft } from '../context';

/** Slug for ids: lower case, letters and digits, words joined by "-". */
export function slug(name: string): string {
  return normalize(name)
    .replace(/'s?\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Entities under construction and the owners of each alias form. */
export class EntityBook {
  /** Entities in the order they were made. */
  readonly entities: EntityDraft[] = [];
  /** Normalised alias form → ids of the entities that claim it. */
  readonly owners = new Map<string, Set<string>>();
  /** Normalised alias form → the first way it was written. */
  readonly displays = new Map<string, string>();
  private readonly byId = new Map<string, EntityDraft>();
  private readonly usedIds = new Set<string>();

  /** Adds an entity with a fresh id ("person:jane-doe", then "person:jane-doe-2"), claiming its aliases. */
  add(kind: EntityDraft['kind'], name: string, aliases: Iterable<string>): EntityDraft {
    let id = `${kind}:${slug(name)}`;
    for (let n = 2; this.usedIds.has(id); n++) id = `${kind}:${slug(name)}-${n}`;
    this.usedIds.add(id);
    const ent: EntityDraft = { id, kind, name, aliases: [...new Set([name, ...aliases])] };
    this.entities.push(ent);
    this.byId.set(id, ent);
    for (const a of ent.aliases) this.claim(a, id);
    return ent;
  }

  /** Records that entity `id` is called `alias` somewhere in the corpus. */
  claim(alias: string, id: string): void {
    const k = normalize(alias);
    if (!this.displays.has(k)) this.displays.set(k, alias);
    let s = this.owners.get(k);
    if (!s) this.owners.set(k, (s = new Set()));
    s.add(id);
  }

  /** Claims `alias` for every id; when there is one id, also lists it among that entity's aliases. */
  claimAll(alias: string, ids: string[]): void {
    for (const id of ids) this.claim(alias, id);
    if (ids.length === 1) {
      const ent = this.byId.get(ids[0])!;
      if (!ent.aliases.includes(alias)) ent.aliases.push(alias);
    }
  }
}
