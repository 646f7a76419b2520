/**
 * Step 7: check-worthy sentences. A sentence of the body is a claim when it states
 * - a figure (digits or number words, with a qualifier such as "more than", a unit, money, a
 *   percentage; years and calendar dates are dates, not figures), or
 * - an event: a named actor with a place or a date, or
 * - an attribution: a named actor with a reporting verb outside quotation marks.
 * Sentences that are mostly direct quotation are left to the quote steps.
 */
import type { ClaimType, Figure, Qualifier } from '../index/types';
import type { ArticleDraft, EntityDraft, MentionDraft, Token } from './context';
import { entityKinds, isInside } from './context';
import { antecedentBefore } from './coref';
import {
  IRREGULAR, MONTHS, MULTIPLIERS, NUMBER_WORDS, PERSON_PRONOUNS, RELATIVE_DATES, ROLE_NOUNS, SPEECH_VERBS, STOPWORDS,
  WEEKDAYS, isVerbOnly, wordTags,
} from './lexicon';

/** A claim before grouping. */
export interface ClaimDraft {
  article: string;
  sentence: number;
  text: string;
  type: ClaimType;
  entities: string[];
  /** The entity doing or saying what the claim states (first named subject), if any. */
  actor: string | null;
  figures: Figure[];
  places: string[];
  dates: string[];
  keywords: string[];
  /** The sentence talks about a gathering or speech (launch, rally, told activists …). */
  isGathering: boolean;
  /**
   * Quote groups (reported by several articles) of the actor's words quoted near this sentence:
   * two outlets quoting the same utterance around a gathering are reporting the same occasion.
   */
  speechGroups: number[];
}

/** A quote near which a claim may stand: its sentence, its group and its speaker. */
export interface NearbyQuote {
  sentence: number;
  group: number;
  speaker: string | null;
}

/** How many sentences away a quote may be to tie a gathering claim to the same utterance. */
export const SPEECH_WINDOW = 4;

const QUALIFIERS: [string[], Qualifier][] = [
  [['more', 'than'], 'more-than'], [['over'], 'more-than'], [['upwards', 'of'], 'more-than'], [['in', 'excess', 'of'], 'more-than'],
  [['fewer', 'than'], 'less-than'], [['less', 'than'], 'less-than'], [['under'], 'less-than'], [['below'], 'less-than'],
  [['at', 'least'], 'at-least'], [['no', 'fewer', 'than'], 'at-least'], [['at', 'most'], 'at-most'], [['no', 'more', 'than'], 'at-most'],
  [['up', 'to'], 'up-to'], [['around'], 'about'], [['about'], 'about'], [['approximately'], 'about'], [['roughly'], 'about'],
  [['nearly'], 'about'], [['almost'], 'about'], [['some'], 'about'], [['an', 'estimated'], 'about'], [['circa'], 'about'],
  [['just'], 'exact'], [['only'], 'exact'], [['exactly'], 'exact'],
];
const CURRENCY: Record<string, string> = { '£': 'GBP', $: 'USD', '€': 'EUR', '¥': 'JPY' };
const GATHERING = new Set([
  'launch', 'rally', 'rallies', 'meeting', 'event', 'events', 'speech', 'conference', 'summit', 'march', 'protest',
  'demonstration', 'ceremony', 'visit', 'hustings', 'debate', 'gathering', 'audience', 'crowd', 'activists',
  'supporters', 'delegates', 'members', 'attendees', 'addressed', 'spoke', 'speaking', 'told', 'tell', 'hear',
]);
const DIGITS = /^\d{1,3}(,\d{3})+(\.\d+)?$|^\d+(\.\d+)?$/;

/** Lemma-ish key of a word: irregular forms and common suffixes folded. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/'s?$/, '');
  const irregular = IRREGULAR.get(w);
  if (irregular) return irregular;
  if (w.length > 4 && w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(ch|sh|x|ss)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Unit key used to decide whether two figures count the same thing. */
