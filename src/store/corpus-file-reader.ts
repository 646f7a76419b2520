/**
 * Reads a corpus file (what `npm run corpus` writes) piece by piece: each record is parsed,
 * checked and handed on alone, so a corpus file of hundreds of megabytes is never one string nor
 * one parsed value in memory (a 20,000-article file is ~470 MB of text; JSON.parse of it, with the
 * text, needs several times that). The tokenizer is @streamparser/json's; the checks are the
 * index's own (IndexValidator), so a bad record fails with the file, the record and the field,
 * e.g. `corpus.json: index.quotes[12].text: expected a string`.
 */
import { TokenParser, TokenType, Tokenizer } from '@streamparser/json';
import type { CorpusIndex } from '../core/index/types';
import { IndexValidator } from '../core/index/validate';
import type { TextPacker } from '../core/match/compile';

/** The record sections of a corpus file, in the order the file must give them (the order `npm run corpus` writes). */
export const CORPUS_SECTIONS = ['articles', 'entities', 'ambiguous', 'quotes', 'quoteGroups', 'claims', 'claimGroups'] as const;

/** A record section of a corpus file. */
export type CorpusSection = (typeof CORPUS_SECTIONS)[number];

/** A record of section `S`, as the index types it. */
export type CorpusRecord<S extends CorpusSection> = CorpusIndex[S][number];

/** Called with each record once it has been checked: its section, the record and its place in the section. */
export type CorpusRecordSink = <S extends CorpusSection>(section: S, record: CorpusRecord<S>, index: number) => void;

/** What the reader saw besides the records: the schema version and how many records each section held. */
export interface CorpusFileSummary {
  schemaVersion: CorpusIndex['schemaVersion'];
  counts: Record<CorpusSection, number>;
}

const SECTION_ORDER = new Map<string, number>(CORPUS_SECTIONS.map((s, i) => [s, i]));

/** Reads one corpus file: `write` its bytes or text in pieces, in order, then `end`. */
export class CorpusFileReader {
  private readonly tokenizer = new Tokenizer();
  // Records are the values two levels down (`$.<section>[i]`); with keepStack off, each is let go once handed on.
  private readonly parser = new TokenParser({ paths: ['$.*.*'], keepStack: false });
  private readonly validator = new IndexValidator();
  private readonly counts = Object.fromEntries(CORPUS_SECTIONS.map((s) => [s, 0])) as Record<CorpusSection, number>;
  private readonly seen = new Set<string>();
  /** Nesting depth before the current token: 0 outside the top object, 1 inside it, 2 inside a section. */
  private depth = 0;
  /** The top object's key whose value comes next (or is being read), and whether a key is expected. */
  private key: string | null = null;
  private expectKey = false;
  /** The section whose records are being read (its array is open). */
  private section: CorpusSection | null = null;
  private lastSection = -1;
  private schemaVersion: unknown = undefined;
  private ended = false;

  constructor(
    private readonly fileName: string,
    private readonly sink: CorpusRecordSink,
  ) {
    this.tokenizer.onToken = (info) => {
      this.observe(info.token, info.value);
      this.parser.write(info);
    };
    this.parser.onValue = ({ value, stack }) => {
      // Only records of a known section (an unknown top-level field's contents are passed over).
      if (stack.length !== 2 || this.section === null) return;
      const section = this.section;
      const i = this.counts[section]++;
      this.check(section, value, i);
      this.sink(section, value as unknown as CorpusRecord<typeof section>, i);
    };
  }

  /** Reads the next piece of the file (UTF-8 bytes or text). Throws naming the file, record and field of the first problem. */
  write(piece: Uint8Array | string): void {
    if (this.ended) throw new Error(`${this.fileName}: read after its end`);
    this.guard(() => this.tokenizer.write(piece));
  }

  /** Ends the file: fails on a missing section, an unfinished file or a reference to a record that never came. */
  end(): CorpusFileSummary {
    this.ended = true;
    this.guard(() => {
      if (this.depth === 0 && this.key === null && !this.seen.size && this.schemaVersion === undefined) throw new CorpusFileError('the corpus file is empty');
      this.tokenizer.end();
      if (this.depth !== 0) throw new CorpusFileError('the corpus file ends before its last record does (cut short?)');
      if (this.schemaVersion === undefined) this.validator.schemaVersion(undefined);
      for (const s of CORPUS_SECTIONS) if (!this.seen.has(s)) throw new CorpusFileError(`index.${s}: expected an array`);
      this.validator.finish();
    });
    return { schemaVersion: this.schemaVersion as CorpusIndex['schemaVersion'], counts: { ...this.counts } };
  }

