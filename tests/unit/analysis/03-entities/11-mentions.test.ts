import { describe, expect, it } from 'vitest';
import { corpus } from './helpers';

const surfaces = (body: string[], name: string) =>
  corpus(...body).entities.find((e) => e.name === name)!.coverage.flatMap((c) => c.mentions.map((m) => `${c.article}:${m.surface}`));

describe('3.11 mentions', () => {
  it.each([
    // A title written before a surname is part of the mention; the full name the corpus uses is found whole.
    [['Jane Doe said yes. Ms Doe left.'], 'Jane Doe', ['a0:Jane Doe', 'a0:Ms Doe']],
    // Not inside a dateline or an all-caps line, even when the name is an entity elsewhere.
    [['A spokesman for Wirefeed Agency said so.', 'GLENHAVEN (Wirefeed Agency) - Talks resumed.\n\nWIREFEED AGENCY'], 'Wirefeed Agency', ['a0:Wirefeed Agency']],
    // A given name alone goes to the one person its article names in full, though the corpus has two
    // Annas (so "Anna" is no alias of either), and "Anna Berg" in a1 is not a mention of Anna Lind.
    [['Anna Lind said no. Later Anna left.', 'Anna Berg said yes.'], 'Anna Lind', ['a0:Anna Lind', 'a0:Anna']],
  ] as [string[], string, string[]][])('%j: %s → %j', (body, name, expected) => {
    expect(surfaces(body, name)).toEqual(expected);
  });
});
