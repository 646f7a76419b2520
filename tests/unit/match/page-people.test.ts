/**
 * The page's earlier-named people: the list a scan hands on (PagePeople), the corpus's gender
 * letters (person-gender), and how the claim scorer reads a "he"/"she" or role subject with them,
 * on the invented mini corpus (features through the scan's probe).
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher, createMatcher } from '../../../src/core/match';
import { MAX_PAGE_PEOPLE, PagePeople } from '../../../src/core/index/page-people';
import { GenderVotes, openingPronoun, titleGender } from '../../../src/core/match/person-gender';
import { F, FEATURE_COUNT } from '../../../src/core/match/rerank';
import type { CorpusIndex } from '../../../src/core/index/types';
import { buildMiniIndex } from '../../fixtures/mini-corpus/mini-index';
import { wordVectors } from '../../../scripts/lib/word-vectors';
import { mini, miniData, miniMatcher } from './helpers';

const QUINT = 'person:ada-quint';
const BERG = 'person:tomas-berg';
const UNION = 'organisation:harbour-workers-union';

describe('PagePeople', () => {
  it.each<[string, string[], string[], string[]]>([
    ['nothing named', [], [], []],
    ['earlier people kept in order', ['a', 'b'], [], ['a', 'b']],
    ['a person named now comes first', ['a', 'b'], ['c'], ['c', 'a', 'b']],
    ['named again: moved to the front, not repeated', ['a', 'b', 'c'], ['c', 'b'], ['b', 'c', 'a']],
    ['a repeated earlier id is kept once', ['a', 'a', 'b'], [], ['a', 'b']],
    ['at most MAX_PAGE_PEOPLE, the oldest dropped', Array.from({ length: MAX_PAGE_PEOPLE }, (_, i) => `p${i}`), ['new'], ['new', ...Array.from({ length: MAX_PAGE_PEOPLE - 1 }, (_, i) => `p${i}`)]],
  ])('%s', (_name, earlier, named, expected) => {
    const people = new PagePeople(earlier);
    for (const id of named) people.note(id);
    expect(people.recent()).toEqual(expected);
  });
});

describe('gender as the corpus shows it', () => {
  it.each<[string, 'm' | 'f' | null]>([
    ['He said the plan would fail.', 'm'],
    ['But she said the plan would fail.', 'f'],
    ['However, he added that …', 'm'],
    ['The minister said the plan would fail.', null],
    ['Hector said the plan would fail.', null],
    ['Shelters were opened.', null],
  ])('opening pronoun of %j', (text, expected) => expect(openingPronoun(text)).toBe(expected));

  it.each<[string, 'm' | 'f' | null]>([
    ['Ms Quint', 'f'],
    ["Mrs Doe's", 'f'],
    ['Mr Berg', 'm'],
    ['Mayor Ada Quint', null],
    ['Berg', null],
  ])('title of %j', (surface, expected) => expect(titleGender(surface)).toBe(expected));

  it.each<[string, ('m' | 'f' | null)[], string]>([
    ['no evidence', [], '-'],
    ['one vote', ['f'], 'f'],
    ['two to one', ['m', 'm', 'f'], 'm'],
    ['split evenly', ['m', 'f'], '-'],
    ['nulls count for nothing', [null, 'f', null], 'f'],
  ])('%s', (_name, votes, expected) => {
    const v = new GenderVotes();
    for (const g of votes) v.add(g);
    expect(v.letter()).toBe(expected);
  });

  it('compiles one letter per entity from the mini corpus ("Ms Quint", "Mr Berg"; an organisation has none)', () => {
    const letters = miniData.entityGenders!;
    expect(letters).toHaveLength(miniData.entities.length);
    const of = (id: string) => letters[miniData.entities.indexOf(id)];
    expect([of(QUINT), of(BERG), of(UNION), of('person:lena-moss')]).toEqual(['f', 'm', '-', '-']);
  });
});

type Matcher = typeof miniMatcher;

/** Features of the first candidate of group `group` in the last sentence of `text`, scanned with the page's people. */
function featuresOf(matcher: Matcher, data: typeof miniData, text: string, group: string, people?: string[]): Float64Array {
  let row: Float64Array | null = null;
  let lastSentence = -1;
  matcher.scan(text, {
    kinds: { claim: true },
    ...(people ? { pagePeople: new PagePeople(people) } : {}),
    claimProbe: (claim, features, sentence) => {
      if (sentence !== lastSentence) {
        lastSentence = sentence;
        row = null;
      }
      if (!row && data.claimGroups[data.claims[claim][2]] === group) row = Float64Array.from(features.subarray(0, FEATURE_COUNT));
    },
  });
  if (!row) throw new Error(`no candidate of ${group} for: ${text}`);
  return row;
}

