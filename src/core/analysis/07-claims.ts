/**
 * Step 7: check-worthy sentences. A sentence of the body is a claim when it states
 * - a figure (digits or number words, with a qualifier such as "more than", a unit, money, a
 *   percentage; years and calendar dates are dates, not figures), or
 * - an event: a named actor with a place or a date, or
 * - an attribution: a named actor with a reporting verb outside quotation marks.
 * Sentences that are mostly direct quotation are left to the quote steps.
 */
import type { ClaimType, Figure } from '../index/types';
import { MONTHS, WEEKDAYS, findDates } from '../lang/dates';
import { GATHERING_WORDS } from '../lang/events';
import { FigureClass, QUALIFIERS, parseFigures, type ParsedFigure } from '../lang/figures';
import { PERSON_PRONOUNS, STOPWORDS } from '../lang/function-words';
import { wordKey } from '../lang/keywords';
import { stem } from '../lang/lemmas';
import { normalize } from '../lang/normalize';
import { isVerbOnly, wordTags } from '../lang/pos';
import { SPEECH_VERBS } from '../lang/reporting-verbs';
import { ROLE_NOUNS } from '../lang/roles';
import { toTokenRun } from '../lang/token-flags';
import type { ArticleDraft, EntityDraft, MentionDraft, Token } from './context';
import { entityKinds, isInside } from './context';
import { antecedentBefore } from './coref';

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

/** Unit key used to decide whether two figures count the same thing. */
export function unitKey(unit: string | null): string | null {
  return unit ? stem(normalize(unit).replace(/'s?$/, '')) : null;
}

/** Number words up to this value, unqualified ("two of his four …"), are not check-worthy on their own. */
const SMALL_WORD_NUMBER = 10;

/** Finds the figures of one sentence's tokens; years go to `years`, since a year is a date. */
export function findFigures(text: string, toks: Token[]): { figures: Figure[]; years: string[]; numberTokens: Set<number> } {
  const figures: Figure[] = [];
  const years: string[] = [];
  const numberTokens = new Set<number>();
  const parsed: ParsedFigure[] = [];
  parseFigures(toTokenRun(toks), 0, toks.length, parsed);
  for (const p of parsed) {
    const prev = toks[p.number - 1];
    const next = toks[p.next];
    // Calendar dates ("12 March", "March 12") are dates, not figures.
    if ((next && MONTHS.has(next.norm) && next.isCap) || (prev && MONTHS.has(prev.norm) && prev.isCap)) continue;
    if (p.cls === FigureClass.year) {
      years.push(toks[p.number].text);
      continue;
    }
    const qualifier = QUALIFIERS[p.qualifier];
    if (p.isWordNumber && p.value <= SMALL_WORD_NUMBER && !p.isScaled && qualifier === 'exact') continue;
    const unit = p.cls === FigureClass.percent ? 'percent' : (p.currency ?? countedNoun(toks, p.next));
    figures.push({ text: text.slice(p.start, p.end), value: p.value, qualifier, unit, span: { start: p.start, end: p.end } });
    for (let k = p.first; k < p.next; k++) numberTokens.add(k);
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
    const isGathering = words.some((w) => GATHERING_WORDS.has(w.norm));
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
      // Places and dates are compared as places and dates, not as keywords.
      if (!t.isWord || skip.has(i) || placeWords.has(t.norm) || MONTHS.has(t.norm) || WEEKDAYS.has(t.norm)) return;
      const key = wordKey(t.norm);
      if (key !== null) keywords.add(key);
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
