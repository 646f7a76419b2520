/**
 * The matcher compile as it was before it streamed (compileMatcher over a whole index, one pass per
 * section, every claim held until the end), kept here to hold the streamed compile
 * (src/core/match/compile.ts, MatcherCompiler) equal to it. When the compile's output is changed on
 * purpose, change it here the same way.
 */
import { urlKeyOrEmpty } from '../../../src/core/index/url-key';
import type { CorpusIndex, Span } from '../../../src/core/index/types';
import { MATCHER_DATA_VERSION, PatternType, type ClaimSignature, type ClaimTraits, type FigureSignature, type MatcherData, type QuoteSignature } from '../../../src/core/match/data';
import { FigureClass, QUALIFIERS } from '../../../src/core/lang/figures';
import { Certainty, readCertainties } from '../../../src/core/lang/certainty';
import { readNegationOf } from '../../../src/core/lang/negation';
import { readQuantityScope } from '../../../src/core/lang/quantity-scope';
import { readRepeatMarker } from '../../../src/core/lang/event-time';
import { readDecade, readVagueTime } from '../../../src/core/lang/vague-time';
import { durationUnit } from '../../../src/core/lang/durations';
import { MIN_FRAGMENT_CONTENT_WORDS, quotedWords } from '../../../src/core/lang/quoted-words';
import { dayOf, findDateSpans } from '../../../src/core/lang/date-spans';
import { normalize } from '../../../src/core/lang/normalize';
import { derivedCounts, shareGroupSpan } from '../../../src/core/match/relate';
import { findQuotedSpans } from '../../../src/core/match/quotes';
import { featureKeys, figureUnits, sentenceFeatures } from '../../../src/core/match/claims';
import { NameHits, NameScanner, Vocabulary, compileNames } from '../../../src/core/match/names';
import { Tokens, WORD, tokenStrings, tokenize } from '../../../src/core/match/tokens';
import { classifyingTable } from '../../../src/core/match/classify';
import { wordKey } from '../../../src/core/match/keys';
import { wordClass } from '../../../src/core/match/rerank-words';
import { GenderVotes, UNKNOWN_GENDER, openingPronoun, titleGender } from '../../../src/core/match/person-gender';

/** Shortest participle that opens a clause ("being", "speaking"): shorter "-ing" words are nouns or "king". */
const MIN_PARTICIPLE = 5;

/** Whether a claim's first word is a participle ("Speaking at the launch …"). */
function opensWithParticiple(tokens: Tokens): boolean {
  for (let i = 0; i < tokens.count; i++) {
    if (!(tokens.flags[i] & WORD)) continue;
    const w = tokens.norm[i].toLowerCase();
    return w.length >= MIN_PARTICIPLE && w.endsWith('ing');
  }
  return false;
}

/** A claim's repeat marker as written ("again"), "" when none. */
function repeatText(text: string, tokens: Tokens): string {
  const r = readRepeatMarker(tokens, 0, tokens.count);
  return r ? text.slice(r.start, r.end) : '';
}

/** quotation, with the quoted fragments of two tokens and more too (as compile.ts reads them since MATCHER_DATA_VERSION 10). */
function quotationWithFragments(text: string, tokens: Tokens, quoted: readonly number[], nQuoted: number, isQuoted: (i: number) => boolean): [string, string] | [] {
  if (tokens.quoteMarks === 0) return [];
  const spans: number[] = [];
  const n = findQuotedSpans(tokens, spans, MIN_FRAGMENT_CONTENT_WORDS);
  if (n === nQuoted) return quotation(text, tokens, quoted, nQuoted, isQuoted);
  const inSpan = (t: number) => {
    for (let k = 0; k < n; k++) if (t >= spans[k * 2] && t < spans[k * 2 + 1]) return true;
    return false;
  };
  return quotation(text, tokens, spans, n, inSpan);
}

