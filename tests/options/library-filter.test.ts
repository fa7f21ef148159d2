import { describe, expect, test } from 'vitest';
import {
  filterEntries,
  libraryEntries,
  matchesInNotes,
  narrowingFilter,
  narrowsTalks,
  NO_FILTER,
  refines,
  sharedEvent,
  sortEntries,
  type LibraryFilter,
  withoutValuesGone,
} from '../../src/options/library-filter';
import { foldForSearch, queryWords } from '../../src/options/search-text';
import type { Interest } from '../../src/talk/model';
import { makeNote, makeTalk } from '../export/records';

const prometheus = makeTalk('Pr0meTheus1', {
  title: 'Evolving Prometheus for More Use Cases',
  speakers: ['Bartłomiej Płotka, Red Hat'],
  channel: 'CNCF [Cloud Native Computing Foundation]',
  event: 'KubeCon NA 2021',
  category: 'Observability',
  tags: ['prometheus'],
  interest: 4,
  status: 'watched',
  createdAt: '2021-10-14T10:00:00.000Z',
});
const openMetrics = makeTalk('OpenMetr1cs', {
  title: 'What You Need to Know About OpenMetrics',
  speakers: ['Richard Hartmann', 'Ben Kochie'],
  event: 'KubeCon NA 2021',
  category: 'Observability',
  tags: ['metrics'],
  interest: 5,
  status: 'to-watch',
  createdAt: '2021-10-15T10:00:00.000Z',
});
const supplyChain = makeTalk('SupplyCha1n', {
  title: 'Securing the Supply Chain',
  event: 'KubeCon EU 2022',
  category: 'Security',
  tags: ['sbom', 'Prometheus'],
  interest: 2,
  status: 'watching',
  createdAt: '2022-05-18T10:00:00.000Z',
});
const notes = [
  makeNote(prometheus, 'new scrape limits: `sample_limit`'),
  makeNote(openMetrics, 'Exemplars link metrics to traces'),
  makeNote(supplyChain, 'Sigstore signs the images'),
];
const entries = libraryEntries([prometheus, openMetrics, supplyChain], notes);

const ids = (filter: Partial<LibraryFilter>) =>
  filterEntries(sortEntries(entries, filter.sort ?? 'newest'), { ...NO_FILTER, ...filter }).map((entry) => entry.talk.videoId);

describe('search', () => {
  test('matches titles, speakers, channels, tags and note text, ignoring case and accents', () => {
    expect(ids({ query: 'PROMETHEUS' })).toEqual(['SupplyCha1n', 'Pr0meTheus1']);
    expect(ids({ query: 'plotka' })).toEqual(['Pr0meTheus1']);
    expect(ids({ query: 'cloud native' })).toEqual(['Pr0meTheus1']);
    expect(ids({ query: 'sbom' })).toEqual(['SupplyCha1n']);
    expect(ids({ query: 'exemplars' })).toEqual(['OpenMetr1cs']);
    expect(ids({ query: 'sample_limit' })).toEqual(['Pr0meTheus1']);
  });

  test('every word must match, anywhere in the talk', () => {
    expect(ids({ query: 'openmetrics traces' })).toEqual(['OpenMetr1cs']);
    expect(ids({ query: 'openmetrics sigstore' })).toEqual([]);
  });

  test('an empty query shows everything', () => {
    expect(ids({ query: '   ' })).toHaveLength(3);
    expect(narrowsTalks({ ...NO_FILTER, query: '  ' })).toBe(false);
  });
});

describe('typing on narrows', () => {
  const q = (query: string, more: Partial<LibraryFilter> = {}) => ({ ...NO_FILTER, query, ...more });

  test('a query refines another when each earlier word lives on in a new one, and nothing else changed', () => {
    expect(refines(q('prom'), q('prometheus'))).toBe(true);
    expect(refines(q('prometheus'), q('prometheus s'))).toBe(true);
    expect(refines(q(''), q('a'))).toBe(true);
    expect(refines(q('metheus'), q('prometheus'))).toBe(true);
    expect(refines(q('prometheus'), q('prom'))).toBe(false);
    expect(refines(q('prometheus x'), q('prometheus'))).toBe(false);
    expect(refines(q('prom'), q('prom', { category: 'Security' }))).toBe(false);
    expect(refines(q('prom'), q('prom', { sort: 'title' }))).toBe(false);
  });

  test('the narrowing filter answers exactly as filtering everything again, keystroke after keystroke', () => {
    const filter = narrowingFilter();
    const sorted = sortEntries(entries, 'newest');
    const typed = ['p', 'pr', 'pro', 'prom', 'prome', 'prome ', 'prome s', 'prome sb', 'prome s', 'p', '', 'e', 'ex', 'sig'];
    for (const query of typed) {
      expect(filter(sorted, q(query)), query).toEqual(filterEntries(sorted, q(query)));
    }
    // New data is filtered afresh, whatever was typed.
    const fewer = sorted.slice(1);
    expect(filter(fewer, q('sigs'))).toEqual(filterEntries(fewer, q('sigs')));
  });
});

