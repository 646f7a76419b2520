/**
 * Export of a card's or page's sources as CSV (RFC 4180, safe to open in a spreadsheet) and
 * Markdown. The text is built here as pure strings (tested directly); `downloadText` hands it to
 * the browser as a file.
 */
import Papa from 'papaparse';

/** Rows of sources with a title and column headings. */
export interface SourceTable {
  title: string;
  columns: string[];
  rows: string[][];
}

/**
 * Cells a spreadsheet would run as a formula: a leading =, +, -, @, tab or carriage return (OWASP's
 * list). papaparse's own pattern for `escapeFormulae: true` ends in `.*$` without the s flag, so it
 * misses such a cell when it holds a line break; this one looks at the first character only.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** papaparse's writer settings for every export: RFC 4180 quoting, CRLF, formula cells neutralised with a leading '. */
const CSV_OPTIONS = { delimiter: ',', newline: '\r\n', quoteChar: '"', escapeChar: '"', escapeFormulae: FORMULA_START } as const;

/** One CSV field: quoted when it holds a comma, quote, CR or LF (quotes doubled), or when a formula is neutralised. */
export function csvField(value: string): string {
  return Papa.unparse([[value]], CSV_OPTIONS);
}

/** The table as CSV with CRLF line ends (RFC 4180), header row first; no cell can run as a formula. */
export function toCsv(table: SourceTable): string {
  return Papa.unparse({ fields: table.columns, data: table.rows }, CSV_OPTIONS) + '\r\n';
}

/** Escapes text so Markdown shows it literally (no emphasis, links, HTML or table breaks). */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`);
}

/** One Markdown table cell: escaped, with line breaks kept as <br> (a cell cannot hold a newline). */
function markdownCell(value: string): string {
  return escapeMarkdown(value.trim()).replace(/\r\n|\r|\n/g, '<br>');
}

/** The table as a Markdown document: a heading and a pipe table. */
export function toMarkdown(table: SourceTable): string {
  const head = `| ${table.columns.map(markdownCell).join(' | ')} |`;
  const rule = `| ${table.columns.map(() => '---').join(' | ')} |`;
  const body = table.rows.map((row) => `| ${row.map(markdownCell).join(' | ')} |`);
  return [`# ${escapeMarkdown(table.title)}`, '', head, rule, ...body, ''].join('\n');
}

/** A file name from a title: lower-case words joined by dashes, nothing a file system dislikes. */
export function fileNameFor(title: string, extension: 'csv' | 'md'): string {
  const base = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${base || 'sources'}.${extension}`;
}

/** Offers text as a file download (Blob + <a download>), then releases the Blob URL. */
export function downloadText(text: string, fileName: string, mime: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
