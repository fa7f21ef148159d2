import type { TalkWithNoteCount } from '../db/talks';

/** Case- and accent-insensitive match of every word of the query in a talk's title, speakers or channel. */
export function matchesQuery(entry: TalkWithNoteCount, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const { talk } = entry;
  const haystack = fold([talk.title, talk.channel ?? '', ...talk.speakers, talk.event ?? '', talk.category ?? '', ...talk.tags].join('\n'));
  return words.every((word) => haystack.includes(word));
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase();
}
