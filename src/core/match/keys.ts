/** Claim keys: which words of a sentence characterise it, shared by compile time and scan time. */
// The word rule lives in lang/ (one rule for corpus keywords and page keys); the pseudo-keys below
// are the matcher's own.
export { wordKey } from '../lang/keywords';

/** Pseudo-key for an entity (by index in MatcherData.entities). */
export function entityKey(entity: number): string {
  return `@${entity}`;
}

/** Pseudo-key for a place (by index in MatcherData.places). */
export function placeKey(place: number): string {
  return `^${place}`;
}

/** Pseudo-key for a figure: class and value, so "thirty-six" and "36" share one key. */
export function figureKey(cls: number, value: number): string {
  return `#${cls}:${value}`;
}
