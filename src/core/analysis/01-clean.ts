/**
 * Step 1: remove page furniture (navigation, advertisement markers, captions, related-link lists,
 * donation boxes) that came with the article text, keeping each removed block for audit.
 * Detection is by generic line patterns, never by the names of particular outlets.
 */
import type { FurnitureRecord, Span } from '../index/types';

/** A cleaned article: headline, body paragraphs and what was removed. */
export interface CleanedArticle {
  headline: string;
  /** Headline first, then body paragraphs, joined by "\n\n". */
  text: string;
  paragraphs: Span[];
  bodyStart: number;
  furniture: FurnitureRecord[];
}

interface LineRule {
  reason: string;
  test: RegExp;
}

// Whole-line patterns. Kept short and anchored so that article prose is never caught.
const LINE_RULES: LineRule[] = [
  { reason: 'advertisement', test: /^(advertisement|advertising|sponsored( content)?|promoted( content)?|ad)$/i },
  { reason: 'navigation', test: /^(skip to (main )?(content|navigation)|jump to (content|navigation)|menu|home|search|sign in|log ?in|subscribe|share( this)?( article| story)?|print|close)$/i },
  { reason: 'caption', test: /^(media|image|video) ?(caption|copyright|source)/i },
  { reason: 'photo caption', test: /\b(photograph|photo|picture|image|illustration)( credit)?:\s*\S.{0,120}$/i },
  // A credit line on its own (no closing full stop, unlike prose): "Picture by A Person/Agency",
  // "PHOTO BY A PERSON", "Credit: Agency".
  { reason: 'photo credit', test: /^((photograph|photo|picture|image|illustration|graphic|video)s? (by|courtesy of)|credit:)\s*\S.{0,120}[^.]$/i },
  { reason: 'related links', test: /^(more on this story|related (stories|articles|topics|content|links)|read more|see also|most (read|popular)|you may also like|recommended)$/i },
  { reason: 'donation box', test: /^(donate( today| now)?|become a (supporter|member|subscriber|patron)|support (us|our journalism)|make a (donation|contribution))$/i },
  // A short heading that names the fund or appeal the box collects for ("Our reporting fund").
  { reason: 'donation box', test: /^[\p{L}'’ ]{0,30}\b(fund|appeal)$/iu },
  { reason: 'donation box', test: /^(you('|’)ve raised|we('|’)ve raised|raised so far|we need|target|goal)\s*:/i },
  { reason: 'donation box', test: /^\d+\s+days?\s+(remaining|left)$/i },
  // Ownership and funding appeals. Kept to wordings of an appeal, never phrases news prose uses
  // ("investors are buying shares in …" is an article about a company, not furniture).
  { reason: 'donation box', test: /\b(reader-(owned|funded|supported)|make a (donation|contribution)|support our (work|journalism))\b/i },
];

// A "More from X" header starts a block of links that runs to the end of the text.
const MORE_FROM = /^more (from|by|stories from|articles from)\s+\S/i;
// A line this long is prose, so the article has resumed after a link list.
const PROSE_LINE = 200;

/** Classifies one trimmed line as furniture (returns the reason) or not (null). */
export function furnitureReason(line: string): string | null {
  for (const rule of LINE_RULES) if (rule.test.test(line)) return rule.reason;
  return null;
}

/** A string with the same text that shares no memory with the string it was cut from. */
function ownCopy(s: string): string {
  return JSON.parse(JSON.stringify(s)) as string;
}

/** Splits raw article text into lines, removes furniture, and lays out headline and paragraphs. */
export function cleanArticle(raw: string): CleanedArticle {
  const lines = raw.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const furniture: FurnitureRecord[] = [];
  const kept: string[] = [];
  let previous: FurnitureRecord | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line) continue;
    if (MORE_FROM.test(line)) {
      const block = [line];
      let j = i + 1;
      for (; j < lines.length; j++) {
        const next = lines[j].trim();
        if (next.length > PROSE_LINE) break;
        if (next) block.push(next);
      }
      furniture.push({ text: block.join('\n'), reason: 'related links', line: i + 1 });
      previous = null;
      i = j - 1;
      continue;
    }
    const reason = furnitureReason(line);
    if (reason) {
      // Consecutive lines of one donation box are one audited block.
      if (previous && previous.reason === reason && reason === 'donation box') {
        previous.text += '\n' + line;
      } else {
        previous = { text: line, reason, line: i + 1 };
        furniture.push(previous);
      }
      continue;
    }
    previous = null;
    kept.push(line.replace(/\s+/g, ' '));
  }
  // Lines are slices of `raw`: kept as they are, the furniture and headline would hold the whole
  // raw text in memory for as long as the article is (a corpus build keeps every article).
  for (const f of furniture) f.text = ownCopy(f.text);
  const headline = ownCopy(kept[0] ?? '');
  const paragraphs: Span[] = [];
  let text = '';
  for (const p of kept) {
    if (text) text += '\n\n';
    paragraphs.push({ start: text.length, end: text.length + p.length });
    text += p;
  }
  const bodyStart = paragraphs.length > 1 ? paragraphs[1].start : text.length;
  return { headline, text, paragraphs, bodyStart, furniture };
}
