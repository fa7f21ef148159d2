import { describe, expect, test } from 'vitest';
import {
  filterEntries,
  libraryEntries,
  libraryEntry,
  matchesInNotes,
  narrowingFilter,
  NO_FILTER,
  sortEntries,
  type LibraryEntry,
  type LibraryFilter,
} from '../../src/options/library-filter';
import { NOT_HELD, SearchPostings } from '../../src/options/search-postings';
import { queryWords } from '../../src/options/search-text';
import { SearchVocabulary } from '../../src/options/search-vocabulary';
import type { Interest, Note, Talk } from '../../src/talk/model';
import { makeNote, makeTalk } from '../export/records';

const TOPICS = ['Prometheus scrape limits', 'eBPF network policy', 'OpenTelemetry collector', 'Zürich café naïve', 'Straße Łódź', 'C++ and .NET'];

/** A library of `count` talks, two notes each, their words drawn from a few topics. */
function library(count: number, vocabulary = new SearchVocabulary()): { talks: Talk[]; notes: Note[]; entries: LibraryEntry[] } {
  const talks = Array.from({ length: count }, (_, i) =>
    makeTalk(`v${String(i).padStart(10, '0')}`, {
      title: `${TOPICS[i % TOPICS.length]} ${i}`,
      tags: i % 5 === 0 ? ['otel'] : [],
      interest: (i % 6) as Interest,
      createdAt: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
    }),
  );
  const notes = talks.flatMap((talk, i) => [
    makeNote(talk, `note on ${TOPICS[(i * 7) % TOPICS.length]} at ${i % 97}`),
    makeNote(talk, i % 3 === 0 ? 'exemplars link metrics to traces' : 'sigstore signs the images'),
  ]);
  return { talks, notes, entries: sortEntries(libraryEntries(talks, notes, vocabulary), 'newest') };
}

/** Builds in the same task, as if the page were idle at once; counts the builds begun. */
function atOnce() {
  const schedule = (step: () => boolean) => {
    schedule.builds++;
    while (!step());
  };
  schedule.builds = 0;
  return schedule;
}

const QUERIES = [
  'p',
  'pr',
  'prom',
  'scrape lim',
  'e',
  'eb',
  'ebpf net',
  'ot',
  'otel',
  'zurich',
  'łodz',
  'strasse',
  'c++',
  '.net',
  'exemplars 3',
  'x',
  'zz',
  '1 2',
];
const q = (query: string, more: Partial<LibraryFilter> = {}): LibraryFilter => ({ ...NO_FILTER, query, ...more });
const ids = (entries: LibraryEntry[]) => entries.map((entry) => entry.talk.videoId);

describe('search postings', () => {
  test('find the talks that hold every query word, as looking at each talk finds them', () => {
    const { entries } = library(60);
    const postings = SearchPostings.of(entries)!;
    for (const query of QUERIES) {
      postings.findAll(queryWords(query));
      const found = entries.filter((entry) => postings.foundAll(entry.slot));
      expect(ids(found), query).toEqual(ids(filterEntries(entries, q(query))));
    }
  });

  test('find the talks of a query word of one or two letters, any of them, as looking at each talk finds them', () => {
    const { entries } = library(70);
    const postings = SearchPostings.of(entries)!;
    const letters = [...'abcdefghijklmnopqrstuvwxyz'];
    const pairs = letters.flatMap((first) => letters.map((second) => first + second));
    for (const query of [...letters, ...pairs, 'ß', 'Ł', 'ü', 'ße', 'zü', '1', '+', '.', 'c+', '.n', '12', 'q l', 'l q', 'p 9', 'pr ot', 'pro']) {
      postings.findAll(queryWords(query));
      const found = entries.filter((entry) => postings.foundAll(entry.slot));
      expect(ids(found), query).toEqual(ids(filterEntries(entries, q(query))));
    }
  });

  test('built in steps, they are the same as built at once', () => {
    const { entries } = library(2500);
    const build = SearchPostings.builder(entries);
    let steps = 1;
    let built = build();
    for (; built === undefined; steps++) built = build();
    expect(steps).toBeGreaterThan(2);
    const atOnce = SearchPostings.of(entries)!;
    for (const query of ['prom', 'otel 5', 'sigstore']) {
      built!.findAll(queryWords(query));
      atOnce.findAll(queryWords(query));
      expect(entries.filter((entry) => built!.foundAll(entry.slot))).toEqual(entries.filter((entry) => atOnce.foundAll(entry.slot)));
    }
  });

  test('lay out the words of a large vocabulary over several steps, as they do its talks', () => {
    // Every video id is a word: 6,000 talks make a vocabulary of more than 6,000 words.
    const { entries } = library(6000);
    const vocabulary = entries[0].vocabulary;
    expect(vocabulary.size).toBeGreaterThan(6000);
    let laidOut = 0;
    const gramsIn = vocabulary.gramsIn.bind(vocabulary);
    vocabulary.gramsIn = (word, grams) => {
      laidOut++;
      gramsIn(word, grams);
    };
    const build = SearchPostings.builder(entries);
    const perStep: number[] = [];
    for (let built = undefined; built === undefined; perStep.push(laidOut)) {
      laidOut = 0;
      built = build();
    }
    expect(perStep.reduce((sum, words) => sum + words, 0)).toBe(vocabulary.size);
    expect(Math.max(...perStep)).toBeLessThanOrEqual(2500);
  });

  test('hold only the talks given them, with the vocabulary of the first', () => {
    const vocabulary = new SearchVocabulary();
    const { entries } = library(10, vocabulary);
    const postings = SearchPostings.of(entries.slice(0, 5))!;
    expect(entries.slice(0, 5).every((entry) => postings.holds(entry))).toBe(true);
    expect(entries.slice(5).some((entry) => postings.holds(entry))).toBe(false);
    const later = libraryEntry(makeTalk('later000000'), [], vocabulary);
    const elsewhere = libraryEntries([makeTalk('elsewhere00')], [])[0];
    expect(postings.slotsOf([entries[0], later, elsewhere])).toEqual(Uint32Array.from([entries[0].slot, NOT_HELD, NOT_HELD]));
    expect(SearchPostings.of([])).toBeNull();
  });
});

