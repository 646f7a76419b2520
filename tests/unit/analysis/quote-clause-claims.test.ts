/**
 * Quote clause claims (step 7): a sentence of direct speech that is no claim as a whole (an
 * opinion or exhortation around its facts) still gives each clause that names someone and states
 * an event a claim of type "quoted", of the quote's speaker. On invented text (no seed words); each
 * expectation is read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';

const cases: [string, string, string[]][] = [
  [
    'an exhortation holding a fact about a named person',
    '"We must be clear that if they close the depot now it is a betrayal of every one of us, including the drivers who have stayed loyal to Tom Reyes, and a betrayal of the town," Ana Ruiz said.',
    ['including the drivers who have stayed loyal to Tom Reyes'],
  ],
  [
    'an exhortation whose clauses name no one',
    '"We must be clear that if they close the depot now it is a betrayal of every one of us, including the drivers who have stayed loyal all year, and a betrayal of the town," Ana Ruiz said.',
    [],
  ],
  [
    'a quoted question',
    '"Why should the drivers who have stayed loyal to Tom Reyes pay for the closure of the depot?" Ana Ruiz said.',
    [],
  ],
];

describe('quote clause claims', () => {
  it.each(cases)('%s', (_name, sentence, expected) => {
    const index = analyseCorpus([{ id: 'q1', text: ['Depot closure row deepens in the town', 'Ana Ruiz, the council leader, spoke to drivers at the depot on Monday.', sentence].join('\n\n') }]);
    const a = index.articles[0];
    const s = a.sentences.findIndex((x) => a.text.slice(x.start, x.end).startsWith(sentence.slice(0, 20)));
    expect(s).toBeGreaterThan(0);
    const parts = index.claims.filter((c) => c.sentence === s && c.id.includes('.'));
    expect(parts.map((c) => c.text)).toEqual(expected);
    const speaker = index.entities.find((e) => e.name === 'Ana Ruiz');
    for (const c of parts) {
      expect(c.type).toBe('quoted');
      expect(c.entities).toContain(speaker!.id);
    }
  });
});
