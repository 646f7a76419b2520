/** The reader's settings: this site on/off, all sites on/off, kinds to mark, most markers, theme. */
import { useEffect, useState } from 'preact/hooks';
import type { DetectionKind } from '../../core/index/types';
import { MAX_MARKERS_RANGE, type Settings, type Theme } from '../../shared/settings';
import { kindHeading } from '../shared/format';
import { t } from '../shared/i18n';

interface Props {
  settings: Settings | null;
  host: string | null;
  siteEnabled: boolean | null;
  onChange(patch: Partial<Omit<Settings, 'schemaVersion'>>): void | Promise<void>;
  onSiteEnabled(enabled: boolean): void | Promise<void>;
}

const KINDS: DetectionKind[] = ['person', 'organisation', 'claim', 'quote'];
const THEMES: Theme[] = ['auto', 'light', 'dark'];

function themeLabel(theme: Theme): string {
  return theme === 'light' ? t('popup_themeLight') : theme === 'dark' ? t('popup_themeDark') : t('popup_themeAuto');
}

/** The settings section. */
export function SettingsTab({ settings, host, siteEnabled, onChange, onSiteEnabled }: Props) {
  const [maxText, setMaxText] = useState(settings ? String(settings.maxMarkers) : '');
  useEffect(() => setMaxText(settings ? String(settings.maxMarkers) : ''), [settings?.maxMarkers]);
  if (!settings) return <p class="cl-state" data-testid="settings-unavailable">{t('popup_settingsUnavailable')}</p>;

  const commitMax = () => {
    const value = Number(maxText);
    if (Number.isFinite(value) && maxText.trim() !== '') void onChange({ maxMarkers: value });
    else setMaxText(String(settings.maxMarkers));
  };

  return (
    <form class="cl-settings" onSubmit={(e) => e.preventDefault()} data-testid="settings">
      <fieldset>
        <legend>{t('popup_settingsWhere')}</legend>
        <label class="cl-switch">
          <input
            type="checkbox"
            checked={host ? siteEnabled !== false : false}
            disabled={!host}
            onChange={(e) => void onSiteEnabled((e.currentTarget as HTMLInputElement).checked)}
            data-testid="site-switch"
          />
          <span>{host ? t('popup_siteSwitch', host) : t('popup_siteSwitchNoHost')}</span>
        </label>
        <label class="cl-switch">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(e) => void onChange({ enabled: (e.currentTarget as HTMLInputElement).checked })}
            data-testid="global-switch"
          />
          <span>{t('popup_globalSwitch')}</span>
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('popup_settingsKinds')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} class="cl-switch">
            <input
              type="checkbox"
              checked={settings.kinds[kind]}
              onChange={(e) => void onChange({ kinds: { ...settings.kinds, [kind]: (e.currentTarget as HTMLInputElement).checked } })}
              data-testid={`kind-${kind}`}
            />
            <span>{kindHeading(kind)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('popup_settingsDisplay')}</legend>
        <label class="cl-field">
          <span>{t('popup_maxMarkers')}</span>
          <input
            type="number"
            min={MAX_MARKERS_RANGE.min}
            max={MAX_MARKERS_RANGE.max}
            step={1}
            value={maxText}
            onInput={(e) => setMaxText((e.currentTarget as HTMLInputElement).value)}
            onChange={commitMax}
            onKeyDown={(e) => e.key === 'Enter' && commitMax()}
            data-testid="max-markers"
          />
        </label>
        <label class="cl-field">
          <span>{t('popup_theme')}</span>
          <select
            value={settings.theme}
            onChange={(e) => void onChange({ theme: (e.currentTarget as HTMLSelectElement).value as Theme })}
            data-testid="theme-select"
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {themeLabel(theme)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <p class="cl-muted cl-hint">{t('popup_settingsSaved')}</p>
    </form>
  );
}
