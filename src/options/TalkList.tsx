import { defaultRangeExtractor } from '@tanstack/virtual-core';
import { useCallback, useId, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TalklogDb } from '../db/database';
import type { TalkDetailsPatch } from '../db/library';
import { t } from '../i18n/t';
import { whenPainted } from '../ui/when-idle';
import type { Announcement } from '../ui/Announcer';
import { matchesInNotes, type LibraryEntry } from './library-filter';
import { focusIsFree } from './focus-is-free';
import { plural } from '../i18n/plural';
import { EXCERPT_HEIGHT, RowEstimate } from './row-estimate';
import type { RowEdit } from './kept-while-edited';
import { TalkRow, type RowActions, type RowContext, type RowOpening } from './TalkRow';
import { triagePatch } from './triage-keys';
import './TalkList.css';
import { useListedOnceNotesRead, type DrawnRows } from './use-talk-notes';
import { rowsInView, useWindowVirtualizer } from './use-window-virtualizer';

/**
 * Rows drawn beyond each edge of the window at rest, so that Tab and the arrows always find the next one.
 * One: a keystroke that replaces the rows draws each of them, and waits for all it draws.
 */
const OVERSCAN = 1;
/**
 * Rows drawn beyond each edge while the page scrolls, so that a fast scroll finds its next rows drawn. Not while a
 * key that moved the focus scrolls it: that scroll is a row long, and drawing six rows more as it starts, then
 * taking them away as it stops, made each triage key two draws of the list, the second 150 ms after it.
 */
const SCROLLING_OVERSCAN = 4;
/** Rows a search may draw beyond those the window held: they are not measured yet and may be shorter. */
const SPARE_ROWS = 4;
/**
 * Rows added a frame when the list comes in parts. The first rows a page draws cost the most (the first use of
 * their fonts and styles): all those of a window in one task took 25–33 ms of thread time, which the browser's
 * own work after a large import stretched to 45–78 ms.
 */
const ROWS_A_PART = 3;

/**
 * A row's height as the virtualizer's ResizeObserver reports it: its border box, rounded. Measured so
 * when drawn too (not `offsetHeight`, which snaps to pixels by where the row sits), so that the
 * observer finds nothing changed and moves no row a frame later.
 */
const rowHeight = (row: Element, entry?: ResizeObserverEntry) => Math.round(entry?.borderBoxSize[0]?.blockSize ?? row.getBoundingClientRect().height);

/** Keys that move between rows, to the row they lead to. */
const ROW_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (index) => index + 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: (_, count) => count - 1,
};

/** Where the list puts the focus when asked (`focusRequest`): a talk's row, or Select all shown. */
export type ListFocus = { talkId: string } | 'select-all';

interface TalkListProps {
  db: TalklogDb;
  shown: LibraryEntry[];
  /**
   * Talks in `shown` that do not match the filters, kept while their row is open (keptWhileEdited): each says so, and
   * is left out of the count and of Select all shown.
   */
  unmatched: ReadonlySet<string>;
  /** Talks in the library; null while only its first screen is read. */
  total: number | null;
  words: string[];
  narrowed: boolean;
  /** Whether the talks are still being put in the order asked for (shown in the order before until then). */
  sorting: boolean;
  onClearFilters: () => void;
  vocabulary: { categories: string[]; events: string[] };
  selected: ReadonlySet<string>;
  onSelect: (selected: ReadonlySet<string>) => void;
  onCopy: (entry: LibraryEntry) => void;
  onDelete: (entry: LibraryEntry) => void;
  onPlay: (videoId: string, atSec: number) => void;
  /** Talks whose row is open or has a note being edited: their rows stay drawn wherever the page scrolls. */
  edited: ReadonlyMap<string, RowEdit>;
  /** Told when a row opens (its details and notes), when a note in it is edited, and when that ends. */
  onEditing: (talkId: string, edit: RowEdit | null) => void;
  announce: (announcement: Announcement) => void;
  /** Whether `1`–`5` and `S` rate or skip the focused talk (one event's queue is shown). */
  triage: boolean;
  onTriage: (entry: LibraryEntry, patch: TalkDetailsPatch) => void;
  /**
   * Where the focus goes once the list holds it, when a control that held it went: the row of a talk an Undo brought
   * back, or Select all shown when Clear selection hid the bar. `onFocused` is told once it has moved.
   */
  focusRequest: ListFocus | null;
  onFocused: () => void;
  /** How much of the window's top something sticky covers (px): a row the keys move to is brought into view below it. */
  coveredAtTop: number;
  /** A talk whose row is to open (an unsaved edit of one of its notes, named at the top of the library), and what to call once it has. */
  opening: RowOpening | null;
  /** Whether it is drawn a part a frame (the filters above it, the list, then its rows): talks came into a page already up. */
  inParts: boolean;
  /** Called once the list's first rows are painted: the library's first screen is up. */
  onFirstRowsPainted: () => void;
}

