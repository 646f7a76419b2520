import { describe, expect, it } from 'vitest';
import { corpus } from './helpers';

const aliasesOf = (body: string[], name: string) => corpus(...body).entities.find((e) => e.name === name)?.aliases;

describe('3.8 organisations: short forms the corpus introduces', () => {
  it.each([
    // In brackets after the full name.
    [['The International Widget Association (IWA) met. The IWA said no.'], ['IWA', 'International Widget Association']],
    // Its initials, used after the full name in the same article.
    [['The Northern Rail Board met. Later the NRB said no.'], ['NRB', 'Northern Rail Board']],
    // Initials used before the full name, or only in another article, are not introduced.
    [['The NRB met. The Northern Rail Board said no.'], ['Northern Rail Board']],
    [['The Northern Rail Board met.', 'The NRB said no. The NRB met.'], ['Northern Rail Board']],
    // "X" for "X Party" when the corpus writes "X" alone.
    [['The Civic Party met. Civic voters stayed home.'], ['Civic', 'Civic Party']],
  ])('%j → %j', (body, expected) => {
    expect(aliasesOf(body, expected[expected.length - 1])).toEqual(expected);
  });
});
