/**
 * Plain-text articles: the CLI's .txt format (first line the headline, paragraphs separated by
 * blank lines; the same files `npm run corpus` reads) and Markdown (.md) with optional front matter.
 */
import type { Candidate } from './candidate';
import { emptyMeta } from './candidate';
import { isWebUrl, parseDate } from './fields';
import { toPlainText, type HtmlParser } from './plain-text';
import { entry, type ReportEntry } from './report';

/**
 * A .txt article, text as written (exactly what the CLI indexes); the headline is its first
 * non-empty line. Characters that look like markup stay characters: a .txt is never parsed as HTML.
 */
export function readTxt(file: string, text: string): Candidate {
  const meta = emptyMeta();
  meta.headline = text.split(/\r\n|\r|\n/).find((line) => line.trim())?.trim() ?? '';
  return { file, text, meta };
}

// YAML-style front matter: "---" on the first line, "key: value" lines, "---".
const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(\r?\n|$)/;
const FRONT_KEYS: Record<string, 'headline' | 'outlet' | 'date' | 'url' | 'author'> = {
  title: 'headline',
  headline: 'headline',
  outlet: 'outlet',
  site: 'outlet',
  source: 'outlet',
  publication: 'outlet',
  date: 'date',
  published: 'date',
  url: 'url',
  link: 'url',
  author: 'author',
  byline: 'author',
};

/** Markdown inline syntax to its text: links and images, emphasis, code spans, escapes. */
function inlineText(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/\*\*(?=\S)([\s\S]*?\S)\*\*/g, '$1')
    .replace(/(^|[^\p{L}\p{N}])__(?=\S)([\s\S]*?\S)__(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/\*(?=\S)([\s\S]*?\S)\*/g, '$1')
    // Underscores inside words are letters ("snake_case"), not emphasis.
    .replace(/(^|[^\p{L}\p{N}])_(?=\S)([\s\S]*?\S)_(?![\p{L}\p{N}])/gu, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>])/g, '$1');
}

/** One Markdown block (lines between blank lines) to paragraphs: list items and headings stand alone. */
function blockParagraphs(block: string[]): string[] {
  const out: string[] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.length) out.push(current.join(' '));
    current = [];
  };
  for (const raw of block) {
    const line = raw.replace(/^\s{0,3}>\s?/, '').trim();
    if (/^(#{1,6}\s|[-*+]\s|\d+[.)]\s)/.test(line)) {
      flush();
      current.push(line.replace(/^(#{1,6}|[-*+]|\d+[.)])\s+/, '').replace(/\s+#+$/, ''));
      flush();
    } else if (/^([-*_=]\s*){3,}$/.test(line) || /^(```|~~~)/.test(line)) {
      flush(); // rules, setext underlines and code fences are layout, not words
    } else if (line) current.push(line);
  }
  flush();
  return out;
}

/** A Markdown article: front matter gives metadata, the first heading or line the headline; inline HTML is reduced to text. */
export function readMarkdown(file: string, source: string, parse: HtmlParser | null): { candidate: Candidate | null; entries: ReportEntry[] } {
  const meta = emptyMeta();
  const entries: ReportEntry[] = [];
  let body = source.replace(/\r\n?/g, '\n');
  const front = FRONT_MATTER.exec(body);
  if (front) {
    body = body.slice(front[0].length);
    for (const line of front[1]!.split('\n')) {
      const m = /^\s*([A-Za-z_-]+)\s*:\s*(.*?)\s*$/.exec(line);
      const key = m && FRONT_KEYS[m[1]!.toLowerCase()];
      if (!m || !key || meta[key] !== emptyMeta()[key]) continue;
      const value = toPlainText(m[2]!.replace(/^(["'])(.*)\1$/, '$2'), parse).replace(/\s+/g, ' ').trim();
      if (key === 'date') {
        const date = parseDate(value);
        if (date) meta.date = date;
        else if (value) entries.push(entry('warning', 'unknown-date', file, `date ${JSON.stringify(value)} could not be read; kept as "unknown"`));
      } else if (key === 'url') {
        if (isWebUrl(value)) meta.url = new URL(value).href;
        else if (value) entries.push(entry('warning', 'bad-url', file, `url ${JSON.stringify(value)} is not an http(s) address; left empty`));
      } else meta[key] = value;
    }
  }
  const paragraphs = body
    .split(/\n[ \t]*\n/)
    .flatMap((block) => blockParagraphs(block.split('\n')))
    .flatMap((p) => toPlainText(inlineText(p), parse).split(/\n\s*\n/))
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
  if (!paragraphs.length) return { candidate: null, entries: [entry('rejected', 'no-text', file, 'no text (only markup or front matter)')] };
  if (!meta.headline) meta.headline = paragraphs[0]!;
  else if (paragraphs[0] !== meta.headline) paragraphs.unshift(meta.headline);
  return { candidate: { file, text: paragraphs.join('\n\n'), meta }, entries };
}
