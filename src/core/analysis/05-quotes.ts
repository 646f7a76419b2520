/**
 * Step 5: direct speech with its speaker and tense. Quoted regions come from step 2 (including
 * multi-paragraph quotes); here each one of at least MIN_WORDS words (shorter ones are scare
 * quotes or terms) gets an attribution:
 * - after the quote: `," he said.` / `," Okafor said.` / `," said X.` / `," he is expected to say.`
 * - before it: `X said: "…"` / `He told the rally: "…"` / `…, saying: "…"`
 * - none: the speaker of the quote in the previous paragraph continues, else the nearest subject.
 * Pronouns and definite descriptions ("the minister") resolve to the nearest preceding named person.
 */
import type { QuoteRecord, QuoteTense, Span } from '../index/types';
import type { ArticleDraft, EntityDraft, MentionDraft, QuotedRegion, Token } from './context';
import { entityKinds, sentenceAt } from './context';
import { antecedentBefore } from './coref';
import { PERSON_PRONOUNS } from '../lang/function-words';
import { FUTURE_MARKERS, PRESENT_SPEECH, SPEECH_VERBS, isFutureMarker } from '../lang/reporting-verbs';
import { ROLE_NOUNS } from '../lang/roles';

/** Quotes shorter than this many words are treated as scare quotes, not utterances. */
export const MIN_WORDS = 5;

/** A quote before grouping: the record without the ids that grouping assigns. */
export type QuoteDraft = Omit<QuoteRecord, 'id' | 'group'>;

