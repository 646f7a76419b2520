/**
 * Entry of the "Add this page" script, built as a standalone IIFE and injected by the background
 * only when the reader asks to add the page (popup button or context menu). It reads the page's
 * article with Readability on a clone (the page itself is never changed) and hands the draft back
 * through a function on the isolated world's global; nothing is sent anywhere else.
 */
import { extractArticle, type PageDraft, type PageFailure } from '../store/import/extract-article';
import { ADD_PAGE_KEY } from '../shared/add-page';

(globalThis as Record<string, unknown>)[ADD_PAGE_KEY] = (): PageDraft | PageFailure =>
  extractArticle(document, location.href, (html) => new DOMParser().parseFromString(html, 'text/html'));
