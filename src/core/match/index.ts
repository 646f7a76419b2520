/**
 * Public API of the matcher. The background, the CLI and tests call only these; the content script
 * imports the lean ./scan-entry instead (no build-time code).
 * compileMatcher runs at build time; createMatcher(...).scan on every page. The evidence of a match
 * is built from the full index by buildDetection in core/index/evidence, on the same tables as every card.
 */
export type { MatcherData } from './data';
export { MATCHER_DATA_VERSION } from './data';
export { compileMatcher } from './compile';
export { createMatcher, type Matcher, type MatcherOptions, type ScanOptions } from './scan';
export { PagePeople, MAX_PAGE_PEOPLE } from '../index/page-people';