/**
 * The talks shown. Talks that come into a page already up (a backup imported into an empty library) are drawn a part
 * a frame: the filters above the list (drawn by the page, this saying meanwhile that the library opens), the list's
 * frame (its head, the list as tall as all of them), then its rows a few at a time, each part once the last is
 * painted. In one task, that was 35–40 ms (the first rows a page draws cost the most; the filters' six choices, 14),
 * which the browser's cleaning up after a large import stretched to 60–190 ms on a two-core machine; in tasks one
 * after the other, each part's script read sizes, so laid out the parts before it too. A page that opens draws them
 * all at once: nothing is shown yet, and the first screen is soonest in one task.
 */
export function TalkList(props: TalkListProps) {
  const [framed, setFramed] = useState(!props.inParts);
  useLayoutEffect(() => (framed ? undefined : whenPainted(() => setFramed(true))), [framed]);
  // Not even the virtualizer yet: it reads the window's size and scroll, which lays out the page in this task. The
  // library is said to open only while it is read: talks an Undo brought back into an emptied library are no opening.
  if (!framed) return props.total === null ? <p class="muted">{t('openingLibrary')}</p> : null;
  return <VirtualTalkList {...props} />;
}

/**
 * The talks shown, drawn only around where the page is scrolled to: a library of 20,000 talks costs
 * what a screenful does. Each row says its place in the whole list (aria-posinset/setsize), the
 * row holding the focus stays drawn when it scrolls away, and the arrow keys, Home and End move
 * between rows.
 */
