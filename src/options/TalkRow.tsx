import { Fragment } from 'preact';
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import { interestStars } from '../talk/interest';
import type { Interest, Note, Talk } from '../talk/model';
import type { Announcement } from '../ui/Announcer';
import { Byline } from '../ui/Byline';
import { interestLabel } from '../ui/StarRating';
import { statusLabel } from '../ui/status-label';
import { lazyComponent } from '../ui/lazy-component';
import { memo } from '../ui/memo';
import { highlighted } from './Highlighted';
import { matchesInNotes, type LibraryEntry } from './library-filter';
import { foldForSearch, matchSnippet } from './search-text';
import { plural } from '../i18n/plural';
import type { RowEdit } from './kept-while-edited';
import { TRIAGE_KEYS } from './triage-keys';
import { useTalkNotes } from './use-talk-notes';
import './TalkRow.css';

/** An opened row's form and notes (with the markdown renderer): loaded when a row is first opened, or ahead of it. */
export const LazyTalkRowDetails = lazyComponent(() => import('./TalkRowDetails').then((module) => module.TalkRowDetails));

const CLIPPED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

/** What a row does, the same functions at every draw (rows are drawn again only when their props change). */
export interface RowActions {
  select: (talkId: string, selected: boolean) => void;
  copy: (entry: LibraryEntry) => void;
  delete: (entry: LibraryEntry) => void;
  play: (videoId: string, atSec: number) => void;
  /** The row opens, a note's edit in it begins, or either ends. */
  editing: (talkId: string, edit: RowEdit | null) => void;
}

/** What every row is drawn with: one object while none of it changes. */
export interface RowContext {
  db: TalklogDb;
  words: string[];
  vocabulary: { categories: string[]; events: string[] };
  actions: RowActions;
  announce: (announcement: Announcement) => void;
  /** Whether the triage keys work on the rows. */
  triage: boolean;
  opening: RowOpening | null;
}

/** A row asked to open from outside the list: `done` is called once it has. */
export interface RowOpening {
  talkId: string;
  done: () => void;
}

interface TalkRowProps {
  /** The id of its title, which names the row (its `<li>`, drawn and placed by the list). */
  titleId: string;
  entry: LibraryEntry;
  selected: boolean;
  /** False for a row kept on screen though it does not match the filters: the bulk actions leave it out. */
  selectable: boolean;
  context: RowContext;
}

/**
 * One talk in the library, inside the list's `<li>`: what it is at a glance; its details and notes
 * when opened. Drawn again only when its own props change, not when the list moves or redraws.
 */
export const TalkRow = memo(function TalkRow({ titleId, entry, selected, selectable, context }: TalkRowProps) {
  const { db, words, vocabulary, actions, announce, triage } = context;
  const { talk } = entry;
  const [open, setOpen] = useState(false);
  const toggle = useCallback(() => setOpen((wasOpen) => !wasOpen), []);
  const { opening } = context;
  useEffect(() => {
    if (opening?.talkId !== talk.id) return;
    setOpen(true);
    opening.done();
  }, [opening, talk.id]);
  const [noteEdited, setNoteEdited] = useState(false);
  // Open, the row stays listed, matching or not: a change made in it (its status, under a status filter) took the row,
  // and the focus in it, away mid-edit. It leaves once closed.
  const edit: RowEdit | null = noteEdited ? 'note' : open ? 'open' : null;
  const held = edit !== null;
  useEffect(() => {
    if (!edit) return undefined;
    actions.editing(talk.id, edit);
    return () => actions.editing(talk.id, null);
  }, [edit, actions, talk.id]);
  const id = useId();
  // Notes are read for a search only when the index says one of them matches: most rows need none.
  const inNotes = words.length > 0 && !open && matchesInNotes(entry, words);
  const notes = useTalkNotes(db, entry, held || inNotes);
  const noteMatch = inNotes && notes ? firstNoteMatch(notes, words) : null;

  return (
    <>
      <div class="talk-row__summary">
        <RowSelect talk={talk} selected={selected} disabled={!selectable} select={actions.select} />
        <div class="talk-row__main">
          <h2 id={titleId} class="talk-row__title" dir="auto">
            <a href={talk.url} target="_blank" rel="noreferrer" aria-keyshortcuts={triage ? TRIAGE_KEYS : undefined}>
              {highlighted(talk.title, words)}
            </a>
          </h2>
          <Byline
            class="talk-row__byline"
            speakers={talk.speakers}
            channel={talk.channel}
            durationSec={talk.durationSec}
            show={(text) => highlighted(text, words)}
          />
          {/* A space between chips, as between words: copied text and screen readers keep them apart. */}
          <p class={talk.status === 'skipped' ? 'talk-row__facts talk-row__facts--flat' : 'talk-row__facts'}>
            <span class={`chip chip--${talk.status}`}>{statusLabel(talk.status)}</span> {talk.event && chip('event', t('fieldEvent'), talk.event, words)}{' '}
            {talk.category && chip('category', t('fieldCategory'), talk.category, words)}{' '}
            {/* One label for all the tags: a hidden label costs a box of its own to lay out. */}
            {talk.tags.length > 0 && <span class="visually-hidden">{t('fieldTags')}: </span>}
            {talk.tags.map((tag) => (
              <Fragment key={tag}>
                <span class="chip chip--tag">{highlighted(tag, words)}</span>{' '}
              </Fragment>
            ))}
          </p>
          {noteEdited && !open && <p class="talk-row__edit-hidden">{t('noteEditHidden')}</p>}
          {noteMatch && (
            <p class="talk-row__snippet" dir="auto">
              {/* A direction of its own: the excerpt takes its direction from the note's words, not this label's. */}
              <span class="visually-hidden" dir="auto">
                {t('inANote')}{' '}
              </span>
              {highlighted(noteMatch, words)}
            </p>
          )}
        </div>
        <RowSide entry={entry} titleId={titleId} open={open} detailsId={`${id}-details`} onToggle={toggle} actions={actions} />
      </div>
      {/* Closed while a note is edited, the row hides its details rather than drop them: reopened, the edit is as it was. */}
      {held && (
        <div id={`${id}-details`} class="talk-row__details" hidden={!open}>
          <LazyTalkRowDetails
            db={db}
            talk={talk}
            talkDeleted={entry.deleted === true}
            notes={notes}
            words={words}
            vocabulary={vocabulary}
            onPlay={actions.play}
            onDelete={() => actions.delete(entry)}
            onEditing={setNoteEdited}
            announce={announce}
          />
        </div>
      )}
    </>
  );
});

