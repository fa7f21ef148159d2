import type { ComponentChildren } from 'preact';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import type { Talk } from '../talk/model';
import { type Announcement } from '../ui/Announcer';
import { deleteWithUndo } from '../ui/delete-with-undo';

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
  const remove = () =>
    deleteWithUndo(db, announce, ({ deleteTalks }) => deleteTalks(db, [talk.id]), {
      deleted: () => t('removedFromLibrary'),
      restored: () => t('backInLibrary'),
      couldNotDelete: (message) => t('couldNotRemoveTalk', message),
    });
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