  /** Runs `work`, giving any error it throws the file's name (and "not a corpus file" for text that is not JSON). */
  private guard(work: () => void): void {
    try {
      work();
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const known = error instanceof CorpusFileError || /^index[.[]/.test(reason);
      throw new Error(`${this.fileName}: ${known ? reason : `not a corpus file (not JSON: ${reason})`}`);
    }
  }

  /** Follows the top object's structure token by token: which section is open, and what each key holds. */
  private observe(token: TokenType, value: unknown): void {
    const opens = token === TokenType.LEFT_BRACE || token === TokenType.LEFT_BRACKET;
    const closes = token === TokenType.RIGHT_BRACE || token === TokenType.RIGHT_BRACKET;
    if (this.depth === 0) {
      if (token !== TokenType.LEFT_BRACE) throw new CorpusFileError('not a corpus file (expected a JSON object)');
      this.depth = 1;
      this.expectKey = true;
      return;
    }
    if (this.depth === 1) {
      if (this.expectKey) {
        if (token === TokenType.STRING) {
          this.key = value as string;
          this.expectKey = false;
        } else if (token === TokenType.RIGHT_BRACE) this.depth = 0;
        return;
      }
      if (token === TokenType.COLON) return;
      if (token === TokenType.COMMA) {
        this.expectKey = true;
        return;
      }
      if (token === TokenType.RIGHT_BRACE) {
        this.depth = 0;
        return;
      }
      this.value(this.key!, token, value);
      if (opens) this.depth = 2;
      return;
    }
    if (opens) this.depth++;
    else if (closes && --this.depth === 1) this.section = null;
  }

  /** The first token of the value of top-level field `key`. */
  private value(key: string, token: TokenType, value: unknown): void {
    if (this.seen.has(key)) throw new CorpusFileError(`index.${key}: given twice`);
    this.seen.add(key);
    if (key === 'schemaVersion') {
      this.schemaVersion = value;
      this.validator.schemaVersion(token === TokenType.NUMBER ? value : token === TokenType.STRING ? value : undefined);
      return;
    }
    const order = SECTION_ORDER.get(key);
    if (order === undefined) return;
    if (token !== TokenType.LEFT_BRACKET) throw new CorpusFileError(`index.${key}: expected an array`);
    if (this.schemaVersion === undefined) throw new CorpusFileError('index.schemaVersion: expected before the records (a corpus file starts with its schema version)');
    if (order < this.lastSection) {
      throw new CorpusFileError(`index.${key}: comes after index.${CORPUS_SECTIONS[this.lastSection]}; a corpus file gives its sections in the order ${CORPUS_SECTIONS.join(', ')}`);
    }
    this.lastSection = order;
    this.section = key as CorpusSection;
  }

  /** Checks record `i` of `section` (the index's own checks; references to later records are checked at the end). */
  private check(section: CorpusSection, record: unknown, i: number): void {
    const v = this.validator;
    if (section === 'articles') v.article(record, i);
    else if (section === 'entities') v.entity(record, i);
    else if (section === 'ambiguous') v.ambiguous(record, i);
    else if (section === 'quotes') v.quote(record, i);
    else if (section === 'quoteGroups') v.quoteGroup(record, i);
    else if (section === 'claims') v.claim(record, i);
    else v.claimGroup(record, i);
  }
}

/** A problem with the file's layout (its message is given as is, after the file name). */
class CorpusFileError extends Error {}

/** A UTF-16 surrogate: such a text is kept as it is (a lone one would not come back from UTF-8). */
const SURROGATE = /[\uD800-\uDFFF]/;
const encoder = new TextEncoder();
// The BOM is kept: a text may start with one.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Texts held as UTF-8 bytes, for MatcherCompiler and DetailsInput: outside the JavaScript heap (whose cap a large
 * corpus's compile runs against), at one byte a character for plain text and about half what V8
 * needs for a text with any letter or mark beyond Latin-1 (typographic quotes make it hold the whole
 * text at two bytes a character). The same text comes back.
 */
export const UTF8_TEXTS: TextPacker = {
  pack: (text) => (SURROGATE.test(text) ? text : encoder.encode(text)),
  unpack: (packed) => decoder.decode(packed),
};