export function unitKey(unit: string | null): string | null {
  return unit ? stem(unit) : null;
}

interface NumberAt {
  value: number;
  /** Index (in the word/punct token list) one past the number, including multipliers and "%". */
  end: number;
  isWordNumber: boolean;
  hasMultiplier: boolean;
  unit: string | null;
}

/** Reads a number at token `i`: "2,400", "59.5", "two million", "forty-four", "£12,345", "30%". */
function readNumber(toks: Token[], i: number): NumberAt | null {
  const t = toks[i];
  let value: number;
  let end = i + 1;
  let isWordNumber = false;
  if (DIGITS.test(t.text)) {
    value = Number(t.text.replace(/,/g, ''));
  } else if (NUMBER_WORDS.has(t.norm)) {
    value = NUMBER_WORDS.get(t.norm)!;
    isWordNumber = true;
    // "forty-four"
    const dash = toks[i + 1];
    const unitWord = toks[i + 2];
    if (value >= 20 && dash && dash.text === '-' && dash.start === t.end && unitWord && NUMBER_WORDS.has(unitWord.norm) && NUMBER_WORDS.get(unitWord.norm)! < 10) {
      value += NUMBER_WORDS.get(unitWord.norm)!;
      end = i + 3;
    }
  } else {
    return null;
  }
  let hasMultiplier = false;
  let unit: string | null = null;
  const next = toks[end];
  if (next && MULTIPLIERS.has(next.norm) && (next.isWord || next.start === toks[end - 1].end)) {
    value *= MULTIPLIERS.get(next.norm)!;
    hasMultiplier = true;
    end++;
  }
  const after = toks[end];
  if (after && after.text === '%') {
    unit = 'percent';
    end++;
  } else if (after && (after.norm === 'percent' || (after.norm === 'per' && toks[end + 1]?.norm === 'cent'))) {
    unit = 'percent';
    end += after.norm === 'per' ? 2 : 1;
  }
  return { value, end, isWordNumber, hasMultiplier, unit };
}

function isYear(t: Token, n: NumberAt): boolean {
  return /^\d{4}$/.test(t.text) && n.value >= 1800 && n.value <= 2100 && !n.unit && !n.hasMultiplier;
}

/** Finds the figures of one sentence's tokens. */
export function findFigures(text: string, toks: Token[]): { figures: Figure[]; years: string[]; numberTokens: Set<number> } {
  const figures: Figure[] = [];
  const years: string[] = [];
  const numberTokens = new Set<number>();
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    const n = readNumber(toks, i);
    if (!n) continue;
    const prev = toks[i - 1];
    const next = toks[n.end];
    // Calendar dates and years are dates; parts of names ("G7") never reach here (one token).
    if ((next && MONTHS.has(next.norm) && next.isCap) || (prev && MONTHS.has(prev.norm) && prev.isCap)) {
      i = n.end - 1;
      continue;
    }
    if (isYear(t, n)) {
      years.push(t.text);
      // "1984-85": skip the second half too.
      if (toks[i + 1]?.text === '-' && /^\d{2,4}$/.test(toks[i + 2]?.text ?? '')) i += 2;
      continue;
    }
    if (prev && prev.text === '-' && /^\d{4}$/.test(toks[i - 2]?.text ?? '')) continue;
    let qualifier: Qualifier = 'exact';
    let qStart = i;
    const currency = prev && CURRENCY[prev.text] ? prev : null;
    // A currency sign sits between the qualifier and the number ("up to £3 million").
    const qualifierEnd = currency ? i - 1 : i;
    for (const [words, q] of QUALIFIERS) {
      const from = qualifierEnd - words.length;
      if (from < 0) continue;
      let ok = true;
      for (let k = 0; k < words.length && ok; k++) ok = toks[from + k].isWord && toks[from + k].norm === words[k];
      if (ok) {
        qualifier = q;
        qStart = from;
        break;
      }
    }
    // Small number words ("two of his four …") are not check-worthy on their own.
    if (n.isWordNumber && n.value <= 10 && !n.hasMultiplier && qualifier === 'exact') continue;
    let unit = n.unit;
    if (currency && qStart === i) qStart = i - 1;
    const start = toks[qStart].start;
    if (currency) unit = CURRENCY[currency.text];
    if (!unit) unit = countedNoun(toks, n.end);
    const end = toks[n.end - 1].end;
    figures.push({ text: text.slice(start, end), value: n.value, qualifier, unit, span: { start, end } });
    for (let k = qStart; k < n.end; k++) numberTokens.add(k);
    i = n.end - 1;
  }
  return { figures, years, numberTokens };
}

