import { defineConfig } from 'vitest/config';

// Three tiers, all run by `npm test`: pure unit tests in Node, DOM tests in happy-dom, and
// end-to-end runs of the built extension in Debian's Chromium and Firefox ESR.
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
          fileParallelism: false,
          pool: 'forks',
        },
      },
    ],
  },
});
