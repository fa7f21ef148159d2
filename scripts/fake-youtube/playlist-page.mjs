// The rendered HTML of a YouTube playlist as extensions read it: the /playlist page's list of
// `ytd-playlist-video-renderer` rows and the watch page's `ytd-playlist-panel-renderer`, with
// `ytInitialData`'s `playlistVideoRenderer` items, and YouTube's lazy loading: about 100 rows
// at first, the next batch when the spinner after the last row scrolls into view.

/** @typedef {import('./conference.mjs').Playlist} Playlist */
/** @typedef {import('./conference.mjs').PlaylistRow} PlaylistRow */

export const ROWS_PER_BATCH = 100;

/** @type {Record<string, string>} */
const ENTITIES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (/** @type {unknown} */ text) => String(text).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** JSON inside a <script>: `<` escaped so a title cannot close the script. */
export const scriptJson = (/** @type {unknown} */ value) => JSON.stringify(value).replace(/</g, '\\u003c');

const clock = (/** @type {number} */ sec) => `${Math.floor(sec / 60)}:${String(sec % 60).padStart(2, '0')}`;

/** @param {PlaylistRow} row */
function rowTitle(row) {
  return row.video ? row.video.title : `[${row.gone} video]`;
}

/** @param {PlaylistRow} row */
function rowId(row) {
  return row.video ? row.video.id : row.id;
}

/**
 * One `ytd-playlist-video-renderer`, numbered from 1.
 * @param {string} playlistId
 * @param {PlaylistRow} row
 * @param {number} index
 */
export function listRowHtml(playlistId, row, index) {
  const href = `/watch?v=${rowId(row)}&list=${playlistId}&index=${index}&pp=iAQB`;
  const title = escapeHtml(rowTitle(row));
  const byline = row.video
    ? `<ytd-video-meta-block><div id="byline-container"><ytd-channel-name id="channel-name"><div id="container"><yt-formatted-string id="text"><a class="yt-simple-endpoint" href="/${row.video.channelHandle}">${escapeHtml(row.video.channel)}</a></yt-formatted-string></div></ytd-channel-name></div></ytd-video-meta-block>`
    : '';
  const badge = row.video
    ? `<div id="overlays"><ytd-thumbnail-overlay-time-status-renderer overlay-style="DEFAULT"><badge-shape class="badge-shape-wiz"><div class="badge-shape-wiz__text">${clock(row.video.lengthSeconds)}</div></badge-shape></ytd-thumbnail-overlay-time-status-renderer></div>`
    : '';
  return `<ytd-playlist-video-renderer class="style-scope ytd-playlist-video-list-renderer"><div id="index-container"><yt-formatted-string id="index">${index}</yt-formatted-string></div><div id="content"><ytd-thumbnail><a id="thumbnail" class="yt-simple-endpoint" href="${href}">${badge}</a></ytd-thumbnail><div id="meta"><h3><a id="video-title" class="yt-simple-endpoint" title="${title}" href="${href}">${title}</a></h3>${byline}</div></div></ytd-playlist-video-renderer>`;
}

export const SPINNER_HTML =
  '<ytd-continuation-item-renderer class="style-scope ytd-playlist-video-list-renderer"><tp-yt-paper-spinner active></tp-yt-paper-spinner></ytd-continuation-item-renderer>';

/**
 * Rows `from` (0-based) up to one batch, and the spinner when more remain.
 * @param {Playlist} playlist
 * @param {number} from
 */
export function listBatchHtml(playlist, from) {
  const batch = playlist.rows.slice(from, from + ROWS_PER_BATCH);
  const rows = batch.map((row, i) => listRowHtml(playlist.id, row, from + i + 1)).join('');
  return rows + (from + ROWS_PER_BATCH < playlist.rows.length ? SPINNER_HTML : '');
}

/**
 * @param {PlaylistRow} row
 * @param {number} index
 */
function listItem(row, index) {
  if (!row.video)
    return { playlistVideoRenderer: { videoId: row.id, title: { runs: [{ text: rowTitle(row) }] }, index: { simpleText: String(index) }, isPlayable: false } };
  return {
    playlistVideoRenderer: {
      videoId: row.video.id,
      title: { runs: [{ text: row.video.title }] },
      index: { simpleText: String(index) },
      shortBylineText: { runs: [{ text: row.video.channel }] },
      lengthSeconds: String(row.video.lengthSeconds),
      lengthText: { simpleText: clock(row.video.lengthSeconds) },
      isPlayable: true,
    },
  };
}

/**
 * `ytInitialData` of a /playlist page: the first batch of rows, then a continuation item.
 * @param {Playlist} playlist
 */
