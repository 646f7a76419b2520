import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GECKO_ID, manifestFor, readBaseManifest } from '../../scripts/lib/manifest';

const ROOT = resolve(import.meta.dirname, '..', '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { version: string };

describe('manifest variants', () => {
  const chrome = manifestFor('chrome');
  const firefox = manifestFor('firefox');

  it('take the version from package.json', () => {
    expect(readBaseManifest().version).toBe(pkg.version);
    expect(chrome.version).toBe(pkg.version);
    expect(firefox.version).toBe(pkg.version);
  });

  it('give Chrome a module service worker and no Firefox settings', () => {
    expect(chrome.manifest_version).toBe(3);
    expect(chrome.background.service_worker).toBe('src/background/index.ts');
    expect(chrome.background.scripts).toBeUndefined();
    expect(chrome).not.toHaveProperty('browser_specific_settings');
  });

  it('give Firefox background scripts, the gecko id and its data-collection declaration', () => {
    expect(firefox.background.service_worker).toBeUndefined();
    expect(firefox.background.scripts).toEqual([chrome.background.service_worker]);
    expect(firefox.background.type).toBe(chrome.background.type);
    expect(firefox.browser_specific_settings).toEqual({
      gecko: { id: GECKO_ID, strict_min_version: expect.stringMatching(/^\d+\.\d+$/), data_collection_permissions: { required: ['none'] } },
    });
  });

  it('share every other key, so the two cannot drift', () => {
    const rest = (m: Record<string, unknown>) => {
      const { background: _b, browser_specific_settings: _s, ...others } = m;
      return others;
    };
    expect(rest(firefox)).toEqual(rest(chrome));
    expect(Object.keys(rest(chrome))).toEqual(expect.arrayContaining(['name', 'permissions', 'content_scripts', 'action']));
  });

  it('derive from the base passed in, and refuse a base without a service worker', () => {
    const base = { ...readBaseManifest(), name: 'Other' };
    expect(manifestFor('firefox', base).name).toBe('Other');
    expect(() => manifestFor('firefox', { ...base, background: { type: 'module' } })).toThrow(/service_worker is missing/);
  });
});
