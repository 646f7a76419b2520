/**
 * An add given the previous analysis's state takes a held article's descriptors and quotes from it
 * (mention-steps.ts) only when what they were made from is the same: the article's mentions, and
 * for the nominal descriptors the office nouns the corpus gives the article's dominant person. Each
 * case here is one an add changes, and the index must stay the full analysis's.
 */
import { describe, expect, it } from 'vitest';
import { analyseCorpus, type AnalysisState, type ArticleInput } from '../../../src/core/analysis/index';
import { analyseIncrement } from '../../../src/core/analysis/incremental';
import { serialiseIndex } from '../../../scripts/lib/read-corpus';

/** The held articles analysed with a state, then `added` given to an add with it: the add's index and state, the held index and state, and the full analysis. */
function addWithState(held: ArticleInput[], added: ArticleInput[]) {
  let before: AnalysisState | undefined;
  const previous = analyseCorpus(held, undefined, undefined, { onState: (s) => (before = s) });
  let after: AnalysisState | undefined;
  const index = analyseIncrement(previous.articles, added, undefined, { previous: before, onState: (s) => (after = s) });
  return { previous, before: before!, index, after: after!, whole: analyseCorpus([...held, ...added]) };
}

const text = (lines: string[]) => lines.join('\n\n');

describe('descriptors and quotes kept in the state', () => {
  it('a held article whose mentions are the same gets a nominal descriptor when an added article gives its person the office noun', () => {
    // h1 calls Tova Brandt "the embattled mayor" without naming her mayor: the nominal rule gives
    // her that description only when the corpus elsewhere calls her mayor, which only a1 does.
    const held: ArticleInput[] = [
      { id: 'h1', text: text(['Tova Brandt faces vote over ferry delays', 'Ms Tova Brandt will face a vote of no confidence over the ferry delays.', 'Tova Brandt said the new terminal would open in spring.', 'Tova Brandt thanked the engineers for their work.', 'Ferry passengers protested against the embattled mayor at the harbour on Friday.']), meta: { outlet: 'Outlet One', date: '2024-03-04' } },
    ];
    const added: ArticleInput[] = [
      { id: 'a1', text: text(['Mayor Tova Brandt opens terminal', 'Mayor Tova Brandt opened the new ferry terminal on Monday.', 'Tova Brandt said the delays were over.']), meta: { outlet: 'Outlet Two', date: '2024-03-06' } },
    ];
    const { previous, before, index, after, whole } = addWithState(held, added);
    expect(serialiseIndex(index)).toBe(serialiseIndex(whole));
    const descriptorsOf = (ix: typeof whole) => ix.entities.find((e) => e.name === 'Tova Brandt')!.coverage.find((c) => c.article === 'h1')!.descriptors.map((d) => d.text);
    // The premise: the same mentions (the kept entry's key), no descriptor before the add, the nominal one after.
    expect(after.mentionSteps!.get('h1')!.key).toBe(before.mentionSteps!.get('h1')!.key);
    expect(descriptorsOf(previous)).toEqual([]);
    expect(descriptorsOf(whole)).toEqual(['embattled mayor']);
    expect(before.mentionSteps!.get('h1')!.descriptors.offices).toBe('');
    expect(after.mentionSteps!.get('h1')!.descriptors.offices).toBe('mayor');
  });

  it('a held article whose mentions the add changes gets its quotes made again: a pronoun that now has a person to stand for', () => {
    // Orla Vance becomes a person only with a2, so h2's "she said" gets her as its speaker.
    const held: ArticleInput[] = [
      { id: 'h2', text: 'Harbour plan delayed\n\nThe harbour plan was delayed again on Monday after Orla Vance and the council disagreed over the budget of 40 million pounds. "The budget is far too high for a port of this size," she said.', meta: { outlet: 'Outlet One', date: '2024-03-05' } },
      { id: 'h3', text: 'Council meets\n\nThe council met on Tuesday. "We will look at the harbour budget again next month," a council officer said.', meta: { outlet: 'Outlet Two', date: '2024-03-05' } },
    ];
    const added: ArticleInput[] = [
      { id: 'a2', text: 'Vance speaks\n\nMs Orla Vance said the harbour plan would go ahead. Orla Vance said the budget of 40 million pounds was fair.', meta: { outlet: 'Outlet Three', date: '2024-03-06' } },
    ];
    const { previous, before, index, after, whole } = addWithState(held, added);
    expect(serialiseIndex(index)).toBe(serialiseIndex(whole));
    const speakerIn = (ix: typeof whole, article: string) => ix.quotes.find((q) => q.article === article)?.speaker;
    expect(speakerIn(previous, 'h2')).toBeNull();
    expect(speakerIn(whole, 'h2')).toBe('person:orla-vance');
    expect(after.mentionSteps!.get('h2')!.key).not.toBe(before.mentionSteps!.get('h2')!.key);
    // The article the add did not touch keeps its entry's quotes as they were.
    expect(after.mentionSteps!.get('h3')!.quotes).toBe(before.mentionSteps!.get('h3')!.quotes);
  });

  it('a kept entry of another shape (a state read back damaged) is not used, and the index is the same', () => {
    const held: ArticleInput[] = [
      { id: 'h1', text: text(['Tova Brandt faces vote over ferry delays', 'Ms Tova Brandt will face a vote of no confidence over the ferry delays.', '"The terminal will open in spring, whatever the council says," Tova Brandt said.']), meta: { outlet: 'Outlet One', date: '2024-03-04' } },
    ];
    let before: AnalysisState | undefined;
    const previous = analyseCorpus(held, undefined, undefined, { onState: (s) => (before = s) });
    const kept = before!.mentionSteps!.get('h1')!;
    const damaged: AnalysisState = { ...before!, mentionSteps: new Map<string, never>([['h1', { ...kept, quotes: [['not a quote']] } as never]]) };
    const index = analyseIncrement(previous.articles, [], undefined, { previous: damaged });
    expect(serialiseIndex(index)).toBe(serialiseIndex(previous));
    expect(index.quotes.length).toBe(1);
  });
});
