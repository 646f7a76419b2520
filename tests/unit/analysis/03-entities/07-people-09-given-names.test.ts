import { describe, expect, it } from 'vitest';
import { corpus, names } from './helpers';

describe('3.7 people and 3.9 given names', () => {
  it('full names with the same first and last word are one person (the corpus says so)', () => {
    const index = corpus('Jane Quint Doe said the plan would work.', 'Jane Doe said it again. Doe said it twice.');
    expect(names(index)).toEqual(['person Jane Quint Doe']);
    expect(index.entities[0].aliases).toEqual(['Doe', 'Jane Doe', 'Jane Quint Doe']);
    expect(index.ambiguous).toEqual([]);
  });

  it('two people who share a surname stay two, and the surname alone is ambiguous', () => {
    const index = corpus('Jane Doe said the plan would work. Doe said it twice.', 'Anna Doe said it would fail. Mr Doe agreed.');
    expect(names(index)).toEqual(['person Anna Doe', 'person Jane Doe']);
    const ids = index.entities.map((e) => e.id).sort();
    expect(index.ambiguous).toEqual([{ alias: 'Doe', entities: ids }, { alias: 'Mr Doe', entities: ids }]);
    for (const e of index.entities) expect(e.aliases).toEqual([e.name]);
  });

  it('a person named only with a personal title is one when nobody with that surname is named in full', () => {
    // Named by the surname as written; the titled form is an alias.
    const alone = corpus('Mr Quarnby said no. Mr Quarnby left.');
    expect(names(alone)).toEqual(['person Quarnby']);
    expect(alone.entities[0].aliases).toEqual(['Mr Quarnby', 'Quarnby']);
    expect(names(corpus('Jane Quarnby said yes.', 'Mr Quarnby said no.'))).toEqual(['person Jane Quarnby']);
  });

  it('a given name used alone where the person is named in full is an alias', () => {
    const index = corpus('Ilse Brandvold opened the plant. Staff cheered when Ilse arrived.');
    expect(index.entities.map((e) => e.aliases)).toEqual([['Ilse', 'Ilse Brandvold']]);
  });
});
