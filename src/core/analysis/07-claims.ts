/**
 * Step 7: check-worthy sentences, headline and standfirst included. A sentence is a claim when it
 * states
 * - a figure (digits or number words, with a qualifier such as "more than", a unit, money, a
 *   percentage; years and calendar dates are dates, not figures), or
 * - an event: a place or a date, with a named actor or an event verb, or
 * - an attribution: a named actor with a reporting verb outside quotation marks ("X said the plan
 *   would fail"), or
 * - a statement: an actor (an entity named, or a pronoun or description resolved to one, or the
 *   subject carried over from the sentence before: "He also …", "The company will …") and an event
 *   verb that is not the copula or an auxiliary (check-worthy.ts), or
 * - quoted: direct speech that states a fact (no question, opinion or exhortation, an event of its
 *   own), as an indirect claim of its speaker, so a page reporting it in indirect speech finds it;
 *   with no named speaker, only when other articles quote the same words.
 * Questions, fragments, bylines and credits never are.
 */
import type { ClaimType, Descriptor, Figure } from '../index/types';
import { MONTHS, WEEKDAYS, findDates } from '../lang/dates';
import { GATHERING_WORDS } from '../lang/events';
import { FigureClass, QUALIFIERS, parseFigures, type ParsedFigure } from '../lang/figures';
import { PERSON_PRONOUNS, STOPWORDS } from '../lang/function-words';
import { wordKey } from '../lang/keywords';
import { stem } from '../lang/lemmas';
import { normalize } from '../lang/normalize';
import { isVerbOnly, wordTags } from '../lang/pos';
import { SPEECH_VERBS } from '../lang/reporting-verbs';
import { isCreditLine } from '../lang/clauses';
import { CLAUSE_OPENERS, isClauseBreak } from '../lang/clause-breaks';
import { toTokenRun } from '../lang/token-flags';
import type { ArticleDraft, EntityDraft, MentionDraft, Token } from './context';
import { entityKinds, isInside } from './context';
import { antecedentBefore } from './coref';
import { carriedSubject, findEventVerb, isOpinion, isQuestion, isTitleCase, type CarriedSubject } from './check-worthy';
import type { QuoteDraft } from './05-quotes';

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
  /**
   * A clause of a longer sentence that is a claim of its own: its number among the sentence's
   * clause claims, from 1 (its id is "<article>#c<sentence>.<part>"). It stays out of claim groups:
   * the sentence it belongs to is grouped, and a clause's few words would tie it to a group by topic.
   */
  part?: number;
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

/** Number words up to this value, unqualified ("two of his four …"), are not check-worthy on their own; a share in words ("one in ten", 10%) is. */
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
    if (p.isWordNumber && p.cls !== FigureClass.percent && p.value <= SMALL_WORD_NUMBER && !p.isScaled && qualifier === 'exact') continue;
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

/** Fewer words than this is a fragment ("It's not.", "Disagreement in party"), never a claim. */
export const MIN_WORDS = 5;
/** Headlines and standfirsts are terser: this many words may state a fact ("Kelmar chief quits post"). */
export const MIN_HEADLINE_WORDS = 4;
/** A sentence with more of its characters inside quotation marks than this is direct speech. */
export const QUOTED_SHARE = 0.8;
/**
 * Content keywords a sentence of direct speech needs to state a fact of its own ("We have lost the
 * last two elections": lose, elect; with the speaker that is three keys, the matcher's minimum).
 */
export const MIN_QUOTED_KEYWORDS = 2;

/** The speaker of each sentence of direct speech in one article, from the quote step. */
function speakersBySentence(quotes: readonly QuoteDraft[]): Map<number, string | null> {
  const out = new Map<number, string | null>();
  for (const q of quotes) for (const s of q.sentences) if (!out.has(s) || out.get(s) === null) out.set(s, q.speaker);
  return out;
}

/**
 * Extracts the claims of one article. `quotes` are the article's quotes (their speakers make direct
 * speech claims); `descriptors` its descriptors per entity (a person a sentence describes without
 * naming is among that sentence's claim entities).
 */
