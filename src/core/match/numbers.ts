/**
 * Figures in text: "44", "forty-four", "2,400", "2.5 million", "2m", "59.5%", "£12,345", with the
 * qualifier before them ("more than", "up to", "around"). Corpus and page go through this one
 * parser, so "forty-four" and "44" compare as the same number.
 */
import { NUMBER_WORDS, QUALIFIERS, QUALIFIER_PHRASES, SCALES } from './lexicon';
import { NUM, SPACED, Tokens, WORD } from './tokens';

/** What kind of quantity a figure is; figures compare only within one class. */
export const FigureClass = { count: 0, percent: 1, money: 2, year: 3 } as const;

/** A figure found in tokens; offsets are into the tokenised text. */
export interface ParsedFigure {
  value: number;
  /** Index into QUALIFIERS. */
  qualifier: number;
  /** One of FigureClass. */
  cls: number;
  start: number;
  end: number;
  /** Index of the first token after the figure (where its unit words start). */
  next: number;
}

const CURRENCY = new Set(['£', '$', '€', '¥']);
const NUMERIC = /^(\d[\d,]*(?:\.\d+)?)([a-z]*)$/;

/** Appends the figures stated in tokens [from, to) to `out`. */
export function parseFigures(t: Tokens, from: number, to: number, out: ParsedFigure[]): void {
  let i = from;
  while (i < to) {
    const f = t.flags[i];
    let value = NaN;
    let next = i + 1;
    let isPlainInteger = false;
    if (f & NUM) {
      const m = NUMERIC.exec(t.norm[i]);
      if (m) {
        const suffix = m[2];
        const scale = suffix === '' ? 1 : SCALES.get(suffix);
        if (scale !== undefined) {
          value = parseFloat(m[1].replace(/,/g, '')) * scale;
          isPlainInteger = suffix === '' && /^\d{4}$/.test(m[1]);
          if (suffix === '' && next < to && t.flags[next] & WORD) {
            const s = SCALES.get(t.norm[next]);
            if (s !== undefined && t.norm[next].length > 2) {
              value *= s;
              next++;
              isPlainInteger = false;
            }
          }
          // "1984-85": a range of years; keep the first and skip the rest.
          if (next + 1 < to && t.norm[next] === '-' && !(t.flags[next] & SPACED) && t.flags[next + 1] & NUM) next += 2;
        }
      }
    } else if (f & WORD) {
      const parsed = parseNumberWords(t, i, to);
      if (parsed) {
        value = parsed.value;
        next = parsed.next;
      }
    }
    if (Number.isNaN(value)) {
      i++;
      continue;
    }
    let cls: number = isPlainInteger && value >= 1800 && value <= 2100 ? FigureClass.year : FigureClass.count;
    let end = t.end[next - 1];
    if (next < to && t.norm[next] === '%') {
      cls = FigureClass.percent;
      end = t.end[next];
      next++;
    } else if (next + 1 < to && t.norm[next] === 'per' && t.norm[next + 1] === 'cent') {
      cls = FigureClass.percent;
      end = t.end[next + 1];
      next += 2;
    } else if (next < to && t.norm[next] === 'percent') {
      cls = FigureClass.percent;
      end = t.end[next];
      next++;
    }
    let first = i;
    if (first > from && CURRENCY.has(t.norm[first - 1])) {
      cls = FigureClass.money;
      first--;
    }
    let qualifier = 0;
    for (const phrase of QUALIFIER_PHRASES) {
      const k = phrase.words.length;
      if (first - k < from) continue;
      let ok = true;
      for (let p = 0; p < k && ok; p++) ok = t.norm[first - k + p] === phrase.words[p];
      if (ok) {
        qualifier = QUALIFIERS.indexOf(phrase.qualifier);
        first -= k;
        break;
      }
    }
    out.push({ value, qualifier, cls, start: t.start[first], end, next });
    i = next;
  }
}

/** Parses "forty-four", "two million", "one hundred and twenty", "a dozen" starting at token i. */
function parseNumberWords(t: Tokens, i: number, to: number): { value: number; next: number } | null {
  let total = 0;
  let current = 0;
  let words = 0;
  let scaled = false;
  let j = i;
  if (t.norm[j] === 'a' && j + 1 < to && (t.norm[j + 1] === 'dozen' || (SCALES.has(t.norm[j + 1]) && t.norm[j + 1].length > 2))) {
    current = 1;
    j++;
  }
  let last = j;
  while (j < to) {
    const w = t.norm[j];
    const unit = NUMBER_WORDS.get(w);
    if (unit !== undefined && t.flags[j] & WORD) {
      if (w === 'dozen') current = (current || 1) * 12;
      else current += unit;
      words++;
      last = ++j;
    } else if (w === 'hundred') {
      current = (current || 1) * 100;
      words++;
      scaled = true;
      last = ++j;
    } else if (SCALES.has(w) && w.length > 2 && words + current > 0) {
      total += (current || 1) * SCALES.get(w)!;
      current = 0;
      words++;
      scaled = true;
      last = ++j;
    } else if ((w === '-' || w === 'and') && words > 0 && j + 1 < to && NUMBER_WORDS.has(t.norm[j + 1])) {
      j++;
    } else break;
  }
  if (words === 0) return null;
  const value = total + current;
  // A lone "one" is nearly always a pronoun ("one of his allies"), not a figure.
  if (!scaled && words === 1 && value <= 1) return null;
  return { value, next: last };
}

/** The [low, high] interval of values a figure allows. */
function interval(value: number, qualifier: number): [number, number] {
  switch (QUALIFIERS[qualifier]) {
    case 'more-than':
      return [value * 1.0001, value * 1.5];
    case 'at-least':
      return [value, value * 1.5];
    case 'less-than':
      return [value * 0.5, value * 0.9999];
    case 'at-most':
    case 'up-to':
      return [value * 0.5, value];
    case 'about':
      return [value * 0.925, value * 1.075];
    default:
      return [value, value];
  }
}

/** Whether two figures of one class can both be true: "more than 20" and "24" can; "12" and "more than 20" cannot. */
export function figuresAgree(aValue: number, aQualifier: number, bValue: number, bQualifier: number): boolean {
  const [al, ah] = interval(aValue, aQualifier);
  const [bl, bh] = interval(bValue, bQualifier);
  const eps = 1e-9 * Math.max(1, Math.abs(aValue), Math.abs(bValue));
  return al <= bh + eps && bl <= ah + eps;
}

const QUALIFIER_TEXT = ['', 'more than ', 'less than ', 'at least ', 'at most ', 'up to ', 'about '];

/** Writes a figure back as text ("more than 20", "59.5%", "12,345") for side-by-side display. */
export function formatFigure(value: number, qualifier: number, cls: number): string {
  const digits = Number.isInteger(value) && value >= 10000 ? String(value).replace(/\B(?=(\d{3})+$)/g, ',') : String(value);
  // The currency is not kept in MatcherData; resolveMatch swaps in the corpus's own wording.
  const body = cls === FigureClass.percent ? `${digits}%` : digits;
  return QUALIFIER_TEXT[qualifier] + body;
}
