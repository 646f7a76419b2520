/**
 * One figure rule for cards and page: the relation the corpus analysis records between two
 * outlets' figures (what a card shows as "differs") is the relation the matcher gives a page that
 * states one outlet's figure against the other's article (what `lookup` and the page report).
 * Since differences have kinds, the page side says more than the corpus side: figures that can
 * both be true but one says less ("about 1,200" against "1,300") are "differs" of kind
 * "less-precise" on the page, and never a contradiction; the corpus analysis's conflict is the
 * page's kind "contradiction". So the one rule is: conflict on one side ⇔ contradiction on the other.
 * Invented two-article corpora; each row is one pair of figures and the page's kind.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis/index';
import { lookup } from '../../../scripts/lib/lookup';

const SENTENCE = (figure: string) => `${figure} protesters marched through Eastport on Sunday against the bridge closure, organised by the Harbour Workers Union.`;

function corpus(a: string, b: string) {
  const article = (id: string, outlet: string, figure: string) => ({
    id,
    text: `Protest against bridge closure\n\n${SENTENCE(figure)}\n\nThe mayor said the repairs could not wait.`,
    meta: { outlet, headline: 'Protest against bridge closure', date: '2021-03-02', url: 'https://example.org/' + id },
  });
  return analyseCorpus([article('a', 'Eastport Herald', a), article('b', 'Westford Daily', b)]);
}

describe('cards and page judge two figures by one rule', () => {
  it.each([
    // corpus a, page b, the corpus analysis's relation, the page's kind against a (none: agrees)
    ['More than 300', 'Some 400', 'agrees', 'less-precise'],
    ['More than 300', 'Some 900', 'differs', 'contradiction'],
    ['About 1,200', '1,300', 'agrees', 'less-precise'],
    ['About 1,200', '2,000', 'differs', 'contradiction'],
    ['Up to 800', '500', 'agrees', 'less-precise'],
    ['Up to 800', '200', 'differs', 'contradiction'],
    ['1,200', '1,200', 'agrees', undefined],
    ['1,200', '1,250', 'differs', 'contradiction'],
    ['1,300', 'About 1,200', 'agrees', 'more-precise'],
  ])('%s vs %s: %s (page kind %s)', (a, b, expected, kind) => {
    const index = corpus(a, b);
    const group = index.claimGroups.find((g) => g.members.length === 2);
    expect(group, 'the two reports form one claim group').toBeDefined();
    const build = group!.members.some((m) => m.relation === 'differs') ? 'differs' : 'agrees';
    expect(build).toBe(expected);
    // The page states b's figure; the matcher relates it to article a.
    const claim = lookup(SENTENCE(b), index).detections.find((d) => d.kind === 'claim');
    expect(claim, 'the page sentence is matched as a claim').toBeDefined();
    const page = claim!.coverage.find((c) => c.article === 'a');
    expect(page?.kind).toBe(kind);
    expect(page?.kind === 'contradiction').toBe(expected === 'differs');
    expect(page?.relation).toBe(kind ? 'differs' : 'agrees');
  });
});