/** The noun a number counts: the last noun of the run that follows it ("women Green MPs" → "MPs"). */
function countedNoun(toks: Token[], from: number): string | null {
  let unit: string | null = null;
  for (let k = from; k < toks.length && k < from + 5; k++) {
    const t = toks[k];
    if (!t.isWord) break;
    if (t.isPossessive) break;
    if (STOPWORDS.has(t.norm) && !/^(people|members|years|days|weeks|months)$/.test(t.norm)) break;
    if (!t.isCap && (isVerbOnly(t.norm) || SPEECH_VERBS.has(t.norm) || (/ed$/.test(t.norm) && !wordTags(t.norm).includes('Plural')))) break;
    if (t.isCap || wordTags(t.norm).includes('Noun') || wordTags(t.norm).includes('Plural')) unit = t.text;
    else if (!wordTags(t.norm).includes('Adjective')) break;
  }
  return unit;
}

/** Dates as written in the sentence: "24 September", "July 20", "Saturday", "last September", years. */
function findDates(toks: Token[], years: string[], text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isWord) continue;
    if (WEEKDAYS.has(t.norm) && t.isCap) out.push(t.text);
    else if (RELATIVE_DATES.has(t.norm)) out.push(t.text);
    else if (MONTHS.has(t.norm) && t.isCap && t.norm !== 'may' && t.norm.length > 3) {
      const prev = toks[i - 1];
      const next = toks[i + 1];
      let start = t.start;
      let end = t.end;
      if (prev && /^\d{1,2}$/.test(prev.text)) start = prev.start;
      if (next && /^\d{1,4}$/.test(next.text)) end = next.end;
      out.push(text.slice(start, end));
    } else if (t.norm === 'may' && t.isCap && !t.isSentenceStart) {
      out.push(t.text);
    }
  }
  for (const y of years) if (!out.some((d) => d.includes(y))) out.push(y);
  return out;
}