export function extractClaims(
  d: ArticleDraft,
  mentions: MentionDraft[],
  entities: EntityDraft[],
  places: Set<string>,
  nearby: NearbyQuote[] = [],
  quotes: readonly QuoteDraft[] = [],
  descriptors: ReadonlyMap<string, readonly Descriptor[]> = new Map(),
): ClaimDraft[] {
  const kinds = entityKinds(entities);
  const isPerson = (id: string) => kinds.get(id) === 'person';
  const isOrganisation = (id: string) => kinds.get(id) === 'organisation';
  const speakers = speakersBySentence(quotes);
  // Sentences of quotes that other articles carry too (their speaker may be unnamed).
  const sharedQuote = new Set(nearby.map((q) => q.sentence));
  const out: ClaimDraft[] = [];
  const tokens = d.tokens;
  let m0 = 0;
  // The subject of the previous narrative sentence, which "It will …" / "They also …" carry on,
  // and the first organisation it names, which "The company …" may stand for.
  let previous: Previous = { actor: null, organisation: null };
  for (let s = 0; s < d.sentences.length; s++) {
    const span = d.sentences[s];
    while (m0 < mentions.length && mentions[m0].sentence < s) m0++;
    const isHeadline = span.start < d.bodyStart;
    const from = d.sentenceTokenStart[s];
    const to = s + 1 < d.sentences.length ? d.sentenceTokenStart[s + 1] : tokens.length;
    const toks = tokens.slice(from, to);
    const words = toks.filter((t) => t.isWord);
    const carried = previous;
    previous = { actor: null, organisation: null };
    if (words.length < (isHeadline ? MIN_HEADLINE_WORDS : MIN_WORDS)) continue;
    const text = d.text.slice(span.start, span.end);
    if (isQuestion(text) || isCreditLine(text)) continue;
    const sentMentions: MentionDraft[] = [];
    for (let k = m0; k < mentions.length && mentions[k].sentence === s; k++) sentMentions.push(mentions[k]);
    const coveredByMention = (i: number) => sentMentions.some((m) => i + from >= m.tokenStart && i + from < m.tokenEnd);
    const quoted = (i: number) => isInside(d.quotedSpans, toks[i].start);
    const entitySet = new Set(sentMentions.map((m) => m.entity));
    // People the sentence names only by a description the descriptor step tied to them ("… support
    // for the embattled mayor"): what the claim states is about them, as if named.
    const described = describedOnly(descriptors, s, entitySet);
    const isSpeech = quotedShare(d, span.start, span.end) > QUOTED_SHARE;
    let actor: string | null = null;
    let type: ClaimType | null = null;
    const { figures, years, numberTokens } = findFigures(d.text, toks);
    const dates = findDates(toks, years, d.text);
    const placeList = findPlaces(toks, places, d.text, coveredByMention);
    if (isSpeech) {
      // Direct speech states a fact of its speaker's when it is no question, opinion or exhortation
      // and has an event of its own: "We have lost the last two elections" is the speaker's claim.
      // A speaker the analysis could not name ("the letter said") is enough when other outlets
      // quote the same words: an utterance several outlets carry is check-worthy in itself.
      const speaker = speakers.get(s) ?? null;
      if ((!speaker && !sharedQuote.has(s)) || isOpinion(words) || findEventVerb(toks, (i) => !coveredByMention(i)) < 0) continue;
      actor = speaker;
      if (speaker) entitySet.add(speaker);
      type = 'quoted';
    } else {
      // The actor: a person the opening words stand for ("He pointed to … the union"), else the
      // first named subject outside quotes, else the subject "the company" or "it" carries over
      // ("The group, known as X, …" is X), else a "he"/"she" further on resolved backwards.
      const opening = carriedSubject(words);
      const openingIsName = coveredByMention(toks.indexOf(words[0]));
      if (opening === 'person' && !openingIsName) actor = resolveSubject(d, mentions, span.start, opening, carried, isPerson, isOrganisation);
      for (const m of sentMentions) {
        if (actor) break;
        if (!m.isPossessive && !isInside(d.quotedSpans, m.start)) actor = m.entity;
      }
      if (!actor && opening && !openingIsName) actor = resolveSubject(d, mentions, span.start, opening, carried, isPerson, isOrganisation);
      if (!actor && words.some((w) => !isInside(d.quotedSpans, w.start) && PERSON_PRONOUNS.has(w.norm))) actor = antecedentBefore(d, mentions, span.start, isPerson);
      if (actor) entitySet.add(actor);
      previous = { actor, organisation: sentMentions.find((m) => isOrganisation(m.entity) && !isInside(d.quotedSpans, m.start))?.entity ?? null };
      const outside = (i: number) => !quoted(i) && !coveredByMention(i);
      const hasSpeech = words.some((w) => SPEECH_VERBS.has(w.norm) && !isInside(d.quotedSpans, w.start));
      const hasEvent = hasSpeech || findEventVerb(toks, outside, isHeadline && isTitleCase(words)) >= 0;
      const named = actor !== null || entitySet.size > 0;
      if (figures.length) type = 'figure';
      else if ((placeList.length || dates.length) && (named || hasEvent)) type = 'event';
      else if (hasSpeech && actor) type = 'attribution';
      // A headline needs an actor as a body sentence does: "Chief calls for patience" with no name
      // recognised is three common words that any sentence about another chief matches.
      else if (named && hasEvent) type = 'statement';
    }
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
    if (type === 'quoted' && keywords.size < MIN_QUOTED_KEYWORDS) continue;
    for (const [e, texts] of described) if (texts.some((x) => text.includes(x))) entitySet.add(e);
    const isGathering = words.some((w) => GATHERING_WORDS.has(w.norm));
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
    if (type === 'quoted') continue;
    // A long sentence states several facts, one a clause ("X, who faces a challenge from Y after
    // Z turned against him, will tell …"): each clause with an event of its own is a claim too,
    // of the sentence's actor, so a page sentence stating one of them is not diluted by the rest.
    if (words.length <= LONG_SENTENCE_WORDS) continue;
    const clauses = clauseSpans(toks, quoted);
    if (clauses.length < 2) continue;
    let parts = 0;
    for (const [a, b] of clauses) {
      const part = toks.slice(a, b);
      const partWords = part.filter((t) => t.isWord);
      if (partWords.length < MIN_CLAUSE_WORDS) continue;
      const partFigures = figures.filter((f) => f.span.start >= part[0].start && f.span.end <= part[part.length - 1].end);
      if (!partFigures.length && findEventVerb(part, (i) => !quoted(i + a) && !coveredByMention(i + a)) < 0) continue;
      const partKeywords = new Set<string>();
      part.forEach((t, j) => {
        const i = j + a;
        if (!t.isWord || skip.has(i) || placeWords.has(t.norm) || MONTHS.has(t.norm) || WEEKDAYS.has(t.norm)) return;
        const key = wordKey(t.norm);
        if (key !== null) partKeywords.add(key);
      });
      // Too few words to say what happened, or the whole sentence's words again.
      if (partKeywords.size < MIN_CLAUSE_KEYWORDS || partKeywords.size === keywords.size) continue;
      const start = part[0].start;
      const end = part[part.length - 1].end;
      const partEntities = new Set(sentMentions.filter((m) => m.start >= start && m.start < end).map((m) => m.entity));
      if (actor) partEntities.add(actor);
      const partText = d.text.slice(start, end);
      for (const [e, texts] of described) if (texts.some((x) => partText.includes(x))) partEntities.add(e);
      const partPlaces = placeList.filter((p) => d.text.slice(start, end).includes(p));
      const partDates = dates.filter((x) => d.text.slice(start, end).includes(x));
      const partIsGathering = partWords.some((w) => GATHERING_WORDS.has(w.norm));
      out.push({
        speechGroups: partIsGathering ? speechGroups : [],
        article: d.id,
        sentence: s,
        text: d.text.slice(start, end),
        type: partFigures.length ? 'figure' : partPlaces.length || partDates.length ? 'event' : 'statement',
        entities: [...partEntities].sort(),
        actor,
        figures: partFigures,
        places: partPlaces,
        dates: partDates,
        keywords: [...partKeywords].sort(),
        isGathering: partIsGathering,
        part: ++parts,
      });
    }
  }
  return out;
}

