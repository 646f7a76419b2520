/**
 * The size limits of an import, in one place. Each is generous for news material and small enough
 * that one hostile file cannot exhaust the memory of the extension page that reads it.
 */

/** One article file (.txt, .md, .html, or one of them inside a .zip): saved news pages run to a few hundred KB. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * One export file (.csv, .json, .jsonl): 10,000 articles of ~5 KB each (the largest corpus issue 12
 * budgets for) is ~50 MB, so twice that.
 */
export const MAX_TABLE_BYTES = 100 * 1024 * 1024;

/** One .zip as chosen by the reader: as large as the biggest export it could hold. */
export const MAX_ARCHIVE_BYTES = MAX_TABLE_BYTES;

/**
 * Everything one .zip may unpack to, counted as it inflates (declared sizes can lie): a zip bomb
 * stops here, not at the end of memory. Twice the largest export allowed on its own.
 */
export const MAX_UNZIPPED_BYTES = 2 * MAX_TABLE_BYTES;

/** Entries one .zip may hold: a folder of 10,000 articles, with room for the folder's other files. */
export const MAX_ZIP_ENTRIES = 20_000;

/** One article's text after extraction (a row of an export): the same bound as an article file. */
export const MAX_ARTICLE_CHARS = MAX_FILE_BYTES;

/** Rows shown in a column-mapping preview: enough to recognise the fields, few enough to read. */
export const PREVIEW_ROWS = 5;

/** Characters of one preview cell: long article texts are cut for the preview only. */
export const PREVIEW_CELL_CHARS = 200;

/** Rows read to recognise an export's shape: a field missing from the first row may be in the next. */
export const SNIFF_ROWS = 20;

/** Elements Readability may walk in one page: news pages have a few thousand; more is a hostile or broken file. */
export const MAX_PAGE_ELEMENTS = 100_000;

/**
 * Bytes of a .zip handed to the unzipper at a time. Deflate expands at most 1032 to 1, so one chunk
 * inflates to at most ~17 MB before the size caps above are checked again.
 */
export const ZIP_CHUNK_BYTES = 16 * 1024;

/**
 * Characters of body text below which a page holds no article: one short news sentence is ~80
 * characters, while what Readability falls back to on a page without one ("Home", a menu) is shorter.
 */
export const MIN_PAGE_TEXT_CHARS = 80;
