/**
 * Relations with the kind of difference named (core/match/relate): table-driven on hand-made
 * claim signatures (no scoring involved), then end to end through `lookup` on an invented
 * two-article corpus.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { Certainty, readCertainties } from '../../../src/core/lang/certainty';
import { readNegationOf } from '../../../src/core/lang/negation';
import { readQuantityScope } from '../../../src/core/lang/quantity-scope';
import { readDecade, readVagueTime } from '../../../src/core/lang/vague-time';
import { durationUnit } from '../../../src/core/lang/durations';
import { wordKey } from '../../../src/core/lang/keywords';
import { dayOf, findDateSpans } from '../../../src/core/lang/date-spans';
import { FigureClass, QUALIFIERS, parseFigures, type ParsedFigure } from '../../../src/core/lang/figures';
import { wordRun } from '../../../src/core/lang/segment';
import type { ClaimSignature, ClaimTraits, DateSignature, FigureSignature } from '../../../src/core/match/data';
import { claimEvidence, compareFigures, derivedCounts, relate, relateData, shareGroup, type RelateContext } from '../../../src/core/match/relate';
import type { MatcherData } from '../../../src/core/match/data';
import { lookup } from '../../../scripts/lib/lookup';
import { compileMatcher } from '../../../src/core/match';
import { generateCorpus } from '../../../scripts/bench/generate-corpus';
import { seedsIndex } from '../../fixtures/seeds-index/seeds-index';

const q = (name: (typeof QUALIFIERS)[number]) => QUALIFIERS.indexOf(name);
const PLACES = ['Kessel Quay', 'Dunmore Valley', 'Westford'];

describe('compareFigures (how the corpus figure relates to the page figure)', () => {
  it.each([
    ['the same', 40, 'exact', 40, 'exact', FigureClass.count, null],
    ['about 40 on the page, 43 in the corpus', 40, 'about', 43, 'exact', FigureClass.count, 'more-precise'],
    ['43 on the page, about 40 in the corpus', 43, 'exact', 40, 'about', FigureClass.count, 'less-precise'],
    ['more than 30 against 36', 30, 'more-than', 36, 'exact', FigureClass.count, 'more-precise'],
    ['a plain count is that value', 100, 'exact', 101, 'exact', FigureClass.count, 'contradiction'],
    ['a rounded share', 63, 'exact', 62.5, 'exact', FigureClass.percent, 'more-precise'],
    ['a share rounded the other way', 62.5, 'exact', 63, 'exact', FigureClass.percent, 'less-precise'],
    ['a share that does not round to it', 60, 'exact', 62.5, 'exact', FigureClass.percent, 'contradiction'],
    ['a scaled figure rounded', 2.5e6, 'exact', 2.46e6, 'exact', FigureClass.money, 'more-precise'],
    ['25 against more than 30', 25, 'exact', 30, 'more-than', FigureClass.count, 'contradiction'],
    // about 400 is 360–440, inside more than 300 (300–450): the corpus says less.
    ['two overlapping approximations', 400, 'about', 300, 'more-than', FigureClass.count, 'less-precise'],
    // 1,800 rounded to one significant digit is 2,000: the corpus's is the finer approximation.
    ['around 2,000 against around 1,800', 2000, 'about', 1800, 'about', FigureClass.count, 'more-precise'],
    ['around 1,800 against around 2,000', 1800, 'about', 2000, 'about', FigureClass.count, 'less-precise'],
    ['two approximations, neither the other rounded', 1800, 'about', 1900, 'about', FigureClass.count, null],
    ['two upper limits: the lower one says more', 5e6, 'up-to', 3e6, 'up-to', FigureClass.money, 'more-precise'],
    ['two upper limits the other way', 3e6, 'at-most', 5e6, 'up-to', FigureClass.money, 'less-precise'],
    ['two lower limits: the higher one says more', 30, 'more-than', 40, 'more-than', FigureClass.count, 'more-precise'],
  ])('%s', (_name, pv, pq, cv, cq, cls, kind) => {
    expect(compareFigures(pv, q(pq as never), cv, q(cq as never), cls)).toBe(kind);
  });

  it.each([
    // [name, page value, page top, corpus value, corpus top, kind]
    ['a figure inside the page range', 30, 40, 36, undefined, 'more-precise'],
    ['a range around the page figure', 36, undefined, 30, 40, 'less-precise'],
    ['a figure outside the range', 30, 40, 45, undefined, 'contradiction'],
    ['the same range', 30, 40, 30, 40, null],
    ['overlapping ranges', 30, 40, 35, 50, null],
  ])('ranges: %s', (_name, pv, ph, cv, ch, kind) => {
    expect(compareFigures(pv, q('exact'), cv, q('exact'), FigureClass.count, ph, ch)).toBe(kind);
  });
});

/** A page sentence as relate() sees it (the page is dated `pageDate`, or undated). */
function context(text: string, claims: ClaimSignature[], traits: ClaimTraits[], pagePlace?: string, pageDate?: string): RelateContext {
  const run = wordRun(text);
  const figures: ParsedFigure[] = [];
  parseFigures(run, 0, run.norm.length, figures);
  const placeIndex = pagePlace ? PLACES.indexOf(pagePlace) : -1;
  return {
    text,
    figures,
    figureUnitKeys: figures.map(() => []),
    pagePlaces: placeIndex >= 0 ? [placeIndex] : [],
    pagePlaceTexts: placeIndex >= 0 ? [pagePlace!] : [],
    claims,
    articles: ['a', 'b'],
    places: PLACES,
    run,
    from: 0,
    to: run.norm.length,
    pageDay: pageDate ? dayOf(pageDate) : null,
    quoted: quotedSpans(run),
    // Kessel Quay lies in Dunmore Valley, as a corpus text said; a gazetteer puts it in Westford's area too.
    data: { traits: (c) => traits[c], within: [new Set([1]), new Set(), new Set()], withinGazetteer: [new Set([2]), new Set(), new Set()], keyIds: KEY_IDS },
  };
}

/** Word keys of the corpus claims made here, by id (as MatcherData.keys), filled as claims are made. */
const KEY_IDS = new Map<string, number>();
function keyIdsOf(run: ReturnType<typeof wordRun>): number[] {
  const ids = new Set<number>();
  for (const w of run.norm) {
    const k = wordKey(w.toLowerCase());
    if (!k) continue;
    if (!KEY_IDS.has(k)) KEY_IDS.set(k, KEY_IDS.size);
    ids.add(KEY_IDS.get(k)!);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Token [from, to) pairs between straight double quotes, as the matcher passes them (RelateContext.quoted). */
function quotedSpans(run: ReturnType<typeof wordRun>): number[] {
  const marks = run.norm.flatMap((w, i) => (w === '"' ? [i] : []));
  const out: number[] = [];
  for (let k = 0; k + 1 < marks.length; k += 2) out.push(marks[k] + 1, marks[k + 1]);
  return out;
}

/** What a sentence quotes between straight double quotes, as compile.ts keeps it. */
function quotation(text: string): [string, string] | [] {
  const m = /"([^"]+)"/.exec(text);
  return m ? [m[1].toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, '').split(/\s+/).filter(Boolean).join(' '), m[1]] : [];
}

