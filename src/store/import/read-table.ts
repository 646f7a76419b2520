/**
 * Exports (.csv, .json, .jsonl) to article candidates: parse the rows (papaparse for CSV), recognise
 * the tool that wrote them or apply the reader's column mapping, then turn each row into plain
 * text and metadata. A bad row is reported by its number and the others are kept.
 */
import Papa from 'papaparse';
import type { Candidate, ReadResult } from './candidate';
import { fieldText, isWebUrl, parseDate } from './fields';
import { MAX_ARTICLE_CHARS } from './limits';
import { toPlainText, type HtmlParser } from './plain-text';
import { entry, type ReportEntry } from './report';
import { fieldValue, mappingRequest, pickField, recogniseFormat, type ColumnMapping, type KnownFormat } from './table-formats';

/** One data row with the number the reader's tools show for it. */
export interface NumberedRow {
  row: number;
  values: Record<string, unknown>;
}

/** Rows of a table, or why the file could not be read as one. */
type Parsed = { rows: NumberedRow[]; entries: ReportEntry[] } | { error: string };

/**
 * CSV rows numbered as a spreadsheet shows them (the header is row 1). Duplicate column names get
 * " (2)", " (3)" so no cell is lost. An unterminated quote is reported: papaparse keeps reading.
 */
export function parseCsv(file: string, text: string): Parsed {
  const result = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const [header, ...records] = result.data;
  if (!header || header.every((h) => !h.trim())) return { error: 'no header row' };
  const seen = new Map<string, number>();
  const columns = header.map((raw) => {
    const name = raw.trim();
    const n = (seen.get(name) ?? 0) + 1;
    seen.set(name, n);
    return n === 1 ? name : `${name} (${n})`;
  });
  const entries = result.errors
    .filter((e) => e.type === 'Quotes')
    .map((e) => entry('warning', 'unreadable', file, `${e.message}; the rest of the file may be read as one cell`, (e.row ?? 0) + 1));
  const rows: NumberedRow[] = [];
  records.forEach((cells, i) => {
    if (cells.every((c) => !c.trim())) return;
    const values: Record<string, unknown> = {};
    columns.forEach((c, j) => (values[c] = cells[j] ?? ''));
    rows.push({ row: i + 2, values });
  });
  return { rows, entries };
}

/** JSON Lines: one object per line, numbered by line; a line that is not an object is reported. */
export function parseJsonLines(file: string, text: string): Parsed {
  const rows: NumberedRow[] = [];
  const entries: ReportEntry[] = [];
  text.split(/\r\n|\r|\n/).forEach((line, i) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      entries.push(entry('rejected', 'unreadable', file, `not valid JSON (${(e as Error).message})`, i + 1));
      return;
    }
    if (value && typeof value === 'object' && !Array.isArray(value)) rows.push({ row: i + 1, values: value as Record<string, unknown> });
    else entries.push(entry('rejected', 'unreadable', file, 'not a JSON object', i + 1));
  });
  return { rows, entries };
}

// Where API responses keep their list of articles ({"status": "ok", "articles": [...]} from NewsAPI).
const LIST_KEYS = ['articles', 'results', 'data', 'items', 'stories', 'records'];

/**
 * A JSON export: an array of objects (numbered from 1), an API response holding one under a usual
 * key, or one object (Trafilatura writes one JSON file per article).
 */
export function parseJson(file: string, text: string): Parsed {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { error: `not valid JSON (${(e as Error).message})` };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const object = value as Record<string, unknown>;
    const key = LIST_KEYS.find((k) => Array.isArray(object[k]));
    if (!key) return { rows: [{ row: 1, values: object }], entries: [] };
    value = object[key];
  }
  if (!Array.isArray(value)) return { error: 'expected an array of articles or one article object' };
  const rows: NumberedRow[] = [];
  const entries: ReportEntry[] = [];
  value.forEach((item, i) => {
    if (item && typeof item === 'object' && !Array.isArray(item)) rows.push({ row: i + 1, values: item as Record<string, unknown> });
    else entries.push(entry('rejected', 'unreadable', file, 'not a JSON object', i + 1));
  });
  return { rows, entries };
}

/** One line of metadata from a field: plain text, whitespace collapsed. */
function metaText(value: unknown, parse: HtmlParser | null): string {
  return toPlainText(fieldText(value), parse).replace(/\s+/g, ' ').trim();
}

