/**
 * Fixed inputs for measuring and checking the matcher in Node (scripts/bench/match-split.ts,
 * scripts/check-match-parity.ts): a generated corpus's matcher built with the shipped word vectors,
 * and a generated page's article blocks as the content script would send them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { cachedCorpusFile } from './corpus-cache';
import { generatePage } from './generate-page';
import { compileMatcher } from '../../src/core/match/compile';
import type { MatcherData } from '../../src/core/match/data';
import { loadWordVectorsBinary, type WordVectors } from '../../src/core/lang/vectors';
import { parseCorpusFile } from '../../src/store/corpus-file';

const ROOT = resolve(import.meta.dirname, '../..');

let vectors: WordVectors | null = null;
/**
 * The packed vectors the extension ships (src/generated/word-vectors.bin, from `npm run build:index`).
 * `fresh`: a table of its own (a table keeps each row's norm once computed, so two matchers compared
 * against each other each need their own to see the same values).
 */
export function shippedVectors(fresh = false): WordVectors {
  const load = () => loadWordVectorsBinary(new Uint8Array(readFileSync(resolve(ROOT, 'src/generated/word-vectors.bin'))));
  if (fresh) return load();
  vectors ??= load();
  return vectors;
}

/**
 * Matcher data of the generated corpus of `articles` articles. MATCH_CORPUS_DIR names a folder of
 * `corpus-N.json` files to use instead of the cache (whose key changes with src/core, so a change to
 * the matcher would otherwise rebuild the corpus it is compared on).
 */
export async function generatedMatcherData(articles: number): Promise<MatcherData> {
  const dir = process.env.MATCH_CORPUS_DIR;
  const path = dir ? resolve(dir, `corpus-${articles}.json`) : (await cachedCorpusFile(articles, console.error)).path;
  return JSON.parse(JSON.stringify(compileMatcher(parseCorpusFile(readFileSync(path, 'utf8'), path)))) as MatcherData;
}

/** The article blocks of a generated page (the paragraphs' text, as the content script reads them), up to `maxWords` words. */
export function pageBlocks(words: number, seed: number, maxWords = Infinity): string[] {
  const page = generatePage({ words, seed });
  const out: string[] = [];
  let n = 0;
  for (const m of page.html.matchAll(/<p[^>]*>([\s\S]*?)<\/p>/g)) {
    const t = m[1].replace(/<[^>]+>/g, '').replace(/&amp;/g, '&').replace(/&#39;|&rsquo;/g, '’').replace(/&quot;/g, '"').trim();
    if (!t) continue;
    if (n >= maxWords) break;
    out.push(t);
    n += t.match(/\S+/g)?.length ?? 0;
  }
  return out;
}

/** Whitespace-separated words of the blocks (the bench's word count). */
export function wordCount(blocks: readonly string[]): number {
  return blocks.join(' ').match(/\S+/g)?.length ?? 0;
}
