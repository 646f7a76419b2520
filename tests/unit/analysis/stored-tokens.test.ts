/**
 * Tokens kept beside an article record (stored-tokens.ts) read back as tokenize makes them, and a
 * kept form that does not fit its article is refused (the add segments that article again).
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../src/core/analysis/02-segment';
import { prepareArticle, prepareRecord } from '../../../src/core/analysis/prepare';
import { readStoredTokens, storeTokens, type StoredTokens } from '../../../src/core/analysis/stored-tokens';
import type { Token } from '../../../src/core/analysis/context';
import type { Span } from '../../../src/core/index/types';
import { readCorpus } from '../../../scripts/lib/read-corpus';
import { ROOT } from './helpers';

// Invented articles: possessives (curly and straight), a plural possessive, hyphens, quotes,
// figures, an initial, several sentences and paragraphs, an empty body.
const ARTICLES = [
  { id: 'a', text: 'Harbour reopens\n\nMs Anna Berg’s team said the Brackwater quay reopened on Friday. “It is done,” she said.\n\nWorkers’ pay rose 5%.' },
  { id: 'b', text: "Short\n\nJean-Luc Okafor met the Harbour Trust's chair. Nobody else came." },
  { id: 'c', text: 'Empty body\n\n' },
  { id: 'd', text: 'Numbers\n\nThe 2016 count was 1,200, up from 900. The G7’s view was mixed. J. Doe said: "ÉCOLE naïve".' },
];

/** An article's record fields prepareRecord reads, from its draft. */
function recordOf(input: { id: string; text: string }) {
  const d = prepareArticle(input);
  return { draft: d, record: { id: d.id, outlet: d.outlet, headline: d.headline, date: d.date, url: d.url, text: d.text, paragraphs: d.paragraphs, sentences: d.sentences, furniture: d.furniture, wordCount: d.wordCount } };
}

describe('stored tokens', () => {
  it.each(ARTICLES)('article $id: read back equal to tokenize', (input) => {
    const { record } = recordOf(input);
    const made = tokenize(record.text, record.sentences);
    const kept = storeTokens(made.tokens, made.sentenceTokenStart);
    expect(kept).not.toBeNull();
    expect(readStoredTokens(kept, record.text, record.sentences)).toEqual(made);
  });

  it('reads back every seed article and the second fixture corpus as tokenize makes them', () => {
    const inputs = [...readCorpus(resolve(ROOT, 'seeds')).articles, ...readCorpus(resolve(ROOT, 'tests/fixtures/corpora/second')).articles];
    expect(inputs.length).toBeGreaterThan(5);
    for (const input of inputs) {
      const { record } = recordOf(input);
      const made = tokenize(record.text, record.sentences);
      expect(readStoredTokens(storeTokens(made.tokens, made.sentenceTokenStart), record.text, record.sentences)).toEqual(made);
    }
  });

  it('gives prepareRecord the draft it makes by segmenting, and tells the sink the kept form it read', () => {
    for (const input of ARTICLES) {
      const { record, draft } = recordOf(input);
      const made = tokenize(record.text, record.sentences);
      const kept = storeTokens(made.tokens, made.sentenceTokenStart)!;
      const told: (StoredTokens | null)[] = [];
      const fromKept = prepareRecord(record, undefined, kept, (k) => told.push(k));
      expect(fromKept).toEqual(prepareRecord(record));
      expect(fromKept.tokens).toEqual(draft.tokens);
      expect(told).toEqual([kept]);
      expect(told[0]).toBe(kept);
    }
  });

  it('does not keep tokens whose gap or length the fields cannot hold', () => {
    const token = (start: number, end: number): Token => ({ start, end, text: 'x', norm: 'x', isWord: true, isCap: false, isPossessive: false, sentence: 0, isSentenceStart: true });
    expect(storeTokens([token(0, 1), token(1 + 0x1000, 2 + 0x1000)], [0])).toBeNull();
    expect(storeTokens([token(0, 0x10000)], [0])).toBeNull();
    expect(storeTokens([token(0xfff, 0xfff + 0xffff)], [0])).not.toBeNull();
  });

  const { record } = recordOf(ARTICLES[0]);
  const made = tokenize(record.text, record.sentences);
  const kept = storeTokens(made.tokens, made.sentenceTokenStart)!;
  const other = recordOf(ARTICLES[1]).record;
  const shifted = new Uint32Array(kept.words);
  shifted[0] += 1 << 20; // the first token one character later: it crosses its sentence's end further on
  it.each([
    ['nothing', undefined, record.text, record.sentences],
    ['not an object', 'tokens', record.text, record.sentences],
    ['plain arrays', { words: Array.from(kept.words), sentenceStarts: Array.from(kept.sentenceStarts) }, record.text, record.sentences],
    ['another sentence count', kept, record.text, record.sentences.slice(1)],
    ['sentence starts out of order', { words: kept.words, sentenceStarts: Int32Array.from(kept.sentenceStarts).reverse() }, record.text, record.sentences],
    ['a sentence start past the tokens', { words: kept.words, sentenceStarts: Int32Array.from(kept.sentenceStarts, (s, k) => (k === 1 ? kept.words.length + 1 : s)) }, record.text, record.sentences],
    ['another article (its sentences)', kept, other.text, other.sentences],
    ['a token moved out of its sentence', { words: shifted, sentenceStarts: kept.sentenceStarts }, record.text, record.sentences],
    ['a text cut short', kept, record.text.slice(0, 20), record.sentences],
  ] as [string, unknown, string, Span[]][])('refuses a kept form that does not fit: %s', (_, stored, text, sentences) => {
    expect(readStoredTokens(stored, text, sentences)).toBeNull();
  });
});