/** What a claim quotes: its words and the quotation as written, from the first to the last quoted token; [] when nothing. */
function quotation(text: string, tokens: Tokens, quoted: readonly number[], nQuoted: number, isQuoted: (i: number) => boolean): [string, string] | [] {
  const words = quotedWords(tokens, 0, tokens.count, isQuoted);
  if (words.length === 0 || nQuoted === 0) return [];
  const first = quoted[0];
  const last = Math.min(tokens.count, quoted[nQuoted * 2 - 1]) - 1;
  return last >= first ? [words.join(' '), text.slice(tokens.start[first], tokens.end[last])] : [];
}

/** The compile before streaming: compact matcher data from a full index. */
export function compileMatcherBefore(index: CorpusIndex): MatcherData {
  const articleIdx = new Map(index.articles.map((a, i) => [a.id, i]));
  const entityIdx = new Map(index.entities.map((e, i) => [e.id, i]));
  const words = new Vocabulary();
  const names = compileNames(index, words);

  const entityRefs = index.entities.map((e) => {
    const refs: number[] = [];
    for (const c of e.coverage) {
      const a = articleIdx.get(c.article);
      if (a === undefined) continue;
      // The sentence that best introduces the entity: where an outlet describes it, else its first mention.
      const sentence = c.descriptors[0]?.sentence ?? c.mentions[0]?.sentence;
      if (sentence === undefined) continue;
      refs.push(a, sentence);
    }
    return refs;
  });

  // Quotes before claims' keys so quote words share the vocabulary with names.
  const quoteGroupIdx = new Map(index.quoteGroups.map((g, i) => [g.id, i]));
  const quotes: QuoteSignature[] = [];
  const quoteTokens = new Tokens();
  for (const q of index.quotes) {
    const a = articleIdx.get(q.article);
    const g = quoteGroupIdx.get(q.group);
    if (a === undefined || g === undefined) continue;
    const article = index.articles[a];
    // Words from the quote's spans in the article, so each word knows its corpus sentence.
    const ids: number[] = [];
    const turns: number[] = [];
    let last = -1;
    for (const span of q.spans) {
      tokenize(article.text.slice(span.start, span.end), quoteTokens);
      for (let k = 0; k < quoteTokens.count; k++) {
        if (!(quoteTokens.flags[k] & WORD)) continue;
        const sentence = sentenceAt(article.sentences, span.start + quoteTokens.start[k]);
        if (sentence !== last) turns.push(ids.length, sentence);
        last = sentence;
        ids.push(words.id(quoteTokens.norm[k]));
      }
    }
    if (ids.length === 0) for (const w of tokenStrings(q.text, true)) ids.push(words.id(w));
    quotes.push([a, q.sentences[0] ?? turns[1] ?? 0, g, ids, turns]);
  }

  const partial: MatcherData = {
    schemaVersion: MATCHER_DATA_VERSION,
    articles: index.articles.map((a) => a.id),
    articleUrls: index.articles.map((a) => urlKeyOrEmpty(a.url)),
    entities: index.entities.map((e) => e.id),
    entityKinds: index.entities.map((e) => (e.kind === 'person' ? 'p' : 'o')).join(''),
    entityRefs,
    words: words.list,
    ...names,
    keys: [],
    weights: [],
    claims: [],
    articleYears: index.articles.map((a) => (/^\d{4}-/.test(a.date) ? Number(a.date.slice(0, 4)) : 0)),
    keyWords: [],
    claimFlags: [],
    ...descriptorData(index),
    entityGenders: entityGenders(index),
    claimGroups: index.claimGroups.map((g) => g.id),
    quotes,
    quoteGroups: index.quoteGroups.map((g) => g.id),
  };

  // Claim keys come from the same tokenizer, name scanner and figure parser the page goes through.
  const scanner = new NameScanner(partial);
  const groupIdx = new Map(index.claimGroups.map((g, i) => [g.id, i]));
  const placeIdx = new Map(partial.places.map((p, i) => [p, i]));
  const tokens = new Tokens(classifyingTable(words.list, []));
  const hits = new NameHits();
  // Each claim's keys as numbers in order of first appearance (one string per distinct key, not one
  // per claim that has it: at 20,000 articles the claims' key strings were most of the compile's memory).
  const keyNumbers = new Map<string, number>();
  const keyOfNumber: string[] = [];
  const df: number[] = [];
  const keyed: { sig: ClaimSignature; keys: number[]; traits: ClaimTraits; flags: number }[] = [];
  // Per word key, how often each surface word made it: the commonest (then shortest, then first
  // in order) stands for the key in the word vectors.
  const surfaces = new Map<string, Map<string, number>>();
  const quoted: number[] = [];
  // The sentence claim last compiled: a clause claim of its sentence follows it (same article and sentence).
  let lead: { article: string; sentence: number; level: number; cue: string } | null = null;
  for (const c of index.claims) {
    const a = articleIdx.get(c.article);
    const g = groupIdx.get(c.group);
    if (a === undefined || g === undefined) continue;
    tokenize(c.text, tokens);
    scanner.scan(c.text, tokens, hits);
    const features = sentenceFeatures(tokens, 0, tokens.count, hits);
    let flags = 0;
    for (let k = 0; k < tokens.count; k++) {
      if (!(tokens.flags[k] & WORD)) continue;
      const norm = tokens.norm[k];
      flags |= wordClass(norm, k + 1 < tokens.count ? tokens.norm[k + 1] : '');
      const key = wordKey(norm);
      if (key === null) continue;
      const counts = surfaces.get(key) ?? new Map<string, number>();
      counts.set(norm, (counts.get(norm) ?? 0) + 1);
      surfaces.set(key, counts);
    }
    for (const id of c.entities) {
      const e = entityIdx.get(id);
      if (e !== undefined && !features.entities.includes(e)) features.entities.push(e);
    }
    for (const p of c.places) {
      const i = placeIdx.get(p);
      if (i !== undefined && !features.places.includes(i)) features.places.push(i);
    }
    const figs: FigureSignature[] = features.figures.map((f) => {
      const sig: FigureSignature = [f.value, f.qualifier, f.cls, f.cls === FigureClass.count ? figureUnits(tokens, f.next, tokens.count) : []];
      if (f.high !== undefined) sig.push(f.high);
      return sig;
    });
    // Counts that shares of a stated total come to ("40% of its 300 members": about 120 members), after the figures
    // so figure indices (and the share groups of the traits) stay aligned with features.figures.
    for (const d of derivedCounts(tokens, features.figures, tokens.count)) figs.push([d.value, QUALIFIERS.indexOf('about'), FigureClass.count, figs[d.total][3]]);
    // Certainty is the writer's: words inside quote marks are the speaker's and are skipped.
    const nQuoted = tokens.quoteMarks === 0 ? 0 : findQuotedSpans(tokens, quoted);
    const isQuoted = (i: number) => {
      for (let k = 0; k < nQuoted; k++) if (i >= quoted[k * 2] && i < quoted[k * 2 + 1]) return true;
      return false;
    };
    const certainty = readCertainties(tokens, 0, tokens.count, isQuoted);
    const dates = findDateSpans(tokens, 0, tokens.count, dayOf(index.articles[a].date)).map(
      (d): ClaimTraits[2][number] => [d.lo, d.hi, d.weekday, d.month, d.day, c.text.slice(d.start, d.end)],
    );
    const groups = features.figures.map((f) => shareGroupSpan(tokens, f, tokens.count));
    const groupTexts = groups.map((sp, k) => (sp.keys.length ? c.text.slice(features.figures[k].start, tokens.end[sp.end - 1]) : ''));
    let { clause } = certainty;
    const { content } = certainty;
    // A clause of a sentence that opens with a participle ("Speaking at the launch, he will tell …")
    // happens when its main clause does: it takes the sentence's certainty when it has no cue of its own.
    if (lead && lead.article === c.article && lead.sentence === c.sentence) {
      if (clause.level === Certainty.stated && !clause.cue && lead.level < Certainty.stated && opensWithParticiple(tokens)) clause = { level: lead.level, cue: lead.cue };
    } else lead = { article: c.article, sentence: c.sentence, level: clause.level, cue: clause.cue };
    const negation = readNegationOf(tokens, 0, tokens.count);
    const quantity = readQuantityScope(tokens, 0, tokens.count);
    const vague = readVagueTime(tokens, 0, tokens.count);
    const decade = readDecade(tokens, 0, tokens.count);
    const traits: ClaimTraits = [clause.level, clause.cue, dates, groups.map((sp) => sp.keys), groupTexts, content?.level ?? -1, content?.cue ?? '', negation.cue, negation.target, quantity ? [quantity.level, quantity.keys, c.text.slice(quantity.start, quantity.end)] : [], [vague ? c.text.slice(vague.start, vague.end) : '', decade ? c.text.slice(decade.start, decade.end) : ''], features.figures.map((f) => durationUnit(tokens.norm[f.next])), quotationWithFragments(c.text, tokens, quoted, nQuoted, isQuoted), repeatText(c.text, tokens)];
    const numbers = featureKeys(features).map((key) => {
      let id = keyNumbers.get(key);
      if (id === undefined) {
        keyNumbers.set(key, (id = keyOfNumber.length));
        keyOfNumber.push(key);
        df.push(0);
      }
      // IDF over claims (featureKeys gives each key once per claim).
      df[id]++;
      return id;
    });
    keyed.push({ sig: [a, c.sentence, g, [], figs, [...features.places].sort((x, y) => x - y)], keys: numbers, traits, flags });
  }
  // IDF over claims: a key most claims share says little about any one of them.
  const keys = [...keyOfNumber].sort();
  const keyIdx = new Map(keys.map((k, i) => [k, i]));
  const sortedIndex = keyOfNumber.map((k) => keyIdx.get(k)!);
  const n = keyed.length;
  const weights = keys.map((k) => Math.round(Math.log(1 + n / df[keyNumbers.get(k)!]) * 100) / 100);
  const claims: ClaimSignature[] = keyed.map(({ sig, keys: ks }) => {
    const ids = ks.map((k) => sortedIndex[k]).sort((x, y) => x - y);
    return [sig[0], sig[1], sig[2], ids, sig[4], sig[5]];
  });
  const claimTraits = keyed.map((k) => k.traits);
  const quoteCertainty = index.quotes.flatMap((q) => (articleIdx.has(q.article) && quoteGroupIdx.has(q.group) ? [q.tense === 'future' ? Certainty.expected : Certainty.stated] : []));
  const keyWords = keys.map((k) => {
    let best = '';
    let bestCount = 0;
    for (const [w, n] of surfaces.get(k) ?? []) if (n > bestCount || (n === bestCount && w.length < best.length)) [best, bestCount] = [w, n];
    return best;
  });
  const claimFlags = keyed.map((k) => k.flags);
  return { ...partial, keys, weights, claims, keyWords, claimFlags, claimTraits, placeWithin: placeContainment(index, scanner, tokens, partial.places), quoteCertainty };
}

