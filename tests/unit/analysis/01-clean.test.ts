import { describe, expect, it } from 'vitest';
import { cleanArticle, furnitureReason } from '../../../src/core/analysis/01-clean';

describe('01-clean: furniture lines', () => {
  it.each([
    ['Advertisement', 'advertisement'],
    ['Skip to main content', 'navigation'],
    ['media captionA politician: "We will win"', 'caption'],
    ['Ships in the harbour. Photograph: A Person/Agency', 'photo caption'],
    ['Picture by A Person/Some Agency', 'photo credit'],
    ['PHOTO BY A PERSON/SOME PRESS AGENCY', 'photo credit'],
    ['Credit: Some Agency', 'photo credit'],
    ['More on this story', 'related links'],
    ['Become a supporter', 'donation box'],
    ['Fighting fund', 'donation box'],
    ['Our newsroom fund', 'donation box'],
    ['Winter appeal', 'donation box'],
    ["You've Raised:£ 7,798", 'donation box'],
    ['We need:£ 10,201', 'donation box'],
    ['9 Days remaining', 'donation box'],
    ['Donate today', 'donation box'],
    ["We're a reader-owned co-operative, which means you can become part of the paper too by buying shares in the Society.", 'donation box'],
  ])('%j is %s', (line, reason) => {
    expect(furnitureReason(line)).toBe(reason);
  });

  it.each([
    'The advertisement campaign was criticised by MPs.',
    'He said more from the government was needed.',
    'Photographs by local children were shown at the town hall until the end of the month, the council said.',
    'Supporters were asked to donate today to the campaign, organisers said in a statement.',
    // Business prose about shares and funds is news, not a donation box.
    'Investors kept buying shares in the company after its results beat forecasts.',
    'The pension fund said it would become part of the group by the end of the year.',
    'It has launched a £2m hardship fund.',
  ])('keeps prose: %j', (line) => {
    expect(cleanArticle(`Headline\n\n${line}`).text).toContain(line);
  });

  it('removes a "More from X" block with its link list, keeping it for audit with its line', () => {
    const raw = 'Headline\n\nBody sentence here.\nMore from Some Site\nLink one about A Person\nLink two\n';
    const c = cleanArticle(raw);
    expect(c.text).toBe('Headline\n\nBody sentence here.');
    expect(c.furniture).toEqual([{ text: 'More from Some Site\nLink one about A Person\nLink two', reason: 'related links', line: 4 }]);
  });

  it('takes the headline from the first line that is not furniture', () => {
    const c = cleanArticle('Skip to main content\n\nReal headline\n\nBody.');
    expect(c.headline).toBe('Real headline');
    expect(c.paragraphs.map((p) => c.text.slice(p.start, p.end))).toEqual(['Real headline', 'Body.']);
    expect(c.bodyStart).toBe(c.paragraphs[1].start);
  });

  it('joins consecutive donation-box lines into one audited block', () => {
    const c = cleanArticle('H\n\nBody.\n\nBecome a supporter\n\nFighting fund\n\nDonate today');
    expect(c.furniture).toHaveLength(1);
    expect(c.furniture[0]).toMatchObject({ reason: 'donation box', line: 5 });
  });
});
