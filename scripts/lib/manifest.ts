/** Derives each browser's manifest from the one manifest.json at the repository's top level. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The browsers the extension is built for. */
export type TargetBrowser = 'chrome' | 'firefox';

/** The add-on id Firefox knows the extension by (also used by the end-to-end tests). */
export const GECKO_ID = 'coverage-lens@coverage-lens.local';

type Manifest = Record<string, unknown> & {
  background: { service_worker?: string; scripts?: string[]; type?: string };
};

/** Reads manifest.json and the version from package.json. */
export function readBaseManifest(root = resolve(import.meta.dirname, '..', '..')): Manifest {
  const manifest = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Manifest;
  const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as { version: string };
  return { ...manifest, version: pkg.version };
}

/** The manifest for one browser: Chrome wants a service worker, Firefox background scripts and gecko settings. */
export function manifestFor(browser: TargetBrowser, base: Manifest = readBaseManifest()): Manifest {
  if (browser === 'chrome') return base;
  const { service_worker, ...rest } = base.background;
  if (!service_worker) throw new Error('manifest.json: background.service_worker is missing');
  return {
    ...base,
    background: { ...rest, scripts: [service_worker] },
    browser_specific_settings: {
      gecko: {
        id: GECKO_ID,
        strict_min_version: '142.0',
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}
