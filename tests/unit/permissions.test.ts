/**
 * Permissions and remote code, checked on the BUILT extensions (dist/chrome, dist/firefox; `npm test`
 * builds first): every permission the manifest asks for is justified in the README's Permissions
 * section and every justified one is asked for; nothing is exposed to pages; extension pages run
 * under a strict CSP; no script is loaded from anywhere but the extension itself; our bundles
 * contain no eval or Function constructor.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const TARGETS = ['chrome', 'firefox'] as const;

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean; match_about_blank?: boolean; world?: string }[];
  web_accessible_resources?: unknown;
  externally_connectable?: unknown;
  content_security_policy?: { extension_pages?: string; sandbox?: string };
  sandbox?: unknown;
  background?: { service_worker?: string; scripts?: string[] };
  [key: string]: unknown;
}

function dist(target: (typeof TARGETS)[number]): string {
  const dir = resolve(ROOT, 'dist', target);
  if (!existsSync(join(dir, 'manifest.json'))) throw new Error(`${dir}/manifest.json is missing: run "npm run build" first`);
  return dir;
}

function builtManifest(target: (typeof TARGETS)[number]): Manifest {
  return JSON.parse(readFileSync(join(dist(target), 'manifest.json'), 'utf8')) as Manifest;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** The README's "## Permissions" section: backticked names in the first column of its table. */
