/**
 * Reads the bundled corpus (seeds/*.txt) and extracts its prose sentences, the raw material the
 * page and corpus generators recombine. Furniture lines (short lines, captions) are skipped by a
 * simple length rule: the generators need prose, not a faithful cleaning.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Repository root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');
/** The bundled corpus folder. */
export const SEEDS_DIR = join(ROOT, 'seeds');

/** One seed article: its file id, headline (first line) and prose paragraphs. */
export interface SeedArticle {
  id: string;
  headline: string;
  paragraphs: string[];
  sentences: string[];
}

const MIN_PROSE_WORDS = 8;
const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Splits prose into sentences with the platform's sentence segmenter. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    const t = s.segment.trim();
    if (t) out.push(t);
  }
  return out;
}

/** Counts whitespace-separated words. */
export function countWords(text: string): number {
  const m = text.match(/\S+/g);
  return m ? m.length : 0;
}

/** Reads every seed article (sorted by file name). */
export function readSeeds(dir = SEEDS_DIR): SeedArticle[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const lines = readFileSync(join(dir, file), 'utf8').split(/\r?\n/).map((l) => l.trim());
      // The first line of a few words: a lone "Skip to main content" line is not a headline.
      const headline = lines.find((l) => countWords(l) >= 5) ?? lines.find((l) => l.length > 0) ?? '';
      const paragraphs = lines
        .slice(lines.indexOf(headline) + 1)
        .filter((l) => countWords(l) >= MIN_PROSE_WORDS && !/^(media|image|video) caption/i.test(l));
      return { id: file.replace(/\.txt$/, ''), headline, paragraphs, sentences: paragraphs.flatMap(splitSentences) };
    });
}
