/**
 * What the always-injected content script (src/page/index.ts) pulls in at run time. Everything it
 * imports is injected into every page the reader opens (issue 6: at most 40 KB gzip), so the card UI
 * (Preact, the card components, @floating-ui) stays in the on-demand card script and the extension
 * API comes from runtime-lite rather than webextension-polyfill. Type-only imports cost nothing and
 * are not followed.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');

/** Run-time import specifiers of a module (type-only imports and re-exports left out). */
function runtimeImports(source: string): string[] {
  const found: string[] = [];
  const re = /(?:^|[;\n])\s*(import|export)\s+(type\s+)?([\w\s{},*$]*?)\s*\bfrom\s*['"]([^'"]+)['"]|(?:^|[;\n])\s*import\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g;
  for (const m of source.matchAll(re)) {
    if (m[5] || m[6]) {
      found.push((m[5] ?? m[6])!);
      continue;
    }
    if (m[2]) continue; // import type / export type
    const clause = m[3]!.trim();
    const braces = /\{([^}]*)\}/.exec(clause);
    const outside = clause.replace(/\{[^}]*\}/, '').replace(/,/g, '').trim();
    const named = braces ? braces[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (outside === '' && named.length > 0 && named.every((n) => n.startsWith('type '))) continue;
    found.push(m[4]!);
  }
  return found;
}

function resolveFile(from: string, spec: string): string | null {
  const base = resolve(dirname(from), spec.split('?')[0]!);
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile()) ?? null;
}

/** Every module and package the entry reaches through run-time imports. */
function graph(entry: string): { files: string[]; packages: string[] } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    if (file.endsWith('.json')) continue;
    for (const spec of runtimeImports(readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
        continue;
      }
      const target = resolveFile(file, spec);
      if (target) queue.push(target);
    }
  }
  return { files: [...files].map((f) => relative(ROOT, f)).sort(), packages: [...packages].sort() };
}

describe('the always-injected content script', () => {
  const { files, packages } = graph(resolve(ROOT, 'src/page/index.ts'));

  it('reaches the matcher, its data and the page code', () => {
    expect(files).toContain('src/page/controller.ts');
    expect(files).toContain('src/page/card-host.ts');
    expect(files).toContain('src/generated/matcher.json');
    expect(files.some((f) => f.startsWith('src/core/match/'))).toBe(true);
  });

  it('leaves the card UI to the on-demand script and the polyfill to extension pages', () => {
    for (const heavy of ['webextension-polyfill', 'preact', '@floating-ui/dom', '@floating-ui/core', 'minisearch']) {
      expect(packages).not.toContain(heavy);
    }
    // The content script reaches no package at all (the diff library lives in core/lang/word-diff,
    // which only the evidence builder and the corpus analysis import).
    expect(packages).toEqual([]);
    expect(files.filter((f) => f.startsWith('src/ui/'))).toEqual([]);
    expect(files).not.toContain('src/page/card-view.ts');
    expect(files).not.toContain('src/page/card-ui.ts');
    expect(files).not.toContain('src/shared/messaging.ts');
    expect(files).not.toContain('src/shared/storage.ts');
  });

  it('is told apart from the card script, which does bring the card UI', () => {
    const card = graph(resolve(ROOT, 'src/page/card-ui.ts'));
    expect(card.packages).toEqual(expect.arrayContaining(['preact', '@floating-ui/dom']));
    expect(card.files).toContain('src/ui/card/index.tsx');
  });
});
