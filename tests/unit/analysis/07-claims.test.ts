/**
 * Step 7's rules for which sentences are claims, on invented articles (no seed words): statements
 * with an actor and an event, headlines, reported speech, facts inside direct speech as claims of
 * the speaker, subjects carried from the sentence before; and what stays out (questions, opinions,
 * fragments, credits, copular filler, sentences without an actor). Each expectation follows from
 * the rule it names, read off the sentence by hand.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import type { ClaimRecord, CorpusIndex } from '../../../src/core/index/types';

/** One invented article, one sentence a paragraph so each case is easy to find. */
const PARAGRAPHS = [
  'Ana Ruiz opens new ferry terminal at the harbour', // headline
  'Ana Ruiz opened the new terminal building after a long delay.',
  'She also thanked the engineers who worked through the winter.',
  'Ana Ruiz is the mayor of the town and a keen sailor.',
  'Did Ana Ruiz approve the final plan for the terminal?',
  '"We have repaired every boat in the fleet since the storm," said Ana Ruiz.',
  'Ana Ruiz told reporters at the pier: "We worked through every night of the storm. The new boats carry twice as many cars. I think the terminal is far too expensive for a small town."',
  'Tom Lee said the plan would fail without more money from the government.',
  'The Dunmore Ferry Company welcomed the decision by the council.',
  'The company will repaint its older boats before the summer season.',
  'It also plans to reopen the night crossing for lorries.',
  'The weather turned cold and several crossings were cancelled.',
  'Hundreds of passengers waited at the pier on Friday.',
  'Delays at the port',
  'Reporting by Tom Lee; editing by Sara Quint.',
];

const index: CorpusIndex = analyseCorpus([{ id: 'x1', text: PARAGRAPHS.join('\n\n') }]);

/** The claim made of the sentence that starts with `opening`, or null when it is not a claim. */
function claimOf(opening: string): ClaimRecord | null {
  const a = index.articles[0];
  const s = a.sentences.findIndex((span) => a.text.slice(span.start, span.end).startsWith(opening));
  if (s < 0) throw new Error(`no sentence starts with "${opening}"`);
  return index.claims.find((c) => c.sentence === s) ?? null;
}

const idOf = (name: string) => {
  const e = index.entities.find((x) => x.name === name);
  if (!e) throw new Error(`no entity ${name}; have ${index.entities.map((x) => x.name).join(', ')}`);
  return e.id;
};

describe('which sentences are claims', () => {
  it('finds the invented people and organisation the cases rely on', () => {
    expect(index.entities.map((e) => e.name).sort()).toEqual(expect.arrayContaining(['Ana Ruiz', 'Tom Lee', 'Dunmore Ferry Company']));
  });

  it.each([
    // [sentence opening, type or null, entity the claim must carry (the actor), rule]
    ['Ana Ruiz opens new ferry terminal', 'statement', 'Ana Ruiz', 'a headline with an actor and an event'],
    ['Ana Ruiz opened the new terminal', 'statement', 'Ana Ruiz', 'a narrative sentence: actor and event verb, no figure, place, date or speech'],
    ['She also thanked', 'statement', 'Ana Ruiz', '"She also …" carries the person of the sentence before'],
    ['"We have repaired every boat', 'attribution', 'Ana Ruiz', 'direct speech with its attribution in the sentence is reported speech'],
    ['The new boats carry', 'quoted', 'Ana Ruiz', 'a fact inside direct speech, as a claim of its speaker'],
    ['Tom Lee said the plan would fail', 'attribution', 'Tom Lee', 'reported speech'],
    ['The Dunmore Ferry Company welcomed', 'statement', 'Dunmore Ferry Company', 'an organisation as actor'],
    ['The company will repaint', 'statement', 'Dunmore Ferry Company', '"The company …" carries the organisation of the sentence before'],
    ['It also plans to reopen', 'statement', 'Dunmore Ferry Company', '"It also …" carries the previous subject when it is an organisation'],
    ['Hundreds of passengers waited', 'event', null, 'an event verb with a date needs no named actor'],
  ] as const)('"%s" → %s', (opening, type, actor, _rule) => {
    const c = claimOf(opening);
    expect(c?.type).toBe(type);
    if (actor) expect(c!.entities).toContain(idOf(actor));
  });

  it.each([
    ['Ana Ruiz is the mayor', 'the copula is no event'],
    ['Did Ana Ruiz approve', 'a question'],
    ['I think the terminal', 'an opinion in direct speech'],
    ['The weather turned cold', 'an event with no actor, place, date or figure'],
    ['Delays at the port', 'a fragment'],
    ['Reporting by Tom Lee', 'a credit line'],
  ])('"%s" is no claim (%s)', (opening) => {
    expect(claimOf(opening)).toBeNull();
  });
});