export function playlistInitialData(playlist) {
  /** @type {object[]} */
  const contents = playlist.rows.slice(0, ROWS_PER_BATCH).map((row, i) => listItem(row, i + 1));
  if (playlist.rows.length > ROWS_PER_BATCH) contents.push({ continuationItemRenderer: { trigger: 'CONTINUATION_TRIGGER_ON_ITEM_SHOWN' } });
  return {
    contents: {
      twoColumnBrowseResultsRenderer: {
        tabs: [
          {
            tabRenderer: {
              selected: true,
              content: {
                sectionListRenderer: {
                  contents: [{ itemSectionRenderer: { contents: [{ playlistVideoListRenderer: { playlistId: playlist.id, contents } }] } }],
                },
              },
            },
          },
        ],
      },
    },
    header: {
      playlistHeaderRenderer: {
        playlistId: playlist.id,
        title: { simpleText: playlist.title },
        numVideosText: { runs: [{ text: String(playlist.rows.length) }, { text: ' videos' }] },
      },
    },
    metadata: { playlistMetadataRenderer: { title: playlist.title } },
  };
}

/**
 * The `ytd-playlist-header-renderer` block of a /playlist page.
 * @param {Playlist} playlist
 */
export function listHeaderHtml(playlist) {
  return `<ytd-playlist-header-renderer class="style-scope ytd-browse"><div class="metadata-wrapper"><yt-dynamic-sizing-formatted-string id="title"><div id="container"><yt-formatted-string id="text">${escapeHtml(playlist.title)}</yt-formatted-string></div></yt-dynamic-sizing-formatted-string><div class="metadata-stats"><yt-formatted-string class="byline-item">${playlist.rows.length} videos</yt-formatted-string></div></div></ytd-playlist-header-renderer>`;
}

/**
 * One `ytd-playlist-panel-video-renderer` of a watch page's panel.
 * @param {string} playlistId
 * @param {PlaylistRow} row
 * @param {number} index
 * @param {{ selected?: boolean, withinMiniplayer?: boolean }} [options]
 */
export function panelRowHtml(playlistId, row, index, { selected = false, withinMiniplayer = false } = {}) {
  const href = `/watch?v=${rowId(row)}&list=${playlistId}&index=${index}`;
  const title = escapeHtml(rowTitle(row));
  const attributes = `${selected ? ' selected' : ''}${withinMiniplayer ? ' within-miniplayer' : ''}`;
  const badge = row.video
    ? `<ytd-thumbnail-overlay-time-status-renderer><badge-shape class="badge-shape-wiz"><div class="badge-shape-wiz__text">${clock(row.video.lengthSeconds)}</div></badge-shape></ytd-thumbnail-overlay-time-status-renderer>`
    : '';
  const byline = row.video ? `<span id="byline" class="style-scope ytd-playlist-panel-video-renderer">${escapeHtml(row.video.channel)}</span>` : '';
  return `<ytd-playlist-panel-video-renderer id="playlist-items" class="style-scope ytd-playlist-panel-renderer"${attributes}><a id="wc-endpoint" class="yt-simple-endpoint" href="${href}"><span id="index">${selected ? '▶' : index}</span><ytd-thumbnail>${badge}</ytd-thumbnail><div id="meta"><h4><span id="video-title" class="style-scope ytd-playlist-panel-video-renderer" title="${title}">${title}</span></h4>${byline}</div></a></ytd-playlist-panel-video-renderer>`;
}

/**
 * The panel's rows `from` (0-based) up to one batch, `current` (1-based) selected, and the spinner when more remain.
 * @param {Playlist} playlist
 * @param {number} from
 * @param {number} current
 */
export function panelBatchHtml(playlist, from, current) {
  const rows = playlist.rows
    .slice(from, from + ROWS_PER_BATCH)
    .map((row, i) => panelRowHtml(playlist.id, row, from + i + 1, { selected: from + i + 1 === current }))
    .join('');
  return rows + (from + ROWS_PER_BATCH < playlist.rows.length ? '<ytd-continuation-item-renderer></ytd-continuation-item-renderer>' : '');
}

/**
 * A watch page's playlist panel showing the first batch of rows, `current` (1-based) selected.
 * @param {Playlist} playlist
 * @param {number} current
 */
export function panelHtml(playlist, current) {
  return `<ytd-playlist-panel-renderer id="playlist" class="style-scope ytd-watch-flexy"><div class="header"><h3><yt-formatted-string class="title"><a href="/playlist?list=${playlist.id}">${escapeHtml(playlist.title)}</a></yt-formatted-string></h3><div id="publisher-container"><span class="index-message">${current} / ${playlist.rows.length}</span></div></div><div id="items" class="playlist-items">${panelBatchHtml(playlist, 0, current)}</div></ytd-playlist-panel-renderer>`;
}

/**
 * @param {PlaylistRow} row
 * @param {number} index
 */
