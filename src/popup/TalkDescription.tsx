import { useEffect, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import type { TalkVocabulary } from '../db/library';
import { t } from '../i18n/t';
import type { Talk } from '../talk/model';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';
import { statusLabel } from '../ui/status-label';
import type { TalkDetailsForm as Form } from '../ui/TalkDetailsForm';

interface Loaded {
  TalkDetailsForm: typeof Form;
  vocabulary: TalkVocabulary;
}

/**
 * Event, category, tags, status and interest of the talk, set where you watch it. Folded to one
 * summary line, so the note box stays in view in a popup's 600 pixels; the form and the
 * suggestions load when it is first opened, so the popup itself opens faster.
 */
export function TalkDescription({
  db,
  talk,
  announce,
  openRequest,
}: {
  db: TalklogDb;
  talk: Talk;
  announce: (announcement: Announcement) => void;
  /** Each new value opens the details with the focus on the first field, the event. */
  openRequest: number;
}) {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const details = useRef<HTMLDetailsElement>(null);
  const [focusWanted, setFocusWanted] = useState(false);
  useEffect(() => {
    if (openRequest === 0 || !details.current) return;
    details.current.open = true;
    setFocusWanted(true);
  }, [openRequest]);
  useEffect(() => {
    if (!focusWanted || !loaded) return;
    details.current?.querySelector('input')?.focus();
    setFocusWanted(false);
  }, [focusWanted, loaded]);
  const load = async () => {
    if (loaded) return;
    try {
      const [{ TalkDetailsForm }, { talkVocabulary }] = await Promise.all([import('../ui/TalkDetailsForm'), import('../db/library')]);
      setLoaded({ TalkDetailsForm, vocabulary: await talkVocabulary(db) });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotOpenDetails', errorMessage(error)) });
    }
  };
  // Not the event: the line above says it.
  const summary = [statusLabel(talk.status), talk.category, talk.interest > 0 ? '★'.repeat(talk.interest) : null].filter(Boolean).join(' · ');
  return (
    <details class="talk-description" ref={details} onToggle={() => void load()}>
      <summary>
        <span class="talk-description__label">{t('details')}</span> <span class="muted">{summary}</span>
      </summary>
      {loaded && (
        <loaded.TalkDetailsForm db={db} talk={talk} categories={loaded.vocabulary.categories} events={loaded.vocabulary.events} announce={announce} compact />
      )}
    </details>
  );
}
