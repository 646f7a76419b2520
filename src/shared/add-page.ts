/** What the "Add this page" script, the background and the confirmation page agree on. */

/** Global (in the content script's isolated world) under which the injected script leaves its reader. */
export const ADD_PAGE_KEY = '__coverageLensReadArticle';

/** A page's article as read, for the reader to confirm and edit before it joins a corpus. */
export interface PageDraftView {
  /** The article's text, headline first, paragraphs separated by blank lines. */
  text: string;
  meta: { headline: string; outlet: string; date: string; url: string; author: string };
  /** What the page gave that could not be used (an unreadable date, a non-web address). */
  warnings: string[];
}
