/**
 * The lookup CLI's core, shared with tests: the page's matcher, then the page's marking policy
 * (core/match/select), then the cards' evidence builder (core/index/evidence). So `lookup` prints what the page marks.
 */
import type { CorpusIndex, Detection, Match } from '../../src/core/index/types';
import { buildDetection } from '../../src/core/index/evidence';
import { compileMatcher, createMatcher, PagePeople, type Matcher, type ScanOptions } from '../../src/core/match';
import { selectMatches, type SelectOptions } from '../../src/core/match/select';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { wordVectors } from './word-vectors';
import { gazetteerContainment } from '../../src/core/lang/gazetteer';
import { loadGazetteer } from './gazetteer';

const matchers = new WeakMap<CorpusIndex, Matcher>();

/** The reader's settings on a new install: what the page marks until the reader changes them. */
export const DEFAULT_SELECT: SelectOptions = { kinds: { ...DEFAULT_SETTINGS.kinds }, maxMarkers: DEFAULT_SETTINGS.maxMarkers };

/**
 * The input's blocks, as the page reads paragraphs: split at blank lines (the corpus's own paragraph
 * break). Offsets of each block into the whole text are kept.
 */
export function splitBlocks(text: string): { start: number; text: string }[] {
  const out: { start: number; text: string }[] = [];
  const re = /\r?\n[ \t\r]*\n\s*/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > at) out.push({ start: at, text: text.slice(at, m.index) });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ start: at, text: text.slice(at) });
  return out;
}

function matcherFor(index: CorpusIndex): Matcher {
  let matcher = matchers.get(index);
  if (!matcher) {
    // Through JSON, as the matching side receives it, so nothing non-serialisable can slip in.
    // With the gazetteer's place pairs, as the build gives the bundled corpus (scripts/build-index.ts).
    const data = compileMatcher(index);
    data.placeWithinGazetteer = gazetteerContainment(data.places, loadGazetteer());
    matcher = createMatcher(JSON.parse(JSON.stringify(data)), { vectors: wordVectors() });
    matchers.set(index, matcher);
  }
  return matcher;
}

/**
 * What the matcher recognises in a text, before the marking policy (a lone surname is reported
 * even where the page would hold it back): for tests that score recognition, such as the dev set.
 * Block by block as the page sends paragraphs, the people of earlier blocks handed on (ScanOptions.pagePeople).
 */
export function recognise(text: string, index: CorpusIndex, scan?: ScanOptions): Detection[] {
  const m = matcherFor(index);
  const options: ScanOptions = { ...scan, pagePeople: scan?.pagePeople ?? new PagePeople() };
  return splitBlocks(text).flatMap((b) => m.scan(b.text, options).map((match) => buildDetection(index, { ...match, start: match.start + b.start, end: match.end + b.start })));
}

/**
 * Looks up a text against an index exactly as the content script marks a page: block by block
 * through the matcher, then the marking policy over all blocks, then the evidence for each marker.
 * `pageDate` (ISO) resolves the text's relative dates; `claimThreshold` replaces the fitted link
 * probability (a sweep's measurement, scripts/eval-sweep.ts: the product always uses the fitted one).
 */
export function lookup(text: string, index: CorpusIndex, options: SelectOptions = DEFAULT_SELECT, pageDate?: string, claimThreshold?: number): { detections: Detection[] } {
  const m = matcherFor(index);
  // One page's people, handed from block to block in page order, as the matching side does within a batch.
  const scan: ScanOptions = { kinds: options.kinds, ...(pageDate ? { pageDate } : {}), ...(claimThreshold !== undefined ? { claimThreshold } : {}), pagePeople: new PagePeople() };
  const blocks = splitBlocks(text).map((b) => ({ ...b, matches: m.scan(b.text, scan) }));
  const selected = selectMatches(blocks, options);
  const detections: Detection[] = [];
  selected.forEach((list, i) => {
    const shift = blocks[i].start;
    for (const match of list) {
      const whole: Match = { ...match, start: match.start + shift, end: match.end + shift };
      detections.push(buildDetection(index, whole));
    }
  });
  return { detections };
}