describe('withoutValuesGone', () => {
  const facets = { events: [], categories: [], tags: ['prometheus', 'sbom'] };

  test('keeps a tag chosen in another case, in the spelling the choices now show', () => {
    expect(withoutValuesGone({ ...NO_FILTER, tag: 'Prometheus' }, facets)).toEqual({ ...NO_FILTER, tag: 'prometheus' });
    const filter = { ...NO_FILTER, tag: 'sbom' };
    expect(withoutValuesGone(filter, facets)).toBe(filter);
    expect(withoutValuesGone({ ...NO_FILTER, tag: 'gone' }, facets)).toEqual(NO_FILTER);
  });
});

describe('filters', () => {
  test('by event, category, tag, status and least interest', () => {
    expect(ids({ event: 'KubeCon NA 2021' })).toEqual(['OpenMetr1cs', 'Pr0meTheus1']);
    expect(ids({ category: 'Security' })).toEqual(['SupplyCha1n']);
    expect(ids({ tag: 'metrics' })).toEqual(['OpenMetr1cs']);
    // A tag is one choice whatever its case: “prometheus” on one talk, “Prometheus” on another.
    expect(ids({ tag: 'prometheus' })).toEqual(['SupplyCha1n', 'Pr0meTheus1']);
    expect(ids({ tag: 'Prometheus' })).toEqual(['SupplyCha1n', 'Pr0meTheus1']);
    expect(ids({ status: 'to-watch' })).toEqual(['OpenMetr1cs']);
    expect(ids({ minInterest: 4 })).toEqual(['OpenMetr1cs', 'Pr0meTheus1']);
    expect(ids({ minInterest: 4, query: 'plotka', event: 'KubeCon NA 2021' })).toEqual(['Pr0meTheus1']);
    expect(narrowsTalks({ ...NO_FILTER, minInterest: 1 })).toBe(true);
    expect(narrowsTalks({ ...NO_FILTER, sort: 'title' })).toBe(false);
  });
});

describe('sort', () => {
  test('by clipped date, interest or title', () => {
    expect(ids({ sort: 'newest' })).toEqual(['SupplyCha1n', 'OpenMetr1cs', 'Pr0meTheus1']);
    expect(ids({ sort: 'oldest' })).toEqual(['Pr0meTheus1', 'OpenMetr1cs', 'SupplyCha1n']);
    expect(ids({ sort: 'interest' })).toEqual(['OpenMetr1cs', 'Pr0meTheus1', 'SupplyCha1n']);
    expect(ids({ sort: 'title' })).toEqual(['Pr0meTheus1', 'SupplyCha1n', 'OpenMetr1cs']);
  });

  test('a list already in the order comes back as it was, a copy; one pair out of place anywhere is put right', () => {
    const newest = sortEntries(entries, 'newest');
    const again = sortEntries(newest, 'newest');
    expect(again).toEqual(newest);
    expect(again).not.toBe(newest);
    for (let i = 1; i < newest.length; i++) {
      const swapped = [...newest];
      [swapped[i - 1], swapped[i]] = [swapped[i], swapped[i - 1]];
      expect(sortEntries(swapped, 'newest')).toEqual(newest);
    }
  });

  test('by interest, equal interest reads in playlist order, talks from no playlist after, newest first', () => {
    const queued = (videoId: string, position: number | null, interest: Interest, createdAt: string) =>
      libraryEntries([makeTalk(videoId, { interest, createdAt, playlist: position === null ? null : { id: 'PLconf', position } })], [])[0];
    const sorted = sortEntries(
      [
        queued('queued00003', 3, 0, '2026-01-01T00:00:00.000Z'),
        queued('clipped0001', null, 0, '2026-01-01T00:00:00.000Z'),
        queued('queued00001', 1, 0, '2026-01-01T00:00:00.000Z'),
        queued('clipped0002', null, 0, '2026-02-01T00:00:00.000Z'),
        queued('queued00009', 9, 4, '2026-01-01T00:00:00.000Z'),
      ],
      'interest',
    );
    expect(sorted.map((entry) => entry.talk.videoId)).toEqual(['queued00009', 'queued00001', 'queued00003', 'clipped0002', 'clipped0001']);
  });
});

