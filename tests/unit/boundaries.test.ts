/**
 * The module boundaries of DESIGN.md are enforced by ESLint (eslint.config.js, `npm run lint`).
 * These cases lint one import at a time, placed at a path inside src/, through the project's own
 * config, so a rule that stopped catching what it must makes this test fail.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/**
 * How long one lint may take: the first .tsx file loads the TypeScript parser, 4.5 s of wall time on
 * a loaded 2-core machine and over vitest's 5 s default in a full `npm test` under a load of 17
 * (2026-12-07). Not a timing assertion.
 */
const LINT_TEST_TIMEOUT_MS = 60_000;

/** The rule ids and messages ESLint reports for `code` as if it were the file at `path`. */
async function problems(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, 'src', path) });
  return result!.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('module boundaries (eslint.config.js)', () => {
  it.each([
    ['core/match/scan.ts', "import { tokenize } from './tokens';", null],
    ['core/match/scan.ts', "import { normalize } from '../lang/normalize';", null],
    ['core/match/scan.ts', "import type { Result } from '../../shared/protocol';", 'src/core may import only src/core'],
    ['core/match/scan.ts', "import { readFileSync } from 'node:fs';", 'import/no-nodejs-modules'],
    ['core/match/scan.ts', "import { join } from 'path';", 'import/no-nodejs-modules'],
    ['core/match/scan.ts', "import browser from 'webextension-polyfill';", 'src/core must not depend on the DOM, the extension API or a UI library'],
    ['core/match/scan.ts', "import { useState } from 'preact/hooks';", 'src/core must not depend on the DOM, the extension API or a UI library'],
    ['page/index.ts', "import { EntityCard } from '../ui/card/EntityCard';", null],
    ['page/add-page.ts', "import { extractArticle } from '../store/import/extract-article';", null],
    ['page/index.ts', "import { CorpusStore } from '../store/corpus-store';", 'src/page may import only core, shared, the cards of ui/card'],
    ['page/index.ts', "import { Popup } from '../ui/popup/Popup';", 'src/page may import only core, shared, the cards of ui/card'],
    ['page/index.ts', "import { handlers } from '../background/handlers';", 'src/page may import only core, shared, the cards of ui/card'],
    ['ui/popup/Popup.tsx', "import '../../page/index';", 'src/ui may import only core, shared, store and ui'],
    ['ui/shared/format.ts', "import { EntityCard } from '../card/EntityCard';", 'src/ui/shared may not import a screen'],
    ['ui/card/EntityCard.tsx', "import { Popup } from '../popup/Popup';", 'src/ui/card may import only ui/card and ui/shared'],
    ['ui/shared/i18n.ts', "import messages from '../../../public/_locales/en/messages.json';", null],
    ['shared/messaging.ts', "import { handlers } from '../background/handlers';", 'src/shared may import only src/core and src/shared'],
    ['shared/messaging.ts', "import browser from 'webextension-polyfill';", null],
    ['background/handlers.ts', "import { findArticleRoot } from '../page/article-root';", 'src/background may import only core, shared and store'],
    ['background/corpora.ts', "import { CorpusStore } from '../store/corpus-store';", null],
    ['store/corpus-store.ts', "import { compileMatcher } from '../core/match/compile';", null],
    ['store/corpus-store.ts', "import { corpusStore } from '../background/corpora';", 'src/store may import only src/core, src/shared and itself'],
    ['page/index.ts', "import { CorpusStore } from '../store/corpus-store';", 'src/page may import only core, shared, the cards of ui/card'],
  ])('%s: %s', async (file, code, expected) => {
    const found = await problems(file, code);
    if (expected === null) expect(found).toEqual([]);
    else expect(found.some((p) => p.includes(expected)), `expected a problem containing "${expected}", got ${JSON.stringify(found)}`).toBe(true);
  }, LINT_TEST_TIMEOUT_MS);
});

describe('import cycles (eslint.config.js)', () => {
  // import/no-cycle reads the other side from disk, so the two modules are written to a scratch tree.
  it('reports a cycle closed by a type-only import, as a popup tab importing its popup would be', async () => {
    const scratch = mkdtempSync(join(tmpdir(), 'cl-lint-'));
    try {
      mkdirSync(join(scratch, 'src', 'ui', 'popup'), { recursive: true });
      writeFileSync(join(scratch, 'src', 'ui', 'popup', 'Popup.tsx'), "import { PageTab } from './PageTab';\nexport const Popup = () => PageTab;\n");
      writeFileSync(join(scratch, 'src', 'ui', 'popup', 'PageTab.tsx'), "import type { Popup } from './Popup';\nexport type Parent = typeof Popup;\nexport const PageTab = 1;\n");
      const linter = new ESLint({ cwd: scratch, overrideConfigFile: resolve(ROOT, 'eslint.config.js') });
      const results = await linter.lintFiles(['src/ui/popup/PageTab.tsx']);
      const rules = results.flatMap((r) => r.messages.map((m) => m.ruleId));
      expect(rules).toContain('import/no-cycle');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, LINT_TEST_TIMEOUT_MS);
});
