/**
 * A claim group's differences are judged as the matcher judges a page against a claim
 * (core/lang/places relatePlaces, core/lang/figure-compare compareFigures): a place inside the
 * other is a difference of precision ("place-within"/"place-around", with where that comes from),
 * never a conflict, so a card's "where outlets differ" box and its members never disagree.
 * Invented claims, places and gazetteer.
 */
import { describe, expect, it } from 'vitest';
import { claimPlaces, compareGroup } from '../../../src/core/analysis/08-claim-groups';
import type { ClaimDraft } from '../../../src/core/analysis/07-claims';
import type { Gazetteer } from '../../../src/core/lang/gazetteer';
import type { Figure } from '../../../src/core/index/types';

function claim(article: string, text: string, places: string[], figures: Figure[] = []): ClaimDraft {
  return { article, sentence: 1, text, type: 'event', entities: [], actor: null, figures, places, dates: [], keywords: ['dock', 'march'], isGathering: false, speechGroups: [] } as ClaimDraft;
}

function percent(text: string, value: number): Figure {
  return { text, value, qualifier: 'exact', unit: 'percent', span: { start: 0, end: text.length } };
}

/** A city of 400,000 and a town of 20,000 whose centre is 3 km from it (inside METRO_KM), and a far town. */
const GAZETTEER: Gazetteer = {
  places: [
    { name: 'Westford', region: 'Northmark', country: 'Freedonia', population: 400_000, lat: 50, lon: 5 },
    { name: 'Millbrook', region: 'Northmark', country: 'Freedonia', population: 20_000, lat: 50.02, lon: 5.02 },
    { name: 'Farholm', region: 'Southmark', country: 'Freedonia', population: 30_000, lat: 45, lon: 9 },
  ],
  regions: [{ name: 'Northmark', country: 'Freedonia' }],
  countries: ['Freedonia'],
};

/** A third article that says where the quay lies, in a sentence of its own. */
const SAYS_WITHIN = claim('c', 'The ferry terminal at Kessel Quay in Eastport reopened on Friday.', ['Kessel Quay', 'Eastport']);

describe('claim groups judge two places as the matcher does', () => {
  it.each([
    // first member's places, second member's places, the place difference's kind and basis, the second member's relation
    [['Eastport'], ['Kessel Quay'], 'place-within', 'text', 'agrees'],
    [['Kessel Quay'], ['Eastport'], 'place-around', 'text', 'agrees'],
    [['Westford'], ['Millbrook'], 'place-within', 'gazetteer', 'agrees'],
    [['Millbrook'], ['Northmark'], 'place-around', 'gazetteer', 'agrees'],
    [['Westford'], ['Farholm'], 'contradiction', undefined, 'differs'],
    [['Eastport'], ['Farholm'], 'contradiction', undefined, 'differs'],
    // Lists that share a place and each name another: one statement about other places, both can be true.
    [['Eastport', 'Farholm'], ['Eastport', 'Millbrook'], 'scope', undefined, 'agrees'],
    [['Westford', 'Farholm'], ['Westford', 'Eastport'], 'scope', undefined, 'agrees'],
    // Millbrook lies in Westford's area: the second names no place the first does not account for.
    [['Westford', 'Farholm'], ['Millbrook', 'Westford'], undefined, undefined, 'agrees'],
    [['Westford', 'Millbrook'], ['Westford'], undefined, undefined, 'agrees'],
  ])('%j against %j: %s (%s)', (a, b, kind, basis, relation) => {
    // A list of places is written with "and" ("X, Y" would say X lies in Y).
    const claims = [claim('a', `Dockers marched in ${a.join(' and ')} on Monday.`, a), claim('b', `Dockers marched in ${b.join(' and ')} on Monday.`, b), SAYS_WITHIN];
    const group = compareGroup(claims, [0, 1], claimPlaces(claims, GAZETTEER));
    const place = group.differences.find((d) => d.attribute === 'place');
    expect(place?.kind).toBe(kind);
    expect(place?.basis).toBe(basis);
    expect(group.relations).toEqual(['agrees', relation]);
    // Both members' places stand side by side, whatever the kind.
    if (kind) expect(place?.values.map((v) => v.value)).toEqual([a.join(', '), b.join(', ')]);
  });

  it('without a gazetteer, a containment no article states is another place', () => {
    const claims = [claim('a', 'Dockers marched in Westford on Monday.', ['Westford']), claim('b', 'Dockers marched in Millbrook on Monday.', ['Millbrook'])];
    expect(compareGroup(claims, [0, 1], claimPlaces(claims)).differences.map((d) => d.kind)).toEqual(['contradiction']);
  });

  it('reads "Y\'s X" and "X, Greater Y" in the claims\' sentences', () => {
    const claims = [
      claim('a', 'Dockers marched in Eastport on Monday.', ['Eastport']),
      claim('b', "Dockers marched to Eastport's Kessel Quay on Monday.", ['Eastport', 'Kessel Quay']),
      claim('c', 'Dockers marched in Greater Eastport on Monday.', ['Greater Eastport']),
      claim('d', 'Dockers marched in Old Quay, Greater Eastport on Monday.', ['Old Quay', 'Greater Eastport']),
    ];
    const places = claimPlaces(claims);
    // Kessel Quay in Eastport (possessive); Eastport in Greater Eastport (the name); Old Quay in Greater Eastport (the comma).
    const withinOf = (p: string) => [...places.within.text[places.index.get(p)!]].map((i) => [...places.index.keys()][i]).sort();
    expect(withinOf('Kessel Quay')).toEqual(['Eastport', 'Greater Eastport']);
    expect(withinOf('Eastport')).toEqual(['Greater Eastport']);
    expect(withinOf('Old Quay')).toEqual(['Greater Eastport']);
    expect(withinOf('Greater Eastport')).toEqual([]);
  });
});

