/**
 * What one import has taken so far (and what the target corpus already holds): the one place
 * that decides whether an article is a duplicate, by address or by text, and gives unique ids.
 */
import { urlKey } from './fields';
import type { ImportedArticle, ImportedMeta } from './report';

/** What the target corpus already holds. */
export interface ExistingArticles {
  urls?: Iterable<string>;
  texts?: Iterable<string>;
  ids?: Iterable<string>;
}

/** The key under which two texts are the same article: whitespace collapsed, Unicode composed. */
export function textKey(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

const IN_CORPUS = 'an article already in the corpus';

/** Addresses, texts and ids taken; the first article to claim one keeps it. */
export class ImportLedger {
  private readonly urls = new Map<string, string>();
  private readonly texts = new Map<string, string>();
  private readonly ids = new Set<string>();

  /** A ledger that already holds the corpus's articles. */
  constructor(existing: ExistingArticles = {}) {
    for (const url of existing.urls ?? []) this.urls.set(urlKey(url), IN_CORPUS);
    for (const text of existing.texts ?? []) this.texts.set(textKey(text), IN_CORPUS);
    for (const id of existing.ids ?? []) this.ids.add(id);
  }

  /**
   * Takes an article under an id made unique from `baseId` ("-2", "-3" …), or says which earlier
   * one it duplicates. `source` names it in later duplicates' reasons.
   */
  take(
    baseId: string,
    source: string,
    text: string,
    meta: ImportedMeta,
  ): { article: ImportedArticle } | { code: 'duplicate-url' | 'duplicate-text'; reason: string } {
    const url = meta.url ? urlKey(meta.url) : '';
    const sameUrl = url ? this.urls.get(url) : undefined;
    if (sameUrl !== undefined) return { code: 'duplicate-url', reason: `same address as ${sameUrl} (${meta.url})` };
    const key = textKey(text);
    const sameText = this.texts.get(key);
    if (sameText !== undefined) return { code: 'duplicate-text', reason: `same text as ${sameText}` };
    if (url) this.urls.set(url, source);
    this.texts.set(key, source);
    let id = baseId;
    for (let n = 2; this.ids.has(id); n++) id = `${baseId}-${n}`;
    this.ids.add(id);
    return { article: { id, source, text, meta } };
  }
}