// The parts of a row that no search changes, apart: a keystroke draws a row again for its marks, and
// these are then passed over rather than compared element by element.

/** The row's checkbox, for the bulk actions. */
const RowSelect = memo(function RowSelect({
  talk,
  selected,
  disabled,
  select,
}: {
  talk: Talk;
  selected: boolean;
  disabled: boolean;
  select: RowActions['select'];
}) {
  return (
    <input
      type="checkbox"
      class="talk-row__select"
      aria-label={t('selectTalk', talk.title)}
      checked={selected}
      disabled={disabled}
      onChange={(event) => select(talk.id, event.currentTarget.checked)}
    />
  );
});

interface RowSideProps {
  entry: LibraryEntry;
  /** The id of the row's title: each row's buttons, named alike, are told apart by it. */
  titleId: string;
  open: boolean;
  /** The id of the details the disclosure button opens. */
  detailsId: string;
  onToggle: () => void;
  actions: RowActions;
}

/** The row's right-hand column: interest, notes and when clipped, and its buttons. */
const RowSide = memo(function RowSide({ entry, titleId, open, detailsId, onToggle, actions }: RowSideProps) {
  const { talk } = entry;
  return (
    <div class="talk-row__side">
      <Stars interest={talk.interest} />
      <span class="muted">
        {plural(entry.noteCount, 'note')} · {t('clippedOn')} <time dateTime={talk.createdAt}>{CLIPPED.format(new Date(talk.createdAt))}</time>
      </span>
      <span class="talk-row__buttons">
        <button type="button" class="button button--small" aria-describedby={titleId} onClick={() => actions.copy(entry)}>
          {t('copyAsMarkdown')}
        </button>
        <button type="button" class="button button--small" aria-describedby={titleId} aria-expanded={open} aria-controls={detailsId} onClick={onToggle}>
          <span aria-hidden="true" class="disclosure-arrow">
            {open ? '▾' : '▸'}
          </span>{' '}
          {t('details')}
        </button>
      </span>
    </div>
  );
});

/**
 * The talk's interest: a row of stars named as one image (a box less than stars and a hidden label),
 * or "Unrated" as text.
 */
function Stars({ interest }: { interest: Interest }) {
  if (interest === 0) {
    const unrated = interestLabel(0);
    return (
      <span class="talk-row__stars talk-row__stars--none" title={unrated}>
        {unrated}
      </span>
    );
  }
  // Named by its title alone: an aria-label beside it made Chromium read the title again as a description.
  return (
    <span class="talk-row__stars" role="img" title={t('interestOutOfFive', interest)}>
      {interestStars(interest)}
    </span>
  );
}

/** The event or the category, named for screen readers; called, not a component (rows are drawn at each keystroke). */
function chip(kind: 'event' | 'category', label: string, text: string, words: string[]) {
  return (
    <span class={`chip chip--${kind}`}>
      <span class="visually-hidden">{label}: </span>
      {highlighted(text, words)}
    </span>
  );
}

/** Where a search matched inside the talk's notes, when it did. */
function firstNoteMatch(notes: Note[], words: string[]): string | null {
  // Folded here, for the rows drawn, rather than kept for every note of the library.
  const note = notes.find((candidate) => {
    const folded = foldForSearch(candidate.body);
    return words.some((word) => folded.includes(word));
  });
  return note ? matchSnippet(note.body, words) : null;
}
