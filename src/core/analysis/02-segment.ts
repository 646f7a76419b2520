/**
 * Step 2: sentences and words with Intl.Segmenter, and the quoted regions of the text.
 * Sentences never cross paragraphs; a full stop after an abbreviation ("Dr.", "Mr.") or an
 * initial does not end a sentence. Everything here is linear in the length of the text.
 */
import type { Span } from '../index/types';
import { normalize } from '../lang/normalize';
import type { QuotedRegion, Token } from './context';
import { ABBREVIATIONS } from '../lang/abbreviations';
import { segmentSentences as sentenceSegments, segmentWords } from '../lang/segment';

const UPPER = /^\p{Lu}/u;
const POSSESSIVE = /['\u2019]s?$/;

/** Sentence spans (trimmed, never crossing a paragraph) for the given paragraphs of `text`. */
export function segmentSentences(text: string, paragraphs: Span[]): Span[] {
  const out: Span[] = [];
  for (const p of paragraphs) {
    const para = text.slice(p.start, p.end);
    let pendingStart = -1;
    for (const seg of sentenceSegments(para)) {
      const raw = seg.segment;
      const lead = raw.length - raw.trimStart().length;
      const body = raw.trim();
      if (!body) continue;
      const start = p.start + seg.index + lead;
      const end = start + body.length;
      if (pendingStart < 0) pendingStart = start;
      // Do not end a sentence on "Mr." / "Dr." / an initial: join with what follows.
      if (endsWithAbbreviation(body) && seg.index + raw.length < para.length) continue;
      out.push({ start: pendingStart, end });
      pendingStart = -1;
    }
    if (pendingStart >= 0) out.push({ start: pendingStart, end: p.end });
  }
  return out;
}

function endsWithAbbreviation(sentence: string): boolean {
  const m = /(?:^|[\s(“"'‘])([\p{L}]+)\.$/u.exec(sentence);
  if (!m) return false;
  const word = m[1];
  return ABBREVIATIONS.has(word.toLowerCase()) || (word.length === 1 && UPPER.test(word));
}

/** Word and punctuation tokens of `text`, each tagged with its sentence index. */
export function tokenize(text: string, sentences: Span[]): { tokens: Token[]; sentenceTokenStart: number[] } {
  const tokens: Token[] = [];
  const sentenceTokenStart: number[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const span = sentences[s];
    sentenceTokenStart.push(tokens.length);
    let atStart = true;
    const segs = [...segmentWords(text.slice(span.start, span.end))];
    for (let k = 0; k < segs.length; k++) {
      const seg = segs[k];
      let t = seg.segment;
      if (!t.trim()) continue;
      const isWord = seg.isWordLike === true;
      const start = span.start + seg.index;
      // Glue possessives the segmenter splits off: "G7" "’" "s" and plural "Makers" "’".
      const apo = segs[k + 1];
      if (isWord && apo && (apo.segment === '\u2019' || apo.segment === "'")) {
        const s2 = segs[k + 2];
        if (s2 && s2.segment.toLowerCase() === 's' && !/^\p{L}/u.test(segs[k + 3]?.segment ?? '')) {
          t += apo.segment + s2.segment;
          k += 2;
        } else if (/s$/i.test(t) && (!s2 || !s2.isWordLike)) {
          t += apo.segment;
          k += 1;
        }
      }
      let norm = normalize(t);
      const isPossessive = isWord && norm.length > 2 && POSSESSIVE.test(norm) && /[\p{L}\p{N}]['\u2019]/u.test(t);
      if (isPossessive) norm = norm.replace(/'s?$/, '');
      tokens.push({
        start,
        end: start + t.length,
        text: t,
        norm,
        isWord,
        isCap: isWord && UPPER.test(t),
        isPossessive,
        sentence: s,
        isSentenceStart: isWord && atStart,
      });
      if (isWord) atStart = false;
    }
  }
  return { tokens, sentenceTokenStart };
}

/** Number of word tokens. */
export function countWords(tokens: Token[]): number {
  let n = 0;
  for (const t of tokens) if (t.isWord) n++;
  return n;
}

const OPENERS = new Set(['\u201C', '\u201E', '\u00AB', '\u201F']);
const CLOSERS = new Set(['\u201D', '\u00BB']);
const QUOTE_CHARS = /["\u201C\u201D\u201E\u00AB\u00BB\u201F]/g;

type Mark = { at: number; kind: 'open' | 'close' | 'reopen' };

function classify(text: string, at: number, inQuote: boolean): Mark['kind'] {
  const ch = text[at];
  const before = at > 0 ? text[at - 1] : ' ';
  const after = at + 1 < text.length ? text[at + 1] : ' ';
  const spaceBefore = /[\s([{\u2014\u2013-]/.test(before);
  const spaceAfter = /[\s.,;:!?)\]\u2014\u2013-]/.test(after);
  if (OPENERS.has(ch)) {
    // An opening mark glued to the end of a quoted sentence (“…movement.“Some”) closes and reopens.
    if (inQuote && !spaceBefore) return 'reopen';
    return inQuote && spaceAfter ? 'close' : 'open';
  }
  if (CLOSERS.has(ch)) return inQuote || !spaceBefore || spaceAfter ? 'close' : 'open';
  // Straight quotes: decide from the context.
  if (inQuote) return spaceBefore && !spaceAfter ? 'reopen' : 'close';
  return spaceBefore || !spaceAfter ? 'open' : 'close';
}

/**
 * Finds quoted regions. A quote that is still open at the end of a paragraph continues into the
 * next paragraph when that paragraph opens with a quote mark (newspaper convention) or when its
 * first mark closes the quote; otherwise it ends with its paragraph.
 */
export function findQuotedRegions(text: string, paragraphs: Span[]): QuotedRegion[] {
  const regions: QuotedRegion[] = [];
  let current: QuotedRegion | null = null;
  let segStart = -1;
  for (let pi = 0; pi < paragraphs.length; pi++) {
    const p = paragraphs[pi];
    const para = text.slice(p.start, p.end);
    const marks: number[] = [];
    QUOTE_CHARS.lastIndex = 0;
    for (let m = QUOTE_CHARS.exec(para); m; m = QUOTE_CHARS.exec(para)) marks.push(m.index);
    if (current && segStart < 0) {
      // A quote left open by the previous paragraph.
      const first = marks.length ? classify(para, marks[0], true) : null;
      const opensAtStart = marks.length > 0 && marks[0] === 0;
      if (opensAtStart) {
        segStart = p.start + 1;
        marks.shift();
      } else if (marks.length && first === 'close') {
        segStart = p.start;
      } else {
        current = null;
      }
    }
    for (const at of marks) {
      const inQuote = segStart >= 0;
      const kind = classify(para, at, inQuote);
      const abs = p.start + at;
      if (!inQuote) {
        if (kind === 'open' || kind === 'reopen') {
          current = { segments: [] };
          regions.push(current);
          segStart = abs + 1;
        }
        continue;
      }
      if (kind === 'close') {
        pushSegment(current!, segStart, abs);
        segStart = -1;
        current = null;
      } else if (kind === 'reopen') {
        pushSegment(current!, segStart, abs);
        segStart = abs + 1;
      } else {
        // A new opening mark while a quote is open: the previous one was never closed.
        pushSegment(current!, segStart, abs);
        current = { segments: [] };
        regions.push(current);
        segStart = abs + 1;
      }
    }
    if (segStart >= 0) {
      pushSegment(current!, segStart, p.end);
      segStart = -1;
      // `current` stays set: the next paragraph decides whether the quote continues.
    }
  }
  return regions.filter((r) => r.segments.length > 0);
}

function pushSegment(region: QuotedRegion, start: number, end: number): void {
  if (end > start) region.segments.push({ start, end });
}

/** Sorted spans of every quoted segment. */
export function quotedSpans(regions: QuotedRegion[]): Span[] {
  return regions.flatMap((r) => r.segments).sort((a, b) => a.start - b.start);
}
