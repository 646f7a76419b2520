import { describe, expect, it } from 'vitest';
import { corpus, names } from './helpers';

describe('3.5 evidence and 3.6 classification', () => {
  it.each([
    // One strong cue is enough: a personal title, a known given name.
    ['Mr Quarn Vell arrived.', ['person Quarn Vell']],
    ['Jane Vell arrived.', ['person Jane Vell']],
    // A weak cue alone is not: a role noun only ...
    ['The striker Quarn Vell arrived.', []],
    // ... but a role in apposition is two ("His deputy, X Y, will …").
    ['His deputy, Quarn Vell, will lead.', ['person Quarn Vell']],
    // A role noun, and the surname alone with a speech verb ("Vell said") or an age ("Vell, 31,").
    ['The striker Quarn Vell arrived. Vell said he was happy.', ['person Quarn Vell']],
    ['The striker Quarn Vell arrived. Vell, 31, was happy.', ['person Quarn Vell']],
    // A venue is a place, never a person or an organisation.
    ['She sang at the Glenhaven Arena.', []],
    // A country's abbreviation used in several sentences is not an organisation.
    ['US officials met. The US embassy said so.', []],
    // An acronym with no other evidence needs two sentences.
    ['The QXR met. The QXR said no.', ['organisation QXR']],
    ['The QXR met.', []],
  ])('%j → %j', (body, expected) => {
    expect(names(corpus(body))).toEqual(expected);
  });

  it('a full name whose surname another person has is a person of its own', () => {
    const index = corpus('Jane Osei won the seat. Ms Osei said so.', 'The sprinter Abena Osei won. Osei, 22, was happy.');
    expect(names(index)).toEqual(['person Abena Osei', 'person Jane Osei']);
    expect(index.ambiguous.map((a) => a.alias)).toEqual(['Ms Osei', 'Osei']);
  });
});
