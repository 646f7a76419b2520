/**
 * Enforces the module boundaries of DESIGN.md by reading every import in src/:
 * - core imports only core (no Node built-ins, no browser API, no UI library);
 * - shared imports only core and shared;
 * - page, ui and background import core, shared and themselves, never each other, except that page
 *   mounts the card components of ui/card.
 * Build-time data (src/generated, public/_locales) may be imported as JSON by everything but core.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SRC = join(ROOT, 'src');

type Layer = 'core' | 'shared' | 'page' | 'ui' | 'background' | 'generated';

/** Every import specifier in a module's source: static, type-only, re-exports, side-effect, dynamic. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    // import x, { y } from '…' / import type { T } from '…' / export * from '…' / export { a } from '…'
    /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?[\w\s{},*$]*?\bfrom\s*['"]([^'"]+)['"]/g,
    // import '…' (side effects only)
    /(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]/g,
    // import('…') and require('…')
    /\b(?:import|require)\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of source.matchAll(re)) found.push(m[1]!);
  return found;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
/** Packages that need a DOM, the extension API or a UI framework: never in core. */
const NOT_IN_CORE = [/^webextension-polyfill$/, /^preact(\/|$)/, /^@preact\//, /^@floating-ui\//, /^react(-dom)?(\/|$)/];

/** The layer a path under src/ belongs to ("ui/card" is reported as ui, with the sub-folder kept). */
function layerOf(absPath: string): { layer: Layer | null; sub: string } {
  const rel = relative(SRC, absPath);
  if (rel.startsWith('..')) return { layer: null, sub: '' };
  const [top, sub = ''] = rel.split(sep);
  return { layer: (['core', 'shared', 'page', 'ui', 'background', 'generated'] as string[]).includes(top!) ? (top as Layer) : null, sub };
}

/** Why an import breaks a boundary, or null when it is allowed. */
function violation(fromFile: string, specifier: string): string | null {
  const from = layerOf(fromFile);
  const spec = specifier.split('?')[0]!;
  const isRelative = spec.startsWith('.') || spec.startsWith('/');
  if (!isRelative) {
    if (NODE_BUILTINS.has(spec) || spec.startsWith('node:')) return 'Node built-ins are not available in the browser';
    if (from.layer === 'core' && NOT_IN_CORE.some((re) => re.test(spec))) {
      return 'src/core must not depend on the DOM, the extension API or a UI library';
    }
    return null;
  }
  const target = resolve(dirname(fromFile), spec);
  const to = layerOf(target);
  if (from.layer === 'core') return to.layer === 'core' ? null : 'src/core may import only src/core';
  if (to.layer === null) {
    // Outside src/: only the locale data next to the manifest.
    const rel = relative(ROOT, target).split(sep).join('/');
    return rel.startsWith('public/_locales/') && rel.endsWith('.json') ? null : `imports ${rel} from outside src/`;
  }
  if (to.layer === 'core' || to.layer === 'shared' || to.layer === 'generated') {
    if (from.layer === 'shared' && to.layer === 'generated') return 'src/shared may import only src/core and src/shared';
    return null;
  }
  if (from.layer === 'shared') return 'src/shared may import only src/core and src/shared';
  if (to.layer === from.layer) return null;
  if (from.layer === 'page' && to.layer === 'ui' && to.sub === 'card') return null;
  // A `?script`/`?iife` import gives the background a built script's file name to inject, not code.
  if (from.layer === 'background' && to.layer === 'page' && /[?&](script|iife)\b/.test(specifier)) return null;
  return `src/${from.layer} must not import src/${to.layer}${to.layer === 'ui' ? '/' + to.sub : ''} (page, ui and background only share core and shared)`;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' && dir === SRC ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

describe('import parser', () => {
  it('finds every kind of import', () => {
    const source = [
      "import a from './a';",
      "import { b,\n  c } from './bc'",
      "import type { T } from '../t';",
      "import * as ns from 'ns';",
      "export { d } from './d';",
      "export * from './e';",
      "import './side-effect';",
      "const lazy = () => import('./lazy');",
      "// a comment that mentions from nowhere",
      "export const x = 'not an import';",
    ].join('\n');
    expect(importsOf(source).sort()).toEqual(['../t', './a', './bc', './d', './e', './lazy', './side-effect', 'ns'].sort());
  });
});

describe('boundary rules', () => {
  const at = (p: string) => join(SRC, p);
  it.each([
    ['core/match/scan.ts', './tokens', null],
    ['core/match/scan.ts', '../text/normalize', null],
    ['core/match/scan.ts', '../../shared/protocol', 'src/core may import only src/core'],
    ['core/match/scan.ts', '../../generated/index.json', 'src/core may import only src/core'],
    ['core/match/scan.ts', 'node:fs', 'Node built-ins are not available in the browser'],
    ['core/match/scan.ts', 'path', 'Node built-ins are not available in the browser'],
    ['core/match/scan.ts', 'webextension-polyfill', 'src/core must not depend on the DOM, the extension API or a UI library'],
    ['core/match/scan.ts', 'preact/hooks', 'src/core must not depend on the DOM, the extension API or a UI library'],
    ['page/index.ts', '../ui/card/EntityCard', null],
    ['page/index.ts', '../ui/popup/Popup', 'src/page must not import src/ui/popup (page, ui and background only share core and shared)'],
    ['page/index.ts', '../background/handlers', 'src/page must not import src/background (page, ui and background only share core and shared)'],
    ['ui/popup/Popup.tsx', '../../page/index', 'src/ui must not import src/page (page, ui and background only share core and shared)'],
    ['ui/shared/i18n.ts', '../../../public/_locales/en/messages.json', null],
    ['ui/shared/i18n.ts', '../../../scripts/lib/manifest', 'imports scripts/lib/manifest from outside src/'],
    ['background/corpus.ts', '../generated/index.json', null],
    ['shared/messaging.ts', '../background/handlers', 'src/shared may import only src/core and src/shared'],
    ['shared/messaging.ts', 'webextension-polyfill', null],
    ['background/card-ui-path.ts', '../page/card-ui?iife', null],
    ['background/card-ui-path.ts', '../page/card-ui', 'src/background must not import src/page (page, ui and background only share core and shared)'],
  ])('%s → %s', (file, spec, expected) => {
    expect(violation(at(file), spec)).toBe(expected);
  });
});

describe('module boundaries of src/', () => {
  const files = sourceFiles(SRC);

  it('finds the source files', () => {
    expect(files.some((f) => f.includes(`${sep}core${sep}`))).toBe(true);
    expect(files.some((f) => f.includes(`${sep}page${sep}`))).toBe(true);
  });

  it('has no import that crosses a boundary', () => {
    const problems: string[] = [];
    for (const file of files) {
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const why = violation(file, spec);
        if (why) problems.push(`${relative(ROOT, file)}: import '${spec}' — ${why}`);
      }
    }
    expect(problems, `module boundary violations (DESIGN.md, "Modules"):\n${problems.join('\n')}\n`).toEqual([]);
  });
});
