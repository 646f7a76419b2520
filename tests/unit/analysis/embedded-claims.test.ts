/**
 * Embedded facts (lang/embedded-facts.ts) and their claims (step 7): an apposition or a relative
 * clause about a name, an opening participle phrase and the frame of reported speech are claims of
 * their own, in a sentence of any length. On invented text (no seed words); each expectation is read
 * off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { embeddedFacts, type EmbeddedKind } from '../../../src/core/lang/embedded-facts';

/** Tokens of a plain sentence: words and single punctuation marks. */
function tokens(text: string) {
  return [...text.matchAll(/[\p{L}\p{N}']+|[^\s\p{L}\p{N}]/gu)].map((m) => ({
    norm: m[0].toLowerCase(),
    start: m.index!,
    end: m.index! + m[0].length,
    isWord: /[\p{L}\p{N}]/u.test(m[0]),
    isCap: /^\p{Lu}/u.test(m[0]),
  }));
}

/** The embedded facts of `text`, names given as the words of `names`, quotes between straight double quotes. */
function facts(text: string, names: string[]): { kind: EmbeddedKind; text: string; subject: string | null }[] {
  const t = tokens(text);
  const nameWords = new Set(names.flatMap((n) => n.split(' ')));
  const marks = [...text.matchAll(/"/g)].map((m) => m.index!);
  const quoted = (i: number) => marks.length >= 2 && t[i].start > marks[0] && t[i].start < marks[marks.length - 1];
  const slice = (a: number, b: number) => text.slice(t[a].start, t[b - 1].end);
  return embeddedFacts(t, quoted, (i) => t[i].isCap && nameWords.has(text.slice(t[i].start, t[i].end))).map((f) => ({
    kind: f.kind,
    text: slice(f.from, f.to),
    subject: f.subjectFrom >= 0 ? slice(f.subjectFrom, f.subjectTo) : null,
  }));
}

describe('embeddedFacts', () => {
  it('an apposition before a name, the name its subject', () => {
    expect(facts('However one of the mayor\'s closest advisers, Dana Reyes, rejected the plan for the depot.', ['Dana Reyes'])).toEqual([
      { kind: 'apposition', text: 'one of the mayor\'s closest advisers, Dana Reyes', subject: 'Dana Reyes' },
    ]);
  });

  it('an apposition after a name that opens the sentence', () => {
    expect(facts('Dana Reyes, the council\'s former finance chief, rejected the plan.', ['Dana Reyes'])).toEqual([
      { kind: 'apposition', text: 'Dana Reyes, the council\'s former finance chief', subject: 'Dana Reyes' },
    ]);
  });

  it('a role of two words is no apposition (the descriptor step reads it), nor a stretch with a verb', () => {
    expect(facts('Dana Reyes, the mayor, rejected the plan.', ['Dana Reyes'])).toEqual([]);
    expect(facts('Dana Reyes, as the vote neared, rejected the plan.', ['Dana Reyes'])).toEqual([]);
  });

  it('a non-restrictive relative clause after a name, from the name', () => {
    expect(facts('The board thanked Dana Reyes, who ran the port authority until March, for her work.', ['Dana Reyes'])).toEqual([
      { kind: 'relative', text: 'Dana Reyes, who ran the port authority until March', subject: 'Dana Reyes' },
    ]);
    // Without a name before the comma there is no subject to carry: nothing.
    expect(facts('The board thanked the director, who ran the port authority until March, for her work.', [])).toEqual([]);
  });

  it('an opening participle phrase, no preposition ending in -ing', () => {
    expect(facts('Speaking at a rally in the old town hall, she said the depot would open soon.', [])).toEqual([
      { kind: 'participle', text: 'Speaking at a rally in the old town hall', subject: null },
    ]);
    expect(facts('During a rally in the old town hall, she said the depot would open soon.', [])).toEqual([]);
    expect(facts('According to the minutes of the meeting, she said the depot would open soon.', [])).toEqual([]);
  });

  it('the frame of reported speech before a closing quotation, without its lead-in words', () => {
    expect(facts('The mayor told residents in a packed hall that "the depot will open in the spring as planned".', [])).toEqual([
      { kind: 'speech-frame', text: 'The mayor told residents in a packed hall', subject: null },
    ]);
    // A quoted fragment inside the sentence leaves no frame: what comes before it is cut mid-phrase.
    expect(facts('The mayor told residents that the "grand opening of the depot" would come after the spring floods had passed.', [])).toEqual([]);
  });
});

describe('embedded claims', () => {
  const APPOSITION = 'One of the mayor\'s closest advisers, Dana Reyes, rejected the plan for the depot on Monday.';
  const FRAME = 'The mayor told residents in a packed hall that "the new depot will open in the spring as planned".';
  const index = analyseCorpus([{ id: 'x1', text: ['Depot plan rejected by the council', 'Dana Reyes spoke to reporters.', APPOSITION, FRAME].join('\n\n') }]);
  const claimsOf = (text: string) => {
    const s = index.articles[0].sentences.findIndex((x) => index.articles[0].text.slice(x.start, x.end) === text);
    return index.claims.filter((c) => c.sentence === s);
  };

  it('an apposition in a short sentence is a claim of its own, of the name it describes, numbered after the sentence', () => {
    const own = claimsOf(APPOSITION);
    expect(own[0].text).toBe(APPOSITION);
    const part = own.find((c) => c.text === 'One of the mayor\'s closest advisers, Dana Reyes');
    expect(part).toBeDefined();
    expect(part!.id).toMatch(/#c\d+\.1$/);
    expect(part!.entities.some((e) => e.startsWith('person:'))).toBe(true);
    expect(part!.keywords).toEqual(expect.arrayContaining(['adviser', 'mayor']));
  });

  it('the frame of reported speech is a claim, its quoted words left out', () => {
    const own = claimsOf(FRAME);
    expect(own.map((c) => c.text)).toContain('The mayor told residents in a packed hall');
  });
});
