/**
 * Public API of the matcher. The background, the CLI and tests call only these; the content script
 * imports the lean ./scan-entry instead (no build-time code, no diff library).
 * compileMatcher runs at build time; createMatcher(...).scan on every page; resolveMatch where the
 * full index is (background, CLI).
 */
export type { MatcherData } from './data';
export { MATCHER_DATA_VERSION } from './data';
export { compileMatcher } from './compile';
export { createMatcher, type Matcher, type ScanOptions } from './scan';
export { resolveMatch, wordDiff } from './resolve';
