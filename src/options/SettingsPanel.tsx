import type { ComponentChildren } from 'preact';
import { useId, useState } from 'preact/hooks';
import { t, type MessageKey } from '../i18n/t';
import { MAX_REWIND_SEC, parseSettings, readRewind, THEMES, type Settings } from '../settings/settings';
import { NAME_MAX_CHARS } from '../talk/limits';
import { errorMessage } from '../ui/error-message';
import { memo } from '../ui/memo';
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
}

type Field = keyof Settings;
/** What the last change of one field came to, said beside that field. */
type Feedback = { field: Field; kind: 'status' | 'alert'; text: string };

/** Between emptying a field's region and saying Saved. in it again, as the Announcer does (not shared: the popup's bundle would carry the export). */
const RESAY_MS = 50;

const THEME_LABELS: Record<Settings['theme'], MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

/**
 * The options that change how notes are taken: saved as soon as they change, confirmed (or refused)
 * beside the setting. Drawn again only when its props change, not at each keystroke in the library.
 */
export const SettingsPanel = memo(function SettingsPanel({ initial, save, shortcuts, openShortcutSettings }: SettingsPanelProps) {
  const id = useId();
  const [settings, setSettings] = useState(initial);
  const [feedback, setFeedback] = useState<Feedback | null>(null);

  const change = async (field: Field, patch: Partial<Settings>) => {
    const next = parseSettings({ ...settings, ...patch });
    setSettings(next);
    try {
      await save(next);
      const saved: Feedback = { field, kind: 'status', text: t('settingSaved') };
      // "Saved." again, as the region already says, changes nothing a screen reader would say: emptied first, it is heard.
      // What is said meanwhile (a refusal) stays.
      setFeedback(null);
      setTimeout(() => setFeedback((shown) => shown ?? saved), RESAY_MS);
    } catch (error) {
      setFeedback({ field, kind: 'alert', text: t('couldNotSaveSettings', errorMessage(error)) });
    }
  };

  const refuse = (field: Field, text: string) => setFeedback({ field, kind: 'alert', text });
  const problemId = (field: Field) => `${id}-${field}-problem`;
  const invalid = (field: Field) => feedback?.field === field && feedback.kind === 'alert';
  const described = (field: Field, hint?: string) => [hint, invalid(field) && problemId(field)].filter(Boolean).join(' ') || undefined;
  const beside = (field: Field) => <FieldFeedback problemId={problemId(field)} feedback={feedback?.field === field ? feedback : null} />;

  return (
    <section class="settings" aria-labelledby="settings-heading">
      <h2 id="settings-heading">{t('settings')}</h2>
      <div class="settings__grid">
        <label for="setting-rewind">{t('settingRewind')}</label>
        <SettingField>
          <input
            id="setting-rewind"
            type="number"
            min={0}
            max={MAX_REWIND_SEC}
            step={1}
            defaultValue={String(settings.rewindSec)}
            aria-invalid={invalid('rewindSec') || undefined}
            aria-describedby={described('rewindSec', 'setting-rewind-hint')}
            onChange={(event) => {
              const rewindSec = readRewind(event.currentTarget.value);
              if (rewindSec === null) refuse('rewindSec', t('rewindOutOfRange', String(MAX_REWIND_SEC)));
              else void change('rewindSec', { rewindSec });
            }}
          />
          {beside('rewindSec')}
          <p id="setting-rewind-hint" class="muted">
            {t('settingRewindHint')}
          </p>
        </SettingField>
        <label for="setting-event">{t('settingEvent')}</label>
        <SettingField>
          <input
            id="setting-event"
            type="text"
            defaultValue={settings.defaultEvent}
            placeholder={t('settingEventPlaceholder')}
            aria-invalid={invalid('defaultEvent') || undefined}
            aria-describedby={described('defaultEvent', 'setting-event-hint')}
            onChange={(event) => {
              const defaultEvent = event.currentTarget.value.trim();
              if (defaultEvent.length > NAME_MAX_CHARS) refuse('defaultEvent', t('eventTooLong', String(NAME_MAX_CHARS), String(defaultEvent.length)));
              else void change('defaultEvent', { defaultEvent });
            }}
          />
          {beside('defaultEvent')}
          <p id="setting-event-hint" class="muted">
            {t('settingEventHint')}
          </p>
        </SettingField>
        <label for="setting-theme">{t('settingTheme')}</label>
        <SettingField>
          <select
            id="setting-theme"
            value={settings.theme}
            aria-invalid={invalid('theme') || undefined}
            aria-describedby={described('theme')}
            onChange={(event) => void change('theme', { theme: event.currentTarget.value as Settings['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(THEME_LABELS[theme])}
              </option>
            ))}
          </select>
          {beside('theme')}
        </SettingField>
        <span>{t('keyboardShortcuts')}</span>
        <div>
          <ul class="settings__shortcuts">
            {shortcuts.map((shortcut) => (
              <li key={shortcut.description}>
                <kbd>{shortcut.keys || t('shortcutNotSet')}</kbd> {shortcut.description}
              </li>
            ))}
          </ul>
          <button type="button" class="button button--quiet settings__change-shortcuts" onClick={openShortcutSettings}>
            {t('changeShortcuts')}
          </button>
        </div>
      </div>
    </section>
  );
});

function SettingField({ children }: { children: ComponentChildren }) {
  return <div class="settings__field">{children}</div>;
}

/**
 * `Saved.` in the field's own polite live region; a refusal or failure as an alert, added only
 * when there is one (an alert is announced as it appears), so the page keeps one standing alert.
 */
function FieldFeedback({ problemId, feedback }: { problemId: string; feedback: Feedback | null }) {
  return (
    <span class="settings__feedback">
      <span aria-live="polite">{feedback?.kind === 'status' ? feedback.text : ''}</span>
      {feedback?.kind === 'alert' && (
        <span role="alert" id={problemId} class="settings__problem">
          {feedback.text}
        </span>
      )}
    </span>
  );
}
