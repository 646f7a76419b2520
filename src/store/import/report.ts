/**
 * What an import produces: the articles it accepted and a report entry for every file or row it
 * rejected or had to change. Readers of the report (the import UI, tests) rely on these shapes.
 */

/** One file as chosen or dropped by the reader (a folder arrives as its files, with relative names). */
export interface ImportFile {
  /** The file's name, with its folder path when it came from a folder or a zip ("notes/a.txt"). */
  name: string;
  bytes: Uint8Array;
}

/** An article's metadata; a missing value is "" except `date`, which is "YYYY-MM-DD" or "unknown". */
export interface ImportedMeta {
  headline: string;
  outlet: string;
  /** "YYYY-MM-DD" as the source printed it, or "unknown". */
  date: string;
  /** An http(s) address, or "". */
  url: string;
  author: string;
}

/** One accepted article: plain text (never markup), headline paragraph first. Fits core's `ArticleInput`. */
export interface ImportedArticle {
  /** Unique within one import; derived from the file name (and row number for exports). */
  id: string;
  /** Where it came from, as the report names it ("exports/news.csv row 4"). */
  source: string;
  /** Paragraphs joined by a blank line; the first paragraph is the headline when one is known. */
  text: string;
  meta: ImportedMeta;
}

/** Why a file or row was rejected, or what was changed in an accepted one. */
export type ReportCode =
  | 'empty'
  | 'binary'
  | 'not-utf8'
  | 'too-large'
  | 'no-text'
  | 'duplicate-url'
  | 'duplicate-text'
  | 'unsupported'
  | 'unreadable'
  | 'needs-mapping'
  | 'unknown-date'
  | 'bad-url'
  | 'bad-metadata';

/** One line of the import report. */
export interface ReportEntry {
  /** `rejected`: nothing of it was imported. `warning`: imported, with the change the reason says. */
  level: 'rejected' | 'warning';
  code: ReportCode;
  /** The file's name as given (inside a zip: "archive.zip/inner/name.txt"). */
  file: string;
  /** 1-based data row of an export (the header of a CSV is not a row), when the entry is about one row. */
  row?: number;
  /** A sentence for the reader: the reason, with the value or limit involved. */
  reason: string;
}

/** Builds a report entry (kept small so every reader writes entries the same way). */
export function entry(level: ReportEntry['level'], code: ReportCode, file: string, reason: string, row?: number): ReportEntry {
  return row === undefined ? { level, code, file, reason } : { level, code, file, row, reason };
}
