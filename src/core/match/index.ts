/**
 * Public API of the matcher. The content script, the background and the lookup CLI call only these.
 * compileMatcher runs at build time; createMatcher(...).scan on every page; resolveMatch where the
 * full index is (background, CLI).
 */
export type { MatcherData } from './data';
export { MATCHER_DATA_VERSION } from './data';
export { compileMatcher } from './compile';
export { createMatcher, type Matcher, type ScanOptions } from './scan';
export { resolveMatch, wordDiff } from './resolve';
