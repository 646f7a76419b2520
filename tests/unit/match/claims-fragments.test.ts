/**
 * A page sentence that quotes the fragment a corpus claim quotes ("a 'harbour miracle'") cites the
 * same source's words and links, however few of its other words the claim holds; a long quotation
 * sharing only a common run with the claim's does not (claims.ts citesQuotation, lang/quoted-words).
 * Invented articles, analysed as the build analyses a corpus.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus } from '../../../src/core/analysis';
import { compileMatcher, createMatcher } from '../../../src/core/match';
import { wordVectors } from '../../../scripts/lib/word-vectors';

const index = analyseCorpus([
  {
    id: 'b1',
    text: 'Ferry plan approved in Eastport\n\nThe council of Eastport approved the ferry plan on Monday after a long debate.\n\nMayor Ada Quint said the new ferry line would be a "harbour miracle" for the town.\n\nShe said the first boats would sail next spring.',
  },
  {
    id: 'b2',
    text: 'Eastport votes for ferries\n\nCouncillors in Eastport voted for the ferry plan on Monday.\n\nThe vote followed months of talks with the harbour board.\n\nMayor Ada Quint said: "We will bring the general election of ferries to every family in the town."',
  },
]);
const data = compileMatcher(index);
const matcher = createMatcher(data, { vectors: wordVectors() });
const claimArticles = (text: string) => matcher.scan(text, { kinds: { claim: true } }).filter((m) => m.kind === 'claim').flatMap((m) => m.refs.map((r) => r.article));

describe('claims citing a quoted fragment', () => {
  it('links a sentence quoting the fragment the claim quotes', () => {
    expect(claimArticles('Critics in the town laughed at talk of a “harbour miracle” from the mayor.')).toContain('b1');
  });

  it('does not link the same words unquoted on the strength of the rule', () => {
    expect(claimArticles('Critics in the town laughed at talk of a harbour miracle from the mayor.')).not.toContain('b1');
  });
});
