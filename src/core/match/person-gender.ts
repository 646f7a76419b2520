/**
 * A person's gender as the corpus itself shows it, for reading "he" and "she" on a page
 * (claims.ts): the titles its outlets write before the name ("Ms X", "Mr X") and the pronoun that
 * opens the sentence right after one that names the person ("X spoke first. She said …"). Nothing
 * is guessed from the name. One letter per entity in MatcherData `entityGenders`.
 */
import { TITLE_GENDER } from '../lang/titles';
import { OPENING_CONNECTIVES } from '../lang/function-words';

/** Gender letters: a man, a woman, not known (or not a person). */
export const MALE = 'm';
export const FEMALE = 'f';
export const UNKNOWN_GENDER = '-';

/**
 * Votes one side must have over the other for the corpus to be taken at its word: a pronoun after
 * a sentence naming two people is sometimes the other's, so one stray vote against two agreeing
 * ones leaves it unknown rather than wrong.
 */
const GENDER_MARGIN = 2;
/** Characters of a sentence's opening read for its pronoun (connectives and the pronoun fit in far fewer). */
const OPENING_CHARS = 60;

/** 'm' or 'f' when text opens with "he" or "she" (after opening connectives, "But she …"), else null. */
export function openingPronoun(text: string): 'm' | 'f' | null {
  const words = text.slice(0, OPENING_CHARS).toLowerCase().match(/[a-z]+/g) ?? [];
  for (const w of words) {
    if (OPENING_CONNECTIVES.has(w)) continue;
    return w === 'he' ? MALE : w === 'she' ? FEMALE : null;
  }
  return null;
}

/** 'm' or 'f' when a mention as written opens with a title that says it ("Ms Doe's"), else null. */
export function titleGender(surface: string): 'm' | 'f' | null {
  const first = /^[A-Za-z]+/.exec(surface.trim())?.[0].toLowerCase();
  return (first && TITLE_GENDER.get(first)) || null;
}

/** Counts the corpus's evidence of one person's gender. */
export class GenderVotes {
  private m = 0;
  private f = 0;

  /** Adds one piece of evidence (null adds nothing). */
  add(gender: 'm' | 'f' | null): void {
    if (gender === MALE) this.m++;
    else if (gender === FEMALE) this.f++;
  }

  /** The gender letter the votes support, UNKNOWN_GENDER when they are none or split. */
  letter(): string {
    if (this.m > 0 && this.m >= this.f * GENDER_MARGIN) return MALE;
    if (this.f > 0 && this.f >= this.m * GENDER_MARGIN) return FEMALE;
    return UNKNOWN_GENDER;
  }
}
