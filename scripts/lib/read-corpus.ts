/**
 * Reads a folder of articles (*.txt, first line the headline) and an optional sources.json beside
 * them, for the index build and the corpus CLI alike. Bad files are reported, never fatal:
 * each gets one problem naming the file and the reason, and the other files are still read.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ArticleInput } from '../../src/core/analysis/index';

/** Files larger than this are rejected: news articles are far smaller, and one huge file would dominate memory. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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
const META_FIELDS = ['outlet', 'headline', 'date', 'url'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** True for an absolute http: or https: URL. */
function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * A file name safe to print on one line: control characters (newlines, terminal escapes) are shown
 * as escapes, so a hostile name cannot forge or hide other lines of the report.
 */
export function printableName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Decodes bytes as strict UTF-8 text, or returns the reason it is not an article. */
export function decodeArticle(bytes: Uint8Array): { text: string } | { reason: string } {
  if (bytes.length === 0) return { reason: 'empty file' };
  if (bytes.length > MAX_FILE_BYTES) return { reason: `file too large (${bytes.length} bytes; the limit is ${MAX_FILE_BYTES})` };
  if (bytes.includes(0)) return { reason: 'binary file (contains NUL bytes)' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { reason: 'not valid UTF-8 text' };
  }
  if (!text.trim()) return { reason: 'empty file (whitespace only)' };
  return { text };
}

function readSources(dir: string, problems: CorpusProblem[]): Map<string, Meta> {
  const path = join(dir, 'sources.json');
  const out = new Map<string, Meta>();
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: path, reason: `cannot read: ${(e as Error).message}` });
    return out;
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    problems.push({ file: path, reason: `not valid JSON (${(e as Error).message}); metadata ignored` });
    return out;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    problems.push({ file: path, reason: 'expected an object mapping article ids to {outlet, headline, date, url}; metadata ignored' });
    return out;
  }
  for (const [id, entry] of Object.entries(json as Record<string, unknown>)) {
    if (id.startsWith('//')) continue;
    const bad = (why: string) => problems.push({ file: `${path} entry "${id}"`, reason: `${why}; metadata for this article ignored` });
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      bad('expected an object');
      continue;
    }
    const meta: Meta = {};
    let ok = true;
    for (const [k, v] of Object.entries(entry as Record<string, unknown>)) {
      if (!(META_FIELDS as readonly string[]).includes(k)) {
        if (k.startsWith('//') || k === 'note') continue;
        bad(`unknown field "${k}"`);
        ok = false;
        break;
      }
      if (typeof v !== 'string' || !v) {
        bad(`field "${k}" must be a non-empty string`);
        ok = false;
        break;
      }
      if (k === 'date' && v !== 'unknown' && !ISO_DATE.test(v)) {
        bad(`field "date" must be YYYY-MM-DD or "unknown", got ${JSON.stringify(v)}`);
        ok = false;
        break;
      }
      if (k === 'url' && v !== 'unknown' && !isWebUrl(v)) {
        // Cards and the corpus browser may link to the source: only http(s) addresses. The rest of
        // the entry is still good, so only the url is dropped.
        problems.push({
          file: `${path} entry "${id}"`,
          reason: `field "url" must be an http(s) address or "unknown", got ${JSON.stringify(v)}; url recorded as "unknown"`,
        });
        continue;
      }
      meta[k as keyof Meta] = v;
    }
    if (ok) out.set(id, meta);
  }
  return out;
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
    const decoded = decodeArticle(bytes);
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
  const decoded = decodeArticle(readFileSync(path));
  if ('reason' in decoded) throw new Error(`${printableName(path)}: changed while the corpus was being built (${decoded.reason})`);
  return decoded.text;
}

/** Serialises an index deterministically (stable key order comes from the analysis; two-space indent). */
export function serialiseIndex(value: unknown): string {
  return JSON.stringify(value, null, 2) + '\n';
}
