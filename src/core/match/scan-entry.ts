/**
 * The matcher's run-time entry for the content script: only what a page scan needs. It must not
 * reach compile.ts (build time) or lang/word-diff.ts (the diff library), so the injected script
 * stays small; index.ts re-exports everything for the background, the CLI and tests.
 */
export type { MatcherData } from './data';
export { MATCHER_DATA_VERSION } from './data';
export { createMatcher, type Matcher, type ScanOptions } from './scan';
