/**
 * Embedded facts (lang/embedded-facts.ts) and their claims (step 7): an apposition or a relative
 * clause about a name is a claim of its own, of that name's, in a sentence of any length. On invented text (no seed words); each expectation is read
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
function facts(text: string, names: string[]): { kind: EmbeddedKind; text: string; subject: string }[] {
  const t = tokens(text);
  const nameWords = new Set(names.flatMap((n) => n.split(' ')));
  const marks = [...text.matchAll(/"/g)].map((m) => m.index!);
  const quoted = (i: number) => marks.length >= 2 && t[i].start > marks[0] && t[i].start < marks[marks.length - 1];
  const slice = (a: number, b: number) => text.slice(t[a].start, t[b - 1].end);
  return embeddedFacts(t, quoted, (i) => t[i].isCap && nameWords.has(text.slice(t[i].start, t[i].end))).map((f) => ({
    kind: f.kind,
    text: slice(f.from, f.to),
    subject: slice(f.subjectFrom, f.subjectTo),
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

});

describe('embedded claims', () => {
  const APPOSITION = 'One of the mayor\'s closest advisers, Dana Reyes, rejected the plan for the depot on Monday.';
  const index = analyseCorpus([{ id: 'x1', text: ['Depot plan rejected by the council', 'Dana Reyes spoke to reporters.', APPOSITION].join('\n\n') }]);
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

});
