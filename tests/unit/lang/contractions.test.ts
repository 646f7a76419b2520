/**
 * Contractions read one way whichever tokenizer made the tokens (core/lang/contractions): the
 * analysis's segmenter keeps "he'll" one word, the page tokenizer gives "he", "'", "ll". Invented
 * sentences.
 */
import { describe, expect, it } from 'vitest';
import { contractedFutureAt, isContractedFuture, negatedAuxiliaryAt, withoutPossessive } from '../../../src/core/lang/contractions';
import { dayFromParts, findDateSpans } from '../../../src/core/lang/date-spans';
import { Certainty, readCertainties } from '../../../src/core/lang/certainty';
import { readNegationOf } from '../../../src/core/lang/negation';
import { wordKey } from '../../../src/core/lang/keywords';
import { QuantityLevel, readQuantityScope } from '../../../src/core/lang/quantity-scope';
import { readVagueTime } from '../../../src/core/lang/vague-time';
import { isFutureMarker } from '../../../src/core/lang/reporting-verbs';
import { wordRun } from '../../../src/core/lang/segment';
import type { TokenRun } from '../../../src/core/lang/token-flags';
import { Tokens, tokenize } from '../../../src/core/match/tokens';

/** The page tokenizer's run of a text. */
function pageRun(text: string): TokenRun {
  const t = new Tokens();
  tokenize(text, t);
  return { norm: t.norm.slice(0, t.count), start: t.start.slice(0, t.count), end: t.end.slice(0, t.count), flags: t.flags.slice(0, t.count) };
}

const BOTH: [string, (text: string) => TokenRun][] = [
  ['analysis segmenter', wordRun],
  ['page tokenizer', pageRun],
];

describe.each(BOTH)('contractions through the %s', (_, run) => {
  it.each(["She'll tell the harbour board the ferry stays.", 'She’ll tell the harbour board the ferry stays.'])('reads the contracted future in %j', (text) => {
    const t = run(text);
    const found = contractedFutureAt(t, 0, t.norm.length);
    expect(found?.cue).toBe("she'll");
    // The next token is the verb after it, whichever way the words were cut.
    expect(t.norm[found!.next]).toBe('tell');
  });

  it('reads no contracted future in a possessive or a plain word', () => {
    for (const text of ["The mill's owner will sell.", 'The hill stays open.', "Bill's boat sank."]) {
      const t = run(text);
      for (let i = 0; i < t.norm.length; i++) expect(contractedFutureAt(t, i, t.norm.length)).toBeNull();
    }
  });

  it('puts "she\'ll say" at the level of "she will say", with the contracted word as its cue', () => {
    const contracted = run("She'll say the ferry stays on the winter timetable.");
    const written = run('She will say the ferry stays on the winter timetable.');
    const a = readCertainties(contracted, 0, contracted.norm.length);
    const b = readCertainties(written, 0, written.norm.length);
    expect(a.clause).toEqual({ level: Certainty.expected, cue: "she'll" });
    expect(b.clause).toEqual({ level: Certainty.expected, cue: 'will' });
  });

  it('leaves a contracted future inside quote marks to the speaker', () => {
    const t = run('"We\'ll win the vote," the skipper said.');
    const quoted = (i: number) => t.start[i] < t.start[t.norm.lastIndexOf('"')];
    expect(readCertainties(t, 0, t.norm.length, quoted).clause.level).toBe(Certainty.stated);
  });

  it.each([
    ["The guild won last year's harbour vote.", 'The guild won the harbour vote last year.'],
    ["The guild won Monday's harbour vote.", 'The guild won the harbour vote on Monday.'],
    ["The guild won yesterday's harbour vote.", 'The guild won the harbour vote yesterday.'],
    ["The guild won September's harbour vote.", 'The guild won the harbour vote in September.'],
  ])('places the possessive date in %j as in %j', (possessive, plain) => {
    const day = dayFromParts(2021, 3, 10);
    const a = run(possessive);
    const b = run(plain);
    const [pa] = findDateSpans(a, 0, a.norm.length, day);
    const [pb] = findDateSpans(b, 0, b.norm.length, day);
    expect(pb).toBeDefined();
    expect([pa?.lo, pa?.hi]).toEqual([pb.lo, pb.hi]);
  });

  it('places "last year\'s" in the year before the text\'s', () => {
    const t = run("The guild won last year's harbour vote.");
    const [span] = findDateSpans(t, 0, t.norm.length, dayFromParts(2021, 3, 10));
    expect([span?.lo, span?.hi]).toEqual([dayFromParts(2020, 1, 1), dayFromParts(2020, 12, 31)]);
  });

  it('reads a negated auxiliary with its cue and the word it denies', () => {
    const t = run("The union didn't support the strike.");
    const at = t.norm.findIndex((w) => w.startsWith('didn'));
    expect(negatedAuxiliaryAt(t, at, t.norm.length)?.cue).toBe("didn't");
    expect(readNegationOf(t, 0, t.norm.length)).toEqual({ cue: "didn't", target: 'support' });
  });
});