describe('the library filter through the postings', () => {
  test('answers as looking at every talk does, keystroke after keystroke, with every filter', () => {
    const { entries } = library(300);
    const filter = narrowingFilter(atOnce());
    const typed = [
      '',
      'p',
      'pr',
      'pro',
      'prom',
      'prom ',
      'prom s',
      'prom sc',
      'prom s',
      'p',
      '',
      'o',
      'ot',
      'ote',
      'otel',
      'otel 1',
      'otel 12',
      'ex',
      'exemplars',
    ];
    for (const query of typed) {
      for (const more of [{}, { minInterest: 3 }, { tag: 'otel' }, { sort: 'title' as const }]) {
        const sorted = sortEntries(entries, more.sort ?? 'newest');
        expect(ids(filter(sorted, q(query, more))), `${query} ${JSON.stringify(more)}`).toEqual(ids(filterEntries(sorted, q(query, more))));
      }
    }
  });

  test('finds what changed since the postings were built, and forgets what changed away, building them again after many changes', () => {
    const vocabulary = new SearchVocabulary();
    const { talks, notes, entries } = library(600, vocabulary);
    const schedule = atOnce();
    const filter = narrowingFilter(schedule);
    let current = entries;
    const same = (query: string) => expect(ids(filter(current, q(query))), query).toEqual(ids(filterEntries(current, q(query))));
    same('prom');
    expect(schedule.builds).toBe(1);

    // A note edited elsewhere: the talk comes as a new entry, with words the postings never saw.
    const edited = talks[10];
    const editedNotes = [...notes.filter((note) => note.talkId === edited.id), makeNote(edited, 'quokka sightings')];
    current = current.map((entry) => (entry.talk.id === edited.id ? libraryEntry(edited, editedNotes, vocabulary) : entry));
    same('quokka');
    same('prom');
    // A talk added, another deleted.
    const added = makeTalk('added000000', { title: 'Quokka ecology' });
    current = [libraryEntry(added, [], vocabulary), ...current.filter((entry) => entry.talk.id !== talks[11].id)];
    for (const query of ['quokka', 'quokka eco', talks[11].title.toLowerCase(), 'prom', 'sigstore']) same(query);
    expect(schedule.builds).toBe(1);

    // Many talks changed: the postings are built again, and answer the same.
    current = current.map((entry, i) => (i % 2 === 0 ? libraryEntry(entry.talk, [makeNote(entry.talk, `wombat ${i}`)], vocabulary) : entry));
    for (const query of ['wombat', 'wombat 1', 'prom', 'quokka', 'sigstore']) same(query);
    expect(schedule.builds).toBe(2);

    // The whole library read again, into a new vocabulary.
    current = library(600).entries;
    for (const query of ['prom', 'sigstore', 'quokka']) same(query);
    expect(schedule.builds).toBe(3);
  });

  test('find the first two letters of a query, and the rows they draw their excerpts, without asking which words of the library hold them', () => {
    /** Counts the query words whose words it is asked for: each such answer is a pass over every word of the library. */
    class AskedVocabulary extends SearchVocabulary {
      asked: string[] = [];
      override wordsContaining(part: string): Uint8Array {
        this.asked.push(part);
        return super.wordsContaining(part);
      }
    }
    const vocabulary = new AskedVocabulary();
    const { entries } = library(300, vocabulary);
    // The same library in a vocabulary of its own, looked at talk by talk.
    const reference = library(300).entries;
    const filter = narrowingFilter(atOnce());
    filter(entries, NO_FILTER);
    for (const letter of ['p', 'x', 'z', 'pr', 'zu', 'qq']) {
      const expected = filterEntries(reference, q(letter));
      const shown = filter(entries, q(letter));
      const drawn = shown.slice(0, 12);
      expect(ids(shown), letter).toEqual(ids(expected));
      expect(
        drawn.map((entry) => matchesInNotes(entry, [letter])),
        letter,
      ).toEqual(expected.slice(0, 12).map((entry) => matchesInNotes(entry, [letter])));
      expect(vocabulary.asked, letter).toEqual([]);
    }
  });

  test('a cleared search lets go of which words of the library held its query words', () => {
    const vocabulary = new SearchVocabulary();
    const { entries } = library(300, vocabulary);
    const filter = narrowingFilter(atOnce());
    filter(entries, NO_FILTER);
    filter(entries, q('prom'));
    const flags = vocabulary.wordsContaining('prom');
    // Typing on keeps them: a Backspace finds them again.
    filter(entries, q('prom scr'));
    expect(vocabulary.wordsContaining('prom')).toBe(flags);
    // Cleared, the search keeps nothing of them; searched again, they are worked out again, the same.
    filter(entries, NO_FILTER);
    const again = vocabulary.wordsContaining('prom');
    expect(again).not.toBe(flags);
    expect(again).toEqual(flags);
  });

  test("once built, their two passes over the newest list are steps of their own, not part of the build's last", () => {
    const { entries } = library(2500);
    const build = SearchPostings.builder(entries);
    let buildSteps = 1;
    while (build() === undefined) buildSteps++;
    const steps: (() => boolean)[] = [];
    const filter = narrowingFilter((step) => steps.push(step));
    filter(entries, NO_FILTER);
    let filterSteps = 1;
    while (!steps[0]()) filterSteps++;
    // Whether a talk changed since needs them built again; then where each talk of the list is in them.
    expect(filterSteps).toBe(buildSteps + 2);
    expect(ids(filter(entries, q('sigstore')))).toEqual(ids(filterEntries(entries, q('sigstore'))));
  });

  test('the first search once the postings are built does not look again at which talks they hold', () => {
    const { entries } = library(400);
    let slotsRead = 0;
    const watched = entries.map((entry) => {
      const copy = { ...entry };
      Object.defineProperty(copy, 'slot', {
        get: () => {
          slotsRead++;
          return entry.slot;
        },
      });
      return copy;
    });
    // Built in the steps the page gives it once idle, after the list is first shown.
    const steps: (() => boolean)[] = [];
    const filter = narrowingFilter((step) => steps.push(step));
    filter(watched, NO_FILTER);
    expect(steps).toHaveLength(1);
    while (!steps[0]());
    slotsRead = 0;
    expect(ids(filter(watched, q('p')))).toEqual(ids(filterEntries(entries, q('p'))));
    expect(slotsRead).toBe(0);
  });

  test('never looks at the words of a talk that does not match a search the postings answer', () => {
    const { entries } = library(400);
    const filter = narrowingFilter(atOnce());
    filter(entries, NO_FILTER);
    const read = new Set<string>();
    const watched = entries.map((entry) => {
      const copy = { ...entry };
      for (const key of ['aboutWords', 'noteWords'] as const) {
        Object.defineProperty(copy, key, {
          get: () => {
            read.add(entry.talk.id);
            return entry[key];
          },
        });
      }
      return copy;
    });
    // The same talks (their slots), in a list of their own, as after a change of sort order.
    const shown = filter(watched, q('zurich'));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.length).toBeLessThan(watched.length);
    expect(read.size).toBe(0);
  });
});
