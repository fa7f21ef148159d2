// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import type { ClipEnvironment } from '../../src/background/clip-command';
import { untitledTalk } from '../../src/db/talks';
import { freshDb } from '../db/test-db';

// The browser runs the injected function in the tab: here, in this test's document.
type Injection = { func: (...args: unknown[]) => unknown; args: unknown[] };
const executeScript = vi.fn<(injection: Injection) => Promise<{ result: unknown }[]>>(async ({ func, args }) => [{ result: func(...args) }]);
vi.mock('webextension-polyfill', () => ({ default: { scripting: { executeScript: (options: never) => executeScript(options) } } }));

const { onContextMenuClick, SAVE_LINK_ITEM } = await import('../../src/background/context-menu');

const VIDEO_ID = 'tLgTalkA_01';
const HREF = `https://www.youtube.com/watch?v=${VIDEO_ID}`;
const TAB = { id: 3 };

/** A search result as YouTube draws it: the thumbnail's link, holding its length and "Now playing", comes first. */
const THUMBNAIL = `<ytd-thumbnail><a id="thumbnail" class="yt-simple-endpoint" aria-hidden="true" tabindex="-1" href="/watch?v=${VIDEO_ID}">
    <yt-image><img alt="" src="x.jpg"></yt-image>
    <div id="overlays">
      <ytd-thumbnail-overlay-time-status-renderer><badge-shape class="badge-shape-wiz"><div class="badge-shape-wiz__text">31:20</div></badge-shape></ytd-thumbnail-overlay-time-status-renderer>
      <ytd-thumbnail-overlay-now-playing-renderer><span id="overlay-text">Now playing</span></ytd-thumbnail-overlay-now-playing-renderer>
    </div>
  </a></ytd-thumbnail>`;
const SEARCH_RESULT = `<ytd-video-renderer>
  ${THUMBNAIL}
  <div id="meta"><h3><a id="video-title" title="Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat" href="/watch?v=${VIDEO_ID}">
    <yt-formatted-string>Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat</yt-formatted-string>
  </a></h3></div>
</ytd-video-renderer>`;

function onPage(url: string, html: string): void {
  // happy-dom resolves a link's href against the document's address.
  (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(url);
  document.body.innerHTML = html;
}

async function saveLink(click: { linkText?: string }): Promise<{ title: string; speakers: string[] } | undefined> {
  const clips = { db: freshDb() } as unknown as ClipEnvironment;
  await onContextMenuClick(clips, { menuItemId: SAVE_LINK_ITEM, linkUrl: HREF, editable: false, modifiers: [], ...click }, TAB as never);
  return clips.db.talks.get(`t_${VIDEO_ID}`);
}

describe('"Save to watch" on a video link', () => {
  test('Chrome, on a YouTube card: takes the title link, not the badges on the thumbnail before it', async () => {
    onPage('https://www.youtube.com/results?search_query=prometheus', SEARCH_RESULT);
    const talk = await saveLink({});
    expect(talk?.title).toBe('Evolving Prometheus for More Use Cases');
  });

  test('a thumbnail alone names nothing: the talk is untitled, for its first clip to name', async () => {
    onPage('https://www.youtube.com/', THUMBNAIL);
    expect((await saveLink({}))?.title).toBe(untitledTalk(VIDEO_ID));
  });

  test('Firefox, on a YouTube card: the page names the talk, not the thumbnail text Firefox gives', async () => {
    onPage('https://www.youtube.com/results?search_query=prometheus', SEARCH_RESULT);
    expect((await saveLink({ linkText: '31:20 Now playing' }))?.title).toBe('Evolving Prometheus for More Use Cases');
  });

  test('Firefox, on an image with no text: the address Firefox gives as its text is no title', async () => {
    onPage('https://kubecon.example/schedule', `<a href="${HREF}"><img src="talk.jpg"></a>`);
    expect((await saveLink({ linkText: HREF }))?.title).toBe(untitledTalk(VIDEO_ID));
  });

  test('a link whose text is its address is passed over for one that names the talk', async () => {
    onPage('https://kubecon.example/schedule', `<p><a href="${HREF}">youtube.com/watch?v=${VIDEO_ID}</a></p><p><a href="${HREF}">Scaling Prometheus</a></p>`);
    expect((await saveLink({}))?.title).toBe('Scaling Prometheus');
  });

  test("Firefox, where the page cannot be read: the link's text, unless it is an address", async () => {
    executeScript.mockRejectedValueOnce(new Error('Missing host permission for the tab'));
    expect((await saveLink({ linkText: ' Scaling\n Prometheus ' }))?.title).toBe('Scaling Prometheus');
    executeScript.mockRejectedValueOnce(new Error('Missing host permission for the tab'));
    expect((await saveLink({ linkText: HREF }))?.title).toBe(untitledTalk(VIDEO_ID));
  });
});