/**
 * The content words of each entity's descriptors ("the union's leader" gives "union" and
 * "leader"), without the words of the entity's own names: a page that calls a person by role rather
 * than by name can still agree on who acted.
 */
/** Per entity its gender letter (src/core/match/person-gender): titles of its mentions, and "he"/"she" opening the sentence after one. */
function entityGenders(index: CorpusIndex): string {
  const articles = new Map(index.articles.map((a) => [a.id, a]));
  return index.entities
    .map((e) => {
      if (e.kind !== 'person') return UNKNOWN_GENDER;
      const votes = new GenderVotes();
      for (const c of e.coverage) {
        const a = articles.get(c.article);
        for (const m of c.mentions) {
          votes.add(titleGender(m.surface));
          const next = a?.sentences[m.sentence + 1];
          if (a && next) votes.add(openingPronoun(a.text.slice(next.start, next.end)));
        }
      }
      return votes.letter();
    })
    .join('');
}

function descriptorData(index: CorpusIndex): Pick<MatcherData, 'descriptorWords' | 'entityDescriptors'> {
  const words = new Map<string, number>();
  const tokens = new Tokens();
  const entityDescriptors = index.entities.map((e) => {
    const own = new Set<string>();
    for (const alias of [e.name, ...e.aliases]) for (const w of tokenStrings(alias, true)) own.add(w);
    const ids = new Set<number>();
    for (const c of e.coverage) {
      for (const d of c.descriptors) {
        tokenize(d.text, tokens);
        for (let k = 0; k < tokens.count; k++) {
          const norm = tokens.norm[k];
          if (!(tokens.flags[k] & WORD) || own.has(norm) || wordKey(norm) === null) continue;
          if (!words.has(norm)) words.set(norm, words.size);
          ids.add(words.get(norm)!);
        }
      }
    }
    return [...ids].sort((x, y) => x - y);
  });
  return { descriptorWords: [...words.keys()], entityDescriptors };
}

