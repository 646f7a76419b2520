/**
 * Properties of sentence and word segmentation (src/core/analysis/02-segment) and of settings
 * migration (src/shared/settings): segmentation never throws, its spans stay inside their
 * paragraphs, in order and trimmed, and tokens are true slices of their sentences; migration turns
 * ANY stored value into valid settings, keeps every valid field, and is idempotent.
 * (tests/unit/shared/settings.test.ts has the table-driven cases; these are the generated ones.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { segmentSentences, tokenize } from '../../../src/core/analysis/02-segment';
import type { Span } from '../../../src/core/index/types';
import { DEFAULT_SETTINGS, MAX_MARKERS_RANGE, migrateSettings, type Settings } from '../../../src/shared/settings';
import { anyText, grammarText } from './grammar';

/** Paragraph spans of a text: its non-empty lines. */
function paragraphsOf(text: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const line of text.split('\n')) {
    if (line.trim()) out.push({ start: at, end: at + line.length });
    at += line.length + 1;
  }
  return out;
}

const textWithParagraphs = fc
  .array(fc.oneof(grammarText, anyText, fc.constantFrom('Mr. Smith said so.', 'Dr. A. B. Jones left. He said "Go." Then?', '...', 'U.K. 3.5m. 45%.')), { maxLength: 6 })
  .map((ps) => ps.join('\n'));

describe('sentence and word segmentation (property)', () => {
  it('never throws; sentences are trimmed, ordered, non-overlapping and inside one paragraph each', () => {
    fc.assert(
      fc.property(textWithParagraphs, (text) => {
        const paragraphs = paragraphsOf(text);
        const sentences = segmentSentences(text, paragraphs);
        let last = -1;
        for (const s of sentences) {
          expect(s.start).toBeGreaterThanOrEqual(last);
          expect(s.end).toBeGreaterThan(s.start);
          last = s.end;
          expect(paragraphs.some((p) => p.start <= s.start && s.end <= p.end)).toBe(true);
          const body = text.slice(s.start, s.end);
          expect(body.trim().length).toBeGreaterThan(0);
          expect(/^\s/.test(body)).toBe(false);
        }
        // Every non-space character of every paragraph is in some sentence.
        const covered = (i: number) => sentences.some((s) => s.start <= i && i < s.end);
        for (const p of paragraphs) for (let i = p.start; i < p.end; i++) if (/\S/.test(text[i])) expect(covered(i)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('tokens are in-bounds slices of their own sentence, in order', () => {
    fc.assert(
      fc.property(textWithParagraphs, (text) => {
        const sentences = segmentSentences(text, paragraphsOf(text));
        const { tokens, sentenceTokenStart } = tokenize(text, sentences);
        expect(sentenceTokenStart.length).toBe(sentences.length);
        let last = -1;
        for (const t of tokens) {
          const s = sentences[t.sentence];
          expect(t.start).toBeGreaterThanOrEqual(s.start);
          expect(t.end).toBeLessThanOrEqual(s.end);
          expect(t.start).toBeGreaterThanOrEqual(last);
          last = t.end;
          expect(t.text).toBe(text.slice(t.start, t.end));
          // Trimmed, except that a format or combining character after a space comes with the
          // space (Intl.Segmenter's rule WB4 attaches it to what precedes it).
          expect(t.text.length).toBeGreaterThan(0);
          expect(/[ \t\n]$/.test(t.text)).toBe(false);
          expect(/^[ \t\n]+(?![\p{Cf}\p{M}])/u.test(t.text)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('migrateSettings (property)', () => {
  const isValid = (s: Settings) => {
    expect(Object.keys(s).sort()).toEqual(['disabledSites', 'enabled', 'kinds', 'maxMarkers', 'schemaVersion', 'theme']);
    expect(s.schemaVersion).toBe(DEFAULT_SETTINGS.schemaVersion);
    expect(typeof s.enabled).toBe('boolean');
    expect(Object.keys(s.kinds).sort()).toEqual(['claim', 'organisation', 'person', 'quote']);
    for (const v of Object.values(s.kinds)) expect(typeof v).toBe('boolean');
    expect(Number.isInteger(s.maxMarkers)).toBe(true);
    expect(s.maxMarkers).toBeGreaterThanOrEqual(MAX_MARKERS_RANGE.min);
    expect(s.maxMarkers).toBeLessThanOrEqual(MAX_MARKERS_RANGE.max);
    expect(['auto', 'light', 'dark']).toContain(s.theme);
    expect(Array.isArray(s.disabledSites)).toBe(true);
    for (const h of s.disabledSites) expect(typeof h).toBe('string');
  };

  it('turns any stored value at all into valid settings, and is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.jsonValue()), (stored) => {
        const s = migrateSettings(stored);
        isValid(s);
        expect(migrateSettings(s)).toEqual(s);
        expect(migrateSettings(JSON.parse(JSON.stringify(s)))).toEqual(s);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps each valid field of a partly corrupt object and defaults only the broken ones', () => {
    const maybe = <T,>(valid: fc.Arbitrary<T>) => fc.oneof(valid.map((v) => ({ ok: true as const, v })), fc.anything().map((v) => ({ ok: false as const, v })));
    fc.assert(
      fc.property(
        maybe(fc.boolean()),
        maybe(fc.constantFrom('auto', 'light', 'dark')),
        maybe(fc.integer({ min: MAX_MARKERS_RANGE.min, max: MAX_MARKERS_RANGE.max })),
        maybe(fc.record({ person: fc.boolean(), organisation: fc.boolean(), claim: fc.boolean(), quote: fc.boolean() })),
        (enabled, theme, maxMarkers, kinds) => {
          const s = migrateSettings({ schemaVersion: 0, enabled: enabled.v, theme: theme.v, maxMarkers: maxMarkers.v, kinds: kinds.v });
          isValid(s);
          if (enabled.ok) expect(s.enabled).toBe(enabled.v);
          else if (typeof enabled.v !== 'boolean') expect(s.enabled).toBe(DEFAULT_SETTINGS.enabled);
          if (theme.ok) expect(s.theme).toBe(theme.v);
          if (maxMarkers.ok) expect(s.maxMarkers).toBe(maxMarkers.v);
          if (kinds.ok) expect(s.kinds).toEqual(kinds.v);
        },
      ),
      { numRuns: 500 },
    );
  });
});
