// Module boundaries of DESIGN.md ("Modules"), enforced by lint rather than by reading imports with
// regular expressions. The parser is Babel's TypeScript preset (see scripts/lint/babel-ts-parser.cjs).
import { createRequire } from 'node:module';
import importPlugin from 'eslint-plugin-import';

const require = createRequire(import.meta.url);
const PARSER = require.resolve('./scripts/lint/babel-ts-parser.cjs');
const parser = require(PARSER);

const because = (why) => `${why} (DESIGN.md, "Modules")`;

/** Which folders each layer may not import from. */
const zones = [
  // core is pure: it runs in Node, in a worker and in the background alike.
  { target: './src/core', from: './src', except: ['./core'], message: because('src/core may import only src/core') },
  // shared is the protocol and storage helpers every side uses: it depends on no side.
  { target: './src/shared', from: './src', except: ['./core', './shared'], message: because('src/shared may import only src/core and src/shared') },
  // store is used by the background and the extension pages, and depends on neither.
  { target: './src/store', from: './src', except: ['./core', './shared', './store', './generated'], message: because('src/store may import only src/core, src/shared and itself') },
  // page, ui and background share only core and shared; page mounts the cards of ui/card.
  // page mounts the cards of ui/card, and its on-demand "Add this page" reader uses the import's
  // article extraction (a pure function over a Document).
  { target: './src/page', from: './src', except: ['./core', './shared', './page', './ui/card', './ui/shared', './store/import', './generated'], message: because('src/page may import only core, shared, the cards of ui/card and the article reader of store/import') },
  { target: './src/background', from: './src', except: ['./core', './shared', './store', './background', './generated'], message: because('src/background may import only core, shared and store') },
  { target: './src/ui', from: './src', except: ['./core', './shared', './store', './ui', './generated'], message: because('src/ui may import only core, shared, store and ui') },
  // Inside ui: shared helpers know no screen; cards know no extension page.
  { target: './src/ui/shared', from: './src/ui', except: ['./shared'], message: because('src/ui/shared may not import a screen (card, popup, browser)') },
  { target: './src/ui/card', from: './src/ui', except: ['./card', './shared'], message: because('src/ui/card may import only ui/card and ui/shared') },
];

export default [
  { ignores: ['dist/**', 'node_modules/**', 'src/generated/**', 'artifacts/**'] },
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { parser },
    plugins: { import: importPlugin },
    settings: {
      'import/parsers': { [PARSER]: ['.ts', '.tsx'] },
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-nodejs-modules': 'error',
      'no-restricted-imports': 'off',
    },
  },
  {
    // core must not depend on the DOM, the extension API or a UI library.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(webextension-polyfill|preact|@preact/|@floating-ui/|react)', message: because('src/core must not depend on the DOM, the extension API or a UI library') },
        ],
      }],
    },
  },
];
