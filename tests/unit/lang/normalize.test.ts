import { describe, expect, it } from 'vitest';
import { mapRangeToSource, normalize, normalizeWithMap } from '../../../src/core/lang/normalize';

describe('normalize', () => {
  it.each([
    ['Corbyn’s', "corbyn's"],
    ['“social movement”', '"social movement"'],
    ['1984–85', '1984-85'],
    ['Cor\u00ADbyn', 'corbyn'],
    ['zero\u200Bwidth', 'zerowidth'],
    ['ﬁne', 'fine'],
    ['e\u0301', 'é'],
    ['A\u00A0B', 'a b'],
  ])('%j → %j', (input, expected) => {
    expect(normalize(input)).toBe(expected);
  });

  it('maps normalised ranges back to exact source ranges', () => {
    const src = 'Mr Cor\u00ADbyn\u2019s \u{1F600} ﬁne\u00AD.';
    const n = normalizeWithMap(src);
    const at = (needle: string) => {
      const i = n.text.indexOf(needle);
      expect(i).toBeGreaterThanOrEqual(0);
      const r = mapRangeToSource(n, i, i + needle.length);
      return src.slice(r.start, r.end);
    };
    expect(at("corbyn's")).toBe('Cor\u00ADbyn\u2019s');
    expect(at('\u{1F600}')).toBe('\u{1F600}');
    expect(at('fine')).toBe('ﬁne');
  });
});
