/**
 * The shapes of the exports news researchers bring (news-please, Trafilatura, NewsAPI, Media Cloud)
 * as column mappings, how a file is recognised as one of them, and the mapping step for any other
 * table: its columns, a preview of its first rows and a suggested mapping for the reader to confirm.
 */
import { fieldText } from './fields';
import { PREVIEW_CELL_CHARS, PREVIEW_ROWS, SNIFF_ROWS } from './limits';

/** A field name, or names tried in order (the first non-empty wins). Dotted names reach into objects ("source.name"). */
export type FieldRef = string | string[];

/** Which field of a row holds each part of an article. Only `text` is required. */
export interface ColumnMapping {
  text: FieldRef;
  headline?: FieldRef;
  outlet?: FieldRef;
  date?: FieldRef;
  url?: FieldRef;
  author?: FieldRef;
}

/** A tool whose exports are recognised without asking. */
export interface KnownFormat {
  id: 'news-please' | 'trafilatura' | 'newsapi' | 'mediacloud';
  name: string;
  /** Recognised when, for every group, the rows have at least one field of the group. */
  signature: string[][];
  mapping: ColumnMapping;
  /** Tidies the text field (a tool's own truncation marker, for instance). */
  cleanText?: (text: string) => string;
}

// NewsAPI cuts `content` to ~200 characters and appends "… [+1234 chars]": the marker is not article text.
const NEWSAPI_TRUNCATION = /\s*…?\s*\[\+\d+ chars\]\s*$/;

/** The recognised export shapes, tried in this order (the most distinctive field first). */
export const KNOWN_FORMATS: KnownFormat[] = [
  {
    id: 'news-please',
    name: 'news-please',
    signature: [['maintext']],
    mapping: { text: 'maintext', headline: 'title', outlet: 'source_domain', date: 'date_publish', url: 'url', author: 'authors' },
  },
  {
    id: 'newsapi',
    name: 'NewsAPI',
    signature: [['publishedAt'], ['content', 'description']],
    mapping: {
      text: ['content', 'description'],
      headline: 'title',
      outlet: ['source.name', 'source_name', 'source'],
      date: 'publishedAt',
      url: 'url',
      author: 'author',
    },
    cleanText: (text) => text.replace(NEWSAPI_TRUNCATION, ''),
  },
  {
    id: 'mediacloud',
    name: 'Media Cloud',
    signature: [['media_name'], ['publish_date']],
    mapping: { text: 'text', headline: 'title', outlet: 'media_name', date: 'publish_date', url: 'url' },
  },
  {
    id: 'trafilatura',
    name: 'Trafilatura',
    signature: [['text', 'raw_text'], ['sitename', 'source-hostname', 'hostname', 'fingerprint']],
    mapping: {
      text: ['text', 'raw_text'],
      headline: 'title',
      outlet: ['sitename', 'source-hostname', 'hostname'],
      date: 'date',
      url: ['source', 'url'],
      author: 'author',
    },
  },
];

/** The value at `path` in a row: the key itself when present (CSV headers may contain dots), else a dotted walk. */
export function fieldValue(row: Record<string, unknown>, path: string): unknown {
  if (path in row) return row[path];
  let value: unknown = row;
  for (const part of path.split('.')) {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

/** The first non-empty value a field reference finds, with the field it came from. */
export function pickField(row: Record<string, unknown>, ref: FieldRef | undefined): { field: string; value: unknown } | null {
  if (ref === undefined) return null;
  for (const field of typeof ref === 'string' ? [ref] : ref) {
    const value = fieldValue(row, field);
    if (fieldText(value) !== '') return { field, value };
  }
  return null;
}

// One level of nesting covers the exports above ({source: {id, name}}); deeper is not a column.
const COLUMN_NESTING = 1;

/** Every field of the first rows, nested objects as dotted names ("source.name"), in first-seen order. */
export function columnsOf(rows: Array<Record<string, unknown>>): string[] {
  const columns = new Set<string>();
  const add = (value: Record<string, unknown>, prefix: string, depth: number) => {
    for (const [key, child] of Object.entries(value)) {
      if (child && typeof child === 'object' && !Array.isArray(child) && depth < COLUMN_NESTING) add(child as Record<string, unknown>, `${prefix}${key}.`, depth + 1);
      else columns.add(prefix + key);
    }
  };
  for (const row of rows.slice(0, SNIFF_ROWS)) add(row, '', 0);
  return [...columns];
}

/** The known format whose signature the first rows match, or null. */
export function recogniseFormat(rows: Array<Record<string, unknown>>): KnownFormat | null {
  const columns = new Set(columnsOf(rows));
  return KNOWN_FORMATS.find((format) => format.signature.every((group) => group.some((field) => columns.has(field)))) ?? null;
}

// Column names, compared without case, spaces, dashes or underscores, that usually hold each part.
const LIKELY: Record<keyof ColumnMapping, string[]> = {
  text: ['text', 'body', 'content', 'maintext', 'article', 'articletext', 'fulltext', 'story', 'bodytext'],
  headline: ['headline', 'title', 'heading'],
  outlet: ['outlet', 'sitename', 'publication', 'publisher', 'source', 'sourcename', 'medianame', 'site', 'domain', 'sourcedomain'],
  date: ['date', 'published', 'publishdate', 'publishedat', 'datepublished', 'datepublish', 'pubdate', 'publicationdate'],
  url: ['url', 'link', 'permalink', 'href', 'sourceurl'],
  author: ['author', 'authors', 'byline', 'creator', 'writer'],
};

/** A guess at the mapping from column names alone, for the mapping step to start from; never applied unasked. */
export function suggestMapping(columns: string[]): Partial<ColumnMapping> {
  const squash = (name: string) => name.toLowerCase().replace(/[\s_.-]+/g, '');
  const suggestion: Partial<ColumnMapping> = {};
  for (const part of Object.keys(LIKELY) as Array<keyof ColumnMapping>) {
    const found = LIKELY[part].map((likely) => columns.find((c) => squash(c) === likely)).find((c) => c !== undefined);
    if (found) suggestion[part] = found;
  }
  return suggestion;
}

/** A table whose shape was not recognised: what the mapping step shows the reader. */
export interface MappingRequest {
  file: string;
  columns: string[];
  /** The first rows, one cell per column, each cut to a preview length. */
  preview: string[][];
  suggestion: Partial<ColumnMapping>;
}

/** The mapping step's material for one table. */
export function mappingRequest(file: string, rows: Array<Record<string, unknown>>): MappingRequest {
  const columns = columnsOf(rows);
  const cut = (text: string) => (text.length > PREVIEW_CELL_CHARS ? `${text.slice(0, PREVIEW_CELL_CHARS - 1)}…` : text);
  const preview = rows.slice(0, PREVIEW_ROWS).map((row) => columns.map((c) => cut(fieldText(fieldValue(row, c)))));
  return { file, columns, preview, suggestion: suggestMapping(columns) };
}
