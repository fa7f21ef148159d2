/** Which talks the library shows, in which order: search, filters and sort (pure, fast per keystroke). */

import type { MessageKey } from '../i18n/t';
import { holdsText } from '../export/talk-choice';
import type { Note, Talk, TalkStatus } from '../talk/model';
import { compareInterestThenPlace } from '../talk/queue';
import { groupByTalk } from '../db/talk-notes';
import type { LibraryFacets } from './facet-tally';
import { queryWords } from './search-text';
import { inIdleSteps } from './idle-steps';
import { NOT_HELD, SearchPostings } from './search-postings';
import { holdsAny, SearchVocabulary } from './search-vocabulary';

/** Each sort order, with the message key of its name. */
export const SORT_ORDERS = {
  newest: 'sortNewest',
  oldest: 'sortOldest',
  interest: 'sortInterest',
  title: 'sortTitle',
} as const satisfies Record<string, MessageKey>;
export type SortOrder = keyof typeof SORT_ORDERS;

export interface LibraryFilter {
  query: string;
  /** '' = any; otherwise exactly this value. */
  event: string;
  category: string;
  tag: string;
  status: TalkStatus | '';
  /** At least this many stars; 0 = any. */
  minInterest: number;
  sort: SortOrder;
}

export const NO_FILTER: LibraryFilter = { query: '', event: '', category: '', tag: '', status: '', minInterest: 0, sort: 'newest' };

/**
 * The filter without an event, category or tag no talk has any more (its last talk deleted, or given another one):
 * its choice is gone from the list, and the talks would stay filtered by a value nobody can see. The same filter when
 * every value is there.
 */
export function withoutValuesGone(filter: LibraryFilter, facets: LibraryFacets): LibraryFilter {
  const kept = (value: string, values: string[]) => (value === '' || values.includes(value) ? value : '');
  const event = kept(filter.event, facets.events);
  const category = kept(filter.category, facets.categories);
  // A tag is one choice whatever its case, offered in its most common spelling, which may change as talks do.
  const tagKey = filter.tag.toLocaleLowerCase();
  const tag = filter.tag === '' ? '' : (facets.tags.find((value) => value === filter.tag || value.toLocaleLowerCase() === tagKey) ?? '');
  return event === filter.event && category === filter.category && tag === filter.tag ? filter : { ...filter, event, category, tag };
}

/** Whether the filter leaves some talks out (sorting does not). */
export function narrowsTalks(filter: LibraryFilter): boolean {
  return queryWords(filter.query).length > 0 || choosesTalks(filter);
}

/** Whether a filter but the search leaves some talks out. */
function choosesTalks(filter: LibraryFilter): boolean {
  return filter.event !== '' || filter.category !== '' || filter.tag !== '' || filter.status !== '' || filter.minInterest > 0;
}

/** A talk, with what the list and search need of its notes; the notes themselves stay in the database. */
export interface LibraryEntry {
  talk: Talk;
  noteCount: number;
  /** Whether one of its notes holds text: the export's choice of talks asks it. */
  noted: boolean;
  /** The distinct words of its title, speakers, channel, event, category and tags, as numbers in `vocabulary`. */
  aboutWords: Uint32Array;
  /** The distinct words of its notes: a row reads its notes for a search only when one of them matches. */
  noteWords: Uint32Array;
  vocabulary: SearchVocabulary;
  /** Its own number among the entries made with `vocabulary`, by which the search postings know it. */
  slot: number;
  /** The talk was deleted elsewhere while a note of it was edited here: its row stays meanwhile (keptWhileEdited). */
  deleted?: true;
}

/** Build once per change of the data, not per keystroke. */
export function libraryEntries(talks: Talk[], notes: Note[], vocabulary = new SearchVocabulary()): LibraryEntry[] {
  const notesByTalk = groupByTalk(notes);
  return talks.map((talk) => libraryEntry(talk, notesByTalk.get(talk.id) ?? [], vocabulary));
}

/** One talk's entry, from all its notes. */
export function libraryEntry(talk: Talk, notes: Note[], vocabulary: SearchVocabulary): LibraryEntry {
  const about = [talk.title, ...talk.speakers, talk.channel ?? '', talk.event ?? '', talk.category ?? '', ...talk.tags];
  return {
    talk,
    noteCount: notes.length,
    noted: notes.some(holdsText),
    aboutWords: vocabulary.numbersOf(about),
    noteWords: vocabulary.numbersOf(notes.map((note) => note.body)),
    vocabulary,
    slot: vocabulary.newSlot(),
  };
}

const COLLATOR = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

