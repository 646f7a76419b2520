/** Storage helpers: settings live in storage.local under one key, validated on every read. */
import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_KEY, type Settings } from './settings';

export { SETTINGS_KEY };

/** Reads settings; corrupt or old-schema values fall back to defaults field by field. */
export async function loadSettings(): Promise<Settings> {
  try {
    const stored = await browser.storage.local.get(SETTINGS_KEY);
    return migrateSettings(stored[SETTINGS_KEY]);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

/** Writes validated settings and returns what was written. */
export async function saveSettings(settings: Settings): Promise<Settings> {
  const clean = migrateSettings(settings);
  await browser.storage.local.set({ [SETTINGS_KEY]: clean });
  return clean;
}