describe('claim groups judge two figures as the matcher does', () => {
  it.each([
    // first member's share, second's, the second member's relation, whether a figure difference is recorded
    [percent('63%', 63), percent('62.5%', 62.5), 'agrees', false],
    [percent('62.5%', 62.5), percent('63%', 63), 'agrees', false],
    [percent('63%', 63), percent('58%', 58), 'differs', true],
  ])('%j against %j: %s', (a, b, relation, differs) => {
    const claims = [claim('a', `Turnout was ${a.text}.`, [], [a]), claim('b', `Turnout was ${b.text}.`, [], [b])];
    const group = compareGroup(claims, [0, 1], claimPlaces(claims));
    expect(group.relations[1]).toBe(relation);
    expect(group.differences.some((d) => d.attribute === 'figure')).toBe(differs);
  });
});

describe('claim groups judge what two figures measure as the matcher does', () => {
  const counted = (article: string, text: string): ClaimDraft => claim(article, text, [], [{ text, value: 0, qualifier: 'exact', unit: 'x', span: { start: 0, end: 0 } }]);
  it.each([
    // first member's sentence, second's, the second member's relation, the figure difference (kind and values) or none
    ['62% of the nurses backed the strike.', '62% of the doctors backed the strike.', 'agrees', ['scope', '62% of the nurses', '62% of the doctors']],
    ['62% of the nurses backed the strike.', '48% of the nurses backed the strike.', 'differs', ['contradiction', '62%', '48%']],
    // Counts whose unit words differ but share one ("Labour MPs"): one measure, as the page compares them.
    ['50 senior Labour MPs wrote to the leader.', '30 women Labour MPs wrote to the leader.', 'differs', ['contradiction', '50', '30']],
    ['50 senior Labour MPs wrote to the leader.', 'About 50 Labour MPs wrote to the leader.', 'agrees', null],
    // Counts of two named groups (a plural noun ends each): another group, as relate.ts says of a page.
    ['50 dockers marched on the depot.', '30 lorries blocked the depot.', 'agrees', ['scope', '50 dockers', '30 lorries']],
    // Counts whose unit words run on into the verb, none shared: no one measure, nothing compared.
    ['50 crammed into the depot.', '30 blocked the depot gates.', 'agrees', null],
  ])('%s against %s: %s', (a, b, relation, expected) => {
    const claims = [counted('a', a), counted('b', b)];
    const group = compareGroup(claims, [0, 1], claimPlaces(claims));
    expect(group.relations[1]).toBe(relation);
    const figure = group.differences.find((d) => d.attribute === 'figure');
    expect(figure ? [figure.kind, ...figure.values.map((v) => v.value)] : null).toEqual(expected);
  });
});

describe('claim groups read and judge two dates as the matcher does', () => {
  const dated = (article: string, date: string): ClaimDraft => ({ ...claim(article, `Dockers marched ${date}.`, []), dates: [date.replace(/^(on|in) /, '')] });
  it.each([
    // first member's date, second's, their articles' dates, the second member's relation, the date difference's kind (none: no difference)
    ['on 3 March', 'on March 3', ['2021-03-05', '2021-03-05'], 'agrees', undefined],
    ['on 3 March', 'on 4 March', ['2021-03-05', '2021-03-05'], 'differs', 'contradiction'],
    ['in March', 'on 3 March', ['2021-03-05', '2021-03-05'], 'agrees', 'more-precise'],
    // "on Monday" in a report of Tuesday 2 March and "on 1 March": the same day.
    ['on Monday', 'on 1 March', ['2021-03-02', '2021-03-05'], 'agrees', undefined],
    ['on Monday', 'on 2 March', ['2021-03-02', '2021-03-05'], 'differs', 'contradiction'],
    ['in 2019', 'in 2020', ['2021-03-05', '2021-03-05'], 'differs', 'contradiction'],
  ])('%s against %s: %s (%s)', (a, b, [dayA, dayB], relation, kind) => {
    const claims = [dated('a', a), dated('b', b)];
    const group = compareGroup(claims, [0, 1], claimPlaces(claims, null, new Map([['a', dayA], ['b', dayB]])));
    expect(group.relations[1]).toBe(relation);
    expect(group.differences.find((d) => d.attribute === 'date')?.kind).toBe(kind);
  });
});
