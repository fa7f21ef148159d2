import { useId, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import { t } from '../i18n/t';
import type { Note } from '../talk/model';
import type { Announcement } from '../ui/Announcer';
import { Byline } from '../ui/Byline';
import { interestLabel } from '../ui/StarRating';
import { statusLabel } from '../ui/status-label';
import { lazyComponent } from '../ui/lazy-component';
import { Highlighted } from './Highlighted';
import { matchesInNotes, type LibraryEntry } from './library-filter';
import { foldForSearch, matchSnippet } from './search-text';
import { plural } from '../i18n/plural';
import { TRIAGE_KEYS } from './triage-keys';
import { useTalkNotes } from './use-talk-notes';
import './TalkRow.css';

/** An opened row's form and notes (with the markdown renderer): loaded when a row is first opened, or ahead of it. */
export const LazyTalkRowDetails = lazyComponent(() => import('./TalkRowDetails').then((module) => module.TalkRowDetails));

const CLIPPED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

interface TalkRowProps {
  /** Measures the drawn row (the list is virtualized). */
  rowRef: (element: HTMLElement | null) => void;
  /** Its place among the talks shown, from 0, of `count` (-1: not known yet). */
  index: number;
  count: number;
  /** Where it is drawn, in pixels from the top of the list. */
  top: number;
  db: TalklogDb;
  entry: LibraryEntry;
  words: string[];
  vocabulary: { categories: string[]; events: string[] };
  selected: boolean;
  onSelect: (selected: boolean) => void;
  onCopy: () => void;
  onDelete: () => void;
  onPlay: (videoId: string, atSec: number) => void;
  announce: (announcement: Announcement) => void;
  /** Whether the triage keys work on this row. */
  triage: boolean;
}

/** One talk in the library: what it is at a glance; its details and notes when opened. */
export function TalkRow({
  rowRef,
  index,
  count,
  top,
  db,
  entry,
  words,
  vocabulary,
  selected,
  onSelect,
  onCopy,
  onDelete,
  onPlay,
  announce,
  triage,
}: TalkRowProps) {
  const { talk } = entry;
  const [open, setOpen] = useState(false);
  const id = useId();
  // Notes are read for a search only when the index says one of them matches: most rows need none.
  const inNotes = words.length > 0 && !open && matchesInNotes(entry, words);
  const notes = useTalkNotes(db, entry, open || inNotes);
  const noteMatch = inNotes && notes ? firstNoteMatch(notes, words) : null;

  return (
    <li
      ref={rowRef}
      data-index={index}
      aria-posinset={index + 1}
      aria-setsize={count}
      style={{ transform: `translateY(${top}px)` }}
      class={selected ? 'talk-row talk-row--selected' : 'talk-row'}
      aria-labelledby={`${id}-title`}
    >
      <div class="talk-row__summary">
        <input
          type="checkbox"
          class="talk-row__select"
          aria-label={t('selectTalk', talk.title)}
          checked={selected}
          onChange={(event) => onSelect(event.currentTarget.checked)}
        />
        <div class="talk-row__main">
          <h2 id={`${id}-title`} class="talk-row__title">
            <a href={talk.url} target="_blank" rel="noreferrer" aria-keyshortcuts={triage ? TRIAGE_KEYS : undefined}>
              <Highlighted text={talk.title} words={words} />
            </a>
          </h2>
          <Byline
            class="talk-row__byline"
            speakers={talk.speakers}
            channel={talk.channel}
            durationSec={talk.durationSec}
            show={(text) => <Highlighted text={text} words={words} />}
          />
          <p class="talk-row__facts">
            <span class={`chip chip--${talk.status}`}>{statusLabel(talk.status)}</span>
            {talk.event && <Chip kind="event" label={t('fieldEvent')} text={talk.event} words={words} />}
            {talk.category && <Chip kind="category" label={t('fieldCategory')} text={talk.category} words={words} />}
            {talk.tags.map((tag) => (
              <Chip key={tag} kind="tag" label={t('fieldTag')} text={tag} words={words} />
            ))}
          </p>
          {noteMatch && (
            <p class="talk-row__snippet">
              <span class="visually-hidden">{t('inANote')} </span>
              <Highlighted text={noteMatch} words={words} />
            </p>
          )}
        </div>
        <div class="talk-row__side">
          <span class="talk-row__stars" title={interestLabel(talk.interest)}>
            <span aria-hidden="true">{talk.interest > 0 ? '★'.repeat(talk.interest) + '☆'.repeat(5 - talk.interest) : ''}</span>
            <span class={talk.interest > 0 ? 'visually-hidden' : 'muted'}>{interestLabel(talk.interest)}</span>
          </span>
          <span class="muted">
            {plural(entry.noteCount, 'note')} · {t('clippedOn')} <time dateTime={talk.createdAt}>{CLIPPED.format(new Date(talk.createdAt))}</time>
          </span>
          <span class="talk-row__buttons">
            <button type="button" class="button button--small" onClick={onCopy}>
              {t('copyAsMarkdown')}
            </button>
            <button type="button" class="button button--small" aria-expanded={open} aria-controls={`${id}-details`} onClick={() => setOpen(!open)}>
              <span aria-hidden="true" class="disclosure-arrow">
                {open ? '▾' : '▸'}
              </span>{' '}
              {t('details')}
            </button>
          </span>
        </div>
      </div>
      {open && (
        <div id={`${id}-details`} class="talk-row__details">
          <LazyTalkRowDetails db={db} talk={talk} notes={notes} words={words} vocabulary={vocabulary} onPlay={onPlay} onDelete={onDelete} announce={announce} />
        </div>
      )}
    </li>
  );
}

function Chip({ kind, label, text, words }: { kind: string; label: string; text: string; words: string[] }) {
  return (
    <span class={`chip chip--${kind}`}>
      <span class="visually-hidden">{label}: </span>
      <Highlighted text={text} words={words} />
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