/**
 * A sentence of more words than this is long: news sentences average about 20 to 25 words, and a
 * longer one packs several facts whose claim would be diluted by the others.
 */
export const LONG_SENTENCE_WORDS = 25;
/** Fewest words a clause needs to be a claim of its own: "after the vote" says too little to link on. */
export const MIN_CLAUSE_WORDS = 5;
/** Fewest content keywords of a clause claim (an actor and an event and what it was about). */
export const MIN_CLAUSE_KEYWORDS = 3;

/**
 * The clauses of a sentence's tokens as [first, end) ranges: cut at clause punctuation (a hyphen only
 * with a space before it) and before words that open a clause ("who", "after", "while"), never inside
 * quotation marks. A stretch of fewer than MIN_CLAUSE_WORDS words joins the next (the last, the one
 * before it), so "he said" or "in 2019" never stands alone.
 */
export function clauseSpans(toks: readonly Token[], quoted: (i: number) => boolean): [number, number][] {
  const raw: [number, number][] = [];
  let from = 0;
  const close = (to: number, next: number) => {
    if (to > from) raw.push([from, to]);
    from = next;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i];
    if (quoted(i)) continue;
    if (!t.isWord && isClauseBreak(t.norm, i === 0 || t.start > toks[i - 1].end)) close(i, i + 1);
    else if (t.isWord && CLAUSE_OPENERS.has(t.norm) && i > from) close(i, i);
  }
  close(toks.length, toks.length);
  const words = (r: [number, number]) => toks.slice(r[0], r[1]).filter((t) => t.isWord).length;
  const out: [number, number][] = [];
  let pending: [number, number] | null = null;
  for (const r of raw) {
    const cur: [number, number] = pending ? [pending[0], r[1]] : r;
    pending = words(cur) < MIN_CLAUSE_WORDS ? cur : null;
    if (!pending) out.push(cur);
  }
  if (pending) {
    if (out.length) out[out.length - 1] = [out[out.length - 1][0], pending[1]];
    else out.push(pending);
  }
  return out;
}

