import { render } from 'preact';
import { openTalklogDb } from '../db/database';
import { t } from '../i18n/t';
import { loadSettings, onSettingsChanged, saveSettings } from '../settings/settings-storage';
import { applyTheme } from '../ui/apply-theme';
import { saveDetailsDraftsIfAny } from '../ui/save-details-drafts-at-start';
import '../ui/theme.css';
import { LibraryApp } from './LibraryApp';
import { browserEnvironment } from './library-environment';
import { openShortcutSettings, readShortcuts } from './settings-environment';
import { browserSyncEnvironment } from './sync-environment';

document.title = t('libraryTitle');
// The database opens while the settings and the shortcuts are read, not after.
const db = openTalklogDb();
void db.open().catch(() => undefined); // a failure surfaces on first use
saveDetailsDraftsIfAny(db);
const [settings, shortcuts] = await Promise.all([loadSettings(), readShortcuts()]);
applyTheme(settings.theme);
onSettingsChanged((changed) => applyTheme(changed.theme));
render(
  <LibraryApp
    db={db}
    env={browserEnvironment()}
    settings={{ initial: settings, save: saveSettings, shortcuts, openShortcutSettings, readShortcuts }}
    sync={browserSyncEnvironment()}
  />,
  document.getElementById('app')!,
);
