import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import type { Talk, Note } from '../talk/model';
import type { Announcement } from '../ui/Announcer';
import { TalkDetailsForm } from '../ui/TalkDetailsForm';
import { TalkNotes } from './TalkNotes';

interface TalkRowDetailsProps {
  db: TalklogDb;
  talk: Talk;
  /** Deleted elsewhere while one of its notes is edited here. */
  talkDeleted: boolean;
  /** Undefined while they are read. */
  notes: Note[] | undefined;
  words: string[];
  vocabulary: { categories: string[]; events: string[] };
  onPlay: (videoId: string, atSec: number) => void;
  onDelete: () => void;
  /** A note's edit begins or ends. */
  onEditing: (on: boolean) => void;
  announce: (announcement: Announcement) => void;
}

/** What an opened row shows: the talk's details to edit, its notes (markdown), and Delete talk. */
export function TalkRowDetails({ db, talk, talkDeleted, notes, words, vocabulary, onPlay, onDelete, onEditing, announce }: TalkRowDetailsProps) {
  return (
    <>
      <TalkDetailsForm db={db} talk={talk} categories={vocabulary.categories} events={vocabulary.events} announce={announce} />
      <h3 class="talk-row__notes-heading">{t('notes')}</h3>
      {notes && (
        <TalkNotes db={db} talk={talk} talkDeleted={talkDeleted} notes={notes} words={words} onPlay={onPlay} onEditing={onEditing} announce={announce} />
      )}
      <div class="talk-row__danger">
        <button type="button" class="button button--danger button--small" onClick={onDelete}>
          {t('deleteTalk')}
        </button>
      </div>
    </>
  );
}
