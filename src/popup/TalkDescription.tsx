import { useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { talkVocabulary, type TalkVocabulary } from '../db/library';
import type { Talk } from '../talk/model';
import { t } from '../i18n/t';
import type { Announcement } from '../ui/Announcer';
import { statusLabel, TalkDetailsForm } from '../ui/TalkDetailsForm';

/**
 * Event, category, tags, status and interest of the talk, set where you watch it. Folded to one
 * summary line by default, so the note box stays in view in a popup's 600 pixels.
 */
export function TalkDescription({ db, talk, announce }: { db: TalklogDb; talk: Talk; announce: (announcement: Announcement) => void }) {
  const [vocabulary, setVocabulary] = useState<TalkVocabulary | null>(null);
  // The suggestions are read when the details are first opened, not while the popup starts.
  const loadVocabulary = () => {
    if (!vocabulary) void talkVocabulary(db).then(setVocabulary);
  };
  const summary = [statusLabel(talk.status), talk.event, talk.category, talk.interest > 0 ? '★'.repeat(talk.interest) : null]
    .filter(Boolean)
    .join(' · ');
  return (
    <details class="talk-description" onToggle={loadVocabulary}>
      <summary>
        <span class="talk-description__label">{t('details')}</span> <span class="muted">{summary}</span>
      </summary>
      <TalkDetailsForm
        db={db}
        talk={talk}
        categories={vocabulary?.categories ?? []}
        events={vocabulary?.events ?? []}
        announce={announce}
        compact
      />
    </details>
  );
}
