/**
 * The people a page has named so far, most recent first (entity ids of one corpus): a sentence that
 * names its person only as "he", "she" or by a role ("the agency's director") is read as about the
 * most recent of them that fits (core/match/claims.ts). The page keeps one per corpus from the
 * answers it gets and sends it with each batch (MatchingProtocol `people`); the matching side makes
 * one per request and hands it from block to block (ScanOptions.pagePeople). Here rather than in
 * core/match, which the content script must not bundle.
 */

/**
 * People remembered, most recent first. A pronoun or a role word reaches back a few names at most
 * in news writing; eight covers a paragraph that names several people and keeps the list (and the
 * request carrying it) small.
 */
export const MAX_PAGE_PEOPLE = 8;

/** How a quote was introduced (certainty level and cue: core/lang/certainty), as PagePeople.speech keeps it. */
export interface QuoteSpeech {
  level: number;
  cue: string;
}

/** The people named earlier on one page, most recent first; the scan adds the ones it finds. */
export class PagePeople {
  private ids: string[];
  /**
   * How the last quote of the block scanned just before was introduced (its certainty: "he will
   * say" is expected; core/lang/certainty), null when that block quoted no one: in news writing a
   * quote's later paragraphs carry no attribution of their own, so a quote that opens the next block
   * unattributed continues this one (as the corpus analysis reads its own quotes, analysis step 5).
   * The page carries it from one request to the next (MatchingProtocol `speech`, reply `ends`).
   */
  speech: QuoteSpeech | null = null;

  /**
   * When a list: every scan handed this object appends how its text ended (`speech` after it), so
   * the matching side can tell the page, per block, what the block after it continues.
   */
  ends: (QuoteSpeech | null)[] | null = null;

  /** `earlier`: people named before the text about to be scanned, most recent first (cut to MAX_PAGE_PEOPLE). */
  constructor(earlier: readonly string[] = [], speech: QuoteSpeech | null = null) {
    this.ids = [...new Set(earlier)].slice(0, MAX_PAGE_PEOPLE);
    this.speech = speech;
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
