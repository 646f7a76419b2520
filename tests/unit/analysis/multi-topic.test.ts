/**
 * Entities on a corpus of many topics (tests/fixtures/corpora/multi-topic, README there). The
 * expected lists were written by reading the 22 articles, article by article (comments name them).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/lang/normalize';
import { entity, indexOf } from './helpers';

const index = indexOf('tests/fixtures/corpora/multi-topic');

const PEOPLE = [
  'Farida Osei', 'Colin Rudd', // pol-01 (and pol-05)
  'Tobias Lund', 'Renata Vossberg', // pol-02 (Lund again in bus-02)
  'Ines Harrow', 'Ada Okoro', // pol-03
  'Oskar Brandt', 'Mirela Kostic', // pol-04
  'Alana Quist', 'Pieter Drummond', // bus-01
  'Gustav Lindqvist', // bus-02
  'Bridget Nakamura', // bus-03
  'Desmond Achebe', // bus-04
  'Yusuf Karimi', // bus-05
  'Helen Marsh', // sci-01, sci-03
  'Anil Deshpande', // sci-02
  'Sofia Brenner', // sci-03
  'Nadia Quarshie', // sci-04
  'Gary Marsh', 'Luis Ferreira', // spo-01
  'Jonas Eriksen', 'Ruth Brennan', // spo-02
  'Abena Osei', // spo-03
  'Marta Vidal', 'Yara Delacroix', // spo-04
  'Tomasz Wielgosz', 'Imogen Falk', // cul-01
  'Hamid Sadeghi', // cul-02
  'Lila Moreau', // cul-03
  'Rosa Lindgren', 'Martin Achterberg', // cul-04
];

const ORGANISATIONS = [
  'Green Alliance', 'Civic Party', // pol-01, pol-02, pol-05
  'National Assembly', // pol-02
  'Department of Defence', 'Talbot Aerospace', // pol-03
  'Public Accounts Office', 'General Assembly', // pol-04
  'Kestrel News', // pol-05
  'Ferrow Bank', 'Castell Securities', // bus-01
  'International Widget Association', // bus-02
  'Orrin Motors', 'Automotive Workers Union', // bus-03
  'Greenlow Stores', 'Pennywise Group', // bus-04
  'Skyward Airlines', // bus-05
  'Northshore Marine Institute', // sci-01
  'Brightwater Medical Research Council', 'Health Products Agency', // sci-02
  'University of Avonley', // sci-03, sci-04
  'Mendel Society', // sci-04
  'Tarrant Rovers', 'Kesslow Athletic', // spo-01, spo-02
  'Northbeam Records', // cul-03
  'Kesslow Film Society', // cul-04
];

const allForms = () => index.entities.flatMap((e) => [e.name, ...e.aliases]);

describe('multi-topic corpus: entities', () => {
  it('has 22 articles over five topics', () => {
    expect(index.articles).toHaveLength(22);
    expect(new Set(index.articles.map((a) => a.id.slice(0, 3)))).toEqual(new Set(['pol', 'bus', 'sci', 'spo', 'cul']));
  });

  it('finds exactly the people a reader finds', () => {
    expect(index.entities.filter((e) => e.kind === 'person').map((e) => e.name).sort()).toEqual([...PEOPLE].sort());
  });

  it('finds exactly the organisations a reader finds', () => {
    expect(index.entities.filter((e) => e.kind === 'organisation').map((e) => e.name).sort()).toEqual([...ORGANISATIONS].sort());
  });

  it.each([
    ['That'], ['That party'], ['News'], ['General'], ['US'], ['Greens'], // function words, determiner phrases, generic words
    ['KESSLOW'], ['GLENHAVEN'], ['Wirefeed'], // datelines
    ['HARBOUR PRESS AGENCY'], ['Marit Solberg'], ['Kieran Dale'], ['Tarrant Photo Agency'], ['Jonah Pell'], ['Harbour Pictures'], // credit lines
    ['BUSINESS NEWS IN BRIEF'], ['EXCLUSIVE'], // all-caps lines
    ['Civic Party and the Green Alliance'], // two organisations joined by "and the" (pol-05)
    ['Halden Observatory'], ['Glenhaven Grand Prix'], ['Harwick Prize'], ['Glenhaven Arena'], // facilities, events, prizes
  ])('%j is neither an entity nor an alias', (form) => {
    expect(allForms().map(normalize)).not.toContain(normalize(form));
  });

  it('an acronym is an alias only where the corpus introduces it: "the International Widget Association (IWA)"', () => {
    expect(entity(index, 'International Widget Association').aliases).toEqual(['IWA', 'International Widget Association']);
    const acronyms = index.entities.flatMap((e) => e.aliases).filter((a) => /^\p{Lu}{2,}$/u.test(a));
    expect(acronyms).toEqual(['IWA']);
    // "The IWA, which represents …" (bus-02) is a mention of the association, not another organisation.
    const cov = entity(index, 'International Widget Association').coverage.find((c) => c.article === 'bus-02')!;
    expect(cov.mentions.map((m) => m.surface)).toEqual(['International Widget Association', 'IWA', 'IWA']);
  });

  it('two people who share a surname stay two, and the lone surname is ambiguous', () => {
    const [helen, gary, farida, abena] = ['Helen Marsh', 'Gary Marsh', 'Farida Osei', 'Abena Osei'].map((n) => entity(index, n));
    expect(index.ambiguous).toEqual([
      { alias: 'Marsh', entities: [gary.id, helen.id] }, // sci-01 "Marsh said", spo-01 "Marsh, who joined …"
      { alias: 'Ms Osei', entities: [abena.id, farida.id] }, // pol-01 "Ms Osei said"
      { alias: 'Osei', entities: [abena.id, farida.id] }, // spo-03 "Osei, 22, took …"
    ]);
    expect(helen.coverage.map((c) => c.article)).toEqual(['sci-01', 'sci-03']);
    expect(gary.coverage.map((c) => c.article)).toEqual(['spo-01']);
    expect(farida.coverage.map((c) => c.article)).toEqual(['pol-01', 'pol-05']);
    expect(abena.coverage.map((c) => c.article)).toEqual(['spo-03']);
    for (const e of [helen, gary, farida, abena]) {
      expect(e.aliases).toEqual([e.name]);
      // Only full names, with a title where one was written ("Dr Helen Marsh", sci-03): never a lone surname.
      for (const c of e.coverage) for (const m of c.mentions) expect([e.name, `Dr ${e.name}`]).toContain(m.surface);
    }
  });

  it.each([
    ['Tobias Lund', ['Mr Lund', 'Tobias Lund']], // pol-02 "Mr Lund told …"
    ['Anil Deshpande', ['Anil Deshpande', 'Professor Deshpande']], // sci-02
    ['Sofia Brenner', ['Dr Brenner', 'Sofia Brenner']], // sci-03 "Dr Brenner's team"
    ['Jonas Eriksen', ['Eriksen', 'Jonas Eriksen']], // spo-02 "Eriksen, 24, …"
    ['Yara Delacroix', ['Delacroix', 'Yara Delacroix']], // spo-04 "Delacroix said …"
    ['Lila Moreau', ['Lila', 'Lila Moreau', 'Moreau']], // cul-03: "Lila is resting", "Moreau was due …"
    ['Civic Party', ['Civic Party']],
    // pol-05 opens a sentence with "General election …": the short form "General" is a generic word, never an alias.
    ['General Assembly', ['General Assembly']],
  ])('%s has the aliases the corpus uses: %j', (name, aliases) => {
    expect(entity(index, name).aliases).toEqual(aliases);
  });

  it('credit lines are furniture, kept for audit', () => {
    const reasons = (id: string) => index.articles.find((a) => a.id === id)!.furniture.map((f) => [f.reason, f.text]);
    expect(reasons('bus-01')).toEqual([['photo caption', 'Photograph: Jonah Pell/Harbour Pictures']]);
    expect(reasons('bus-04')).toEqual([['photo credit', 'PHOTO BY MARIT SOLBERG/HARBOUR PRESS AGENCY']]);
    expect(reasons('sci-04')).toEqual([['photo credit', 'Picture by Kieran Dale/Tarrant Photo Agency']]);
  });
});