const actors = (row: Float64Array) => [row[F.actorShared], row[F.actorByDescriptor], row[F.actorMissing]];
const CRACKS = 'engineers had found cracks in three of the bridge supports.';

describe('a he/she subject reads as the page\'s most recent person who fits', () => {
  // cg:cracks is Ms Quint's claim (a woman, to the corpus); Mr Berg is a man.
  it.each<[string, string, string[] | undefined, number[]]>([
    ['no page people: any person of the claim may be meant', `She said ${CRACKS}`, undefined, [0, 1, 0]],
    ['the page named her before', `She said ${CRACKS}`, [QUINT], [0, 1, 0]],
    ['the page named only him before: "he" is him, not the claim\'s person', `He said ${CRACKS}`, [BERG], [0, 0, 1]],
    ['"she" passes over the more recent man', `She said ${CRACKS}`, [BERG, QUINT], [0, 1, 0]],
    ['"he" takes the man though she was named after him', `He said ${CRACKS}`, [QUINT, BERG], [0, 0, 1]],
    ['an organisation is never "she"', `She said ${CRACKS}`, [UNION, QUINT], [0, 1, 0]],
    ['named in full, the page context changes nothing', `Ms Quint said ${CRACKS}`, [BERG], [1, 0, 0]],
  ])('%s', (_name, text, people, expected) => {
    expect(actors(featuresOf(miniMatcher, miniData, text, 'cg:cracks', people))).toEqual(expected);
  });

  it('the person stands in the sentence for retrieval: one shared key more', () => {
    const alone = featuresOf(miniMatcher, miniData, `She said ${CRACKS}`, 'cg:cracks');
    const withHer = featuresOf(miniMatcher, miniData, `She said ${CRACKS}`, 'cg:cracks', [QUINT]);
    expect(withHer[F.sharedKeys]).toBeGreaterThan(alone[F.sharedKeys]);
    expect(withHer[F.claimCovered]).toBeGreaterThan(alone[F.claimCovered]);
  });

  it("a block's own earlier sentence names the person (no page people given)", () => {
    const row = featuresOf(miniMatcher, miniData, `Tomas Berg spoke first. He said ${CRACKS}`, 'cg:cracks');
    expect(actors(row)).toEqual([0, 0, 1]);
  });

  it('the scan adds the people it finds, in text order, to the page\'s list', () => {
    const people = new PagePeople(['person:lena-moss']);
    miniMatcher.scan('Ada Quint spoke to the council. Tomas Berg replied for the Harbour Workers Union.', { kinds: { person: true }, pagePeople: people });
    expect(people.recent()).toEqual([BERG, QUINT, 'person:lena-moss']);
  });
});

/** Whether a rule decides the first candidate of `group` (the probe's last argument): another person's claim, or another event. */
function decidedOf(text: string, group: string, people?: string[]): boolean {
  let decided: boolean | null = null;
  miniMatcher.scan(text, {
    kinds: { claim: true },
    ...(people ? { pagePeople: new PagePeople(people) } : {}),
    claimProbe: (claim, _features, _sentence, rule) => {
      if (decided === null && miniData.claimGroups[miniData.claims[claim][2]] === group) decided = rule;
    },
  });
  if (decided === null) throw new Error(`no candidate of ${group} for: ${text}`);
  return decided;
}

