// The floor of this stack: an extension page that renders with Preact what Dexie reads (50 talks)
// from Talklog's own database, then marks `app-ready` the way the popup does. Built only for the bench.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { openTalklogDb } from '../../../src/db/database';
import type { Talk } from '../../../src/talk/model';

const db = openTalklogDb();

function Floor() {
  const [talks, setTalks] = useState<Talk[] | null>(null);
  useEffect(() => {
    void db.talks.orderBy('createdAt').reverse().limit(50).toArray().then(setTalks);
  }, []);
  useEffect(() => {
    if (talks) performance.mark('app-ready');
  }, [talks]);
  if (!talks) return <p>Loading…</p>;
  return (
    <ul>
      {talks.map((talk) => (
        <li key={talk.id}>
          <a href={talk.url}>{talk.title}</a> {talk.speakers.join(', ')}
        </li>
      ))}
    </ul>
  );
}

render(<Floor />, document.getElementById('app')!);
