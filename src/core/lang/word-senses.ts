/**
 * Word senses: which words of the word vectors' vocabulary share a meaning, from WordNet (synonyms
 * in one of their common senses, or one derived from the other: "reject", "decline", "rejection").
 * Word vectors put words of one topic close, antonyms too; a shared sense is the precise signal they
 * lack. The table is written by scripts/build-senses.ts (data/word-senses.json: per word its
 * meaning groups) and packed beside the vectors (vectors.ts, binary form), indexed by the vectors'
 * rows. Pure: nothing here reads files.
 */

/** The committed table as JSON (see scripts/build-senses.ts). */
export interface WordSensesData {
  groups: number;
  count: number;
  /** "word:g,g word:g …", groups in base 36, ascending. */
  words: string;
}

/** Meaning groups per vector row. */
export interface RowSenses {
  /** Whether rows `a` and `b` (both ≥ 0) share a meaning group. */
  shared(a: number, b: number): boolean;
}

/** Magic bytes of the binary section ("CLS1"). */
const SECTION_MAGIC = 0x31534c43;

/** Parses the JSON table into word → groups; throws naming the field that is wrong. */
function parseSenses(data: WordSensesData): Map<string, number[]> {
  if (!data || typeof data.words !== 'string' || !Number.isInteger(data.groups) || data.groups < 0 || data.groups > 0xffff) {
    throw new Error('word senses: fields "words" (string) and "groups" (0..65535) are required');
  }
  const out = new Map<string, number[]>();
  for (const entry of data.words ? data.words.split(' ') : []) {
    const colon = entry.indexOf(':');
    const groups = entry.slice(colon + 1).split(',').map((g) => parseInt(g, 36));
    if (colon <= 0 || groups.some((g, i) => !(g >= 0 && g < data.groups) || (i > 0 && g <= groups[i - 1]))) {
      throw new Error(`word senses: field "words": entry "${entry.slice(0, 40)}" is not word:ascending groups below ${data.groups}`);
    }
    out.set(entry.slice(0, colon), groups);
  }
  if (out.size !== data.count) throw new Error(`word senses: field "words" holds ${out.size} words, "count" says ${data.count}`);
  return out;
}

/**
 * The binary section for a vectors table of `count` rows whose words are `words` (row order):
 * magic "CLS1", uint32 row count and link count, `count + 1` uint32 offsets, the uint16 groups of
 * each row in turn, zero padding to a multiple of 4; little-endian.
 */
export function encodeSensesSection(data: WordSensesData, words: readonly string[]): Uint8Array {
  const byWord = parseSenses(data);
  const lists = words.map((w) => byWord.get(w) ?? []);
  const links = lists.reduce((n, l) => n + l.length, 0);
  const groupsAt = 12 + (words.length + 1) * 4;
  const out = new Uint8Array(Math.ceil((groupsAt + links * 2) / 4) * 4);
  const view = new DataView(out.buffer);
  view.setUint32(0, SECTION_MAGIC, true);
  view.setUint32(4, words.length, true);
  view.setUint32(8, links, true);
  let at = 0;
  lists.forEach((list, r) => {
    view.setUint32(12 + r * 4, at, true);
    for (const g of list) view.setUint16(groupsAt + 2 * at++, g, true);
  });
  view.setUint32(12 + words.length * 4, at, true);
  return out;
}

/** Reads a section written by encodeSensesSection for a table of `count` rows; throws naming what is wrong. */
export function decodeSensesSection(bytes: Uint8Array, count: number): RowSenses {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || view.getUint32(0, true) !== SECTION_MAGIC) throw new Error('word senses: not the binary section (bad magic)');
  if (view.getUint32(4, true) !== count) throw new Error(`word senses: section holds ${view.getUint32(4, true)} rows, the vectors ${count}`);
  const links = view.getUint32(8, true);
  const groupsAt = 12 + (count + 1) * 4;
  if (bytes.length !== Math.ceil((groupsAt + links * 2) / 4) * 4) throw new Error(`word senses: section holds ${bytes.length} bytes, expected ${Math.ceil((groupsAt + links * 2) / 4) * 4}`);
  const offsets = new Uint32Array(count + 1);
  for (let r = 0; r <= count; r++) offsets[r] = view.getUint32(12 + r * 4, true);
  if (offsets[count] !== links || offsets.some((o, r) => r > 0 && o < offsets[r - 1])) throw new Error('word senses: section offsets are not ascending up to the link count');
  const groups = new Uint16Array(links);
  for (let i = 0; i < links; i++) groups[i] = view.getUint16(groupsAt + 2 * i, true);
  return rowSenses(offsets, groups);
}

/** Senses for rows from the JSON table, the row of each word given by `row` (tools and tests). */
export function loadRowSenses(data: WordSensesData, row: (word: string) => number, count: number): RowSenses {
  const byRow: number[][] = Array.from({ length: count }, () => []);
  for (const [word, groups] of parseSenses(data)) {
    const r = row(word);
    if (r >= 0) byRow[r] = groups;
  }
  const offsets = new Uint32Array(count + 1);
  byRow.forEach((l, r) => (offsets[r + 1] = offsets[r] + l.length));
  return rowSenses(offsets, Uint16Array.from(byRow.flat()));
}

function rowSenses(offsets: Uint32Array, groups: Uint16Array): RowSenses {
  return {
    shared(a, b) {
      // Two short ascending lists (a handful of groups each): a merge.
      let i = offsets[a];
      let j = offsets[b];
      const ie = offsets[a + 1];
      const je = offsets[b + 1];
      while (i < ie && j < je) {
        if (groups[i] === groups[j]) return true;
        if (groups[i] < groups[j]) i++;
        else j++;
      }
      return false;
    },
  };
}