describe("another person's claim: the sentence's subject is a known person and the claim is another person's, so the pair links nothing", () => {
  // cg:cracks is Ms Quint's claim; Mr Berg is another person; the union is an organisation.
  it.each<[string, string, string[] | undefined, number]>([
    ['"he" is the man the page named; the claim is hers', `He said ${CRACKS}`, [BERG], 1],
    ['"she" is her: the claim is hers', `She said ${CRACKS}`, [QUINT], 0],
    ['no page people: the subject is not known', `She said ${CRACKS}`, undefined, 0],
    ['another person named at the opening', `Tomas Berg said ${CRACKS}`, undefined, 1],
    ['another person named at the opening after a title', `Mr Berg said ${CRACKS}`, undefined, 1],
    ['the claim\'s person named at the opening', `Ms Quint said ${CRACKS}`, [BERG], 0],
    ['an organisation at the opening is no person subject', `The Harbour Workers Union said ${CRACKS}`, undefined, 0],
    ['no one named: the actor is missing, the subject unknown', `Officials said ${CRACKS}`, undefined, 0],
  ])('%s', (_name, text, people, expected) => {
    expect(decidedOf(text, 'cg:cracks', people)).toBe(expected === 1);
  });

  it('the scan links her claim after "she" but not after "he" when the page named him', () => {
    const linked = (text: string, people: string[]) =>
      miniMatcher.scan(text, { kinds: { claim: true }, pagePeople: new PagePeople(people) }).some((m) => m.kind === 'claim');
    expect(linked(`She said ${CRACKS}`, [QUINT])).toBe(true);
    expect(linked(`He said ${CRACKS}`, [BERG])).toBe(false);
  });
});

describe('a role subject reads as the most recent page person the corpus describes so', () => {
  // The mini corpus with one descriptor: a1 calls Tomas Berg "Union leader".
  const index: CorpusIndex = buildMiniIndex();
  const berg = index.entities.find((e) => e.id === BERG)!;
  const a1 = berg.coverage.find((c) => c.article === 'a1')!;
  a1.descriptors = [{ text: 'Union leader', sentence: a1.mentions[0].sentence }];
  const data = compileMatcher(index);
  const matcher = createMatcher(data, { vectors: wordVectors() });
  const WAGES = 'The union leader said the repairs would cost workers £3.5 million in lost wages.';

  it.each<[string, string[] | undefined, boolean]>([
    ['no page people: the role word alone', undefined, false],
    ['the page named him before', [QUINT, BERG], true],
    ['the page named only someone the corpus does not describe so', [QUINT], false],
  ])('%s', (_name, people, resolved) => {
    const alone = featuresOf(matcher, data, WAGES, 'cg:wages');
    const row = featuresOf(matcher, data, WAGES, 'cg:wages', people);
    // Described by the role word either way; the person's own key only when the page named him.
    expect(actors(row)).toEqual([0, 1, 0]);
    expect(row[F.sharedKeys] > alone[F.sharedKeys]).toBe(resolved);
  });

  it("words before a possessive name the possessor: the leader's deputy is not the leader", () => {
    const alone = featuresOf(matcher, data, 'The union leader\'s deputy said the repairs would cost workers £3.5 million in lost wages.', 'cg:wages');
    const row = featuresOf(matcher, data, 'The union leader\'s deputy said the repairs would cost workers £3.5 million in lost wages.', 'cg:wages', [BERG]);
    expect(row[F.sharedKeys]).toBe(alone[F.sharedKeys]);
    const his = featuresOf(matcher, data, "The union's leader said the repairs would cost workers £3.5 million in lost wages.", 'cg:wages', [BERG]);
    const hisAlone = featuresOf(matcher, data, "The union's leader said the repairs would cost workers £3.5 million in lost wages.", 'cg:wages');
    expect(his[F.sharedKeys]).toBeGreaterThan(hisAlone[F.sharedKeys]);
  });

  it('a role phrase holding a name is that name, not a page person', () => {
    const named = featuresOf(matcher, data, 'The union leader Tomas Berg said the repairs would cost workers £3.5 million in lost wages.', 'cg:wages', [QUINT]);
    expect(actors(named)).toEqual([1, 0, 0]);
  });
});

it('mini index sanity: the fixture this file relies on', () => {
  expect(mini.entities.map((e) => e.id)).toEqual(expect.arrayContaining([QUINT, BERG, UNION]));
});

