/**
 * The people a page has named so far, as one scan of the page's blocks hands them on: a sentence
 * that names its person only as "he", "she" or by a role ("the agency's director") is read as
 * about the most recent of them that fits (claims.ts). Entity ids of one corpus, most recent first.
 * Held in memory for one request only: the page sends what earlier answers named with each batch
 * (MatchingProtocol `people`), so nothing is kept on the matching side between requests.
 */

/**
 * People remembered, most recent first. A pronoun or a role word reaches back a few names at most
 * in news writing; eight covers a paragraph that names several people and keeps the list (and the
 * request carrying it) small.
 */
export const MAX_PAGE_PEOPLE = 8;

/** The people named earlier on one page, most recent first; the scan adds the ones it finds. */
export class PagePeople {
  private ids: string[];

  /** `earlier`: people named before the text about to be scanned, most recent first (cut to MAX_PAGE_PEOPLE). */
  constructor(earlier: readonly string[] = []) {
    this.ids = [...new Set(earlier)].slice(0, MAX_PAGE_PEOPLE);
  }

  /** The people, most recent first. */
  recent(): readonly string[] {
    return this.ids;
  }

  /** Notes a person just named: it becomes the most recent. */
  note(id: string): void {
    const at = this.ids.indexOf(id);
    if (at === 0) return;
    if (at > 0) this.ids.splice(at, 1);
    this.ids.unshift(id);
    if (this.ids.length > MAX_PAGE_PEOPLE) this.ids.length = MAX_PAGE_PEOPLE;
  }
}
