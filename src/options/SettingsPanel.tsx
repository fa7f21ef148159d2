import { useState } from 'preact/hooks';
import { MAX_REWIND_SEC, parseSettings, THEMES, type Settings } from '../settings/settings';
import { errorMessage, type Announcement } from '../ui/Announcer';
import { t, type MessageKey } from '../i18n/t';
import './SettingsPanel.css';

export interface Shortcut {
  /** The command's name in the manifest, such as `clip-talk`. */
  name: string;
  description: string;
  keys: string;
}

interface SettingsPanelProps {
  initial: Settings;
  save: (settings: Settings) => Promise<void>;
  shortcuts: Shortcut[];
  openShortcutSettings: () => void;
  announce: (announcement: Announcement) => void;
}

const THEME_LABELS: Record<Settings['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

/** The options that change how notes are taken: saved as soon as they change. */
export function SettingsPanel({ initial, save, shortcuts, openShortcutSettings, announce }: SettingsPanelProps) {
  const [settings, setSettings] = useState(initial);

  const change = async (patch: Partial<Settings>) => {
    const next = parseSettings({ ...settings, ...patch });
    setSettings(next);
    try {
      await save(next);
      announce({ kind: 'status', text: t('settingsSaved') });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotSaveSettings', errorMessage(error)) });
    }
  };

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      <div class="settings__grid">
        <label for="setting-rewind">{t('settingRewind')}</label>
        <div>
          <input
            id="setting-rewind"
            type="number"
            min={0}
            max={MAX_REWIND_SEC}
            step={1}
            value={settings.rewindSec}
            aria-describedby="setting-rewind-hint"
            onChange={(event) => void change({ rewindSec: Number(event.currentTarget.value) })}
          />
          <p id="setting-rewind-hint" class="muted">
            {t('settingRewindHint')}
          </p>
        </div>
        <label for="setting-event">{t('settingEvent')}</label>
        <div>
          <input
            id="setting-event"
            type="text"
            value={settings.defaultEvent}
            placeholder={t('settingEventPlaceholder')}
            aria-describedby="setting-event-hint"
            onChange={(event) => void change({ defaultEvent: event.currentTarget.value })}
          />
          <p id="setting-event-hint" class="muted">
            {t('settingEventHint')}
          </p>
        </div>
        <label for="setting-theme">{t('settingTheme')}</label>
        <select id="setting-theme" value={settings.theme} onChange={(event) => void change({ theme: event.currentTarget.value as Settings['theme'] })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_LABELS[theme])}
            </option>
          ))}
        </select>
        <span>{t('keyboardShortcuts')}</span>
        <div>
          <ul class="settings__shortcuts">
            {shortcuts.map((shortcut) => (
              <li key={shortcut.description}>
                <kbd>{shortcut.keys || t('shortcutNotSet')}</kbd> {shortcut.description}
              </li>
            ))}
          </ul>
          <button type="button" class="button button--quiet" onClick={openShortcutSettings}>
            {t('changeShortcuts')}
          </button>
        </div>
      </div>
    </section>
  );
}
