/**
 * The lengths the article finder and the furniture tests read are counted over text nodes without
 * building strings: they must equal what the strings give (textContent.trim(), and white space
 * collapsed) on text with edge white space of every kind, nested and empty elements and comments.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { paragraphProse } from '../../../src/page/dom-filters';

const CASES: [string, string][] = [
  ['plain', '<p>Ann Example spoke at the hall.</p>'],
  ['indented source', '<p>\n      Ann Example spoke\n      at the hall.\n    </p>'],
  ['edge white space in nested elements', '<p> <em> \n </em><b>  Ann</b> Example spoke <i> </i>\t</p>'],
  ['no-break and other Unicode spaces at the edges', '<p>\u00a0\u2003\u3000Ann Example spoke\u202f\u205f\ufeff\u2028</p>'],
  ['a Unicode space inside, kept', '<p>Ann\u00a0Example spoke</p>'],
  ['comments between', '<p><!-- c -->  Ann <!-- d --> Example spoke<!-- e -->  </p>'],
  ['only white space', '<p> \n <span>\u00a0</span> </p>'],
  ['empty', '<p></p>'],
  ['empty text nodes made by script', ''],
];

describe('text lengths counted over text nodes', () => {
  afterEach(() => {
    document.body.innerHTML = '';
  });

  for (const [name, html] of CASES) {
    it(`equal textContent.trim().length: ${name}`, () => {
      document.body.innerHTML = html || '<p></p>';
      const p = document.querySelector('p')!;
      if (!html) p.append(document.createTextNode(''), document.createTextNode('  Ann Example '), document.createTextNode(''));
      // With no links and no minimum, a paragraph's prose is its trimmed text length.
      expect(paragraphProse(p, 0)).toBe((p.textContent ?? '').trim().length);
    });
  }
});
