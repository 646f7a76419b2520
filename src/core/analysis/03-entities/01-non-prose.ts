/**
 * Step 3.1: the parts of an article body that are not prose, where capitalisation says nothing
 * about names: lines written all in capitals ("PHOTO BY A PERSON/SOME AGENCY", "BREAKING NEWS")
 * and the dateline that opens a wire story ("GLENHAVEN (Wirefeed) -"). Names are neither
 * discovered nor counted as mentions there.
 */
import type { Span } from '../../index/types';
import type { ArticleDraft } from '../context';
import { isKnownPlace } from '../../lang/pos';

/**
 * A dateline: a place in capitals, then ", Country" or an agency in brackets (or both), then a
 * dash: "KESSLOW (Wirefeed) -", "PORT ELLIS, Avonia —". Capitals and a dash alone are not enough:
 * "ACRONYM – which is …" opens prose, so a bare "PLACE —" must be a place the lexicon knows.
 */
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M} .'\u2019-]*\p{Lu})(, [\p{L} .]+)?( \([^)\n]{1,40}\))? ?[-\u2013\u2014] /u;

/** True when a line has letters and none of them is lower case. */
export function isAllCaps(line: string): boolean {
  return /\p{L}/u.test(line) && !/\p{Ll}/u.test(line);
}

/** Sorted spans of the body that are not prose (all-caps paragraphs, datelines). */
export function nonProseSpans(d: ArticleDraft): Span[] {
  const out: Span[] = [];
  for (const p of d.paragraphs) {
    if (p.start < d.bodyStart) continue;
    const line = d.text.slice(p.start, p.end);
    if (isAllCaps(line)) {
      out.push({ start: p.start, end: p.end });
      continue;
    }
    const m = DATELINE.exec(line);
    if (m && (m[2] || m[3] || isKnownPlace(m[1].toLowerCase()))) out.push({ start: p.start, end: p.start + m[0].length });
  }
  return out;
}