/** Places named in the sentence (longest known place name first). */
function findPlaces(toks: Token[], places: Set<string>, text: string, covered: (i: number) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (!t.isCap || !t.isWord || covered(i)) continue;
    for (let len = 3; len >= 1; len--) {
      const ws = toks.slice(i, i + len);
      if (ws.length < len || ws.some((w) => !w.isWord)) continue;
      const key = ws.map((w) => w.norm).join(' ');
      if (places.has(key)) {
        const phrase = text.slice(ws[0].start, ws[ws.length - 1].end).replace(/['\u2019]s?$/, '');
        if (!out.includes(phrase)) out.push(phrase);
        i += len - 1;
        break;
      }
    }
  }
  return out;
}

function quotedShare(d: ArticleDraft, start: number, end: number): number {
  let inside = 0;
  for (const q of d.quotedSpans) {
    const a = Math.max(start, q.start);
    const b = Math.min(end, q.end);
    if (b > a) inside += b - a;
  }
  return inside / Math.max(1, end - start);
}

/** Extracts the claims of one article. */
export function extractClaims(d: ArticleDraft, mentions: MentionDraft[], entities: EntityDraft[], places: Set<string>, nearby: NearbyQuote[] = []): ClaimDraft[] {
  const kinds = entityKinds(entities);
  const isPerson = (id: string) => kinds.get(id) === 'person';
  const out: ClaimDraft[] = [];
  let m0 = 0;
  for (let s = 0; s < d.sentences.length; s++) {
    const span = d.sentences[s];
    while (m0 < mentions.length && mentions[m0].sentence < s) m0++;
    if (span.start < d.bodyStart) continue;
    const from = d.sentenceTokenStart[s];
    const to = s + 1 < d.sentences.length ? d.sentenceTokenStart[s + 1] : d.tokens.length;
    const toks = d.tokens.slice(from, to);
    const words = toks.filter((t) => t.isWord);
    if (words.length < 5) continue;
    if (quotedShare(d, span.start, span.end) > 0.8) continue;
    const text = d.text.slice(span.start, span.end);
    const sentMentions: MentionDraft[] = [];
    for (let k = m0; k < mentions.length && mentions[k].sentence === s; k++) sentMentions.push(mentions[k]);
    const coveredByMention = (i: number) => sentMentions.some((m) => i + from >= m.tokenStart && i + from < m.tokenEnd);
    const { figures, years, numberTokens } = findFigures(d.text, toks);
    const dates = findDates(toks, years, d.text);
    const placeList = findPlaces(toks, places, d.text, coveredByMention);
    const entitySet = new Set(sentMentions.map((m) => m.entity));
    // The actor: first named subject outside quotes, else "he"/"the minister" resolved backwards.
    let actor: string | null = null;
    for (const m of sentMentions) {
      if (!m.isPossessive && !isInside(d.quotedSpans, m.start)) {
        actor = m.entity;
        break;
      }
    }
    if (!actor) {
      const pronoun = words.find((w) => !isInside(d.quotedSpans, w.start) && PERSON_PRONOUNS.has(w.norm));
      const isDescription = words[0].norm === 'the' && words.slice(1, 5).some((w) => ROLE_NOUNS.has(w.norm) && !w.norm.endsWith('s'));
      if (pronoun || isDescription) {
        actor = antecedentBefore(d, mentions, span.start, isPerson);
        if (actor) entitySet.add(actor);
      }
    }
    const hasSpeech = words.some((w) => SPEECH_VERBS.has(w.norm) && !isInside(d.quotedSpans, w.start));
    const isGathering = words.some((w) => GATHERING.has(w.norm));
    let type: ClaimType | null = null;
    if (figures.length) type = 'figure';
    else if ((placeList.length || dates.length) && (actor || entitySet.size)) type = 'event';
    else if (hasSpeech && actor) type = 'attribution';
    if (!type) continue;
    const skip = new Set<number>(numberTokens);
    toks.forEach((t, i) => {
      if (coveredByMention(i)) skip.add(i);
    });
    const placeWords = new Set(placeList.flatMap((p) => p.toLowerCase().split(/\s+/)));
    const keywords = new Set<string>();
    toks.forEach((t, i) => {
      if (!t.isWord || skip.has(i) || STOPWORDS.has(t.norm) || placeWords.has(t.norm) || /^\d/.test(t.norm)) return;
      if (MONTHS.has(t.norm) || WEEKDAYS.has(t.norm) || NUMBER_WORDS.has(t.norm) || MULTIPLIERS.has(t.norm)) return;
      if (t.norm.length < 3) return;
      keywords.add(stem(t.norm));
    });
    const speechGroups = actor && isGathering
      ? [...new Set(nearby.filter((q) => q.speaker === actor && Math.abs(q.sentence - s) <= SPEECH_WINDOW).map((q) => q.group))].sort((a, b) => a - b)
      : [];
    out.push({
      speechGroups,
      article: d.id,
      sentence: s,
      text,
      type,
      entities: [...entitySet].sort(),
      actor,
      figures,
      places: placeList,
      dates,
      keywords: [...keywords].sort(),
      isGathering,
    });
  }
  return out;
}
