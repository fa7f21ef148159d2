import type { TalkWithNoteCount } from '../db/talks';

const CLIPPED = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function TalkTable({ entries }: { entries: TalkWithNoteCount[] }) {
  return (
    <table class="talk-table">
      <caption class="visually-hidden">Clipped talks, newest first</caption>
      <thead>
        <tr>
          <th scope="col">Talk</th>
          <th scope="col">Channel</th>
          <th scope="col" class="talk-table__number">
            Notes
          </th>
          <th scope="col">Clipped</th>
        </tr>
      </thead>
      <tbody>
        {entries.map(({ talk, noteCount }) => (
          <tr key={talk.id}>
            <td>
              <a href={talk.url} target="_blank" rel="noreferrer">
                {talk.title}
              </a>
              {talk.speakers.length > 0 && <div class="muted talk-table__speakers">{talk.speakers.join(', ')}</div>}
            </td>
            <td>{talk.channel ?? '—'}</td>
            <td class="talk-table__number">{noteCount}</td>
            <td>
              <time dateTime={talk.createdAt}>{CLIPPED.format(new Date(talk.createdAt))}</time>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
