import { expect, test } from 'vitest';
import { libraryEntry } from '../../src/options/library-filter';
import { SearchVocabulary } from '../../src/options/search-vocabulary';
import { likelyNext } from '../../src/options/use-talk-notes';
import { makeNote, makeTalk } from '../export/records';

const vocabulary = new SearchVocabulary();
// Every talk has a note; talk 50 is the only one whose note says "agent".
const entries = Array.from({ length: 200 }, (_, i) => {
  const talk = makeTalk(`Talk${String(i).padStart(7, '0')}`, { id: `talk-${i}` });
  return libraryEntry(talk, [makeNote(talk, i === 50 ? 'an agent per node' : `what talk ${i} said`)], vocabulary);
});
const ids = (list: { talk: { id: string } }[]) => list.map((entry) => entry.talk.id);

test('with no search, only the rows drawn are read ahead: a page at rest holds no more notes than it shows', () => {
  expect(ids(likelyNext(entries, [], { first: 10, count: 20 }))).toEqual(ids(entries.slice(10, 30)));
});

test('while searching, the rows drawn come first, whatever matched in them, then the talks that match in their notes, then the next with notes', () => {
  // The rows drawn may match elsewhere than in their notes; the first letter of a new word may match in any of them.
  const ahead = likelyNext(entries, ['agent'], { first: 0, count: 20 });
  expect(ids(ahead.slice(0, 20))).toEqual(ids(entries.slice(0, 20)));
  expect(ahead[20].talk.id).toBe('talk-50');
  expect(ids(ahead.slice(21, 24))).toEqual(['talk-20', 'talk-21', 'talk-22']);
});

test('while searching, the rows of each letter likely to come next are read ahead, however far down the list they are', () => {
  // Most notes say "webhooks"; ten talks far down the list say "ebpf" instead.
  const words = new SearchVocabulary();
  const library = Array.from({ length: 300 }, (_, i) => {
    const talk = makeTalk(`Talk${String(i).padStart(7, '0')}`, { id: `talk-${i}` });
    return libraryEntry(talk, [makeNote(talk, i >= 200 && i < 210 ? 'ebpf maps' : 'webhooks again')], words);
  });
  const ahead = ids(likelyNext(library, ['eb'], { first: 0, count: 10 }));
  // The rows drawn now first; then, for `ebh` (most talks), the same rows; for `ebp`, the ten talks it would draw.
  expect(ahead.slice(0, 10)).toEqual(ids(library.slice(0, 10)));
  expect(ahead.slice(10, 20)).toEqual(ids(library.slice(200, 210)));
  expect(ahead).toHaveLength(64);
});
