/**
 * The matcher's run-time entry for the matching side (the background): only what matching page
 * text needs. It must not reach compile.ts (build time) or lang/word-diff.ts (the diff library);
 * index.ts re-exports everything for the CLI and tests.
 */
export type { MatcherData } from './data';
export { MATCHER_DATA_VERSION } from './data';
export { createMatcher, type Matcher, type MatcherOptions, type ScanOptions } from './scan';
export { PagePeople, MAX_PAGE_PEOPLE } from '../index/page-people';