/** Words after which a place names the larger place it lies in ("X, Y", "X in Y"). */
const WITHIN_GAPS: ReadonlySet<string> = new Set([',', 'in']);
/** A place named "Greater Y" contains the place named "Y". */
const GREATER = 'greater ';

/**
 * Which places the corpus text itself says lie in which: "X, Greater Y" and "X in Y" (X in Y),
 * "Y's X" (X in Y), and a place named "Greater Y" around "Y". A comma between places of a list
 * ("A, B and C") says nothing, so a comma counts only between two places that are not in a list.
 * Returns flat (inner, outer) pairs, sorted.
 */
function placeContainment(index: CorpusIndex, scanner: NameScanner, tokens: Tokens, places: string[]): number[] {
  const pairs = new Set<string>();
  if (places.length < 2) return [];
  const add = (inner: number, outer: number) => {
    if (inner !== outer) pairs.add(`${inner},${outer}`);
  };
  const names = places.map((p) => normalize(p).trim());
  names.forEach((outer, o) => {
    if (!outer.startsWith(GREATER)) return;
    const inner = names.indexOf(outer.slice(GREATER.length));
    if (inner >= 0) add(inner, o);
  });
  const hits = new NameHits();
  for (const article of index.articles) {
    tokenize(article.text, tokens);
    scanner.scan(article.text, tokens, hits);
    const at: number[] = [];
    for (let h = 0; h < hits.count; h++) if (hits.type[h] === PatternType.place) at.push(h);
    const gap = (x: number, y: number) => normalize(article.text.slice(hits.end[x], hits.start[y])).trim();
    for (let k = 0; k + 1 < at.length; k++) {
      const [h1, h2] = [at[k], at[k + 1]];
      const between = gap(h1, h2);
      const written = normalize(article.text.slice(hits.start[h1], hits.end[h1]));
      if (between === '' && /'s?$/.test(written)) add(hits.target[h2], hits.target[h1]);
      else if (between === 'in') add(hits.target[h1], hits.target[h2]);
      else if (WITHIN_GAPS.has(between)) {
        const inList = (k > 0 && /^(,|and)$/.test(gap(at[k - 1], h1))) || (k + 2 < at.length && /^(,|and|, and)$/.test(gap(h2, at[k + 2])));
        if (!inList) add(hits.target[h1], hits.target[h2]);
      }
    }
  }
  return [...pairs]
    .map((p) => p.split(',').map(Number))
    .sort((x, y) => x[0] - y[0] || x[1] - y[1])
    .flat();
}

/** Index of the sentence containing `offset` (the last one starting at or before it). */
function sentenceAt(sentences: Span[], offset: number): number {
  let lo = 0;
  let hi = sentences.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid].start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
