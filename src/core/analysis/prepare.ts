/**
 * Steps 1–2 for one article: clean, then segment into sentences, tokens and quoted regions.
 */
import type { ArticleDraft, ArticleInput } from './context';
import { cleanArticle } from './01-clean';
import { countWords, findQuotedRegions, quotedSpans, segmentSentences, tokenize } from './02-segment';

/** Turns one input article into a draft with text, furniture, sentences, tokens and quotes. */
export function prepareArticle(input: ArticleInput): ArticleDraft {
  const cleaned = cleanArticle(input.text);
  const sentences = segmentSentences(cleaned.text, cleaned.paragraphs);
  const { tokens, sentenceTokenStart } = tokenize(cleaned.text, sentences);
  const quoted = findQuotedRegions(cleaned.text, cleaned.paragraphs);
  const meta = input.meta ?? {};
  return {
    id: input.id,
    outlet: meta.outlet || 'unknown',
    headline: meta.headline || cleaned.headline || 'unknown',
    date: meta.date || 'unknown',
    url: meta.url || 'unknown',
    text: cleaned.text,
    paragraphs: cleaned.paragraphs,
    furniture: cleaned.furniture,
    bodyStart: cleaned.bodyStart,
    sentences,
    tokens,
    sentenceTokenStart,
    quoted,
    quotedSpans: quotedSpans(quoted),
    wordCount: countWords(tokens),
  };
}