function panelItem(row, index) {
  // The panel's items say `indexText` and give the length only as text.
  const { index: position, lengthSeconds: _seconds, ...rest } = listItem(row, index).playlistVideoRenderer;
  return { playlistPanelVideoRenderer: { ...rest, indexText: position } };
}

/**
 * The `contents.twoColumnWatchNextResults.playlist` part of a watch page's `ytInitialData`.
 * @param {Playlist} playlist
 */
export function watchPlaylistData(playlist) {
  const contents = playlist.rows.slice(0, ROWS_PER_BATCH).map((row, i) => panelItem(row, i + 1));
  return { playlist: { playlist: { playlistId: playlist.id, title: playlist.title, totalVideos: playlist.rows.length, contents } } };
}

/**
 * A whole /playlist page. Its script plays YouTube's part: when a list's spinner scrolls into view
 * it fetches the next batch of rows and puts them in the spinner's place; a talk clicked opens
 * in-page, its watch page's panel beside the /playlist page, which stays in the DOM, hidden.
 * @param {Playlist} playlist
 * @param {string} pageStyle
 */
export function listPage(playlist, pageStyle) {
  return `<!doctype html>
<html lang="en" dark>
<head><meta charset="utf-8"><title>${escapeHtml(playlist.title)} - YouTube</title><style>${pageStyle}${LIST_STYLE}</style></head>
<body>
<ytd-app>
  <div id="masthead"><span class="logo">▶ YouTube</span><input class="search" placeholder="Search" aria-label="Search YouTube"></div>
  <ytd-browse page-subtype="playlist" role="main">
    ${listHeaderHtml(playlist)}
    <ytd-playlist-video-list-renderer class="style-scope ytd-item-section-renderer"><div id="contents">${listBatchHtml(playlist, 0)}</div></ytd-playlist-video-list-renderer>
  </ytd-browse>
</ytd-app>
<script>var ytInitialData = ${scriptJson(playlistInitialData(playlist))};</script>
<script>
(() => {
  const loadOnScroll = (contents, rowSelector, rowsUrl) => {
    const spinner = contents.querySelector('ytd-continuation-item-renderer');
    if (!spinner) return;
    const observer = new IntersectionObserver(async (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      const response = await fetch(rowsUrl(contents.querySelectorAll(rowSelector).length));
      spinner.insertAdjacentHTML('beforebegin', await response.text());
      spinner.remove();
      loadOnScroll(contents, rowSelector, rowsUrl);
    });
    observer.observe(spinner);
  };
  const browse = document.querySelector('ytd-browse');
  loadOnScroll(browse.querySelector('ytd-playlist-video-list-renderer #contents'), 'ytd-playlist-video-renderer', (from) => '/playlist_rows?list=${playlist.id}&from=' + from);

  browse.addEventListener('click', async (event) => {
    const link = event.target.closest('a[href^="/watch"]');
    if (!link) return;
    event.preventDefault();
    const talk = new URL(link.href).searchParams;
    document.dispatchEvent(new CustomEvent('yt-navigate-start', { bubbles: true }));
    const panel = await (await fetch('/playlist_panel?list=${playlist.id}&index=' + talk.get('index'))).text();
    history.pushState({}, '', link.getAttribute('href'));
    browse.hidden = true;
    browse.insertAdjacentHTML('afterend', '<ytd-watch-flexy video-id="' + talk.get('v') + '" role="main"><div id="secondary">' + panel + '</div></ytd-watch-flexy>');
    const panelRows = (from) => '/playlist_panel_rows?list=${playlist.id}&from=' + from + '&index=' + talk.get('index');
    loadOnScroll(document.querySelector('ytd-playlist-panel-renderer #items'), 'ytd-playlist-panel-video-renderer', panelRows);
    document.dispatchEvent(new CustomEvent('yt-navigate-finish', { bubbles: true, detail: { pageType: 'watch' } }));
  });
})();
</script>
</body>
</html>`;
}

const LIST_STYLE = `
ytd-browse { max-width: 760px; }
ytd-browse[hidden] { display: none; }
ytd-playlist-header-renderer #text { font-size: 24px; font-weight: 700; }
.metadata-stats { color: #aaa; margin: 4px 0 16px; }
ytd-playlist-video-renderer { display: block; padding: 8px 0; border-bottom: 1px solid #272727; }
ytd-playlist-video-renderer #content { display: inline-block; margin-left: 12px; }
#index-container { display: inline-block; width: 32px; color: #aaa; }
ytd-playlist-video-renderer h3 { margin: 0; font-size: 14px; }
ytd-playlist-video-renderer a { color: inherit; text-decoration: none; }
ytd-continuation-item-renderer { display: block; height: 40px; }
`;