describe('direct speech without a named speaker', () => {
  const QUOTE = '"Every pier on the coast was destroyed by the storm, and the repairs will take two years."';
  const build = (texts: string[]) => analyseCorpus(texts.map((text, k) => ({ id: `q${k}`, text })));
  const quotedClaims = (ix: CorpusIndex) => ix.claims.filter((c) => c.type === 'quoted');

  it('is a claim when another outlet quotes the same words', () => {
    const ix = build([`Storm report published\n\nThe coast was hit hard last winter.\n\n${QUOTE}`, `Piers lost in storm\n\nThe report came out this week.\n\n${QUOTE}`]);
    expect(quotedClaims(ix).map((c) => c.article)).toEqual(['q0', 'q1']);
    expect(quotedClaims(ix).every((c) => c.entities.length === 0)).toBe(true);
  });

  it('is no claim when only one article carries it', () => {
    const ix = build([`Storm report published\n\nThe coast was hit hard last winter.\n\n${QUOTE}`, 'Ferry fares rise\n\nFares rose by a tenth on the island routes this year.']);
    expect(quotedClaims(ix)).toEqual([]);
  });
});

describe('a person the sentence describes without naming', () => {
  // The descriptor step ties "the embattled mayor" to the article's dominant person, whose office
  // noun the article uses for her alone (04-descriptors, nominal descriptors).
  const ix = analyseCorpus([
    {
      id: 'd1',
      text: [
        'Mayor Ana Ruiz faces vote over ferry delays',
        'Mayor Ana Ruiz will face a vote of no confidence over the ferry delays.',
        'Ana Ruiz said the new terminal would open in spring.',
        'Ana Ruiz thanked the engineers for their work.',
        'Ferry passengers protested against the embattled mayor at the harbour on Friday.',
      ].join('\n\n'),
    },
  ]);
  const a = ix.articles[0];
  const sentence = a.sentences.findIndex((span) => a.text.slice(span.start, span.end).startsWith('Ferry passengers'));
  const ruiz = ix.entities.find((e) => e.name === 'Ana Ruiz')!;

  it('is among the claim entities, as if named', () => {
    // Precondition: the descriptor step found the description in that sentence.
    const described = ruiz.coverage.flatMap((c) => c.descriptors).filter((d) => d.sentence === sentence);
    expect(described.map((d) => d.text)).toEqual(['embattled mayor']);
    const claim = ix.claims.find((c) => c.article === 'd1' && c.sentence === sentence);
    expect(claim?.entities).toContain(ruiz.id);
  });
});

describe('figures of a claim', () => {
  // A small number in words is no figure on its own ("two of his four"), but a share in words is ("one in ten": 10%).
  const shares = analyseCorpus([{ id: 's1', text: 'Ana Ruiz said one in ten crossings ran late on Friday.\n\nAna Ruiz said two crossings ran late on Friday.' }]);
  const figuresOf = (opening: string) => {
    const a = shares.articles[0];
    const s = a.sentences.findIndex((span) => a.text.slice(span.start, span.end).startsWith(opening));
    return shares.claims.find((c) => c.sentence === s)?.figures.map((f) => [f.text, f.value, f.unit]);
  };

  it('keeps a share in words, however small', () => {
    expect(figuresOf('Ana Ruiz said one in ten')).toEqual([['one in ten', 10, 'percent']]);
  });

  it('leaves out a small count in words', () => {
    expect(figuresOf('Ana Ruiz said two crossings')).toEqual([]);
  });
});
