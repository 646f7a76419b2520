/**
 * The same style of facts on an invented corpus from another domain than the seeds: a food
 * company's results, a new plant, a dividend row (tests/fixtures/corpora/second). It shows the
 * pipeline works on other people, places, outlets and figures than the seeds', outside politics.
 * Every expected value was checked against the article text (article and line in the comments).
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { validateIndex } from '../../../src/core/index/validate';
import { entity, indexOf } from './helpers';

const index = indexOf('tests/fixtures/corpora/second');

describe('second corpus (company results)', () => {
  it('is a valid index with the metadata from sources.json', () => {
    expect(() => validateIndex(JSON.parse(JSON.stringify(index)))).not.toThrow();
    expect(index.articles.map((a) => [a.id, a.outlet, a.date])).toEqual([
      ['a1', 'Harbour Gazette', '2031-03-04'],
      ['a2', 'Northern Ledger', 'unknown'],
      ['a3', 'Harbour Gazette', '2031-03-05'],
      ['a4', 'Coast Radio News', 'unknown'],
    ]);
    expect(index.articles[2].headline).toBe('Investors say Kelmar dividend is too small'); // a3 line 1 (no headline in sources.json)
  });

  it('finds the people and organisations, and nothing from furniture', () => {
    const people = index.entities.filter((e) => e.kind === 'person').map((e) => e.name);
    expect(people.sort()).toEqual(['Daniel Castellano', 'Ilse Brandvold', 'Marta Castellano', 'Tomas Ekberg']);
    const orgs = index.entities.filter((e) => e.kind === 'organisation').map((e) => e.name);
    expect(orgs.sort()).toEqual(['Kelmar Foods', "Retail Investors' Association"]);
    // a1: named in full (line 5), then "The RIA said …" (line 11).
    expect(entity(index, "Retail Investors' Association").aliases).toEqual(['RIA', "Retail Investors' Association"]);
    const all = index.entities.flatMap((e) => [e.name, ...e.aliases]).join(' ');
    expect(all).not.toMatch(/Halloway|Lena Marsh|Marsh|Coastal Images|Brackwater|Eastholm|Kelmar(?! Foods)/);
  });

  it('covers the chief executive in every article that names her', () => {
    expect(entity(index, 'Ilse Brandvold').coverage.map((c) => c.article)).toEqual(['a1', 'a2', 'a4']);
  });

  it('a surname shared by two people is ambiguous and never resolved', () => {
    const daniel = entity(index, 'Daniel Castellano');
    const marta = entity(index, 'Marta Castellano');
    expect(index.ambiguous).toEqual([
      { alias: 'Castellano', entities: [daniel.id, marta.id] }, // a2 line 11: "Castellano declined …"
      { alias: 'Ms Castellano', entities: [daniel.id, marta.id] }, // a3 line 5
    ]);
    for (const e of [daniel, marta]) {
      expect(e.aliases).toEqual([e.name]);
      for (const c of e.coverage) for (const m of c.mentions) expect(m.surface).toBe(e.name);
    }
    // "Ms Castellano said: …" (a3) is given to neither of them.
    const q = index.quotes.find((x) => x.article === 'a3')!;
    expect(q.speaker).toBeNull();
    expect(q.speakerText).toBe('Ms Castellano');
  });

  it('descriptors differ by outlet', () => {
    const daniel = entity(index, 'Daniel Castellano');
    const by = (a: string) => daniel.coverage.find((c) => c.article === a)!.descriptors.map((d) => d.text);
    expect(by('a1')).toEqual(["the company's regional director"]); // a1 line 9
    expect(by('a2')).toEqual(['Regional director', 'finance director']); // a2 lines 7, 9: "named Daniel Castellano as finance director"
    expect(by('a4')).toEqual(['a company director']); // a4 line 9
  });

  it('a definite description elsewhere in a sentence goes to the article\'s dominant person when the office matches', () => {
    const ilse = entity(index, 'Ilse Brandvold');
    const by = (a: string) => ilse.coverage.find((c) => c.article === a)!.descriptors.map((d) => d.text);
    expect(by('a1')).toEqual(['Chief executive']); // a1 line 7
    // a4 line 7: "… several wrote to the beleaguered chief executive to thank her."
    expect(by('a4')).toEqual(['beleaguered chief executive']);
    expect(entity(index, 'Daniel Castellano').coverage.find((c) => c.article === 'a4')!.descriptors.map((d) => d.text)).toEqual(['a company director']);
  });

  it('a first name used alone in an article that names the person in full is an alias', () => {
    const ilse = entity(index, 'Ilse Brandvold');
    expect(ilse.aliases).toEqual(['Ilse', 'Ilse Brandvold', 'Ms Brandvold']); // a4 lines 5, 7: "Ms Brandvold told …", "when Ilse arrived"
    expect(ilse.coverage.find((c) => c.article === 'a4')!.mentions.map((m) => m.surface)).toEqual(['Ilse Brandvold', 'Ms Brandvold', 'Ilse']);
    // Never used alone: no alias.
    expect(entity(index, 'Tomas Ekberg').aliases).toEqual(['Tomas Ekberg']);
  });

  it('one quote reported in two wordings is one group with word differences', () => {
    const [q1, q2] = ['a1', 'a2'].map((a) => index.quotes.find((q) => q.article === a && q.text.startsWith('We will not stand still'))!);
    expect(q1.speaker).toBe(entity(index, 'Daniel Castellano').id);
    expect(q2.speaker).toBe(q1.speaker);
    expect(q1.group).toBe(q2.group);
    const g = index.quoteGroups.find((x) => x.id === q1.group)!;
    const other = g.members.find((m) => m.quote !== g.reference)!;
    expect(other.relation).toBe('variant-quote');
    // a1 line 9 "while our rivals cut prices and close their stores" / a2 line 7 "while the rivals cut prices and close stores"
    expect(other.diff.filter((d) => d.op === 'removed').map((d) => d.text.trim())).toEqual(expect.arrayContaining(['our', 'their']));
    expect(other.diff.filter((d) => d.op === 'added').map((d) => d.text.trim())).toContain('the');
  });

  it('the figure disagreement: about 1,200 vs more than 2,000 jobs', () => {
    const [c1, c2] = ['a1', 'a2'].map((a) => index.claims.find((c) => c.article === a && c.type === 'figure')!);
    expect(c1.figures[0]).toMatchObject({ text: 'About 1,200', value: 1200, qualifier: 'about', unit: 'jobs' }); // a1 line 5
    expect(c2.figures[0]).toMatchObject({ text: 'More than 2,000', value: 2000, qualifier: 'more-than', unit: 'jobs' }); // a2 line 3
    expect(c1.group).toBe(c2.group);
    const g = index.claimGroups.find((x) => x.id === c1.group)!;
    expect(g.differences).toEqual([
      { attribute: 'figure', kind: 'contradiction', values: [{ article: 'a1', claim: c1.id, value: 'About 1,200' }, { article: 'a2', claim: c2.id, value: 'More than 2,000' }] },
    ]);
  });

  it('the place disagreement: the plant site in Brackwater vs Eastholm', () => {
    // a1 line 7 and a2 line 5: "… opened the site of the plant in Brackwater / Eastholm on Tuesday".
    const [c1, c2] = [['a1', 'Brackwater'], ['a2', 'Eastholm']].map(([a, p]) => index.claims.find((c) => c.article === a && c.places.includes(p))!);
    expect(c1.group).toBe(c2.group);
    const g = index.claimGroups.find((x) => x.id === c1.group)!;
    expect(g.differences.map((d) => d.attribute)).toEqual(['place']);
    expect(g.members.map((m) => m.relation).sort()).toEqual(['agrees', 'differs']);
  });

  it('money is a figure in GBP', () => {
    const f = index.claims.flatMap((c) => c.figures).find((x) => x.unit === 'GBP')!;
    expect(f).toMatchObject({ text: 'up to £3 million', value: 3e6, qualifier: 'up-to' }); // a3 line 7
  });

  it('a first name shared by two corpus people is ambiguous, not an alias', () => {
    const tiny = analyseCorpus([
      { id: 'x1', text: 'H\n\nAnna Berg opened the new library on Monday. Later Anna thanked the volunteers.' },
      { id: 'x2', text: 'H\n\nAnna Lind said the budget was too small.' },
    ]);
    const ids = tiny.entities.filter((e) => e.name.startsWith('Anna ')).map((e) => e.id).sort();
    expect(ids).toHaveLength(2);
    expect(tiny.ambiguous).toEqual(expect.arrayContaining([{ alias: 'Anna', entities: ids }]));
    for (const e of tiny.entities) expect(e.aliases).not.toContain('Anna');
  });

  it('a first name is not an alias when it is never used alone, or when the corpus writes it as a common word', () => {
    const tiny = analyseCorpus([
      { id: 'x1', text: 'H\n\nJonas Berg opened the new library on Monday. The council will pay for it.' },
      { id: 'x2', text: 'H\n\nWill Lindqvist said the budget was too small. Will said it again later.' },
    ]);
    for (const e of tiny.entities) expect(e.aliases.filter((a) => !a.includes(' '))).not.toEqual(expect.arrayContaining(['Jonas']));
    expect(tiny.entities.flatMap((e) => e.aliases)).not.toContain('Will');
    expect(tiny.ambiguous.map((a) => a.alias)).not.toContain('Will');
  });

  it('a bare surname shared by two people stays ambiguous even in a tiny corpus', () => {
    const tiny = analyseCorpus([
      { id: 'x', text: 'H\n\nAnna Berg met Jonas Berg at the station. Berg said it went well.' },
    ]);
    expect(tiny.ambiguous.map((a) => a.alias)).toContain('Berg');
    expect(tiny.entities.flatMap((e) => e.coverage.flatMap((c) => c.mentions.map((m) => m.surface)))).not.toContain('Berg');
  });
});