/** One corpus claim's signature and traits, from its own words (dated `date`). */
function corpusClaim(text: string, opts: { places?: string[]; date?: string; groups?: string[][]; units?: string[][] } = {}): [ClaimSignature, ClaimTraits] {
  const run = wordRun(text);
  const figures: ParsedFigure[] = [];
  parseFigures(run, 0, run.norm.length, figures);
  const figs: FigureSignature[] = figures.map((f, k) => [f.value, f.qualifier, f.cls, opts.units?.[k] ?? []]);
  // As compile.ts does: counts that shares of a stated total come to, after the figures.
  for (const d of derivedCounts(run, figures, run.norm.length)) figs.push([d.value, q('about'), FigureClass.count, []]);
  const dates: DateSignature[] = findDateSpans(run, 0, run.norm.length, dayOf(opts.date ?? 'unknown')).map((d) => [d.lo, d.hi, d.weekday, d.month, d.day, text.slice(d.start, d.end)]);
  const places = (opts.places ?? []).map((p) => PLACES.indexOf(p));
  // As compile.ts does: words inside quote marks are the speaker's, not the writer's certainty.
  const spans = quotedSpans(run);
  const { clause, content } = readCertainties(run, 0, run.norm.length, (i) => spans.some((_, k) => k % 2 === 0 && i >= spans[k] && i < spans[k + 1]));
  const negation = readNegationOf(run, 0, run.norm.length);
  const quantity = readQuantityScope(run, 0, run.norm.length);
  const vague = readVagueTime(run, 0, run.norm.length);
  const decade = readDecade(run, 0, run.norm.length);
  return [
    [0, 1, 0, keyIdsOf(run), figs, places],
    [clause.level, clause.cue, dates, opts.groups ?? figures.map((f) => shareGroup(run, f, run.norm.length)), figures.map(() => ''), content?.level ?? -1, content?.cue ?? '', negation.cue, negation.target, quantity ? [quantity.level, quantity.keys, text.slice(quantity.start, quantity.end)] : [], [vague ? text.slice(vague.start, vague.end) : '', decade ? text.slice(decade.start, decade.end) : ''], figures.map((f) => durationUnit(run.norm[f.next])), quotation(text)],
  ];
}