const COMPARE: Record<SortOrder, (a: Talk, b: Talk) => number> = {
  newest: (a, b) => compareText(b.createdAt, a.createdAt),
  oldest: (a, b) => compareText(a.createdAt, b.createdAt),
  // An event's queue reads in its playlist's order among talks of equal interest.
  interest: (a, b) => compareInterestThenPlace(a, b) || compareText(b.createdAt, a.createdAt),
  title: (a, b) => COLLATOR.compare(a.title, b.title) || compareText(b.createdAt, a.createdAt),
};

/** The order `sort` puts entries in; talks equal in it by id, so that it is one order. */
export function compareEntries(sort: SortOrder): (a: LibraryEntry, b: LibraryEntry) => number {
  const compare = COMPARE[sort];
  return (a, b) => compare(a.talk, b.talk) || compareText(a.talk.id, b.talk.id);
}

/**
 * Sort once per data or order change; `filterEntries` keeps the order. Entries already in the order
 * (or nearly, after a change) take one pass: the sort finds the sorted runs and merges them.
 */
export function sortEntries(entries: LibraryEntry[], sort: SortOrder): LibraryEntry[] {
  const compare = compareEntries(sort);
  // The library is kept newest first: a look along it costs half the sort's own pass over it (3 ms
  // against 6 at 20,000 talks, in the task that takes the whole library in).
  return inOrder(entries, compare) ? [...entries] : [...entries].sort(compare);
}

function inOrder(entries: LibraryEntry[], compare: (a: LibraryEntry, b: LibraryEntry) => number): boolean {
  for (let i = 1; i < entries.length; i++) if (compare(entries[i - 1], entries[i]) > 0) return false;
  return true;
}

export function filterEntries(entries: LibraryEntry[], filter: LibraryFilter): LibraryEntry[] {
  return entries.filter(entryMatcher(filter));
}

/** Whether a talk passes the filter, looking at its words: one query a matcher. */
function entryMatcher(filter: LibraryFilter): (entry: LibraryEntry) => boolean {
  const words = queryWords(filter.query);
  // Which vocabulary words hold each query word: asked once a vocabulary, not once a talk.
  let vocabulary: SearchVocabulary | null = null;
  let flags: Uint8Array[] = [];
  return (entry) => {
    if (!passesChoices(entry.talk, filter)) return false;
    if (entry.vocabulary !== vocabulary) {
      vocabulary = entry.vocabulary;
      flags = words.map((word) => entry.vocabulary.wordsContaining(word));
    }
    return flags.every((wordFlags) => holdsAny(entry.aboutWords, wordFlags) || holdsAny(entry.noteWords, wordFlags));
  };
}

/** Whether `tags` hold `tag`, whatever its case: a talk's tags are each once ignoring case, but two talks may spell one apart. */
function hasTag(tags: readonly string[], tag: string): boolean {
  if (tags.includes(tag)) return true;
  const key = tag.toLocaleLowerCase();
  return tags.some((held) => held.toLocaleLowerCase() === key);
}

/** Whether a talk passes every filter but the search. */
function passesChoices(talk: Talk, filter: LibraryFilter): boolean {
  return (
    (filter.event === '' || talk.event === filter.event) &&
    (filter.category === '' || talk.category === filter.category) &&
    (filter.tag === '' || hasTag(talk.tags, filter.tag)) &&
    (filter.status === '' || talk.status === filter.status) &&
    (filter.minInterest === 0 || talk.interest >= filter.minInterest)
  );
}

/** Whether any of these folded query words occurs in one of the talk's notes. */
export function matchesInNotes(entry: LibraryEntry, words: string[]): boolean {
  return words.some((word) => entry.vocabulary.anyContains(entry.noteWords, word));
}

/**
 * Whether every talk `next` lets through is also let through by `previous`: the same choices, and a
 * query whose every earlier word lives on inside a word of the new one (typing on). Then searching
 * within what `previous` showed is enough.
 */
export function refines(previous: LibraryFilter, next: LibraryFilter): boolean {
  const { query: previousQuery, ...previousChoices } = previous;
  const { query: nextQuery, ...nextChoices } = next;
  if ((Object.keys(nextChoices) as (keyof typeof nextChoices)[]).some((key) => nextChoices[key] !== previousChoices[key])) return false;
  const nextWords = queryWords(nextQuery);
  return queryWords(previousQuery).every((word) => nextWords.some((longer) => longer.includes(word)));
}

/** Talks changed since the postings were built, looked at one by one, before they are built again. */
const UNINDEXED = 256;
/** Looking at one talk's words costs about as much as walking this many postings. */
const POSTINGS_A_TALK = 64;

/** Entries, with the slot of each in the postings (`NOT_HELD` for a talk they do not hold). */
interface Slotted {
  entries: LibraryEntry[];
  slots: Uint32Array;
}

