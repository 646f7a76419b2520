/**
 * What each format reader hands back before ids are given and duplicates are found: one article
 * candidate per file or row, plus the report entries the reader itself found.
 */
import type { ImportedMeta, ReportEntry } from './report';
import type { MappingRequest } from './table-formats';

/** An article as a reader found it; `readImportFiles` gives it an id and checks it against the others. */
export interface Candidate {
  /** The file name the id is derived from (a row number is added for exports). */
  file: string;
  row?: number;
  text: string;
  meta: ImportedMeta;
}

/** One reader's result for one file. */
export interface ReadResult {
  candidates: Candidate[];
  entries: ReportEntry[];
  /** Set when the file is a table of an unrecognised shape: nothing was imported from it yet. */
  mapping?: MappingRequest;
}

/** Metadata with nothing known: every field empty, the date "unknown". */
export function emptyMeta(): ImportedMeta {
  return { headline: '', outlet: '', date: 'unknown', url: '', author: '' };
}