describe('relate: the kind of each difference', () => {
  it.each([
    // [name, page sentence, page place, page date, corpus sentence, corpus options, expected differences (attribute:kind)]
    ['agreement', 'About 40 crews walked out on Monday.', undefined, undefined, 'About 40 crews walked out on Monday.', {}, []],
    ['a more precise figure', 'About 40 crews walked out.', undefined, undefined, '43 crews walked out.', {}, ['figure:more-precise']],
    ['a contradicting figure', '25 crews walked out.', undefined, undefined, 'More than 30 crews walked out.', {}, ['figure:contradiction']],
    ['"she and 12 others" is 13', 'Ms Vale and 12 others walked out.', undefined, undefined, '13 crew members walked out.', {}, []],
    ['a number word', 'Thirteen crews walked out.', undefined, undefined, '13 crews walked out.', {}, []],
    // "N in M" is a share (N × 100 / M), of the group named after it: it agrees with the same share, differs from another.
    ['"one in five" against 20%', 'One in five crews walked out.', undefined, undefined, '20% of crews walked out.', {}, []],
    ['"one in five" against "a fifth"', 'One in five crews walked out.', undefined, undefined, 'A fifth of the crews walked out.', {}, []],
    ['"one in five" against "two in ten"', 'One in five crews walked out.', undefined, undefined, 'Two in ten crews walked out.', {}, []],
    ['"one in five" against "one in three"', 'One in five crews walked out.', undefined, undefined, 'One in three crews walked out.', {}, ['figure:contradiction']],
    ['"two out of three" against 67%', 'Two out of three crews walked out.', undefined, undefined, '67% of crews walked out.', {}, ['figure:less-precise']],
    ['"one in five of the" another group', 'One in five of the crews walked out.', undefined, undefined, '20% of the drivers walked out.', {}, ['scope:scope']],
    ['"one in five" of another group', 'One in five crews walked out.', undefined, undefined, 'One in five drivers walked out.', {}, ['scope:scope']],
    ['a place inside the page place', 'Crews walked out in Dunmore Valley.', 'Dunmore Valley', undefined, 'Crews walked out at Kessel Quay.', { places: ['Kessel Quay'] }, ['place:place-within']],
    ['a place around the page place', 'Crews walked out at Kessel Quay.', 'Kessel Quay', undefined, 'Crews walked out in Dunmore Valley.', { places: ['Dunmore Valley'] }, ['place:place-around']],
    ['a place a gazetteer puts inside the page place', 'Crews walked out in Westford.', 'Westford', undefined, 'Crews walked out at Kessel Quay.', { places: ['Kessel Quay'] }, ['place:place-within']],
    ['another place', 'Crews walked out in Dunmore Valley.', 'Dunmore Valley', undefined, 'Crews walked out in Westford.', { places: ['Westford'] }, ['place:contradiction']],
    ['the weekday of the corpus day', 'Crews walked out on Monday.', undefined, undefined, 'Crews walked out yesterday.', { date: '2021-03-09' }, []],
    ['another weekday', 'Crews walked out on Friday.', undefined, undefined, 'Crews walked out yesterday.', { date: '2021-03-09' }, ['date:contradiction']],
    ['a duration in other units that agrees', 'The bridge closes for fourteen weeks.', undefined, undefined, 'The bridge closes for more than three months.', {}, []],
    ['a duration in other units that cannot be the same', 'The bridge closes for two weeks.', undefined, undefined, 'The bridge closes for more than three months.', {}, ['figure:contradiction']],
    ['a duration in the same units', 'The bridge closes for 14 weeks.', undefined, undefined, 'The bridge closes for 10 weeks.', {}, ['figure:contradiction']],
    ['one utterance worded differently', 'Ms Vale said: "We will rebuild the harbour for everyone who works on it."', undefined, undefined, 'Ms Vale said: "We will rebuild the harbour for all who work on it."', {}, ['wording:quote-varied']],
    ['a quotation cut', 'Ms Vale said: "We will rebuild the harbour."', undefined, undefined, 'Ms Vale said: "We will rebuild the harbour for all who work on it."', {}, []],
    ['another utterance quoted', 'Ms Vale said: "The ferry fares are too high for families."', undefined, undefined, 'Ms Vale said: "We will rebuild the harbour for all who work on it."', {}, ['wording:quote-other']],
    ['a decade against "in the past"', 'A depot official had been an informant in the past.', undefined, undefined, 'A depot official had been an informant in the 1970s.', {}, ['date:more-precise']],
    ['"in the past" against a decade', 'A depot official had been an informant in the 1970s.', undefined, undefined, 'A depot official had been an informant in the past.', {}, ['date:less-precise']],
    ['a year against "the next election"', 'The guild will win the next council election.', undefined, undefined, 'The guild will win the council vote in 2027.', {}, ['date:more-precise']],
    ['a weekday against "recently"', 'Crews recently walked out.', undefined, undefined, 'Crews walked out on Monday.', {}, ['date:more-precise']],
    ['both unplaced', 'Crews walked out recently.', undefined, undefined, 'Crews walked out in the past.', {}, []],
    ['a day inside "last week"', 'Crews walked out last week.', undefined, '2021-03-10', 'Crews walked out on 2 March.', { date: '2021-03-04' }, ['date:more-precise']],
    // Relative dates of the page resolved against its date (Wednesday 10 March 2021), weekdays and years of the corpus's article.
    ['"last night" against the day before', 'Crews walked out last night.', undefined, '2021-03-10', 'Crews walked out on Tuesday.', { date: '2021-03-10' }, []],
    ['"last night" against another weekday', 'Crews walked out last night.', undefined, '2021-03-10', 'Crews walked out on Monday.', { date: '2021-03-10' }, ['date:contradiction']],
    ['"the day before yesterday" is not "yesterday"', 'Crews walked out the day before yesterday.', undefined, '2021-03-10', 'Crews walked out on Monday.', { date: '2021-03-10' }, []],
    ['"two days ago" against another weekday', 'Crews walked out two days ago.', undefined, '2021-03-10', 'Crews walked out on Friday.', { date: '2021-03-10' }, ['date:contradiction']],
    ['a day inside "last weekend"', 'Crews walked out last weekend.', undefined, '2021-03-10', 'Crews walked out on Saturday.', { date: '2021-03-10' }, ['date:more-precise']],
    ['"this morning" against "yesterday"', 'Crews walked out this morning.', undefined, '2021-03-10', 'Crews walked out yesterday.', { date: '2021-03-10' }, ['date:contradiction']],
    // A figure for one period against another: a resolved date against a year stated as a figure.
    ['"last year" against another year', 'Crews walked out last year.', undefined, '2021-03-10', 'Crews walked out in 2019.', {}, ['date:contradiction']],
    ['"last year" against that year', 'Fares rose by 5% last year.', undefined, '2021-03-10', 'Fares rose by 5% in 2020.', {}, []],
    ['a year against a corpus day inside it', 'Fares rose by 5% in 2021.', undefined, undefined, 'Fares rose by 5% on 2 March.', { date: '2021-03-10' }, ['date:more-precise']],
    ['a year against a corpus day of another year', 'Fares rose by 5% in 2020.', undefined, undefined, 'Fares rose by 5% on 2 March.', { date: '2021-03-10' }, ['date:contradiction']],
    // A statistic (a share, an amount) of another period or place: scope. An event's day, or a count's, stays a contradiction.
    ['a share of another year', 'Fares rose by 5% in 2020.', undefined, undefined, 'Fares rose by 5% in 2019.', {}, ['date:scope']],
    ['a share of "last year" against another year', 'Fares rose by 5% last year.', undefined, '2021-03-10', 'Fares rose by 5% in 2019.', {}, ['date:scope']],
    ['a share of another month', 'Fares rose by 5% in March.', undefined, undefined, 'Fares rose by 5% in April.', {}, ['date:scope']],
    ['an amount of another year', 'The guild paid £40,000 in 2020.', undefined, undefined, 'The guild paid £40,000 in 2019.', {}, ['date:scope']],
    ['a share of another place', 'Fares rose by 5% in Westford.', 'Westford', undefined, 'Fares rose by 5% in Dunmore Valley.', { places: ['Dunmore Valley'] }, ['place:scope']],
    ['a share of another quarter', 'Fees rose by 5% in the first quarter of 2020.', undefined, undefined, 'Fees rose by 5% in the second quarter of 2020.', {}, ['date:scope']],
    ['a share on another day', 'Fares rose by 5% on Monday.', undefined, undefined, 'Fares rose by 5% on Friday.', {}, ['date:contradiction']],
    ['a count of another month', '40 crews walked out in March.', undefined, undefined, '40 crews walked out in April.', {}, ['date:contradiction']],
    ['a count in another place', '40 crews walked out in Westford.', 'Westford', undefined, '40 crews walked out in Dunmore Valley.', { places: ['Dunmore Valley'] }, ['place:contradiction']],
    ['another share of another year: the figure still contradicts', 'Fares rose by 5% in 2020.', undefined, undefined, 'Fares rose by 7% in 2019.', {}, ['figure:contradiction', 'date:scope']],
    ['a side with a year figure of its own is compared by it', 'Fares rose by 5% last week under the 2019 deal.', undefined, '2021-03-10', 'Fares rose by 5% under the 2019 deal.', {}, []],
    ['did not against did', 'The operator did not close the depot.', undefined, undefined, 'The operator closed the depot.', {}, ['negation:negation']],
    ['did against never', 'The guild supported the pay offer on Monday.', undefined, undefined, 'The guild has never supported the pay offer.', {}, ['negation:negation']],
    ['both negated: alike', "The operator didn't break the agreement.", undefined, undefined, 'The operator did not break the agreement.', {}, []],
    ['a denial of something the corpus does not state', 'Crews walked out, though who called the strike is not known.', undefined, undefined, 'Crews walked out.', {}, []],
    ['"no" before a noun is no denial', 'Crews passed a motion of no confidence in the operator.', undefined, undefined, 'Crews passed a motion of confidence in the operator.', {}, []],
    ['stated against possible', 'The operator broke the agreement.', undefined, undefined, 'The operator may have broken the agreement.', {}, ['certainty:less-certain']],
    ['alleged against confirmed', 'The alleged breach cost the crews pay.', undefined, undefined, 'The breach cost the crews pay, officially.', {}, ['certainty:more-certain']],
    ['planned against done', 'The operator will cut the crossings.', undefined, undefined, 'The operator cut the crossings.', {}, ['certainty:more-certain']],
    // The page tokenizer cuts "they'll" into "they", "'", "ll"; the analysis keeps it one word: both read "will".
    ['a contracted future against done', "They'll cut the crossings on the island route.", undefined, undefined, 'They cut the crossings on the island route.', {}, ['certainty:more-certain']],
    ['a contracted future against "will"', "They'll cut the crossings on the island route.", undefined, undefined, 'They will cut the crossings on the island route.', {}, []],
    ['"will" against a contracted future', 'They will cut the crossings on the island route.', undefined, undefined, "They'll cut the crossings on the island route.", {}, []],
    ['done against a contracted future', 'They cut the crossings on the island route.', undefined, undefined, "They'll cut the crossings on the island route.", {}, ['certainty:less-certain']],
    ['reported content hedged', 'The guild said the operator broke the agreement.', undefined, undefined, 'The guild said the operator could have broken the agreement.', {}, ['certainty:less-certain']],
    ['both hedged, the contents decide', 'Ms Vale alleged the operator definitely broke the agreement.', undefined, undefined, 'Ms Vale suggested the operator could have broken the agreement.', {}, ['certainty:less-certain']],
    // "claimed", "suggested": the writer's distance from a speaker's words, a hedge against a fact stated as the writer's own...
    ['claimed against the fact stated', 'Ms Vale claimed the operator broke the agreement.', undefined, undefined, 'The operator broke the agreement.', {}, ['certainty:more-certain']],
    // ...but against a plain report of the same speaker's words, the same assertion: the verb is manner.
    ['claimed against said', 'Ms Vale claimed the operator broke the agreement.', undefined, undefined, 'Ms Vale said the operator broke the agreement.', {}, []],
    ['said against a second speech verb "claimed"', 'Ms Vale told the meeting that the operator broke the agreement.', undefined, undefined, 'Ms Vale spoke at the meeting and claimed the operator broke the agreement.', {}, []],
    ['suggested against a hedged report still differs', 'Ms Vale suggested the operator broke the agreement.', undefined, undefined, 'Ms Vale said the operator could have broken the agreement.', {}, ['certainty:more-certain']],
    ['a share of another group', '62% of nurses backed the strike.', undefined, undefined, '62% of doctors backed the strike.', { groups: [['doctor']] }, ['scope:scope']],
    ['a count of one group against the same count of another', 'Around 300 wardens joined the march.', undefined, undefined, 'Around 300 volunteers joined the march.', {}, ['scope:scope']],
    ['"X of A" against "X of B"', '12 of the wardens signed the letter.', undefined, undefined, '12 of the trustees signed the letter.', {}, ['scope:scope']],
    ['members against voters', 'Around 55% of the members backed the plan.', undefined, undefined, 'Around 55% of the voters backed the plan.', {}, ['scope:scope']],
    ['another count of another group: scope, not a contradiction', 'More than 40 wardens signed the letter.', undefined, undefined, '28 trustees signed the letter.', {}, ['scope:scope']],
    ['the same group less fully described', 'More than 40 wardens signed the letter.', undefined, undefined, 'More than 40 senior harbour wardens signed the letter.', {}, []],
    ['the same group, another count', '28 wardens signed the letter.', undefined, undefined, 'More than 40 senior wardens signed the letter.', {}, ['figure:contradiction']],
    ['a count whose words run into the verb names no group', 'Around 300 crammed into the hall.', undefined, undefined, 'Around 300 volunteers crammed into the hall.', {}, []],
    ['durations are no groups', 'The bridge closes for fourteen weeks.', undefined, undefined, 'The bridge closes for fourteen days.', {}, ['figure:contradiction']],
    ['all of a group against one of it', 'All of the big lenders cut their rates.', undefined, undefined, 'One of the big lenders cut its rates.', {}, ['scope:scope']],
    ['every town against towns including some', 'Rallies were held in every town in the region.', undefined, undefined, 'Rallies were held in towns across the region, including Westford.', {}, ['scope:scope']],
    ['a part against a statement with no quantifier', 'One of the big lenders cut its rates.', undefined, undefined, 'The big lenders cut their rates.', {}, []],
    ['all of one group against one of another', 'All of the big lenders cut their rates.', undefined, undefined, 'One of the small brokers cut its rates.', {}, []],
    ['a majority of one group against a majority of another', 'A majority of the members backed the plan.', undefined, undefined, 'A majority of the councillors backed the plan.', {}, ['scope:scope']],
    ['most of one group against most of another', 'Most of the drivers walked out.', undefined, undefined, 'Most of the cleaners walked out.', {}, ['scope:scope']],
    // Only a sentence's first quantifier is read: here the corpus's is "groups such as", and its "some of the big lenders" is the page's.
    ['a part of a group against a sentence that names it past another quantifier', 'Some of the big lenders cut their rates.', undefined, undefined, 'Grassroots groups such as the guild and some of the big lenders cut their rates.', {}, []],
    ['a majority of one group, less fully described', 'A majority of the members backed the plan.', undefined, undefined, 'A majority of the party members backed the plan.', {}, []],
    // "one of …" names who by a class: "one of his allies" and "one of the big unions" can be one actor.
    ['one of one class against one of another', 'One of the big lenders cut its rates.', undefined, undefined, 'One of the oldest banks cut its rates.', {}, []],
    ['a future reported in the past against "will"', 'The guild said the operator would cut the crossings.', undefined, undefined, 'The operator will cut the crossings.', {}, []],
    ['a plain report against "will"', 'The guild said the operator cut the crossings.', undefined, undefined, 'The operator will cut the crossings.', {}, ['certainty:less-certain']],
    // An indirect report of a quote put as firmly as the quote: the writer changed nothing.
    ['a reported "would" against the quoted "will"', 'The guild said the operator would cut the crossings.', undefined, undefined, 'The guild said: "The operator will cut the crossings."', {}, []],
    ['a quoted "will" against a reported "will"', 'The guild said: "The operator will cut the crossings."', undefined, undefined, 'The guild said the operator will cut the crossings.', {}, []],
    ['a hedged report of the quoted "will" still differs', 'The guild said the operator could cut the crossings.', undefined, undefined, 'The guild said: "The operator will cut the crossings."', {}, ['certainty:more-certain']],
    // A comma-set relative clause states its own fact: the main clause's "will" is not its certainty.
    ['a relative clause\'s fact, the main clause planned', 'Ms Vale, who is facing a vote from the harbour board after crews backed a motion of no confidence, will tell members to stay calm.', undefined, undefined, 'Ms Vale is facing a vote from the harbour board after crews backed a motion of no confidence.', {}, []],
    ['a relative clause at the end', 'The guild will back Ms Vale, who chairs the harbour board of the western quay.', undefined, undefined, 'Ms Vale chairs the harbour board of the western quay.', {}, []],
    ['the main clause\'s fact keeps its "will"', 'Ms Vale, who chairs the board, will close the depot on the western quay.', undefined, undefined, 'Ms Vale closed the depot on the western quay.', {}, ['certainty:more-certain']],
    ['a relative clause without its comma is the sentence\'s', 'The guild will back the wardens who chair the harbour board of the western quay.', undefined, undefined, 'The wardens chair the harbour board of the western quay.', {}, ['certainty:more-certain']],
    ['a share of a stated total against the count it comes to', '40% of its 300 members backed the strike.', undefined, undefined, '120 members backed the strike.', {}, []],
    ['the count against a share of a stated total', '120 members backed the strike.', undefined, undefined, '40% of its 300 members backed the strike.', {}, []],
    ['a share of a total against another count', '40% of its 300 members backed the strike.', undefined, undefined, '200 members backed the strike.', {}, ['figure:contradiction']],
  ])('%s', (_name, page, pagePlace, pageDate, corpus, opts, expected) => {
    const [sig, traits] = corpusClaim(corpus, opts as never);
    const ctx = context(page, [sig], [traits], pagePlace, pageDate);
    const ref = relate(ctx, sig, 0.8, 0);
    const all = ref.differences ?? (ref.values ? [ref.values] : []);
    expect(all.map((d) => `${d.attribute}:${d.kind}`)).toEqual(expected);
    expect(ref.relation).toBe(expected.length ? 'differs' : 'agrees');
    expect(ref.kind).toBe(all[0]?.kind);
  });

  it('says which basis a containment has: the text first, the gazetteer where no text relates the two', () => {
    const [sig, traits] = corpusClaim('Crews walked out at Kessel Quay.', { places: ['Kessel Quay'] });
    const byText = relate(context('Crews walked out in Dunmore Valley.', [sig], [traits], 'Dunmore Valley'), sig, 0.8, 0);
    expect(byText.values).toEqual({ attribute: 'place', kind: 'place-within', page: 'Dunmore Valley', corpus: 'Kessel Quay', basis: 'text' });
    const byGazetteer = relate(context('Crews walked out in Westford.', [sig], [traits], 'Westford'), sig, 0.8, 0);
    expect(byGazetteer.values).toEqual({ attribute: 'place', kind: 'place-within', page: 'Westford', corpus: 'Kessel Quay', basis: 'gazetteer' });
  });

  it.each([
    // page places, corpus places, the expected place difference (kind, page side, corpus side), or none
    [['Westford', 'Dunmore Valley'], ['Westford', 'Eastholm'], { kind: 'scope', page: 'Dunmore Valley', corpus: 'Eastholm' }],
    [['Westford', 'Dunmore Valley', 'Farholm'], ['Westford', 'Eastholm', 'Farholm', 'Millbrook'], { kind: 'scope', page: 'Dunmore Valley', corpus: 'Eastholm, Millbrook' }],
    // One list inside the other, or the other's own place inside a shared one (Kessel Quay lies in Dunmore Valley): no scope.
    [['Westford', 'Dunmore Valley'], ['Westford'], null],
    [['Westford'], ['Westford', 'Eastholm'], null],
    [['Westford', 'Dunmore Valley'], ['Westford', 'Kessel Quay'], null],
    [['Eastholm'], ['Farholm'], { kind: 'contradiction', page: 'Eastholm', corpus: 'Farholm' }],
  ])('places %j against %j: %j', (pagePlaces, corpusPlaces, expected) => {
    const places = [...PLACES, 'Eastholm', 'Farholm', 'Millbrook'];
    const text = `Rallies were held in ${pagePlaces.join(', ')}.`;
    const [sig, traits] = corpusClaim(`Rallies were held in ${corpusPlaces.join(', ')}.`);
    sig[5] = corpusPlaces.map((p) => places.indexOf(p));
    const ctx = { ...context(text, [sig], [traits]), places, pagePlaces: pagePlaces.map((p) => places.indexOf(p)), pagePlaceTexts: pagePlaces };
    ctx.data = { ...ctx.data!, within: [new Set([1]), ...places.slice(1).map(() => new Set<number>())], withinGazetteer: places.map(() => new Set<number>()) };
    const ref = relate(ctx, sig, 0.8, 0);
    const place = (ref.differences ?? (ref.values ? [ref.values] : [])).find((d) => d.attribute === 'place');
    expect(place ? { kind: place.kind, page: place.page, corpus: place.corpus } : null).toEqual(expected);
  });

  it.each([
    // [name, page sentence, the corpus quote the claim's sentence lies inside (null: none), expected differences]
    ['another utterance of the quote the sentence continues', 'Ms Vale said: "The ferry fares are too high for families."', 'We have waited long enough. The harbour belongs to all who work on it.', ['wording:quote-other']],
    ['another sentence of the same quote: a cut, no difference', 'Ms Vale said: "We have waited long enough."', 'We have waited long enough. The harbour belongs to all who work on it.', []],
    ['the same quote worded differently', 'Ms Vale said: "We have waited long enough, and the harbour belongs to everyone who works on it."', 'We have waited long enough. The harbour belongs to all who work on it.', ['wording:quote-varied']],
    ['no quote continues into the sentence', 'Ms Vale said: "The ferry fares are too high for families."', null, []],
  ])('a claim inside a quote that runs over sentences: %s', (_name, page, quote, expected) => {
    // The corpus sentence, the second of the quote, has no quote marks of its own.
    const [sig, traits] = corpusClaim('The harbour belongs to all who work on it.');
    const ctx = context(page, [sig], [traits]);
    const words = quote === null ? null : quote.toLowerCase().replace(/[^\p{L}\p{N}' ]+/gu, '').split(/\s+/).filter(Boolean);
    ctx.data = { ...ctx.data!, quoteInside: (article, sentence) => (words && article === 0 && sentence === 1 ? { here: words.slice(5), whole: words } : undefined) };
    const ref = relate(ctx, sig, 0.8, 0);
    expect((ref.differences ?? (ref.values ? [ref.values] : [])).map((d) => `${d.attribute}:${d.kind}`)).toEqual(expected);
  });

  it.each<[string, string, { level: number; cue: string } | null, number | undefined, string[]]>([
    // [name, page sentence, how its page quote was introduced, how the corpus claim's quote was, expected]
    // A quote paragraph of advance text ("…," she is expected to say, the paragraph before) against the words as said.
    ['a page quote of advance text against a plain statement', '"The harbour belongs to all who work on it."', { level: Certainty.expected, cue: 'is expected to' }, undefined, ['certainty:more-certain']],
    ['a page quote as said against a corpus quote of advance text', '"The harbour belongs to all who work on it."', { level: Certainty.stated, cue: '' }, Certainty.expected, ['certainty:less-certain']],
    ['both quotes of advance text', '"The harbour belongs to all who work on it."', { level: Certainty.expected, cue: 'is expected to' }, Certainty.expected, []],
    ['a reported statement against a corpus quote of advance text', 'Ms Vale said the harbour belongs to all who work on it.', null, Certainty.expected, ['certainty:less-certain']],
    ['a corpus quote as said', 'Ms Vale said the harbour belongs to all who work on it.', null, Certainty.stated, []],
  ])('a claim put as its quote was introduced: %s', (_name, page, intro, corpusLevel, expected) => {
    const [sig, traits] = corpusClaim('The harbour belongs to all who work on it.');
    const ctx = { ...context(page, [sig], [traits]), quoteIntro: intro };
    ctx.data = { ...ctx.data!, quoteLevel: (article, sentence) => (article === 0 && sentence === sig[1] ? corpusLevel : undefined) };
    const ref = relate(ctx, sig, 0.8, 0);
    expect((ref.differences ?? (ref.values ? [ref.values] : [])).map((d) => `${d.attribute}:${d.kind}`)).toEqual(expected);
  });

  it.each([
    // [page sentence, the corpus's places named there, the corpus claim's places, the expected place difference or none]
    ['Rallies were held in Haddon, Westford, Eastholm and Ely.', ['Westford', 'Eastholm'], ['Westford', 'Eastholm', 'Millbrook'], { kind: 'scope', page: 'Haddon, Ely', corpus: 'Millbrook' }],
    ['Rallies were held in Westford and Eastholm.', ['Westford', 'Eastholm'], ['Westford', 'Eastholm', 'Millbrook'], null],
    ['Rallies were held in Haddon, Westford, Eastholm and Ely.', ['Westford', 'Eastholm'], ['Westford', 'Eastholm'], null],
  ])('a page list naming places the corpus does not know: %s against %j', (text, pagePlaces, corpusPlaces, expected) => {
    const places = [...PLACES, 'Eastholm', 'Millbrook'];
    const [sig, traits] = corpusClaim(`Rallies were held in ${corpusPlaces.join(', ')}.`);
    sig[5] = corpusPlaces.map((p) => places.indexOf(p));
    const ctx = { ...context(text, [sig], [traits]), places, pagePlaces: pagePlaces.map((p) => places.indexOf(p)), pagePlaceTexts: pagePlaces };
    ctx.data = { ...ctx.data!, within: places.map(() => new Set<number>()), withinGazetteer: places.map(() => new Set<number>()) };
    const place = (({ differences, values }) => (differences ?? (values ? [values] : [])).find((d) => d.attribute === 'place'))(relate(ctx, sig, 0.8, 0));
    expect(place ? { kind: place.kind, page: place.page, corpus: place.corpus } : null).toEqual(expected);
  });

  it('puts a contradiction before a precision difference and names it the main kind', () => {
    const [sig, traits] = corpusClaim('43 crews walked out on Tuesday.', { date: '2021-03-09' });
    const ref = relate(context('About 40 crews walked out on Friday.', [sig], [traits]), sig, 0.8, 0);
    expect(ref.kind).toBe('contradiction');
    expect(ref.differences!.map((d) => d.kind)).toEqual(['contradiction', 'more-precise']);
    expect(ref.values).toEqual({ attribute: 'date', kind: 'contradiction', page: 'Friday', corpus: 'Tuesday' });
  });

  it('compares no values between sentences that share too little', () => {
    const [sig, traits] = corpusClaim('More than 30 crews walked out.');
    expect(relate(context('25 crews walked out.', [sig], [traits]), sig, 0.1, 0)).toMatchObject({ relation: 'adds' });
  });
});

describe('relateData', () => {
  it('finds the quote a sentence lies inside: a sentence a quote moves on to, not its opening one', () => {
    // One quote of article 0 over sentences 3 and 4 (turns: word 0 in sentence 3, word 2 in sentence 4).
    const data = { places: [], claims: [], words: ['We', 'waited', 'The', 'harbour'], quotes: [[0, 3, 0, [0, 1, 2, 3], [0, 3, 2, 4]]] } as unknown as MatcherData;
    const inside = relateData(data).quoteInside!;
    expect(inside(0, 4)).toEqual({ here: ['the', 'harbour'], whole: ['we', 'waited', 'the', 'harbour'] });
    expect(inside(0, 3)).toBeUndefined();
    expect(inside(1, 4)).toBeUndefined();
  });

  it('says how the quote a sentence lies in was introduced: its opening sentence and each it moves on to', () => {
    const data = { places: [], claims: [], words: ['We', 'waited', 'The', 'harbour'], quotes: [[0, 3, 0, [0, 1, 2, 3], [0, 3, 2, 4]]], quoteCertainty: [Certainty.expected] } as unknown as MatcherData;
    const level = relateData(data).quoteLevel!;
    expect([level(0, 3), level(0, 4), level(0, 5), level(1, 3)]).toEqual([Certainty.expected, Certainty.expected, undefined, undefined]);
    // Data compiled without quote certainties knows none.
    expect(relateData({ ...data, quoteCertainty: undefined } as unknown as MatcherData).quoteLevel!(0, 3)).toBeUndefined();
  });

  const sig: ClaimSignature = [0, 0, 0, [], [], []];
  const good: ClaimTraits = [Certainty.stated, '', [[1, 1, -1, 0, 0, 'x']], [], [], -1, ''];
  it.each([
    // [name, number of claims, traits, traits kept]
    ['well-formed traits are kept', 1, [good], [good]],
    ['a malformed entry is left out', 2, [good, ['x']], [good, undefined]],
    ['traits of another length are all left out', 2, [good, good, good], []],
    ['no traits (older data)', 2, undefined, []],
  ])('%s', (_name, nClaims, claimTraits, expected) => {
    const claims: ClaimSignature[] = Array.from({ length: nClaims }, () => sig);
    const data = { places: ['Kessel Quay', 'Dunmore Valley'], placeWithin: [0, 1], claims, claimTraits } as unknown as MatcherData;
    const out = relateData(data);
    // Every claim, and one past them (none), each looked up twice (the second answer is the checked one kept).
    const lookups = Array.from({ length: nClaims + 1 }, (_, c) => [out.traits(c), out.traits(c)]);
    expect(lookups).toEqual(Array.from({ length: nClaims + 1 }, (_, c) => [expected[c], expected[c]]));
    expect([...out.within[0]]).toEqual([1]);
  });

  // Traits are checked claim by claim on first lookup, key ids made on first use: the same as the
  // whole list checked up front (every compiled claim's traits are well-formed).
  it.each([
    ['the seeds', () => seedsIndex().data],
    ['a generated corpus of 40 articles', () => compileMatcher(analyseCorpus(generateCorpus({ articles: 40, seed: 11 })))],
  ])('on %s: each claim\'s traits and the key ids, looked up in any order, are the compiled ones', (_name, dataOf) => {
    const data = dataOf();
    const out = relateData(data);
    const n = data.claims.length;
    expect(n).toBeGreaterThan(50);
    // Backwards, then forwards (checked once, read twice).
    const backwards = Array.from({ length: n }, (_, i) => out.traits(n - 1 - i)).reverse();
    expect(backwards).toEqual(data.claimTraits);
    expect(Array.from({ length: n }, (_, c) => out.traits(c))).toEqual(data.claimTraits);
    expect(out.traits(n)).toBeUndefined();
    expect(out.traits(-1)).toBeUndefined();
    expect([...out.keyIds]).toEqual(data.keys.map((k, i) => [k, i]));
    expect(out.keyIds).toBe(out.keyIds);
  }, 60_000);

  it('reads the gazetteer\'s place pairs apart from the text\'s, and none from older data', () => {
    const data = { places: ['Kessel Quay', 'Dunmore Valley', 'Westford'], placeWithin: [0, 1], placeWithinGazetteer: [0, 2, 1, 2], claims: [] } as unknown as MatcherData;
    const out = relateData(data);
    expect(out.within.map((s) => [...s])).toEqual([[1], [], []]);
    expect(out.withinGazetteer!.map((s) => [...s])).toEqual([[2], [2], []]);
    const old = relateData({ ...data, placeWithinGazetteer: undefined } as unknown as MatcherData);
    expect(old.withinGazetteer!.map((s) => [...s])).toEqual([[], [], []]);
  });
});

describe('claimEvidence: every differing member of an article', () => {
  it('shows a retrieved claim the re-ranker did not link only beside its article, for a figure of the same measure', () => {
    const [linked, t1] = corpusClaim('A group of women councillors wrote to the mayor.');
    const [sameMeasure, t2] = corpusClaim('More than 40 women councillors wrote to the mayor.', { units: [['woman', 'councillor']] });
    sameMeasure[1] = 6;
    const [unknownMeasure, t3] = corpusClaim('Three of the councillors had written before.');
    unknownMeasure[1] = 8;
    const [uncovered, t4] = corpusClaim('Some 60 women councillors wrote to the mayor.', { units: [['woman', 'councillor']] });
    uncovered[0] = 1;
    const [farWording, t5] = corpusClaim('Some 90 women councillors have quit since the vote.', { units: [['woman', 'councillor']] });
    farWording[1] = 9;
    const ctx = context('28 women councillors wrote to the mayor.', [linked, sameMeasure, unknownMeasure, uncovered, farWording], [t1, t2, t3, t4, t5]);
    ctx.figureUnitKeys = [['woman', 'councillor']];
    const refs = claimEvidence(ctx, [
      { claim: 0, sim: 0.5, linked: true },
      { claim: 1, sim: 0.3, otherGroup: true, valuesOnly: true },
      { claim: 2, sim: 0.3, otherGroup: true, valuesOnly: true },
      { claim: 3, sim: 0.3, otherGroup: true, valuesOnly: true },
      // Too little shared wording (below VALUE_COMPARE_FROM): another fact with a count of the same unit.
      { claim: 4, sim: 0.1, otherGroup: true, valuesOnly: true },
    ]);
    // The count of "three of the councillors" has no unit word of its own: not the same measure beyond doubt.
    // Article b has no link of its own: a differing claim alone does not make one.
    expect(refs.map((r) => [r.article, r.sentence, r.relation, r.values?.corpus])).toEqual([
      ['a', 1, 'agrees', undefined],
      ['a', 6, 'differs', 'more than 40'],
    ]);
  });

  it('shows a sentence by its claim closest to the page when two of its claims differ alike', () => {
    // Sentence 3, "Ms Vale, who chairs the guild, will speak on Friday.", and its clause; the page hedges the clause's fact.
    const [sentence, t1] = corpusClaim('Ms Vale, who chairs the guild, will speak on Friday.');
    sentence[1] = 3;
    const [clause, t2] = corpusClaim('who chairs the guild');
    clause[1] = 3;
    const ctx = context('Ms Vale may chair the guild.', [sentence, clause], [t1, t2]);
    const shown = (candidates: Parameters<typeof claimEvidence>[1]) => claimEvidence(ctx, candidates).map((r) => [r.sentence, r.score, r.values?.page, r.values?.corpus]);
    // The clause states the page's fact: its "stated" is shown, not the main clause's "will", whichever came first.
    expect(shown([{ claim: 0, sim: 0.4, linked: true }, { claim: 1, sim: 0.6, otherGroup: true, linked: true }])).toEqual([[3, 0.6, 'may', 'stated']]);
    expect(shown([{ claim: 1, sim: 0.6, linked: true }, { claim: 0, sim: 0.4, linked: true }])).toEqual([[3, 0.6, 'may', 'stated']]);
  });

  it('a clause that agrees outranks its sentence\'s certainty from another clause, but not a speech frame\'s', () => {
    // Sentence 3 of article a, "Ms Vale, who chairs the guild, will speak on Friday.", and its clause.
    const [sentence, t1] = corpusClaim('Ms Vale, who chairs the guild, will speak on Friday.');
    sentence[1] = 3;
    const [clause, t2] = corpusClaim('who chairs the guild');
    clause[1] = 3;
    const ctx = context('Ms Vale chairs the guild.', [sentence, clause], [t1, t2]);
    expect(claimEvidence(ctx, [{ claim: 0, sim: 0.5, linked: true }]).map((r) => r.relation)).toEqual(['differs']);
    expect(claimEvidence(ctx, [{ claim: 0, sim: 0.5, linked: true }, { claim: 1, sim: 0.6, otherGroup: true, linked: true }]).map((r) => [r.sentence, r.relation])).toEqual([[3, 'agrees']]);
    // "She will say that the guild backs the offer": the frame's "will" holds for what it reports.
    const [framed, t3] = corpusClaim('Ms Vale will say that the guild backs the offer.');
    framed[1] = 5;
    const [reported, t4] = corpusClaim('the guild backs the offer');
    reported[1] = 5;
    const ctx2 = context('Ms Vale said that the guild backs the offer.', [framed, reported], [t3, t4]);
    expect(claimEvidence(ctx2, [{ claim: 0, sim: 0.5, linked: true }, { claim: 1, sim: 0.6, otherGroup: true, linked: true }]).map((r) => [r.sentence, r.relation, r.kind])).toEqual([[5, 'differs', 'less-certain']]);
  });

  it('keeps a differing member of an article beside its higher-scoring agreeing one', () => {
    const [agreeing, t1] = corpusClaim('About 40 crews walked out.');
    const [differing, t2] = corpusClaim('Some 60 crews walked out.');
    differing[1] = 4;
    const [other, t3] = corpusClaim('About 40 crews walked out.');
    other[0] = 1;
    const ctx = context('About 40 crews walked out.', [agreeing, differing, other], [t1, t2, t3]);
    const refs = claimEvidence(ctx, [
      { claim: 0, sim: 0.9 },
      { claim: 1, sim: 0.5 },
      { claim: 2, sim: 0.7 },
    ]);
    expect(refs.map((r) => [r.article, r.sentence, r.relation, r.kind])).toEqual([
      ['a', 1, 'agrees', undefined],
      ['a', 4, 'differs', 'contradiction'],
      ['b', 1, 'agrees', undefined],
    ]);
  });

  it('shows a claim of another group for a covered article only when it differs', () => {
    const [best, t1] = corpusClaim('About 40 crews walked out.');
    const [same, t2] = corpusClaim('About 40 crews walked out again.');
    same[1] = 3;
    const [conflict, t3] = corpusClaim('Some 90 crews walked out.');
    conflict[1] = 5;
    const ctx = context('About 40 crews walked out.', [best, same, conflict], [t1, t2, t3]);
    const refs = claimEvidence(ctx, [
      { claim: 0, sim: 0.9 },
      { claim: 1, sim: 0.8, otherGroup: true },
      { claim: 2, sim: 0.8, otherGroup: true },
    ]);
    expect(refs.map((r) => [r.sentence, r.relation])).toEqual([
      [1, 'agrees'],
      [5, 'differs'],
    ]);
  });
});

describe('lookup names the kind (invented corpus)', () => {
  const article = (id: string, outlet: string, date: string, body: string[]) => ({
    id,
    text: ['Ferry strike halts crossings', ...body].join('\n\n'),
    meta: { outlet, headline: 'Ferry strike halts crossings', date, url: `https://example.org/${id}` },
  });
  const index = analyseCorpus([
    article('a', 'Harbour Herald', '2021-03-10', [
      'About 40 ferry crews walked out at Kessel Quay on Monday in a dispute over pay.',
      'The guild said 62% of its members had voted for the strike in a ballot.',
      'The operator may have broken the pay agreement, the Coastal Workers Guild said.',
      'Speaking at a rally of ferry crews at the harbour depot in Westford on the eve of the ballot, the guild general secretary Mara Vale will tell members that the operator has broken its word on pay.',
    ]),
    article('b', 'Westford Daily', '2021-03-11', ['The 40 crews at Kessel Quay in Dunmore Valley voted on Tuesday to stay out until the operator improves its pay offer.']),
  ]);
  const kindOf = (text: string) => {
    const claim = lookup(text, index).detections.find((d) => d.kind === 'claim');
    const a = claim?.coverage.find((c) => c.article === 'a');
    return a && { relation: a.relation, kind: a.kind, values: a.values };
  };

  it.each([
    ['43 ferry crews walked out at Kessel Quay on Monday in a dispute over pay.', { attribute: 'figure', kind: 'less-precise', page: '43', corpus: 'About 40' }],
    ['About 40 ferry crews walked out in Dunmore Valley on Monday in a dispute over pay.', { attribute: 'place', kind: 'place-within', page: 'Dunmore Valley', corpus: 'Kessel Quay', basis: 'text' }],
    ['About 40 ferry crews walked out at Kessel Quay on Tuesday in a dispute over pay.', { attribute: 'date', kind: 'contradiction', page: 'Tuesday', corpus: 'Monday' }],
    ['The guild said 62% of its officials had voted for the strike in a ballot.', { attribute: 'scope', kind: 'scope', page: '62% of its officials', corpus: '62% of its members' }],
    ['The operator broke the pay agreement, the Coastal Workers Guild said.', { attribute: 'certainty', kind: 'less-certain', page: 'stated', corpus: 'may have' }],
    ['About 40 ferry crews did not walk out at Kessel Quay on Monday in a dispute over pay.', { attribute: 'negation', kind: 'negation', page: 'not', corpus: 'stated' }],
    ['Mara Vale spoke at a rally of ferry crews at the harbour depot in Westford.', { attribute: 'certainty', kind: 'less-certain', page: 'stated', corpus: 'will' }],
  ])('%s', (text, values) => {
    expect(kindOf(text)).toEqual({ relation: 'differs', kind: values.kind, values });
  });

  it('a clause opening with a participle takes its sentence\'s certainty (compile.ts)', () => {
    // "Speaking at a rally …, Mara Vale will tell members …": the speaking is planned too.
    const data = compileMatcher(index);
    const clause = index.claims.findIndex((c) => c.text.startsWith('Speaking at a rally') && !c.text.includes('will tell'));
    expect(clause).toBeGreaterThanOrEqual(0);
    expect(data.claimTraits![clause].slice(0, 2)).toEqual([Certainty.expected, 'will']);
  });

  it.each([
    // [page sentence, whether it links article a (dated 2021-03-10)]
    ['About 40 ferry crews walked out at Kessel Quay on Monday in a dispute over pay.', true],
    ['About 40 ferry crews walked out at Kessel Quay in 2021 in a dispute over pay.', true],
    // The same people, place and doings, another event: a repeat, or a year after the article.
    ['About 40 ferry crews walked out at Kessel Quay again in a dispute over pay.', false],
    ['A year later, about 40 ferry crews walked out at Kessel Quay in a dispute over pay.', false],
    ['About 40 ferry crews walked out at Kessel Quay in 2023 in a dispute over pay.', false],
    // A claim with no date of its own: its article's year (2021) bounds what it can report as done.
    ['The guild said 62% of its members had voted for the strike in a ballot.', true],
    ['In 2024 the guild said 62% of its members had voted for the strike in a ballot.', false],
  ])('another event links nothing: %s → %s', (text, links) => {
    const claim = lookup(text, index).detections.find((d) => d.kind === 'claim');
    expect(claim?.coverage.some((c) => c.article === 'a') ?? false).toBe(links);
  });

  describe('a headline is of its article\'s year', () => {
    const headline = 'Mara Vale wins guild leadership ballot at Kessel Quay';
    const ballot = analyseCorpus([
      {
        id: 'h',
        text: [headline, 'Mara Vale, the general secretary of the Coastal Workers Guild, was re-elected on Monday.', 'Ms Vale thanked the ferry crews at Kessel Quay.'].join('\n\n'),
        meta: { outlet: 'Harbour Herald', headline, date: '2021-03-10', url: 'https://example.org/h' },
      },
    ]);
    it.each([
      // [page sentence, page date, whether it links the headline]
      ['Mara Vale won the guild leadership ballot at Kessel Quay on Monday.', '2021-03-12', true],
      ['Mara Vale won the guild leadership ballot at Kessel Quay.', undefined, true],
      // The headline states its article's news: the ballot of 2021, not one placed wholly in another year.
      ["Mara Vale won last year's guild leadership ballot at Kessel Quay.", '2021-03-12', false],
      ['Mara Vale won the guild leadership ballot at Kessel Quay in 2019.', undefined, false],
      ['Mara Vale won the guild leadership ballot at Kessel Quay last month.', '2023-05-20', false],
      // Read on 20 January 2022, last month is December 2021: the article's year.
      ['Mara Vale won the guild leadership ballot at Kessel Quay last month.', '2022-01-20', true],
    ])('%s (page date %s) → %s', (text, pageDate, links) => {
      const claim = lookup(text, ballot, undefined, pageDate).detections.find((d) => d.kind === 'claim');
      expect(claim?.coverage.some((c) => c.article === 'h' && c.excerpt.startsWith(headline)) ?? false).toBe(links);
    });
  });

  it('a later year on the page is no other event for a claim of what is planned', () => {
    const text = 'In 2023 the guild general secretary Mara Vale will tell members at a rally of ferry crews at the harbour depot in Westford that the operator has broken its word on pay.';
    const claim = lookup(text, index).detections.find((d) => d.kind === 'claim');
    expect(claim?.coverage.some((c) => c.article === 'a')).toBe(true);
  });

  it.each([
    // a says "on Monday" in an article of Wednesday 10 March 2021: Monday 8 March.
    ['2021-03-09', undefined],
    ['2021-03-12', 'contradiction'],
  ])('resolves "yesterday" against the page date %s', (pageDate, kind) => {
    const text = 'About 40 ferry crews walked out at Kessel Quay yesterday in a dispute over pay.';
    const claim = lookup(text, index, undefined, pageDate).detections.find((d) => d.kind === 'claim')!;
    expect(claim.coverage.find((c) => c.article === 'a')!.kind).toBe(kind);
  });
});