/** Per entity not named in sentence `s`, the texts of its descriptors found in that sentence. */
function describedOnly(descriptors: ReadonlyMap<string, readonly Descriptor[]>, s: number, named: ReadonlySet<string>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [e, ds] of descriptors) {
    if (named.has(e)) continue;
    for (const x of ds) if (x.sentence === s) out.set(e, [...(out.get(e) ?? []), x.text]);
  }
  return out;
}

/** What a sentence leaves for the next one to carry on: its subject and the first organisation it names. */
interface Previous {
  actor: string | null;
  organisation: string | null;
}

/**
 * Who the opening words of a sentence stand for (see carriedSubject): "he"/"the leader" → the last
 * person named as a subject before it; "it"/"they" → the previous sentence's subject when that is
 * an organisation (a person is neither "it" nor, in news prose, "they"); "the company" → that, or
 * else the first organisation the previous sentence names. An organisation further back is not
 * taken: "the board" two sentences after another organisation was named is as often another's.
 */
function resolveSubject(
  d: ArticleDraft,
  mentions: MentionDraft[],
  offset: number,
  opening: Exclude<CarriedSubject, null>,
  previous: Previous,
  isPerson: (id: string) => boolean,
  isOrganisation: (id: string) => boolean,
): string | null {
  if (opening === 'person') return antecedentBefore(d, mentions, offset, isPerson);
  const actor = previous.actor && isOrganisation(previous.actor) ? previous.actor : null;
  if (opening === 'organisation') return actor ?? previous.organisation;
  return actor;
}