describe('isContractedFuture and isFutureMarker (the analysis\'s words)', () => {
  it('reads a word holding the contracted future as a future marker', () => {
    expect(isContractedFuture("they'll")).toBe(true);
    expect(isFutureMarker("they'll")).toBe(true);
    expect(isFutureMarker('will')).toBe(true);
    expect(isContractedFuture("'ll")).toBe(false);
    expect(isFutureMarker("mill's")).toBe(false);
  });
});

describe('a quote introduced by a contracted future (the analysis)', () => {
  it('dates "she\'ll say" as the future, as "she will say"', async () => {
    const { analyseCorpus } = await import('../../../src/core/analysis/index');
    const tenses = (intro: string) =>
      analyseCorpus([{ id: 'x1', text: `Mara Quint opens the ferry terminal\n\n"The island deserves a crossing every hour," ${intro} at the pier.` }]).quotes.map((q) => q.tense);
    expect(tenses('she will say')).toEqual(['future']);
    expect(tenses("she'll say")).toEqual(['future']);
    expect(tenses('she said')).toEqual(['past']);
  });
});

describe('withoutPossessive', () => {
  it('drops a possessive "\'s" and nothing else', () => {
    expect(withoutPossessive("year's")).toBe('year');
    expect(withoutPossessive('years')).toBe('years');
    expect(withoutPossessive("'s")).toBe("'s");
  });
});

describe('readers of a sentence agree whichever tokenizer cut it (apostrophes)', () => {
  const readers: [string, (t: TokenRun) => unknown][] = [
    ['quantity', (t) => readQuantityScope(t, 0, t.norm.length)?.keys ?? null],
    ['quantity level', (t) => readQuantityScope(t, 0, t.norm.length)?.level ?? null],
    ['vague time', (t) => readVagueTime(t, 0, t.norm.length) !== null],
    ['certainty', (t) => readCertainties(t, 0, t.norm.length)],
    ['negation', (t) => readNegationOf(t, 0, t.norm.length)],
    ['dates', (t) => findDateSpans(t, 0, t.norm.length, dayFromParts(2021, 3, 10)).map((d) => [d.lo, d.hi])],
  ];
  it.each([
    "All of the union's members backed the plan.",
    "Most of the council's members backed the plan.",
    "Every town's council voted.",
    "The guild won the next election's first round.",
    "They'll win Monday's vote.",
    "It couldn't close before last year's vote.",
    "The mayor's office may have closed the yard.",
  ])('%s', (text) => {
    const analysis = wordRun(text);
    const page = pageRun(text);
    for (const [, read] of readers) expect(read(page)).toEqual(read(analysis));
  });

  it('reads the group past a possessive: "all of the union\'s members" is of the members', () => {
    for (const t of [wordRun("All of the union's members backed the plan."), pageRun("All of the union's members backed the plan.")]) {
      expect(readQuantityScope(t, 0, t.norm.length)).toMatchObject({ level: QuantityLevel.whole, keys: [wordKey('union'), wordKey('members')] });
    }
  });

  it('reads "the next election\'s" as an unplaced time', () => {
    for (const t of [wordRun("The guild won the next election's first round."), pageRun("The guild won the next election's first round.")]) expect(readVagueTime(t, 0, t.norm.length)).not.toBeNull();
  });
});
