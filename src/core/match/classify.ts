/** What the scanner needs to know about each distinct token string, computed once per string. */
import { wordKey } from './keys';
import { NUMBER_WORDS, SCALES } from '../lang/numbers';
import { FRACTION_WORDS } from '../lang/figures';
import { TERMINALS } from './sentences';
import { SYM_FIGURE, SYM_NUMBER, SYM_TERMINAL, SymbolTable, type SymbolInfo } from './symbols';

/** A symbol table that classifies new strings against a vocabulary and a claim key list. */
export function classifyingTable(words: readonly string[], keys: readonly string[]): SymbolTable {
  const wordIds = new Map(words.map((w, i) => [w, i]));
  const keyIds = new Map(keys.map((k, i) => [k, i]));
  return new SymbolTable((s: string): SymbolInfo => {
    const key = wordKey(s);
    return {
      word: wordIds.get(s) ?? -1,
      key: key === null ? -2 : (keyIds.get(key) ?? -1),
      flags: (TERMINALS.has(s) ? SYM_TERMINAL : 0) | (NUMBER_WORDS.has(s) || FRACTION_WORDS.has(s) ? SYM_NUMBER : 0) | (NUMBER_WORDS.has(s) || FRACTION_WORDS.has(s) || SCALES.has(s) ? SYM_FIGURE : 0),
    };
  });
}
