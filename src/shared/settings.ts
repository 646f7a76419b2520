/**
 * Reader settings: the only thing the extension stores. Never page text, never reading history.
 * Stored values are validated field by field; anything corrupt or from an older schema falls back
 * to the default for that field, so a bad value never loses the rest.
 */
import type { DetectionKind } from '../core/index/types';

/** The storage.local key holding the settings object (here, not in storage.ts, so the content script can use it without the polyfill). */
export const SETTINGS_KEY = 'settings';

/** Current settings schema; older stored objects are migrated by `migrateSettings`. */
export const SETTINGS_VERSION = 1 as const;

/** Colour scheme of cards and extension pages. */
export type Theme = 'auto' | 'light' | 'dark';

/** Everything the reader can change. */
export interface Settings {
  schemaVersion: typeof SETTINGS_VERSION;
  /** Global switch. */
  enabled: boolean;
  /** Hosts (e.g. "news.example.com") where the reader switched the extension off. */
  disabledSites: string[];
  /** Which kinds of marker to place. */
  kinds: Record<DetectionKind, boolean>;
  /** The most markers placed on one page. */
  maxMarkers: number;
  theme: Theme;
}

/** Limits of `maxMarkers`. */
export const MAX_MARKERS_RANGE = { min: 1, max: 2000 } as const;

/** Settings for a new install. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({
  schemaVersion: SETTINGS_VERSION,
  enabled: true,
  disabledSites: [],
  kinds: Object.freeze({ person: true, organisation: true, claim: true, quote: true }),
  maxMarkers: 300,
  theme: 'auto',
}) as Settings;

const KINDS: DetectionKind[] = ['person', 'organisation', 'claim', 'quote'];
const THEMES: Theme[] = ['auto', 'light', 'dark'];

/**
 * Turns whatever was found in storage (possibly corrupt, possibly an older schema) into valid
 * Settings. Each field falls back to its default on its own.
 */
export function migrateSettings(stored: unknown): Settings {
  const s = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const kindsIn = (typeof s.kinds === 'object' && s.kinds !== null ? s.kinds : {}) as Record<string, unknown>;
  const kinds = {} as Record<DetectionKind, boolean>;
  for (const k of KINDS) kinds[k] = typeof kindsIn[k] === 'boolean' ? (kindsIn[k] as boolean) : DEFAULT_SETTINGS.kinds[k];
  const max = s.maxMarkers;
  return {
    schemaVersion: SETTINGS_VERSION,
    enabled: typeof s.enabled === 'boolean' ? s.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(s.disabledSites)
      ? [...new Set(s.disabledSites.filter((h): h is string => typeof h === 'string' && h.length > 0 && h.length < 256))].sort()
      : [],
    kinds,
    maxMarkers:
      typeof max === 'number' && Number.isFinite(max)
        ? Math.min(MAX_MARKERS_RANGE.max, Math.max(MAX_MARKERS_RANGE.min, Math.round(max)))
        : DEFAULT_SETTINGS.maxMarkers,
    theme: THEMES.includes(s.theme as Theme) ? (s.theme as Theme) : DEFAULT_SETTINGS.theme,
  };
}

/** Applies a partial update and re-validates. */
export function applySettingsPatch(current: Settings, patch: Partial<Omit<Settings, 'schemaVersion'>>): Settings {
  return migrateSettings({ ...current, ...patch, kinds: { ...current.kinds, ...(patch.kinds ?? {}) } });
}

/** Whether the extension should run on a host under these settings. */
export function isSiteEnabled(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host.toLowerCase());
}
