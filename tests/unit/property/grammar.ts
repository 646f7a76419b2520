/**
 * Generators shared by the property tests: arbitrary Unicode, UTF-16 with lone surrogates, and a
 * small grammar of the awkward things real pages put around names (emoji, combining marks,
 * zero-width characters, soft hyphens, right-to-left text, typographic quotes, ligatures).
 */
import fc from 'fast-check';

/** Corpus names (tests may name them; src/ may not). */
export const NAMES = ['Jeremy Corbyn', 'Owen Smith', 'Len McCluskey', 'Tom Watson', 'Angela Eagle'];

/** Pieces that are hard on offsets: each is a few UTF-16 units that normalise oddly. */
export const AWKWARD = [
  '😀', // astral: two UTF-16 units
  '👍🏽', // emoji + skin-tone modifier
  '👨‍👩‍👧', // ZWJ sequence
  '🇬🇧', // regional indicators
  'e\u0301', // e + combining acute
  'a\u0308\u0323', // two combining marks
  '\u0301', // a combining mark on its own
  '\u20DD', // enclosing circle
  '\u200B', // zero-width space
  '\u200C',
  '\u200D',
  '\u2060', // word joiner
  '\uFEFF', // BOM
  '\u00AD', // soft hyphen
  'مرحبا بالعالم', // Arabic
  'שלום עולם', // Hebrew
  '\u202B', // right-to-left embedding
  '\u202C',
  '\u00A0', // no-break space
  '’s',
  '“',
  '”',
  '—',
  'ﬁ', // ligature: NFKC makes it two letters
  'Ｃｏｒｂｙｎ', // full-width
  'İ', // lower-cases to two units
  'ẞ',
  'ß',
  '½',
  '\n',
  '\t',
];

/** Plain words, digits and punctuation. */
export const PLAIN = ['the', 'said', 'Labour', 'rally', '10,000', '£3.5m', 'on', 'Sunday', '.', ',', '"', "'", '(', ')', '-'];

/** Any string of code points (astral included). */
export const unicodeText = fc.string({ unit: 'binary', maxLength: 80 });

/** Any string of UTF-16 units, lone surrogates included (what a DOM text node may hold). */
export const utf16Text = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), maxLength: 80 });

/** Text from the grammar: names, awkward pieces and plain words, joined by spaces or nothing. */
export const grammarText = fc
  .array(fc.oneof(fc.constantFrom(...NAMES), fc.constantFrom(...AWKWARD), fc.constantFrom(...PLAIN)), { maxLength: 30 })
  .chain((parts) =>
    fc.array(fc.constantFrom(' ', ' ', ' ', '', '\u00A0', '\u200B'), { minLength: parts.length, maxLength: parts.length }).map((seps) =>
      parts.map((p, i) => p + seps[i]).join(''),
    ),
  );

/** Every kind of text the property tests feed in. */
export const anyText = fc.oneof(unicodeText, utf16Text, grammarText);

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff;
}
