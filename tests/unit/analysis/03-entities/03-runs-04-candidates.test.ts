import { describe, expect, it } from 'vitest';
import { corpus, names } from './helpers';

describe('3.3 runs and 3.4 candidates', () => {
  it.each([
    // A determiner never starts a name, even when the corpus capitalises it mid-sentence.
    ['That party won. He said: "That party will lose." Jane Doe said so.', ['person Jane Doe']],
    // "and" after a complete organisation name starts another name.
    ['The Civic Party and the Green Alliance agreed. A spokesman for the Green Alliance said so.', ['organisation Civic Party', 'organisation Green Alliance']],
    // ... but joins the words of one name.
    ['The Transport and General Workers Union met.', ['organisation Transport and General Workers Union']],
    // Head-first names.
    ['She studied at the University of Avonley.', ['organisation University of Avonley']],
    // An unknown first word of an organisation's name is kept at a sentence start; a known adverb is not.
    ['Ferrow Bank said profits fell. Meanwhile Acme Union said no.', ['organisation Acme Union', 'organisation Ferrow Bank']],
    // A company ending.
    ['Skyward Airlines made a profit.', ['organisation Skyward Airlines']],
  ])('%j → %j', (body, expected) => {
    expect(names(corpus(body))).toEqual(expected);
  });
});