/** The host of an address without "www.", the outlet when a table names none. */
function hostOf(url: string): string {
  return url ? new URL(url).hostname.replace(/^www\./, '') : '';
}

/** One row to a candidate, or the report entries that say why not; warnings accompany a candidate. */
function rowToCandidate(
  file: string,
  { row, values }: NumberedRow,
  mapping: ColumnMapping,
  format: KnownFormat | null,
  parse: HtmlParser | null,
): { candidate?: Candidate; entries: ReportEntry[] } {
  const entries: ReportEntry[] = [];
  const picked = pickField(values, mapping.text);
  const names = typeof mapping.text === 'string' ? mapping.text : mapping.text.join('" or "');
  if (!picked) return { entries: [entry('rejected', 'no-text', file, `no text (field "${names}" is missing or empty)`, row)] };
  let body = typeof picked.value === 'string' ? picked.value : fieldText(picked.value);
  if (format?.cleanText) body = format.cleanText(body);
  body = toPlainText(body, parse).trim();
  if (!body) return { entries: [entry('rejected', 'no-text', file, `no text (field "${picked.field}" holds no text once markup is removed)`, row)] };
  if (body.length > MAX_ARTICLE_CHARS) {
    return { entries: [entry('rejected', 'too-large', file, `text too long (${body.length} characters; the limit is ${MAX_ARTICLE_CHARS})`, row)] };
  }
  const headline = metaText(pickField(values, mapping.headline)?.value, parse);
  const rawUrl = metaText(pickField(values, mapping.url)?.value, null);
  let url = '';
  if (rawUrl && isWebUrl(rawUrl)) url = new URL(rawUrl).href;
  else if (rawUrl) entries.push(entry('warning', 'bad-url', file, `url ${JSON.stringify(rawUrl)} is not an http(s) address; left empty`, row));
  const rawDate = fieldText(pickField(values, mapping.date)?.value);
  const date = rawDate ? parseDate(rawDate) : null;
  if (rawDate && !date) entries.push(entry('warning', 'unknown-date', file, `date ${JSON.stringify(rawDate)} could not be read; kept as "unknown"`, row));
  const firstLine = body.split(/\n/, 1)[0]!.trim();
  // A text that already opens with its headline is not given it twice.
  const text = headline && firstLine !== headline ? `${headline}\n\n${body}` : body;
  const candidate: Candidate = {
    file,
    row,
    text,
    meta: {
      headline,
      outlet: metaText(pickField(values, mapping.outlet)?.value, parse) || hostOf(url),
      date: date ?? 'unknown',
      url,
      author: metaText(pickField(values, mapping.author)?.value, parse),
    },
  };
  return { candidate, entries };
}

/**
 * The candidates of one table file. With no `mapping`, a recognised tool's mapping is used; an
 * unrecognised table returns a mapping request and imports nothing until a mapping is given.
 */
export function readTable(file: string, parsed: Parsed, mapping: ColumnMapping | undefined, parse: HtmlParser | null): ReadResult {
  if ('error' in parsed) return { candidates: [], entries: [entry('rejected', 'unreadable', file, parsed.error)] };
  const entries = [...parsed.entries];
  const values = parsed.rows.map((r) => r.values);
  if (!parsed.rows.length) return { candidates: [], entries: [...entries, entry('rejected', 'empty', file, 'no rows')] };
  const format = mapping ? null : recogniseFormat(values);
  const used = mapping ?? format?.mapping;
  if (!used) {
    const request = mappingRequest(file, values);
    const reason = `columns not recognised (${request.columns.join(', ')}); choose which column holds the text`;
    return { candidates: [], entries: [...entries, entry('rejected', 'needs-mapping', file, reason)], mapping: request };
  }
  const textFields = typeof used.text === 'string' ? [used.text] : used.text;
  if (!values.some((row) => textFields.some((field) => fieldValue(row, field) !== undefined))) {
    const shape = format ? `looks like a ${format.name} export, but ` : '';
    return { candidates: [], entries: [...entries, entry('rejected', 'no-text', file, `${shape}no row has a text field ("${textFields.join('" or "')}")`)] };
  }
  const candidates: Candidate[] = [];
  for (const row of parsed.rows) {
    const result = rowToCandidate(file, row, used, format, parse);
    if (result.candidate) candidates.push(result.candidate);
    entries.push(...result.entries);
  }
  return { candidates, entries };
}
