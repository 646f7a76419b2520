/**
 * The import API: files in, articles and a report out. Each file is read by the reader for its
 * type (one small file per format), a .zip is opened and its files read the same way, then every
 * candidate gets a unique id and is checked for a duplicate address or text (within the import
 * and against the corpus it joins). Nothing is stored here: the store decides what to do with it.
 */
import type { Candidate, ReadResult } from './candidate';
import { decodeText, printableName } from './decode';
import { ImportLedger, type ExistingArticles } from './ledger';
import { MAX_ARCHIVE_BYTES, MAX_FILE_BYTES } from './limits';
import { defaultHtmlParser, type HtmlParser } from './plain-text';
import { readHtml } from './read-html';
import { parseCsv, parseJson, parseJsonLines, readTable } from './read-table';
import { parseSources, type SourceMeta } from './read-sources';
import { readMarkdown, readTxt } from './read-text';
import { isSystemFile, limitForName, unzipFiles } from './read-zip';
import { entry, type ImportFile, type ImportedArticle, type ReportEntry } from './report';
import type { ColumnMapping, MappingRequest } from './table-formats';

export type { ImportFile, ImportedArticle, ImportedMeta, ReportCode, ReportEntry } from './report';
export type { ColumnMapping, FieldRef, KnownFormat, MappingRequest } from './table-formats';
export { KNOWN_FORMATS, suggestMapping } from './table-formats';
export { extractArticle, type PageDraft, type PageFailure } from './extract-article';
export { articleFromPage } from './add-page';
export { printableName } from './decode';
export { ImportLedger, textKey, type ExistingArticles } from './ledger';
export * from './limits';

/** How to read one batch of files. */
export interface ImportOptions {
  /** Column mappings chosen in the mapping step, by file name as the report gives it. */
  mappings?: Record<string, ColumnMapping>;
  /** What the target corpus already holds: an article with one of these addresses or texts is a duplicate. */
  existing?: ExistingArticles;
  /** Parses HTML inertly; by default the environment's DOMParser (absent in Node: .html is then rejected). */
  parseHtml?: HtmlParser | null;
}

/** What an import produced. */
export interface ImportResult {
  articles: ImportedArticle[];
  /** Every rejected file or row and every warning, in the order the files were given. */
  report: ReportEntry[];
  /** Tables of an unrecognised shape: show these, then read the file again with a mapping. */
  mappings: MappingRequest[];
}