describe('libraryEntries', () => {
  test('keep of each talk its note count, not the notes', () => {
    const later = makeNote(prometheus, 'later', { createdAt: '2021-10-22T10:00:00.000Z' });
    const earlier = makeNote(prometheus, 'earlier', { createdAt: '2021-10-20T10:00:00.000Z' });
    const elsewhere = makeNote(openMetrics, 'elsewhere');
    const [entry, other] = libraryEntries([prometheus, openMetrics], [later, elsewhere, earlier]);
    expect(entry.noteCount).toBe(2);
    expect(other.noteCount).toBe(1);
    expect(entry).not.toHaveProperty('notes');
  });

  test('tell whether a search matches in the notes of a talk, so that only those rows read them', () => {
    const [entry] = libraryEntries([prometheus], [makeNote(prometheus, 'new scrape limits: `sample_limit`')]);
    expect(matchesInNotes(entry, queryWords('evolving'))).toBe(false);
    expect(matchesInNotes(entry, queryWords('crap'))).toBe(true);
    expect(matchesInNotes(entry, queryWords('evolving _limit'))).toBe(true);
    expect(matchesInNotes(entry, [])).toBe(false);
  });

  test('find what a scan of the whole folded text finds, query by query', () => {
    const bodies = [
      'Scrape limits: `sample_limit` and label_limit=64; see https://example.com/scrape/42',
      'Zürich café — naïve Ångström œuvre Straße Łódź',
      'ΣΊΣΥΦΟΣ and σίσυφος; emoji 🚀 launch; C++ and C# and .NET',
      'kubectl get pods -A\n\thistogram_quantile(0.99, …)',
      '',
    ];
    const talks = bodies.map((_, i) => makeTalk(`Scan${String(i).padStart(7, '0')}`, { title: `Talk ${i}`, tags: i === 2 ? ['Perf'] : [] }));
    const scanned = libraryEntries(
      talks,
      bodies.map((body, i) => makeNote(talks[i], body)),
    );
    const haystacks = talks.map((talk, i) => foldForSearch([talk.title, ...talk.tags, bodies[i]].join('\n')));
    const queries = [
      'scrape',
      'crap',
      'mple_lim',
      'limit=6',
      'com/scr',
      'zurich',
      'URIC',
      'cafe',
      'naive',
      'angstrom',
      'strasse',
      'lodz',
      'σισυφος',
      'σ',
      '🚀',
      'c++',
      'c#',
      '.net',
      'pods -a',
      '(0.99,',
      'talk 3',
      'perf',
      'e',
      'zz',
      'ł',
      'lim sam',
      'a b c',
    ];
    for (const query of queries) {
      const words = queryWords(query);
      const expected = talks.filter((_, i) => words.every((word) => haystacks[i].includes(word))).map((talk) => talk.videoId);
      expect(
        filterEntries(scanned, { ...NO_FILTER, query }).map((entry) => entry.talk.videoId),
        query,
      ).toEqual(expected);
    }
  });
});

describe('sharedEvent', () => {
  test('is the event every talk shares', () => {
    expect(sharedEvent([prometheus, openMetrics])).toBe('KubeCon NA 2021');
    expect(sharedEvent([prometheus, supplyChain])).toBeNull();
    expect(sharedEvent([makeTalk('NoEvent0000')])).toBeNull();
    expect(sharedEvent([])).toBeNull();
  });
});

describe('at scale', () => {
  test('2,000 talks and 20,000 notes: the index is built once, each search walks it', () => {
    const talks = Array.from({ length: 2000 }, (_, i) =>
      makeTalk(`v${String(i).padStart(10, '0')}`, { title: `Talk ${i} about ${i % 7 === 0 ? 'Prometheus' : 'Kubernetes'}`, interest: (i % 6) as Interest }),
    );
    const manyNotes = Array.from({ length: 20_000 }, (_, i) =>
      makeNote(talks[i % 2000], `note ${i} on scrape limits and ${i % 13 === 0 ? 'exemplars' : 'labels'}`),
    );
    const index = sortEntries(libraryEntries(talks, manyNotes), 'newest');
    expect(filterEntries(index, { ...NO_FILTER, query: 'prometheus' })).toHaveLength(286);
    expect(filterEntries(index, { ...NO_FILTER, query: 'exemplars prometheus', minInterest: 3 }).length).toBeGreaterThan(0);
  });
});