function VirtualTalkList({
  db,
  shown: filtered,
  unmatched,
  total,
  words: query,
  narrowed,
  sorting,
  onClearFilters,
  vocabulary,
  selected,
  onSelect,
  onCopy,
  onDelete,
  onPlay,
  edited,
  onEditing,
  announce,
  triage,
  onTriage,
  inParts,
  onFirstRowsPainted,
  focusRequest,
  onFocused,
  coveredAtTop,
  opening,
}: TalkListProps) {
  const list = useRef<HTMLUListElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  /** The talk whose row holds the focus, if any: kept drawn wherever the page scrolls. */
  const focusedTalk = useRef<string | null>(null);
  /** A row to move the focus to once it is drawn. */
  const moveFocusTo = useRef<number | null>(null);
  /** Whether the page scrolls because a key moved the focus, until that scroll stops. */
  const scrollingByKey = useRef(false);
  const wasScrolling = useRef(false);
  /** The rows around the window, as last drawn: those a search's new talks will be drawn in. */
  const drawnRows = useRef<DrawnRows>({ first: 0, count: SPARE_ROWS });
  const listed = useListedOnceNotesRead(db, filtered, query, drawnRows.current);
  const { shown, words } = listed;
  /** The rows measured since the talks listed (or the words marked in them) last changed. */
  const measured = useRef({ listed, rows: new WeakSet<Element>() });

  // The rows about to be drawn that show where the search matched in their notes (those the list
  // waited for). Such a row is taller than it was measured without its excerpt, so its size is kept
  // under a key of its own: a search's first draw then places as many rows as fit, rather than one
  // too many that is dropped once they are measured. Only the rows about to be drawn are looked at.
  const withExcerpt = useMemo(() => {
    const { first, count } = drawnRows.current;
    const rows = new Set<number>();
    for (let index = first; words.length > 0 && index < Math.min(shown.length, first + count); index++)
      if (matchesInNotes(shown[index], words)) rows.add(index);
    return rows;
  }, [shown, words]);
  // The virtualizer asks every row's key (and each row not measured its size) in each pass over all of
  // them: when the list changes, and again once its new rows are measured. So they are read from an
  // array, not from each talk (at 20,000 talks, a few milliseconds a pass).
  const ids = useMemo(() => shown.map((entry) => entry.talk.id), [shown]);
  // The same function while the same talks are listed: the virtualizer works out every row's place
  // again (a pass over all of them) whenever it changes.
  const getItemKey = useCallback((index: number) => (withExcerpt.has(index) ? `${ids[index]} with excerpt` : ids[index]), [ids, withExcerpt]);
  const [estimate] = useState(() => new RowEstimate());
  /** A row not measured with its excerpt: as measured without it, and the excerpt; a row never measured, as rows of its shape are. */
  const estimateSize = (index: number) => {
    if (!withExcerpt.has(index)) return estimate.of(false);
    const plain = virtualizer.itemSizeCache.get(ids[index]);
    return plain === undefined ? estimate.of(true) : plain + EXCERPT_HEIGHT;
  };
  /** Rows drawn at most: none with the list's frame, then a few more a frame when it comes in parts; then every one. */
  const [rowsAtMost, setRowsAtMost] = useState(inParts ? 0 : Infinity);
  /** Where each row drawn is drawn, by its index in the list. */
  const drawnAt = useRef(new Map<number, number>());
  const virtualizer = useWindowVirtualizer(list, {
    // A key's scroll is a row long and brings into view the row drawn below the window: the row to draw beyond it
    // can wait until the frame that shows the focus moved is painted, so long as every row in view is drawn where
    // it belongs (no row was measured anew).
    drawAfterPaint: () => {
      if (!scrollingByKey.current) return false;
      const items = virtualizer.getVirtualItems();
      const { startIndex, endIndex } = rowsInView(virtualizer) ?? { startIndex: 0, endIndex: -1 };
      return items.every(({ index, start }) => {
        const at = drawnAt.current.get(index);
        return at === undefined ? index < startIndex || index > endIndex : at === start;
      });
    },
    count: shown.length,
    scrollPaddingStart: coveredAtTop,
    estimateSize,
    overscan: OVERSCAN,
    measureElement: rowHeight,
    getItemKey,
    // Called when the list is drawn, after `virtualizer` is set; it is drawn again when scrolling starts or stops.
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(virtualizer.isScrolling && !scrollingByKey.current ? { ...range, overscan: SCROLLING_OVERSCAN } : range);
      // Rows that hold what a redraw would lose: the focus, and an open row (a note's edit: its text is the row's own).
      const keep = (talkId: string | null) => {
        const index = talkId === null ? -1 : ids.indexOf(talkId);
        if (index !== -1 && !indexes.includes(index)) indexes.push(index);
      };
      keep(focusedTalk.current);
      for (const talkId of edited.keys()) keep(talkId);
      return indexes.sort((a, b) => a - b);
    },
  });

  // The list is drawn again when a scroll starts or stops: a key's scroll is over once scrolling stops.
  useLayoutEffect(() => {
    if (wasScrolling.current && !virtualizer.isScrolling) scrollingByKey.current = false;
    wasScrolling.current = virtualizer.isScrolling;
  });

  useLayoutEffect(() => {
    if (focusRequest === 'select-all') {
      selectAll.current?.focus();
      onFocused();
    } else if (focusRequest !== null) {
      const index = ids.indexOf(focusRequest.talkId);
      // Not listed yet: the talk comes back with the library's next update.
      if (index === -1) return;
      onFocused();
      moveFocusTo.current = index;
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  }, [focusRequest, ids, onFocused, virtualizer]);

  // The row holding the focus as this draw began is gone from the list (closed once it no longer matched, deleted
  // elsewhere): the focus goes to the row that took its place, not to the page.
  const focusedRowBefore = focusedRowIndex();
  useLayoutEffect(() => {
    if (focusedRowBefore === null || shown.length === 0 || focusedRowIndex() !== null) return;
    if (focusIsFree()) moveFocusTo.current = Math.min(focusedRowBefore, shown.length - 1);
  });

  useLayoutEffect(() => {
    if (moveFocusTo.current !== null) {
      const link = list.current?.querySelector<HTMLElement>(`[data-index="${moveFocusTo.current}"] .talk-row__title a`);
      if (link) {
        moveFocusTo.current = null;
        link.focus();
      }
    }
  });

  // Rows are measured here, in the task that drew them: a row drawn again for another search may change
  // height (an excerpt comes or goes), and a new row is drawn before it is in the page, too early to be
  // measured as it is drawn. Left to the virtualizer's ResizeObserver, they would move the rows below
  // them in a second pass, a frame after the first was painted.
  useLayoutEffect(() => {
    if (measured.current.listed !== listed) measured.current = { listed, rows: new WeakSet() };
    for (const row of list.current?.children ?? []) {
      if (!(row instanceof HTMLElement) || measured.current.rows.has(row)) continue;
      measured.current.rows.add(row);
      const height = rowHeight(row);
      virtualizer.resizeItem(Number(row.dataset.index), height);
      if (!row.querySelector('.talk-row__details')) estimate.measured(height, row.querySelector('.talk-row__snippet') !== null);
    }
  });

  const matchingCount = unmatched.size === 0 ? shown.length : shown.reduce((count, entry) => count + (unmatched.has(entry.talk.id) ? 0 : 1), 0);
  const selectedCount =
    selected.size === 0 ? 0 : shown.reduce((count, entry) => count + (selected.has(entry.talk.id) && !unmatched.has(entry.talk.id) ? 1 : 0), 0);
  const select = (talkIds: string[], on: boolean) => {
    const next = new Set(selected);
    for (const id of talkIds) {
      if (on) next.add(id);
      else next.delete(id);
    }
    onSelect(next);
  };
  // The rows' actions stay the same functions from draw to draw, so that a row is drawn again only
  // when its own talk, selection or search changes; each calls what this draw was given.
  const latest = useRef({ select, onCopy, onDelete, onPlay, onEditing });
  useLayoutEffect(() => {
    latest.current = { select, onCopy, onDelete, onPlay, onEditing };
  });
  const [actions] = useState<RowActions>(() => ({
    select: (talkId, on) => latest.current.select([talkId], on),
    copy: (entry) => latest.current.onCopy(entry),
    delete: (entry) => latest.current.onDelete(entry),
    play: (videoId, atSec) => latest.current.onPlay(videoId, atSec),
    editing: (talkId, edit) => latest.current.onEditing(talkId, edit),
  }));
  const context = useMemo<RowContext>(
    () => ({ db, words, vocabulary, actions, announce, triage, opening }),
    [db, words, vocabulary, actions, announce, triage, opening],
  );
  const listId = useId();

  const onKeyDown = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement;
    // A triage key rates or skips the focused talk, then moves on as the down arrow does.
    const patch = triage ? triagePatch(event.key) : null;
    const move = patch ? ROW_KEYS.ArrowDown : ROW_KEYS[event.key];
    // Keys typed into a row's own fields (its details form, a note) are theirs.
    if (!move || event.altKey || event.ctrlKey || event.metaKey || target.matches('input:not([type=checkbox]), textarea, select, [contenteditable]')) return;
    const row = target.closest<HTMLElement>('[data-index]');
    if (!row) return;
    // Keys pressed faster than rows are drawn count from the row the focus is on its way to.
    const from = moveFocusTo.current ?? Number(row.dataset.index);
    const next = Math.max(0, Math.min(shown.length - 1, move(from, shown.length)));
    event.preventDefault();
    if (patch && shown[from]) onTriage(shown[from], patch);
    moveFocusTo.current = next;
    const scrolledFrom = window.scrollY;
    virtualizer.scrollToIndex(next, { align: 'auto' });
    // Set only when it scrolled (the scroll is written at once): else it would hold until a scroll of the user's stops.
    if (window.scrollY !== scrolledFrom) scrollingByKey.current = true;
    // Already drawn (the next row usually is): focus it now; otherwise once the scroll draws it.
    // Focused now, nothing is left pending: a later draw (rows re-sorted by a change from another
    // page, a search typed in the meantime) must not pull the focus to whatever row has that place.
    const link = list.current?.querySelector<HTMLElement>(`[data-index="${next}"] .talk-row__title a`);
    if (link) {
      moveFocusTo.current = null;
      link.focus();
    }
  };

  const inWindow = virtualizer.getVirtualItems();
  const rows = inWindow.length > rowsAtMost ? inWindow.slice(0, rowsAtMost) : inWindow;
  drawnAt.current = new Map(rows.map((row) => [row.index, row.start]));
  const nextPart = inWindow.length > rowsAtMost + ROWS_A_PART ? rowsAtMost + ROWS_A_PART : Infinity;
  const { startIndex, endIndex } = rowsInView(virtualizer) ?? { startIndex: 0, endIndex: 0 };
  useLayoutEffect(
    () => (rowsAtMost === Infinity ? whenPainted(onFirstRowsPainted) : whenPainted(() => setRowsAtMost(nextPart))),
    [rowsAtMost, nextPart, onFirstRowsPainted],
  );
  // Changed in place: the notes read ahead once this list is drawn (`useListedOnceNotesRead`, which was
  // handed this object above) are then those of the rows it draws, not of the list drawn before it.
  drawnRows.current.first = Math.max(0, startIndex - OVERSCAN);
  drawnRows.current.count = endIndex - startIndex + 1 + 2 * OVERSCAN + SPARE_ROWS;
  return (
    <>
      <div class="talk-list__head">
        <label class="talk-list__select-all">
          <input
            ref={selectAll}
            type="checkbox"
            checked={matchingCount > 0 && selectedCount === matchingCount}
            indeterminate={selectedCount > 0 && selectedCount < matchingCount}
            disabled={matchingCount === 0 || total === null}
            onChange={(event) =>
              select(
                shown.flatMap((entry) => (unmatched.has(entry.talk.id) ? [] : [entry.talk.id])),
                event.currentTarget.checked,
              )
            }
          />{' '}
          {t('selectAllShown')}
        </label>
        <span class="muted" aria-live="polite">
          {total === null ? t('openingLibrary') : narrowed ? t('shownOfTotal', matchingCount.toLocaleString(), plural(total, 'talk')) : plural(total, 'talk')}
        </span>
        {narrowed && (
          <button
            type="button"
            class="button button--quiet button--small"
            onClick={() => {
              // The button goes with the filters: the focus goes to the first talk, of all of them now.
              moveFocusTo.current = 0;
              onClearFilters();
            }}
          >
            {t('clearFilters')}
          </button>
        )}
      </div>
      {matchingCount === 0 && <p class="library__empty">{t('noTalkMatches')}</p>}
      {/* The list only hears keys and focus from its rows' own links and buttons, delegated. */}
      {/* oxlint-disable-next-line jsx-a11y/no-noninteractive-element-interactions */}
      <ul
        ref={list}
        class="talk-list"
        aria-label={t('talks')}
        aria-busy={sorting}
        style={{ height: `${virtualizer.getTotalSize()}px` }}
        onKeyDown={onKeyDown}
        onFocusIn={(event) => {
          const row = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
          focusedTalk.current = row ? (shown[Number(row.dataset.index)]?.talk.id ?? null) : null;
        }}
        onFocusOut={(event) => {
          if (!list.current?.contains(event.relatedTarget as Node | null)) focusedTalk.current = null;
        }}
      >
        {rows.map((row) => {
          const entry = shown[row.index];
          const titleId = `${listId}-${entry.talk.id}`;
          // A talk deleted meanwhile says so in its row already.
          const keptUnmatched = unmatched.has(entry.talk.id) && !entry.deleted;
          // The bulk actions pass over a row kept though it does not match: its box is neither ticked nor to be ticked.
          const isSelected = selected.has(entry.talk.id) && !unmatched.has(entry.talk.id);
          return (
            <li
              key={entry.talk.id}
              ref={virtualizer.measureElement}
              data-index={row.index}
              aria-posinset={row.index + 1}
              aria-setsize={total === null ? -1 : shown.length}
              style={{ transform: `translateY(${row.start - virtualizer.options.scrollMargin}px)` }}
              class={`talk-row${isSelected ? ' talk-row--selected' : ''}${keptUnmatched ? ' talk-row--unmatched' : ''}`}
              aria-labelledby={titleId}
              aria-describedby={keptUnmatched ? `${titleId}-unmatched` : undefined}
            >
              {keptUnmatched && (
                <p id={`${titleId}-unmatched`} class="talk-row__unmatched">
                  {t('keptUnmatched')}
                </p>
              )}
              <TalkRow titleId={titleId} entry={entry} selected={isSelected} selectable={!unmatched.has(entry.talk.id)} context={context} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

/** The index of the row of the talk list the focus is in, or null when it is in none. */
function focusedRowIndex(): number | null {
  const row = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('.talk-list > [data-index]') : null;
  return row ? Number(row.dataset.index) : null;
}
