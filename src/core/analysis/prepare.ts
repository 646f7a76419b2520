/**
 * Steps 1–2 for one article: clean, then segment into sentences, tokens and quoted regions.
 */
import type { ArticleRecord } from '../index/types';
import type { ArticleDraft, ArticleInput, Token } from './context';
import { cleanArticle } from './01-clean';
import { countWords, findQuotedRegions, quotedSpans, segmentSentences, tokenize } from './02-segment';
import { readStoredTokens, storedTokenLayout, storeTokens, type StoredTokens } from './stored-tokens';
import type { TokenStore } from './token-store';

/** Told each prepared article's tokens in their kept form (null when they do not fit it; see stored-tokens.ts). */
export type TokenSink = (stored: StoredTokens | null) => void;

/**
 * Turns one input article into a draft with text, furniture, sentences, tokens and quotes. With a
 * store, the tokens are packed into it and `tokens` rebuilds them when read (see token-store.ts).
 */
export function prepareArticle(input: ArticleInput, store?: TokenStore, keep?: TokenSink): ArticleDraft {
  const cleaned = cleanArticle(input.text);
  const meta = input.meta ?? {};
  return segmented(
    {
      id: input.id,
      outlet: meta.outlet || 'unknown',
      headline: meta.headline || cleaned.headline || 'unknown',
      date: meta.date || 'unknown',
      url: meta.url || 'unknown',
      text: cleaned.text,
      paragraphs: cleaned.paragraphs,
      furniture: cleaned.furniture,
      bodyStart: cleaned.bodyStart,
    },
    segmentSentences(cleaned.text, cleaned.paragraphs),
    store,
    null,
    keep,
  );
}

/**
 * The draft of an article an earlier analysis already cleaned and segmented, from its stored record:
 * the same draft prepareArticle made from its raw text (text, paragraphs, sentences and furniture
 * are the record's; tokens and quoted regions are recomputed from them, as prepareArticle does), so
 * adding articles to a corpus need not clean and segment the ones it holds. Re-cleaning the stored
 * text instead would lose its furniture (removed from the text the first time). `stored`: the
 * tokens kept for the record (stored-tokens.ts), read instead of segmenting its text when they fit it.
 */
export function prepareRecord(record: ArticleRecord, store?: TokenStore, stored?: unknown, keep?: TokenSink): ArticleDraft {
  return segmented(
    {
      id: record.id,
      outlet: record.outlet,
      headline: record.headline,
      date: record.date,
      url: record.url,
      text: record.text,
      paragraphs: record.paragraphs,
      furniture: record.furniture,
      // As cleanArticle lays it out: the body starts at the second paragraph (the first is the headline).
      bodyStart: record.paragraphs.length > 1 ? record.paragraphs[1].start : record.text.length,
    },
    record.sentences,
    store,
    stored,
    keep,
  );
}

/** The fields of a draft that cleaning (or a stored record) gives; segmented() adds the rest. */
type CleanedFields = Pick<ArticleDraft, 'id' | 'outlet' | 'headline' | 'date' | 'url' | 'text' | 'paragraphs' | 'furniture' | 'bodyStart'>;

/**
 * A draft from cleaned text and its sentences: tokens (read from `stored` when they fit the text,
 * else segmented), quoted regions and word count computed, packed into `store` when given; `keep`
 * is told the tokens' kept form (`stored` itself when it was read).
 */
function segmented(fields: CleanedFields, sentences: ArticleDraft['sentences'], store?: TokenStore, stored?: unknown, keep?: TokenSink): ArticleDraft {
  // Kept tokens that fit go into the store unread: their Token objects are made when a step first asks.
  const layout = store && stored ? storedTokenLayout(stored, fields.text, sentences) : null;
  if (store && layout) {
    keep?.(stored as StoredTokens);
    const quoted = findQuotedRegions(fields.text, fields.paragraphs);
    const made = () => (readStoredTokens(stored, fields.text, sentences) ?? tokenize(fields.text, sentences)).tokens;
    return new PackedDraft({ ...fields, sentences, sentenceTokenStart: layout.sentenceTokenStart, quoted, quotedSpans: quotedSpans(quoted), wordCount: layout.wordCount }, store, made);
  }
  const read = stored ? readStoredTokens(stored, fields.text, sentences) : null;
  const { tokens, sentenceTokenStart } = read ?? tokenize(fields.text, sentences);
  keep?.(read ? (stored as StoredTokens) : storeTokens(tokens, sentenceTokenStart));
  const quoted = findQuotedRegions(fields.text, fields.paragraphs);
  const draft: ArticleDraft = {
    ...fields,
    sentences,
    tokens,
    sentenceTokenStart,
    quoted,
    quotedSpans: quotedSpans(quoted),
    wordCount: countWords(tokens),
  };
  return store ? new PackedDraft(draft, store, draft.tokens) : draft;
}

/** A draft whose tokens live packed in a TokenStore (same fields, `tokens` rebuilt on read). */
class PackedDraft implements ArticleDraft {
  id: string;
  outlet: string;
  headline: string;
  date: string;
  url: string;
  text: string;
  paragraphs: ArticleDraft['paragraphs'];
  furniture: ArticleDraft['furniture'];
  bodyStart: number;
  sentences: ArticleDraft['sentences'];
  sentenceTokenStart: number[];
  quoted: ArticleDraft['quoted'];
  quotedSpans: ArticleDraft['quotedSpans'];
  wordCount: number;
  private readonly handle: number;
  private readonly store: TokenStore;

  /** `tokens`: the article's tokens, or how to make them when first read. */
  constructor(d: Omit<ArticleDraft, 'tokens'>, store: TokenStore, tokens: Token[] | (() => Token[])) {
    this.id = d.id;
    this.outlet = d.outlet;
    this.headline = d.headline;
    this.date = d.date;
    this.url = d.url;
    this.text = d.text;
    this.paragraphs = d.paragraphs;
    this.furniture = d.furniture;
    this.bodyStart = d.bodyStart;
    this.sentences = d.sentences;
    this.sentenceTokenStart = d.sentenceTokenStart;
    this.quoted = d.quoted;
    this.quotedSpans = d.quotedSpans;
    this.wordCount = d.wordCount;
    this.store = store;
    this.handle = typeof tokens === 'function' ? store.addLater(tokens) : store.add(tokens);
  }

  /** This article's tokens, rebuilt from the store (the same array while it stays among the recently read). */
  get tokens(): ArticleDraft['tokens'] {
    return this.store.tokens(this.handle, this.text, this.sentenceTokenStart);
  }
}
