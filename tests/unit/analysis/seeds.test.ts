/**
 * What the index says about the seeds. Every expected value here was checked against the article
 * text in seeds/ (line numbers in the comments), not copied from the output.
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../../src/core/lang/normalize';
import { article, entity, indexOf } from './helpers';

const index = indexOf('seeds');
const A = (p: string) => article(index, p);

describe('seeds: people and organisations', () => {
  it('Jeremy Corbyn is covered by all five articles', () => {
    const corbyn = entity(index, 'Jeremy Corbyn');
    expect(corbyn.kind).toBe('person');
    expect(corbyn.coverage.map((c) => c.article)).toEqual(index.articles.map((a) => a.id));
    expect(corbyn.aliases).toEqual(expect.arrayContaining(['Jeremy Corbyn', 'Corbyn', 'Mr Corbyn']));
  });

  it('Owen Smith is described differently by each outlet', () => {
    const smith = entity(index, 'Owen Smith');
    const by = (p: string) => smith.coverage.find((c) => c.article === A(p))!.descriptors.map((d) => d.text);
    expect(by('000')).toContain('former shadow work and pensions secretary'); // 000 line 15
    expect(by('001')).toEqual(expect.arrayContaining(['leadership rival', 'the Pontypridd MP'])); // 001 lines 17, 19
    expect(by('002')).toContain('rival candidate'); // 002 line 25
    expect(by('002')).not.toContain('leadership rival');
  });

  it('the leader is described by every outlet, in its own words, from descriptions that refer back to him', () => {
    const corbyn = entity(index, 'Jeremy Corbyn');
    const by = (p: string) => corbyn.coverage.find((c) => c.article === A(p))!.descriptors.map((d) => d.text);
    expect(by('000')).toEqual(['Labour leader']); // 000 line 33: "… to discredit the Labour leader"
    expect(by('001')).toEqual(['the leader']); // 001 line 7: "The leader told activists …"; "their leader" (line 49) is not taken
    expect(by('002')).toEqual(['Labour leader']); // 002 line 7: "re-elect Jeremy Corbyn as Labour leader"
    expect(by('003')).toEqual(['Labour leader']); // 003 line 13: "… his continued support for the Labour leader"
    expect(by('004')).toEqual(['embattled leader', 'Labour leader']); // 004 lines 1, 4
    // Each descriptor points at the sentence it came from.
    for (const c of corbyn.coverage) {
      const a = index.articles.find((x) => x.id === c.article)!;
      for (const d of c.descriptors) {
        const s = a.sentences[d.sentence];
        expect(a.text.slice(s.start, s.end).toLowerCase()).toContain(d.text.toLowerCase());
      }
    }
  });

  it('"the Labour leader" is not given to the person who speaks of him in the same sentence', () => {
    // 000 line 33 and 003 line 13: Len McCluskey is the subject of the sentence naming "the Labour leader".
    for (const c of entity(index, 'Len McCluskey').coverage) {
      expect(c.descriptors.map((d) => d.text.toLowerCase())).not.toContain('labour leader');
    }
  });

  it('the first name the corpus uses alone is an alias (004: "defending Jeremy’s leadership", "oust Jeremy")', () => {
    const corbyn = entity(index, 'Jeremy Corbyn');
    expect(corbyn.aliases).toContain('Jeremy');
    const cov = corbyn.coverage.find((c) => c.article === A('004'))!;
    expect(cov.mentions.map((m) => m.surface).filter((s) => /^Jeremy(’s)?$/.test(s)).length).toBe(5); // 004 lines 7, 9 (x2), 11, 12
    // Nobody else in the corpus is called Jeremy, and the other people's first names are never used alone.
    for (const e of index.entities.filter((x) => x.kind === 'person' && x.name !== 'Jeremy Corbyn')) {
      expect(e.aliases).not.toContain(e.name.split(' ')[0]);
    }
  });

  it.each([
    ['Len McCluskey', '000', 'Unite trade union boss'], // 000 line 33
    ['Len McCluskey', '001', 'Unite trade union leader'], // 001 line 43
    ['Paula Sherriff', '000', 'backbencher'], // 000 line 27
    ['Kerry McCarthy', '001', 'former shadow ministers'], // 001 line 27 (list)
    ['Manuel Cortes', '003', 'the general secretary of the Transport Salaried Staffs’ Association'], // 003 line 21
    ['Matthew Willgress', '004', 'national organiser'], // 004 line 5
  ])('%s in %s: %j', (name, p, descriptor) => {
    const cov = entity(index, name).coverage.find((c) => c.article === A(p))!;
    expect(cov.descriptors.map((d) => d.text)).toContain(descriptor);
  });

  it.each([
    ['Labour Party', 'organisation', ['Labour']],
    ['Unite', 'organisation', []],
    ['Momentum', 'organisation', []],
    ['MI5', 'organisation', []],
    ['Labour Assembly Against Austerity', 'organisation', ['LAA']], // 004 lines 2, 4
  ])('%s is an %s with aliases %j', (name, kind, aliases) => {
    const e = entity(index, name);
    expect(e.kind).toBe(kind);
    expect(e.aliases).toEqual(expect.arrayContaining(aliases as string[]));
  });

  it('names only in furniture are not entities, and the furniture is kept for audit', () => {
    const names = index.entities.flatMap((e) => [e.name, ...e.aliases]).map(normalize);
    for (const n of ['Starmer', 'Neal Lawson', 'Leon Neal', 'People’s Press Printing Society', 'Jez']) {
      expect(names.some((x) => x.includes(normalize(n))), n).toBe(false);
    }
    for (const a of index.articles) {
      for (const f of a.furniture) expect(a.text).not.toContain(f.text.split('\n')[0]);
    }
    expect(index.articles.find((a) => a.id === A('004'))!.furniture[0]).toMatchObject({ reason: 'related links', line: 12 });
    expect(index.articles.find((a) => a.id === A('002'))!.furniture.map((f) => f.reason)).toEqual(['navigation', 'donation box']);
  });

  it('sentence-initial words, headline case and places are not entities', () => {
    const names = index.entities.map((e) => e.name);
    for (const n of ['However', 'Meanwhile', 'Crucially', 'Thousands', 'Salford', 'Manchester', 'South Wales', 'Lowry Theatre', 'Parliament']) {
      expect(names).not.toContain(n);
    }
  });

  it('"Corbynite" is not a mention of Corbyn', () => {
    const cov = entity(index, 'Jeremy Corbyn').coverage.find((c) => c.article === A('004'))!;
    expect(cov.mentions.map((m) => m.surface)).not.toContain('Corbynite');
    const text = index.articles.find((a) => a.id === A('004'))!.text;
    const at = text.indexOf('Corbynite');
    expect(cov.mentions.some((m) => m.start <= at && m.end > at)).toBe(false);
  });

  it('mention offsets point at the surface text', () => {
    for (const e of index.entities) {
      for (const c of e.coverage) {
        const text = index.articles.find((a) => a.id === c.article)!.text;
        for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
      }
    }
  });

  it('no bare surname is shared in the seeds, so nothing is ambiguous', () => {
    expect(index.ambiguous).toEqual([]);
  });
});

describe('seeds: quotes', () => {
  it('the "social movement" quote is one utterance reported by 000, 001 and 002 in different words', () => {
    const corbyn = entity(index, 'Jeremy Corbyn').id;
    const q000 = index.quotes.find((q) => q.article === A('000') && q.text.startsWith('We are a social movement'))!; // 000 line 9
    const q001 = index.quotes.find((q) => q.article === A('001') && q.text.startsWith('We are a social movement'))!; // 001 line 13
    const q002 = index.quotes.find((q) => q.article === A('002') && q.text.startsWith('We will win the next general election only'))!; // 002 line 11
    for (const q of [q000, q001, q002]) expect(q.speaker).toBe(corbyn);
    expect(q000.tense).toBe('future'); // "he is expected to say"
    expect(q000.group).toBe(q001.group);
    expect(q001.group).toBe(q002.group);
    const group = index.quoteGroups.find((g) => g.id === q000.group)!;
    expect(new Set(group.members.map((m) => m.article))).toEqual(new Set([A('000'), A('001'), A('002')]));
    const m001 = group.members.find((m) => m.quote === q001.id)!;
    expect(m001.relation).toBe('variant-quote');
    expect(m001.diff.some((d) => d.op === 'added')).toBe(true);
    expect(m001.diff.some((d) => d.op === 'removed')).toBe(true);
    expect(m001.diff.filter((d) => d.op === 'same').map((d) => d.text).join(' ')).toMatch(/win the next general election/);
  });

  it('a report that cuts a wording without changing a word is the same quote, not a variant (000 lines 5 and 17)', () => {
    // 000 quotes the speech twice: "victories are not won in Parliament alone" (line 5) and the full
    // passage that starts with those very words (line 17).
    const teaser = index.quotes.find((q) => q.article === A('000') && q.text === 'victories are not won in Parliament alone')!;
    const full = index.quotes.find((q) => q.article === A('000') && q.text.startsWith('Victories are not won in Parliament alone. They are won'))!;
    expect(teaser.group).toBe(full.group);
    const group = index.quoteGroups.find((g) => g.id === teaser.group)!;
    expect(group.reference).toBe(full.id);
    const member = group.members.find((m) => m.quote === teaser.id)!;
    expect(member.relation).toBe('same-quote');
    // what the cut leaves out is still shown, as removed words only
    expect(member.diff.some((d) => d.op === 'removed')).toBe(true);
    expect(member.diff.some((d) => d.op === 'added')).toBe(false);
  });

  it('a quote running over paragraphs is one quote (002 lines 11–13, 000 lines 37–39)', () => {
    const q002 = index.quotes.find((q) => q.article === A('002') && q.text.startsWith('We will win'))!;
    expect(q002.spans.length).toBeGreaterThanOrEqual(2);
    expect(q002.text).toContain('we cannot carry on as before');
    const q000 = index.quotes.find((q) => q.article === A('000') && q.text.startsWith('Do people believe'))!;
    expect(q000.text).toContain('I find it amazing if people think that isn');
    expect(q000.speaker).toBe(entity(index, 'Len McCluskey').id); // "he told The Guardian", he = McCluskey (line 33)
  });

  it.each([
    ['001', 'The leader', 'Jeremy Corbyn'], // 001 line 7: definite description
    ['002', 'He', 'Richard Burgon'], // 002 line 35
    ['003', 'McCluskey', 'Len McCluskey'], // 003 line 13
    ['003', 'he', 'Manuel Cortes'], // 003 line 21
    ['004', 'he', 'Matthew Willgress'], // 004 line 6
  ])('%s: speaker written %j is %s', (p, written, name) => {
    const id = entity(index, name).id;
    expect(index.quotes.some((q) => q.article === A(p) && q.speakerText === written && q.speaker === id)).toBe(true);
  });

  it('a quote attributed to an unnamed source keeps the words and no speaker', () => {
    const q = index.quotes.find((x) => x.article === A('002') && x.speakerText === 'A source')!; // 002 line 23
    expect(q.speaker).toBeNull();
    const letter = index.quotes.find((x) => x.article === A('001') && x.speakerText === 'the letter')!; // 001 line 29
    const wrote = index.quotes.find((x) => x.article === A('000') && x.text.startsWith('Rape threats'))!; // 000 line 29
    expect(letter.group).toBe(wrote.group);
  });
});

describe('seeds: claims', () => {
  it('the female MPs’ letter: 28 (000) vs "more than 40" (001), grouped and flagged as differing', () => {
    const c000 = index.claims.find((c) => c.article === A('000') && c.figures.some((f) => f.text === '28'))!; // 000 line 27
    const c001 = index.claims.find((c) => c.article === A('001') && c.figures.some((f) => f.text === 'more than 40'))!; // 001 line 11
    expect(c000.figures.find((f) => f.text === '28')).toMatchObject({ value: 28, qualifier: 'exact', unit: 'MPs' });
    expect(c001.figures.find((f) => f.text === 'more than 40')).toMatchObject({ value: 40, qualifier: 'more-than', unit: 'MPs' });
    expect(c000.group).toBe(c001.group);
    const g = index.claimGroups.find((x) => x.id === c000.group)!;
    const figure = g.differences.find((d) => d.attribute === 'figure')!;
    expect(figure.values.map((v) => [v.article, v.value])).toEqual([
      [A('000'), '28'],
      [A('001'), 'more than 40'],
    ]);
    expect(g.members.some((m) => m.relation === 'differs')).toBe(true);
  });

  it('the launch: Manchester in 000, Salford in 001 and 002, flagged as differing on place', () => {
    const c000 = index.claims.find((c) => c.article === A('000') && c.places.includes('Manchester'))!; // 000 line 5
    const c001 = index.claims.find((c) => c.article === A('001') && c.places.includes('Salford'))!; // 001 line 7
    const c002 = index.claims.find((c) => c.article === A('002') && c.places.includes('Salford'))!; // 002 line 9
    expect(c000.text).toMatch(/public launch/);
    expect(new Set([c000.group, c001.group, c002.group]).size).toBe(1);
    const g = index.claimGroups.find((x) => x.id === c000.group)!;
    const place = g.differences.find((d) => d.attribute === 'place')!;
    expect(place.values.find((v) => v.article === A('000'))!.value).toBe('Manchester');
    expect(place.values.find((v) => v.article === A('001'))!.value).toBe('Salford');
    const rel = (id: string) => g.members.find((m) => m.claim === id)!.relation;
    expect(rel(c000.id)).toBe('differs');
    expect([rel(c001.id), rel(c002.id)]).toEqual(['agrees', 'agrees']);
  });

  it('Owen Smith’s own rally in Manchester (001 line 47) is not the launch', () => {
    const smithRally = index.claims.find((c) => c.article === A('001') && c.places.includes('Manchester'))!;
    const launch = index.claims.find((c) => c.article === A('000') && c.places.includes('Manchester'))!;
    expect(smithRally.group).not.toBe(launch.group);
  });

  it.each([
    ['002', 'Around 1,800', 1800, 'about', 'supporters'], // 002 line 9
    ['002', 'more than two million', 2e6, 'more-than', 'people'], // 002 line 7
    ['003', '59.5%', 59.5, 'exact', 'percent'], // 003 line 7
    ['003', 'up to 100,000', 100000, 'up-to', 'members'], // 003 line 21
    ['004', 'over 1,000', 1000, 'more-than', 'people'], // 004 line 3
  ])('%s states %j', (p, text, value, qualifier, unit) => {
    const f = index.claims.filter((c) => c.article === A(p)).flatMap((c) => c.figures).find((x) => x.text === text);
    expect(f).toMatchObject({ value, qualifier, unit });
  });

  it('claim texts and figure spans are excerpts of the article text', () => {
    for (const c of index.claims) {
      const a = index.articles.find((x) => x.id === c.article)!;
      const s = a.sentences[c.sentence];
      // A clause claim ("<article>#c<sentence>.<n>") is one clause of its sentence; any other claim is the whole sentence.
      if (/#c\d+\.\d+$/.test(c.id)) expect(a.text.slice(s.start, s.end)).toContain(c.text);
      else expect(a.text.slice(s.start, s.end)).toBe(c.text);
      for (const f of c.figures) expect(a.text.slice(f.span.start, f.span.end)).toBe(f.text);
    }
  });
});
