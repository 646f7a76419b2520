import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MAX_MARKERS_RANGE,
  SETTINGS_VERSION,
  applySettingsPatch,
  isSiteEnabled,
  migrateSettings,
  type Settings,
} from '../../../src/shared/settings';

describe('default settings', () => {
  it('are on for every kind, with a bounded marker limit and the current schema', () => {
    expect(DEFAULT_SETTINGS).toEqual({
      schemaVersion: SETTINGS_VERSION,
      enabled: true,
      disabledSites: [],
      kinds: { person: true, organisation: true, claim: true, quote: true },
      maxMarkers: 300,
      theme: 'auto',
    });
    expect(DEFAULT_SETTINGS.maxMarkers).toBeGreaterThanOrEqual(MAX_MARKERS_RANGE.min);
    expect(DEFAULT_SETTINGS.maxMarkers).toBeLessThanOrEqual(MAX_MARKERS_RANGE.max);
  });

  it('cannot be mutated by accident', () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.kinds)).toBe(true);
  });
});

describe('migrateSettings', () => {
  it.each([undefined, null, 42, 'settings', [], true])('turns %j into the defaults', (stored) => {
    expect(migrateSettings(stored)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps a valid stored object as it is', () => {
    const stored: Settings = {
      schemaVersion: SETTINGS_VERSION,
      enabled: false,
      disabledSites: ['a.example', 'b.example'],
      kinds: { person: true, organisation: false, claim: true, quote: false },
      maxMarkers: 50,
      theme: 'dark',
    };
    expect(migrateSettings(stored)).toEqual(stored);
  });

  it('replaces each corrupt field by its default and keeps the valid ones', () => {
    const migrated = migrateSettings({
      schemaVersion: 1,
      enabled: 'yes',
      disabledSites: ['ok.example', 7, '', 'x'.repeat(300), null],
      kinds: { person: false, organisation: 'no', claim: null },
      maxMarkers: 'many',
      theme: 'sepia',
    });
    expect(migrated).toEqual({
      schemaVersion: SETTINGS_VERSION,
      enabled: true,
      disabledSites: ['ok.example'],
      kinds: { person: false, organisation: true, claim: true, quote: true },
      maxMarkers: DEFAULT_SETTINGS.maxMarkers,
      theme: 'auto',
    });
  });

  it('migrates an older schema (no version, missing fields, extra fields) field by field', () => {
    const migrated = migrateSettings({ enabled: false, theme: 'light', highlightColour: '#ff0' });
    expect(migrated).toEqual({ ...DEFAULT_SETTINGS, enabled: false, theme: 'light' });
    expect(migrated).not.toHaveProperty('highlightColour');
    expect(migrated.schemaVersion).toBe(SETTINGS_VERSION);
  });

  it('clamps and rounds the marker limit, and rejects non-finite numbers', () => {
    expect(migrateSettings({ maxMarkers: 0 }).maxMarkers).toBe(MAX_MARKERS_RANGE.min);
    expect(migrateSettings({ maxMarkers: -5 }).maxMarkers).toBe(MAX_MARKERS_RANGE.min);
    expect(migrateSettings({ maxMarkers: 1e9 }).maxMarkers).toBe(MAX_MARKERS_RANGE.max);
    expect(migrateSettings({ maxMarkers: 12.6 }).maxMarkers).toBe(13);
    expect(migrateSettings({ maxMarkers: Number.NaN }).maxMarkers).toBe(DEFAULT_SETTINGS.maxMarkers);
    expect(migrateSettings({ maxMarkers: Number.POSITIVE_INFINITY }).maxMarkers).toBe(DEFAULT_SETTINGS.maxMarkers);
  });

  it('de-duplicates and sorts disabled sites', () => {
    expect(migrateSettings({ disabledSites: ['b.example', 'a.example', 'b.example'] }).disabledSites).toEqual([
      'a.example',
      'b.example',
    ]);
  });
});

describe('applySettingsPatch', () => {
  it('changes only the patched fields', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { theme: 'dark', maxMarkers: 20 });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark', maxMarkers: 20 });
  });

  it('merges a partial kinds object instead of replacing it', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { kinds: { claim: false } as Settings['kinds'] });
    expect(next.kinds).toEqual({ person: true, organisation: true, claim: false, quote: true });
  });

  it('validates patched values like stored ones', () => {
    const next = applySettingsPatch(DEFAULT_SETTINGS, { maxMarkers: 99999, theme: 'neon' as Settings['theme'] });
    expect(next.maxMarkers).toBe(MAX_MARKERS_RANGE.max);
    expect(next.theme).toBe('auto');
  });

  it('does not change the settings it was given', () => {
    const current = migrateSettings({ theme: 'light' });
    applySettingsPatch(current, { theme: 'dark', kinds: { person: false } as Settings['kinds'] });
    expect(current.theme).toBe('light');
    expect(current.kinds.person).toBe(true);
  });
});

describe('isSiteEnabled', () => {
  it('follows the global switch and the per-site list, ignoring host case', () => {
    const settings = migrateSettings({ disabledSites: ['news.example'] });
    expect(isSiteEnabled(settings, 'other.example')).toBe(true);
    expect(isSiteEnabled(settings, 'news.example')).toBe(false);
    expect(isSiteEnabled(settings, 'NEWS.example')).toBe(false);
    expect(isSiteEnabled({ ...settings, enabled: false }, 'other.example')).toBe(false);
  });
});
