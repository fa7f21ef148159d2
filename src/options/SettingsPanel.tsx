import { useState } from 'preact/hooks';
import { MAX_REWIND_SEC, parseSettings, THEMES, type Settings } from '../settings/settings';
import { errorMessage, type Announcement } from '../ui/Announcer';

export interface Shortcut {
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

const THEME_LABELS: Record<Settings['theme'], string> = { system: 'Same as the system', light: 'Light', dark: 'Dark' };

/** The options that change how notes are taken: saved as soon as they change. */
export function SettingsPanel({ initial, save, shortcuts, openShortcutSettings, announce }: SettingsPanelProps) {
  const [settings, setSettings] = useState(initial);

  const change = async (patch: Partial<Settings>) => {
    const next = parseSettings({ ...settings, ...patch });
    setSettings(next);
    try {
      await save(next);
      announce({ kind: 'status', text: 'Settings saved.' });
    } catch (error) {
      announce({ kind: 'alert', text: `Could not save the settings: ${errorMessage(error)}` });
    }
  };

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">Settings</h2>
      <div class="settings__grid">
        <label for="setting-rewind">Rewind notes by (seconds)</label>
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
            For when you start typing a moment after what you want to note.
          </p>
        </div>
        <label for="setting-event">Event of new clips</label>
        <div>
          <input
            id="setting-event"
            type="text"
            value={settings.defaultEvent}
            placeholder="e.g. KubeCon EU 2024"
            aria-describedby="setting-event-hint"
            onChange={(event) => void change({ defaultEvent: event.currentTarget.value })}
          />
          <p id="setting-event-hint" class="muted">
            Left empty, a new clip gets the event of the talk clipped before it.
          </p>
        </div>
        <label for="setting-theme">Theme</label>
        <select id="setting-theme" value={settings.theme} onChange={(event) => void change({ theme: event.currentTarget.value as Settings['theme'] })}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {THEME_LABELS[theme]}
            </option>
          ))}
        </select>
        <span>Keyboard shortcuts</span>
        <div>
          <ul class="settings__shortcuts">
            {shortcuts.map((shortcut) => (
              <li key={shortcut.description}>
                <kbd>{shortcut.keys || 'not set'}</kbd> {shortcut.description}
              </li>
            ))}
          </ul>
          <button type="button" class="button button--quiet" onClick={openShortcutSettings}>
            Change shortcuts in the browser’s settings
          </button>
        </div>
      </div>
    </section>
  );
}
