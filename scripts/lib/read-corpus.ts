/**
 * Reads a folder of articles (*.txt, first line the headline) and an optional sources.json beside
 * them, for the index build and the corpus CLI alike. Bad files are reported, never fatal:
 * each gets one problem naming the file and the reason, and the other files are still read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArticleInput } from '../../src/core/analysis/index';
// The browser's import and this reader share the one text check and the one size limit.
import { decodeText, printableName } from '../../src/store/import/decode';
import { MAX_FILE_BYTES } from '../../src/store/import/limits';
import { parseSources } from '../../src/store/import/read-sources';

export { MAX_FILE_BYTES, printableName };

/** One rejected file or metadata entry. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

/** The readable articles and the problems found. */
export interface CorpusRead {
  articles: ArticleInput[];
  problems: CorpusProblem[];
}

type Meta = NonNullable<ArticleInput['meta']>;

function readSources(dir: string, problems: CorpusProblem[]): Map<string, Meta> {
  const path = join(dir, 'sources.json');
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: path, reason: `cannot read: ${(e as Error).message}` });
    return new Map();
  }
  const parsed = parseSources(raw);
  for (const p of parsed.problems) problems.push({ file: p.entry === undefined ? path : `${path} entry "${p.entry}"`, reason: p.reason });
  return parsed.meta;
}

/**
 * Reads every *.txt article in `dir` (sorted by name) with its metadata from sources.json. With
 * `lazy`, every file is read and checked now but its text is not kept: `text` reads the file again
 * when the analysis asks for it (once per article), so a corpus of tens of thousands of articles is
 * not held in memory twice (as read and as cleaned).
 */
export function readCorpus(dir: string, options: { lazy?: boolean } = {}): CorpusRead {
  const problems: CorpusProblem[] = [];
  const names = readdirSync(dir)
    .filter((n) => /\.txt$/i.test(n))
    .sort();
  const sources = readSources(dir, problems);
  const articles: ArticleInput[] = [];
  // Ids that differ only in letter case or Unicode normalisation are one id: such files collide on
  // case-insensitive file systems and look the same in a deep link.
  const seen = new Map<string, string>();
  // The same text under two names would be counted as two articles' coverage (texts compared by digest).
  const texts = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const id = basename(name).replace(/\.txt$/i, '');
    const key = id.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({ file: path, reason: `duplicate article id "${id}" (${first} has the same name up to letter case or Unicode normalisation)` });
      continue;
    }
    let bytes: Uint8Array;
    try {
      if (!statSync(path).isFile()) {
        problems.push({ file: path, reason: 'not a regular file' });
        continue;
      }
      if (statSync(path).size > MAX_FILE_BYTES) {
        problems.push({ file: path, reason: `file too large (${statSync(path).size} bytes; the limit is ${MAX_FILE_BYTES})` });
        continue;
      }
      bytes = readFileSync(path);
    } catch (e) {
      problems.push({ file: path, reason: `cannot read: ${(e as Error).message}` });
      continue;
    }
    const decoded = decodeText(bytes, MAX_FILE_BYTES);
    if ('reason' in decoded) {
      problems.push({ file: path, reason: decoded.reason });
      continue;
    }
    const digest = createHash('sha256').update(decoded.text.trim()).digest('base64');
    const copyOf = texts.get(digest);
    if (copyOf !== undefined) {
      problems.push({ file: path, reason: `same text as ${copyOf} (an article is indexed once)` });
      continue;
    }
    seen.set(key, name);
    texts.set(digest, name);
    const meta = sources.get(id);
    const article: ArticleInput = meta ? { id, text: decoded.text, meta } : { id, text: decoded.text };
    if (options.lazy) Object.defineProperty(article, 'text', { get: () => rereadArticle(path), enumerable: true });
    articles.push(article);
  }
  return { articles, problems };
}

/** The text of a file read and accepted before (it must still decode the same way). */
function rereadArticle(path: string): string {
  const decoded = decodeText(readFileSync(path), MAX_FILE_BYTES);
  if ('reason' in decoded) throw new Error(`${printableName(path)}: changed while the corpus was being built (${decoded.reason})`);
  return decoded.text;
}

/** Serialises an index deterministically (stable key order comes from the analysis; two-space indent). */
export function serialiseIndex(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
