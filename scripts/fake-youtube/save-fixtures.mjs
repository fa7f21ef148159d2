// Writes the playlist pages of tests/fixtures/rendered from the stand-in's own HTML (without its
// scripts), with a miniplayer holding a copy of the panel as YouTube's does:
// `node scripts/fake-youtube/save-fixtures.mjs` after changing playlist-page.mjs.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { conferencePlaylist, conferenceVideoById } from './conference.mjs';
import { listPage, panelRowHtml } from './playlist-page.mjs';
import { watchPage } from './watch-page.mjs';

const rendered = join(import.meta.dirname, '..', '..', 'tests', 'fixtures', 'rendered');
const withoutPageScript = (/** @type {string} */ html) => html.replace(/<script>\n\(\(\) => \{[\s\S]*?<\/script>\n/, '');

writeFileSync(join(rendered, 'playlist-first-batch.html'), withoutPageScript(listPage(conferencePlaylist(120), '')));

const small = conferencePlaylist(12);
const miniplayer = `<ytd-miniplayer><div class="miniplayer"><ytd-playlist-panel-renderer id="playlist">${small.rows
  .slice(0, 3)
  .map((row, i) => panelRowHtml(small.id, row, i + 1, { withinMiniplayer: true }))
  .join('')}</ytd-playlist-panel-renderer></div></ytd-miniplayer>`;
const watch = withoutPageScript(
  watchPage(/** @type {import('./videos.mjs').Video} */ (conferenceVideoById('kc21talk003')), { inPlaylist: { playlist: small, index: 3 } }),
);
writeFileSync(join(rendered, 'watch-in-playlist.html'), watch.replace('</ytd-app>', `${miniplayer}</ytd-app>`));