describe("the page's date places its relative dates in a year for the time feature", () => {
  /** yearOther of the candidate from article `article` of group `group`. */
  function yearOther(text: string, group: string, article: string, pageDate?: string): number {
    let value: number | null = null;
    const a = miniData.articles.indexOf(article);
    miniMatcher.scan(text, {
      kinds: { claim: true },
      ...(pageDate ? { pageDate } : {}),
      claimProbe: (claim, features) => {
        if (value === null && miniData.claims[claim][0] === a && miniData.claimGroups[miniData.claims[claim][2]] === group) value = features[F.yearOther];
      },
    });
    if (value === null) throw new Error(`no candidate of ${group} from ${article} for: ${text}`);
    return value;
  }
  // a1 (dated 2021-03-02) states the march; the page says only "on Sunday".
  const MARCH = 'About 1,200 dock workers marched through Eastport on Sunday, organised by the union.';
  it.each<[string, string | undefined, number]>([
    ['no page date: no year to compare', undefined, 0],
    ['a page of the same week: the same year as the article', '2021-03-04', 0],
    ['a page two years on: "on Sunday" is another year than the article\'s', '2023-06-01', 1],
  ])('%s', (_name, pageDate, expected) => expect(yearOther(MARCH, 'cg:march', 'a1', pageDate)).toBe(expected));

  it('a sentence with no date gains no year from the page date', () => {
    expect(yearOther('About 1,200 dock workers marched through Eastport, organised by the union.', 'cg:march', 'a1', '2023-06-01')).toBe(0);
  });
});

describe('a quote carried from block to block (PagePeople.speech)', () => {
  const ADVANCE = '"The harbour works will start in the spring," Berg is expected to say.';
  const QUOTED = '"Our members did not cause these cracks and they should not pay for them."';
  /** The certainty kinds the quote of the last block names against a3 (which reports the words as said). */
  const certaintyOfLast = (...blocks: string[]) => {
    const people = new PagePeople();
    let found: string[] = [];
    for (const block of blocks) {
      const quote = miniMatcher.scan(block, { kinds: { quote: true }, pagePeople: people }).find((m) => m.kind === 'quote');
      const ref = quote?.refs.find((r) => r.article === 'a3');
      found = (ref?.differences ?? (ref?.values ? [ref.values] : [])).filter((d) => d.attribute === 'certainty').map((d) => `${d.kind}:${d.page}`);
    }
    return found;
  };

  it.each<[string, string[], string[]]>([
    // The previous block's quote was to be said: a quote opening the next block unattributed continues it.
    ['continued from advance text', [ADVANCE, QUOTED], ['more-certain:is expected to']],
    ['no block before', [QUOTED], []],
    // Only the block just before: a block quoting no one ends the speech.
    ['a block without a quote between', [ADVANCE, 'The bridge stays closed to lorries.', QUOTED], []],
    // A quote attributed in its own block keeps its own attribution.
    ['its own attribution', [ADVANCE, '"Our members did not cause these cracks and they should not pay for them," Berg said.'], []],
  ])('%s', (_name, blocks, expected) => {
    expect(certaintyOfLast(...blocks)).toEqual(expected);
  });

  it('a scan appends how each block ended (ends), an empty block and a names-only scan included, so the page can carry it to its next request', () => {
    const people = new PagePeople();
    people.ends = [];
    for (const block of [ADVANCE, '   ', 'The bridge stays closed to lorries.', QUOTED]) miniMatcher.scan(block, { kinds: { quote: true, claim: true }, pagePeople: people });
    miniMatcher.scan(ADVANCE, { kinds: { person: true }, pagePeople: people });
    const advance = people.ends[0];
    expect(advance?.cue).toBe('is expected to');
    // The empty block changes nothing; a block quoting no one ends it; a quote of its own starts it again.
    expect(people.ends.slice(1, 3)).toEqual([advance, null]);
    expect(people.ends[3]).not.toBeNull();
    // Names alone read no quotes: the speech stays what it was.
    expect(people.ends).toHaveLength(5);
    expect(people.ends[4]).toEqual(people.ends[3]);
  });
});