function readmeJustified(): { apis: Set<string>; hosts: Set<string>; section: string; reasons: Map<string, string> } {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  const match = /^## Permissions\s*$([\s\S]*?)(?=^## )/m.exec(readme + '\n## end');
  if (!match) throw new Error('README.md has no "## Permissions" section');
  const section = match[1];
  const apis = new Set<string>();
  const hosts = new Set<string>();
  const reasons = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 3 || /^-+$/.test(cells[1]) || cells[1] === 'permission') continue;
    for (const [, token] of cells[1].matchAll(/`([^`]+)`/g)) {
      (token.includes('://') || token === '<all_urls>' ? hosts : apis).add(token);
      reasons.set(token, cells[2]);
    }
  }
  return { apis, hosts, section, reasons };
}

/** Directives of a CSP string, e.g. { 'script-src': ["'self'"] }. */
function parseCsp(csp: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const part of csp.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out[name.toLowerCase()] = values;
  }
  return out;
}

describe.each(TARGETS)('the built %s extension', (target) => {
  const manifest = builtManifest(target);
  const justified = readmeJustified();

  it('asks for exactly the API permissions the README justifies, and nothing optional', () => {
    expect(justified.apis.size).toBeGreaterThan(0);
    expect(new Set(manifest.permissions ?? [])).toEqual(justified.apis);
    expect(manifest.optional_permissions ?? []).toEqual([]);
  });

  it('reaches only the sites the README justifies, and every site the README names is used', () => {
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    const hosts = manifest.host_permissions ?? [];
    expect(matches.length).toBeGreaterThan(0);
    expect(new Set([...matches, ...hosts])).toEqual(justified.hosts);
    // never file://, <all_urls> or extension pages
    for (const pattern of [...matches, ...hosts]) expect(pattern.startsWith('http://') || pattern.startsWith('https://')).toBe(true);
    // Content scripts run isolated; none in the page's own world.
    for (const script of manifest.content_scripts ?? []) expect(script.world ?? 'ISOLATED').toBe('ISOLATED');
  });

  it('exposes nothing to web pages: no web_accessible_resources, no externally_connectable', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
  });

  it('runs extension pages under a strict CSP: scripts and objects from the extension only', () => {
    const csp = manifest.content_security_policy?.extension_pages;
    expect(csp, 'content_security_policy.extension_pages').toBeTypeOf('string');
    const d = parseCsp(csp!);
    expect(d['script-src']).toEqual(["'self'"]);
    expect(["'self'", "'none'"]).toContain((d['object-src'] ?? ["'self'"]).join(' '));
    const all = Object.values(d).flat();
    for (const bad of ["'unsafe-eval'", "'unsafe-inline'", "'wasm-unsafe-eval'", "'unsafe-hashes'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      expect(all, `CSP must not allow ${bad}`).not.toContain(bad);
    }
    expect(all.filter((v) => /^(https?:)?\/\//.test(v))).toEqual([]);
    expect(manifest.content_security_policy?.sandbox).toBeUndefined();
  });

  it('loads every script and stylesheet of its pages from the extension itself, with no inline script', () => {
    const htmls = files(dist(target)).filter((f) => f.endsWith('.html'));
    expect(htmls.length).toBeGreaterThanOrEqual(2); // popup and corpus browser
    for (const file of htmls) {
      const html = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, `${where} has a script`).toBeGreaterThan(0);
      for (const [, attrs, body] of scripts) {
        const src = /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1];
        expect(src, `${where}: inline <script> (blocked by the CSP anyway)`).toBeDefined();
        expect(body.trim(), `${where}: inline script body`).toBe('');
        expect(src, `${where}: remote script ${src}`).not.toMatch(/^(https?:)?\/\//i);
      }
      for (const [, href] of html.matchAll(/<link\b[^>]*\bhref\s*=\s*["']?([^"'\s>]+)/gi)) {
        expect(href, `${where}: remote resource ${href}`).not.toMatch(/^(https?:)?\/\//i);
      }
      expect(html, `${where}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
    }
  });

  it('imports code only from the extension: every import specifier is local, and no eval or Function constructor', () => {
    const scripts = files(dist(target)).filter((f) => /\.m?js$/.test(f));
    expect(scripts.length).toBeGreaterThan(3);
    const entries = [
      ...(manifest.content_scripts ?? []).flatMap((c) => c.js ?? []),
      ...(manifest.background?.scripts ?? []),
      ...(manifest.background?.service_worker ? [manifest.background.service_worker] : []),
    ];
    for (const entry of entries) expect(existsSync(join(dist(target), entry)), `${entry} is bundled`).toBe(true);
    for (const file of scripts) {
      const code = readFileSync(file, 'utf8');
      const where = relative(ROOT, file);
      const specifiers = [
        // Static imports and re-exports, as the bundler writes them (`import{a as b}from"./x.js"`).
        ...[...code.matchAll(/(?:^|[;\n}])\s*import\s*(?:[\w$]+\s*,?\s*)?(?:\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?["'`]([^"'`]+)["'`]/g)].map((m) => m[1]),
        ...[...code.matchAll(/(?:^|[;\n}])\s*export\s*(?:\{[^}]*\}|\*(?:\s*as\s+[\w$]+)?)\s*from\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]),
        ...[...code.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]),
        ...[...code.matchAll(/\bimportScripts\s*\(\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]),
      ];
      for (const spec of specifiers) expect(spec, `${where} imports ${spec}`).toMatch(/^(\.{1,2}\/|\/(?!\/))/);
      // Nothing that fetches or connects is pointed at a literal remote URL.
      expect(code, `${where}: network call to a remote URL`).not.toMatch(
        /\b(?:fetch|importScripts|WebSocket|EventSource|sendBeacon|open)\s*\(\s*["'`](?:https?:|wss?:)?\/\//,
      );
      expect(code, `${where}: eval`).not.toMatch(/(?<![\w$.])eval\s*\(/);
      expect(code, `${where}: Function constructor`).not.toMatch(/\bnew\s+Function\s*\(|(?<![\w$.])Function\s*\(\s*["'`]/);
      expect(code, `${where}: string timer`).not.toMatch(/\bset(?:Timeout|Interval)\s*\(\s*["'`]/);
    }
  });
});

describe('the README', () => {
  it('justifies each permission in words, and says there is no remote code and no network request', () => {
    const { section, reasons } = readmeJustified();
    for (const [permission, reason] of reasons) expect(reason.length, `the README's reason for ${permission}`).toBeGreaterThan(20);
    expect(section).toMatch(/no remote code/i);
    expect(section).toMatch(/no network requests?/i);
  });
});

describe('the built content script (issue 11: the page carries none of the corpus)', () => {
  it.each(TARGETS)('%s: holds no entity, article, claim-group or quote-group id and no word of the matcher data', (target) => {
    const manifest = builtManifest(target) as { content_scripts?: { js?: string[] }[] };
    const scripts = (manifest.content_scripts ?? []).flatMap((c) => c.js ?? []);
    expect(scripts.length).toBeGreaterThan(0);
    const generated = resolve(ROOT, 'src/generated/matcher.json');
    if (!existsSync(generated)) throw new Error(`${generated} is missing: run "npm run build" first`);
    const data = JSON.parse(readFileSync(generated, 'utf8')) as { articles: string[]; entities: string[]; claimGroups: string[]; quoteGroups: string[]; words: string[]; places: string[] };
    // Ids are distinctive on their own; words are checked as quoted string literals of some length
    // (short words such as "said" or "person" are also ordinary code strings).
    const ids = [...data.articles, ...data.entities, ...data.places];
    const words = data.words.filter((w) => w.length >= 7);
    expect(ids.length + words.length).toBeGreaterThan(10);
    for (const file of scripts) {
      const code = readFileSync(join(dist(target), file), 'utf8');
      expect(ids.filter((id) => code.includes(id)), `${file}: corpus ids`).toEqual([]);
      expect(words.filter((w) => new RegExp(`["'\`]${w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`).test(code)), `${file}: corpus words`).toEqual([]);
    }
  });
});
