import { defineConfig } from 'vitest/config';

// Three tiers, all run by `npm test`: pure unit tests in Node, DOM tests in happy-dom, and
// end-to-end runs of the built extension in Debian's Chromium and Firefox ESR.
/**
 * End-to-end files run at once. Each file drives one browser at a time; two files keep both cores
 * of the 2-core CI machine busy. Measured: see the ci commit that set it.
 */
const E2E_WORKERS = 2;

export default defineConfig({
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    // Stylesheets are real in tests (vitest would otherwise replace them with empty strings): the
    // card's shadow-root CSS is asserted on, inlined as vite inlines it.
    css: true,
    projects: [
      {
        extends: true,
        test: { name: 'unit', environment: 'node', include: ['tests/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/dom/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Two files at a time: a browser test waits on its browser much of the time, so one file
          // left a 2-core machine's second core mostly idle (E2E_WORKERS).
          maxWorkers: E2E_WORKERS,
          pool: 'forks',
          // Builds the large corpus files in the background as the run begins (see there).
          globalSetup: ['tests/e2e/harness/global-setup.ts'],
        },
      },
    ],
  },
});