/** The lower-cased extension of a file name ("a.HTML" → "html"), or "". */
function extensionOf(name: string): string {
  const base = name.slice(name.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

const TABLES: Partial<Record<string, typeof parseCsv>> = { csv: parseCsv, json: parseJson, jsonl: parseJsonLines, ndjson: parseJsonLines };
const ARTICLES = new Set(['txt', 'text', 'md', 'markdown', 'html', 'htm']);
/** Extensions the import reads, for a file picker's `accept` and for the report. */
export const IMPORT_EXTENSIONS = ['txt', 'md', 'html', 'htm', 'zip', 'csv', 'json', 'jsonl'] as const;

/** Reads one file that is not a .zip. */
function readOne(file: ImportFile, options: ImportOptions, parse: HtmlParser | null): ReadResult {
  const ext = extensionOf(file.name);
  const table = TABLES[ext];
  if (!table && !ARTICLES.has(ext)) {
    const reason = `not a file type the import reads (${IMPORT_EXTENSIONS.map((e) => '.' + e).join(', ')})`;
    return { candidates: [], entries: [entry('rejected', 'unsupported', file.name, reason)] };
  }
  const decoded = decodeText(file.bytes, limitForName(file.name));
  if ('reason' in decoded) return { candidates: [], entries: [entry('rejected', decoded.code, file.name, decoded.reason)] };
  if (table) return readTable(file.name, table(file.name, decoded.text), options.mappings?.[file.name], parse);
  if (ext === 'txt' || ext === 'text') return { candidates: [readTxt(file.name, decoded.text)], entries: [] };
  const read = ext === 'md' || ext === 'markdown' ? readMarkdown(file.name, decoded.text, parse) : readHtml(file.name, decoded.text, parse);
  return { candidates: read.candidate ? [read.candidate] : [], entries: read.entries };
}

/** The last part of a path. */
function baseName(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/** The folder part of a path ("" at the top). */
function folderOf(name: string): string {
  return name.slice(0, name.lastIndexOf('/') + 1);
}

/** A sources.json (the CLI format's metadata) read for the .txt files beside it. */
function readSourcesFile(file: ImportFile): { meta: Map<string, SourceMeta> | null; entries: ReportEntry[] } {
  const decoded = decodeText(file.bytes, MAX_FILE_BYTES);
  if ('reason' in decoded) return { meta: null, entries: [entry('rejected', decoded.code, file.name, decoded.reason)] };
  const parsed = parseSources(decoded.text);
  const entries = parsed.problems.map((p) =>
    p.entry === undefined
      ? entry('rejected', 'unreadable', file.name, p.reason)
      : entry('warning', /^field "url"/.test(p.reason) ? 'bad-url' : 'bad-metadata', file.name, `entry "${p.entry}": ${p.reason}`),
  );
  return { meta: parsed.meta, entries };
}

/** Metadata from sources.json over what the .txt itself gave; "unknown" stays unknown, a url "unknown" is none. */
function applySourceMeta(candidate: Candidate, meta: SourceMeta | undefined): void {
  if (!meta) return;
  if (meta.headline) candidate.meta.headline = meta.headline;
  if (meta.outlet && meta.outlet !== 'unknown') candidate.meta.outlet = meta.outlet;
  if (meta.date) candidate.meta.date = meta.date;
  if (meta.url && meta.url !== 'unknown') candidate.meta.url = new URL(meta.url).href;
}

/** An id from a file name: the path without its extension, and the row for exports ("news-12"). */
function idFor(candidate: Candidate): string {
  const stem = candidate.file.replace(/\.[^./]+$/, '');
  return candidate.row === undefined ? stem : `${stem}-${candidate.row}`;
}

/** Where a candidate came from, as the report and the article's `source` name it. */
function sourceOf(candidate: Candidate): string {
  return candidate.row === undefined ? candidate.file : `${candidate.file} row ${candidate.row}`;
}

/**
 * Reads files chosen or dropped by the reader into articles and a report. Never throws for bad
 * input: each bad file or row becomes a report entry and the rest is read. Files are read in the
 * order given; the first of two duplicates is kept.
 */
export function readImportFiles(files: ImportFile[], options: ImportOptions = {}): ImportResult {
  const parse = options.parseHtml === undefined ? defaultHtmlParser() : options.parseHtml;
  const report: ReportEntry[] = [];
  const mappings: MappingRequest[] = [];
  const articles: ImportedArticle[] = [];
  const ledger = new ImportLedger(options.existing);
  const accept = (candidate: Candidate) => {
    const taken = ledger.take(idFor(candidate), sourceOf(candidate), candidate.text, candidate.meta);
    if ('article' in taken) articles.push(taken.article);
    else report.push(entry('rejected', taken.code, candidate.file, taken.reason, candidate.row));
  };
  const take = (result: ReadResult) => {
    const start = report.length;
    report.push(...result.entries);
    if (result.mapping) mappings.push(result.mapping);
    for (const candidate of result.candidates) accept(candidate);
    // One file's entries in row order (a stable sort: a row's entries keep the order they were found in).
    const mine = report.splice(start).sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
    report.push(...mine);
  };

  // Zips are opened first, so a folder's sources.json applies wherever it sits among its files;
  // the report still follows the order the files were given in.
  const queue: Array<ImportFile | ReportEntry> = [];
  for (const file of files) {
    const named = { name: printableName(file.name), bytes: file.bytes };
    if (isSystemFile(named.name)) continue;
    if (extensionOf(named.name) !== 'zip') queue.push(named);
    else if (named.bytes.length > MAX_ARCHIVE_BYTES) {
      queue.push(entry('rejected', 'too-large', named.name, `file too large (${named.bytes.length} bytes; the limit is ${MAX_ARCHIVE_BYTES})`));
    } else if (named.bytes.length === 0) queue.push(entry('rejected', 'empty', named.name, 'empty file'));
    else {
      const unzipped = unzipFiles(named);
      queue.push(...unzipped.entries);
      for (const inner of unzipped.files) {
        if (extensionOf(inner.name) === 'zip') queue.push(entry('rejected', 'unsupported', inner.name, 'a .zip inside a .zip is not opened'));
        else queue.push(inner);
      }
    }
  }
  const isFile = (item: ImportFile | ReportEntry): item is ImportFile => 'bytes' in item;
  const isSources = (item: ImportFile | ReportEntry) => isFile(item) && baseName(item.name) === 'sources.json';
  const sources = new Map<string, Map<string, SourceMeta>>();
  const sourceEntries = new Map<ImportFile, ReportEntry[]>();
  for (const item of queue) {
    if (!isFile(item) || !isSources(item)) continue;
    const read = readSourcesFile(item);
    if (read.meta) sources.set(folderOf(item.name), read.meta);
    sourceEntries.set(item, read.entries);
  }
  for (const item of queue) {
    if (!isFile(item)) report.push(item);
    else if (isSources(item)) report.push(...sourceEntries.get(item)!);
    else {
      const result = readOne(item, options, parse);
      const meta = sources.get(folderOf(item.name));
      if (meta && /\.txt$/i.test(item.name)) for (const c of result.candidates) applySourceMeta(c, meta.get(baseName(c.file).replace(/\.txt$/i, '')));
      take(result);
    }
  }
  return { articles, report, mappings };
}
