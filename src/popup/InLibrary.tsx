import type { ComponentChildren } from 'preact';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import type { Talk } from '../talk/model';
import { type Announcement } from '../ui/Announcer';
import { errorMessage } from '../ui/error-message';

interface InLibraryProps {
  db: TalklogDb;
  talk: Talk;
  announce: (announcement: Announcement) => void;
  /** Opens the talk's details at its event (a new clip inherits the last event used: this is where to change it). */
  onChangeEvent: () => void;
  /** More actions on the talk, after Remove. */
  children?: ComponentChildren;
}

/** A talk already clipped: says it is in the library, under which event, and offers to take it out again. */
export function InLibrary({ db, talk, announce, onChangeEvent, children }: InLibraryProps) {
  const remove = async () => {
    try {
      const { deleteTalks, restoreDeleted } = await import('../db/deletion');
      const deleted = await deleteTalks(db, [talk.id]);
      announce({
        kind: 'status',
        text: t('removedFromLibrary'),
        action: {
          label: t('undo'),
          run: () =>
            void restoreDeleted(db, deleted).then(
              () => announce({ kind: 'status', text: t('backInLibrary') }),
              (error: unknown) => announce({ kind: 'alert', text: t('couldNotRestore', errorMessage(error)) }),
            ),
        },
      });
    } catch (error) {
      announce({ kind: 'alert', text: t('couldNotRemoveTalk', errorMessage(error)) });
    }
  };
  return (
    <>
      <p class="in-library">
        <span class="in-library__mark" aria-hidden="true">
          ✓
        </span>{' '}
        {talk.event ? t('inLibraryWithEvent', talk.event) : t('inLibrary')}{' '}
        <button type="button" class="button button--quiet button--small" onClick={onChangeEvent}>
          {t('changeEvent')}
        </button>
      </p>
      <div class="talk-card__actions">
        <button type="button" class="button button--quiet button--small" onClick={() => void remove()}>
          {t('removeFromLibrary')}
        </button>
        {children}
      </div>
    </>
  );
}