/**
 * `filterEntries`, with the search postings of the library it is given and a memory of its last
 * answer. A search walks the postings of its words when that is cheaper than looking at every talk's
 * words: then it never reads a talk that does not match. A keystroke that only narrows the search looks
 * through the talks shown a keystroke ago, not through the whole library again. The postings are built
 * in steps (`schedule`), and again once many talks have changed; until then a talk they do not hold is
 * looked at as before. With no search, what was worked out for the last query words is let go.
 */
export function narrowingFilter(schedule: (step: () => boolean) => void = inIdleSteps): (sorted: LibraryEntry[], filter: LibraryFilter) => LibraryEntry[] {
  let last: { sorted: Slotted; filter: LibraryFilter; shown: Slotted } | null = null;
  let postings: SearchPostings | null = null;
  /** The newest list given, and whether its postings (or an earlier list's) are being built. */
  let newest: LibraryEntry[] = [];
  let building = false;
  /** The newest list with its slots, worked out once the postings are built, while the page is idle. */
  let ready: Slotted | null = null;
  const index = (sorted: LibraryEntry[]) => {
    newest = sorted;
    if (building) return;
    let unheld = 0;
    for (const entry of sorted) if (postings === null || !postings.holds(entry)) unheld++;
    if (unheld <= Math.min(UNINDEXED, sorted.length / 2)) return;
    building = true;
    const build = SearchPostings.builder(sorted);
    // Once built, each pass over the newest list is a step of its own too: with the build's last
    // step, they were one of 35-45 ms at 20,000 talks.
    let built: SearchPostings | null | undefined;
    let checked = false;
    schedule(() => {
      if (built === undefined) {
        built = build();
        if (built === undefined) return false;
        postings = built;
        building = false;
        // The lists kept refer to the slots of the postings before.
        last = null;
        return false;
      }
      if (!checked) {
        checked = true;
        // The library may have changed much while they were built.
        index(newest);
        return false;
      }
      ready = slotted(newest);
      return true;
    });
  };
  const slotted = (entries: LibraryEntry[]): Slotted => ({ entries, slots: postings === null ? new Uint32Array(0) : postings.slotsOf(entries) });
  return (sortedEntries, filter) => {
    let sorted: Slotted;
    if (last?.sorted.entries === sortedEntries) sorted = last.sorted;
    else if (ready?.entries === sortedEntries) sorted = ready;
    else {
      index(sortedEntries);
      sorted = slotted(sortedEntries);
    }
    if (queryWords(filter.query).length === 0) {
      // Both: until they are built again, postings made before the library was read anew hold its old vocabulary.
      postings?.forgetQueries();
      sortedEntries[0]?.vocabulary.forgetQueries();
    }
    const from = last !== null && last.sorted === sorted && refines(last.filter, filter) ? last.shown : sorted;
    let shown: Slotted | null = narrowsTalks(filter) ? null : sorted;
    if (shown === null && postings !== null && sorted.slots.length === sorted.entries.length) shown = searchThrough(postings, from, filter);
    last = { sorted, filter, shown: shown ?? slotted(filterEntries(from.entries, filter)) };
    ready = null;
    return last.shown.entries;
  };
}

/** The talks of `list` that pass the filter, found through the postings; null when looking at each talk is cheaper. */
function searchThrough(postings: SearchPostings, list: Slotted, filter: LibraryFilter): Slotted | null {
  const words = queryWords(filter.query);
  if (words.length === 0 || words.reduce((cost, word) => cost + postings.cost(word), 0) > list.entries.length * POSTINGS_A_TALK) return null;
  postings.findAll(words);
  const matches = entryMatcher(filter);
  const choosing = choosesTalks(filter);
  const entries: LibraryEntry[] = [];
  const slots = new Uint32Array(list.entries.length);
  // A plain loop, which reads a talk found only when another filter is set: a query's first letter
  // finds most of the library, and this runs over all of it.
  for (let i = 0; i < list.entries.length; i++) {
    const slot = list.slots[i];
    const found = slot === NOT_HELD ? matches(list.entries[i]) : postings.foundAll(slot) && (!choosing || passesChoices(list.entries[i].talk, filter));
    if (found) slots[entries.push(list.entries[i]) - 1] = slot;
  }
  return { entries, slots: slots.slice(0, entries.length) };
}

/** The event every one of these talks shares, or null. */
export function sharedEvent(talks: Talk[]): string | null {
  // Stops at the first talk of another event: no set of 20,000 events to learn there are several.
  const only = talks[0]?.event;
  for (const talk of talks) if (talk.event !== only) return null;
  return only ?? null;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