interface Attribution {
  speaker: string | null;
  speakerText: string | null;
  tense: QuoteTense;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Extracts the attributed quotes of one article. */
export function extractQuotes(d: ArticleDraft, mentions: MentionDraft[], entities: EntityDraft[]): QuoteDraft[] {
  const kinds = entityKinds(entities);
  const isPerson = (id: string) => kinds.get(id) === 'person';
  const out: QuoteDraft[] = [];
  let previous: { draft: QuoteDraft; paragraph: number } | null = null;
  for (const region of d.quoted) {
    const text = quoteText(d, region);
    if ((text.match(WORD) ?? []).length < MIN_WORDS) continue;
    const firstSeg = region.segments[0];
    const lastSeg = region.segments[region.segments.length - 1];
    const paragraph = paragraphAt(d, firstSeg.start);
    let attr = attributeAfter(d, lastSeg.end, mentions, isPerson, firstSeg.start) ?? attributeBefore(d, firstSeg.start, mentions, isPerson);
    if (!attr) {
      if (previous && paragraph - previous.paragraph <= 1) {
        attr = { speaker: previous.draft.speaker, speakerText: previous.draft.speakerText, tense: previous.draft.tense };
      } else {
        attr = { speaker: antecedentBefore(d, mentions, firstSeg.start, isPerson), speakerText: null, tense: 'past' };
      }
    }
    const sentences = new Set<number>();
    for (const seg of region.segments) {
      const a = sentenceAt(d.sentences, seg.start);
      const b = sentenceAt(d.sentences, Math.max(seg.start, seg.end - 1));
      for (let s = Math.max(0, a); s <= b; s++) sentences.add(s);
    }
    const draft: QuoteDraft = {
      article: d.id,
      speaker: attr.speaker,
      speakerText: attr.speakerText,
      text,
      spans: region.segments.map((s) => ({ start: s.start, end: s.end })),
      sentences: [...sentences].sort((x, y) => x - y),
      tense: attr.tense,
    };
    out.push(draft);
    previous = { draft, paragraph: paragraphAt(d, lastSeg.start) };
  }
  return out;
}

/** A quoted region's words: its segments' text trimmed, joined by a space within a paragraph and a line break across (mention-steps.ts makes kept quotes' text with it). */
export function quoteText(d: ArticleDraft, region: QuotedRegion): string {
  let text = '';
  let lastPara = -1;
  for (const seg of region.segments) {
    const p = paragraphAt(d, seg.start);
    const part = d.text.slice(seg.start, seg.end).trim();
    if (text) text += p === lastPara ? ' ' : '\n';
    text += part;
    lastPara = p;
  }
  return text;
}

function paragraphAt(d: ArticleDraft, offset: number): number {
  let lo = 0;
  let hi = d.paragraphs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (d.paragraphs[mid].start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function tokensIn(d: ArticleDraft, from: number, to: number): Token[] {
  // Tokens are sorted by offset: binary search the first one.
  const toks = d.tokens;
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (toks[mid].start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let k = lo; k < toks.length && toks[k].start < to; k++) out.push(toks[k]);
  return out;
}

function tenseOf(words: Token[], verbIndex: number): QuoteTense {
  for (let k = Math.max(0, verbIndex - 3); k < verbIndex; k++) if (isFutureMarker(words[k].norm)) return 'future';
  return PRESENT_SPEECH.has(words[verbIndex].norm) ? 'present' : 'past';
}

function mentionIn(mentions: MentionDraft[], from: number, to: number): MentionDraft | null {
  for (const m of mentions) if (m.start >= from && m.end <= to && !m.isPossessive) return m;
  return null;
}

function describe(d: ArticleDraft, words: Token[]): string | null {
  if (!words.length) return null;
  return d.text.slice(words[0].start, words[words.length - 1].end);
}

/** `," he said.` and friends: the words between the closing mark and the end of the sentence. */
function attributeAfter(d: ArticleDraft, end: number, mentions: MentionDraft[], isPerson: (id: string) => boolean, quoteStart: number): Attribution | null {
  const s = sentenceAt(d.sentences, Math.max(0, end - 1));
  if (s < 0) return null;
  const sentenceEnd = d.sentences[s].end;
  const nextQuote = d.quotedSpans.find((q) => q.start > end);
  const limit = Math.min(sentenceEnd, nextQuote ? nextQuote.start : sentenceEnd);
  const words = tokensIn(d, end, limit).filter((t) => t.isWord).slice(0, 10);
  const v = words.findIndex((w) => SPEECH_VERBS.has(w.norm) && !w.isCap);
  if (v < 0 || v > 7) return null;
  const tense = tenseOf(words, v);
  const subjectWords = words.slice(0, v).filter((w) => !FUTURE_MARKERS.has(w.norm) && !/^(is|was|are|also|then|to|has|had|have|later|once)$/.test(w.norm));
  const m = mentionIn(mentions, end, words[v].start);
  if (m) return { speaker: m.entity, speakerText: m.surface, tense };
  if (subjectWords.length === 0) {
    // `," said Mr Okafor.`
    const after = mentionIn(mentions, words[v].end, limit);
    if (after) return { speaker: after.entity, speakerText: after.surface, tense };
    return null;
  }
  return resolvePhrase(d, subjectWords, mentions, isPerson, quoteStart, tense);
}

/** `X said: "…"`, `He told the rally: "…"`, `…, saying "…"`. */
function attributeBefore(d: ArticleDraft, start: number, mentions: MentionDraft[], isPerson: (id: string) => boolean): Attribution | null {
  const s = sentenceAt(d.sentences, start);
  if (s < 0) return null;
  const sentenceStart = d.sentences[s].start;
  // Only the part of the sentence after any earlier quote.
  let from = sentenceStart;
  for (const q of d.quotedSpans) if (q.end <= start && q.end > from && q.start >= sentenceStart) from = q.end;
  const words = tokensIn(d, from, start).filter((t) => t.isWord);
  let v = -1;
  for (let k = words.length - 1; k >= 0; k--) {
    if (SPEECH_VERBS.has(words[k].norm) && !words[k].isCap) {
      v = k;
      break;
    }
  }
  if (v < 0) return null;
  const tense = tenseOf(words, v);
  const m = mentionIn(mentions, from, words[v].start);
  if (m) return { speaker: m.entity, speakerText: m.surface, tense };
  if (words[v].norm.endsWith('ing')) {
    // "…, saying: …": the speaker is the subject of the sentence.
    const first = words[0];
    if (first && PERSON_PRONOUNS.has(first.norm)) return { speaker: antecedentBefore(d, mentions, start, isPerson), speakerText: first.text, tense };
    return { speaker: antecedentBefore(d, mentions, start, isPerson), speakerText: null, tense };
  }
  const subjectWords = words.slice(0, v).filter((w) => !FUTURE_MARKERS.has(w.norm) && !/^(is|was|are|also|then|to|has|had|have|but|and|while|however)$/.test(w.norm));
  if (!subjectWords.length) return null;
  return resolvePhrase(d, subjectWords.slice(-4), mentions, isPerson, start, tense);
}

function resolvePhrase(d: ArticleDraft, words: Token[], mentions: MentionDraft[], isPerson: (id: string) => boolean, at: number, tense: QuoteTense): Attribution {
  const last = words[words.length - 1];
  const text = describe(d, words);
  if (PERSON_PRONOUNS.has(last.norm)) {
    return { speaker: antecedentBefore(d, mentions, at, isPerson), speakerText: last.text, tense };
  }
  // "the minister", "the former minister": a definite description of a person named earlier.
  if (words[0].norm === 'the' && ROLE_NOUNS.has(last.norm) && !last.norm.endsWith('s')) {
    return { speaker: antecedentBefore(d, mentions, at, isPerson), speakerText: text, tense };
  }
  return { speaker: null, speakerText: text, tense };
}
