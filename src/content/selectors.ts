/**
 * Every CSS selector, inline-JSON name and JSON path Talklog uses to read YouTube, in one place.
 * When YouTube changes its page, this file and its contract test (tests/content/selectors.test.ts)
 * are where to look. Each one's sources are in docs/youtube.md; the saved pages in
 * tests/fixtures/youtube (server HTML) and tests/fixtures/rendered (our copy of the live DOM).
 */

export const selectors = {
  // --- rendered desktop watch page (live DOM only, not in the server HTML) ---
  /** Watch page root; `video-id` switches on in-page navigation (RYD utils.js; grid = spring-2024 layout). */
  watchPage: 'ytd-watch-flexy[video-id], ytd-watch-grid[video-id]',
  /** Rendered title inside the watch page; can be auto-translated (fixture 04's videoPrimaryInfoRenderer). */
  renderedTitle: 'ytd-watch-metadata #title h1',
  /** The text node holder inside the title h1 (maze-utils elements.ts). */
  renderedTitleText: 'yt-formatted-string',
  /** Channel link under the title; `#owner-name` is the pre-2023 layout (defuddle youtube.ts). */
  renderedOwner: 'ytd-video-owner-renderer #channel-name a, ytd-video-owner-renderer #owner-name a',
  /** The watch page's own player video; also matches inside the miniplayer once YouTube moves the player there. */
  mainVideo: '#movie_player video.html5-main-video',
  /** Where YouTube moves #movie_player when the miniplayer opens (maze-utils `.miniplayer video`). */
  miniplayer: 'ytd-miniplayer, .miniplayer',
  /** The miniplayer while it plays (YouTube sets `active`); the watch page's player has moved in. */
  activeMiniplayer: 'ytd-miniplayer[active]',
  /** The title and channel the miniplayer shows under its video. */
  miniplayerTitle: '#info-bar .miniplayer-title',
  miniplayerOwner: '#info-bar #owner-name',
  /** Hover-preview player on home/search/channel grids; its video also has class html5-main-video. */
  hoverPreviewVideo: '#inline-preview-player video',
  /** Set on the player while an ad plays: its <video> then holds the ad, not the talk (SponsorBlock). */
  adShowing: '#movie_player.ad-showing',
  /** Caption lines the player shows now, one segment per styled run (SponsorBlock, read-frog). */
  captionSegment: '#movie_player .ytp-caption-window-container .caption-visual-line',
  /** The player's own title link (top chrome, shown in fullscreen); its href names the loaded video. */
  playerTitleLink: '#movie_player a.ytp-title-link',
  /** Creator chapters list in the engagement panel (not `…-auto-chapters`, which is also "Key moments"). */
  renderedChapter:
    'ytd-engagement-panel-section-list-renderer[target-id="engagement-panel-macro-markers-description-chapters"] ytd-macro-markers-list-item-renderer',
  /** Chapter title and start time inside one rendered chapter item. */
  renderedChapterTitle: 'h4',
  renderedChapterTime: '#time',
  /** The item's link, `/watch?v=ID&t=252s`: names the video the list was rendered for. */
  renderedChapterLink: 'a#endpoint',

  // --- playlists: the /playlist page and the watch page's playlist panel (rendered DOM) ---
  /**
   * The browse page on screen (home, a channel, a /playlist…): YouTube keeps the pages left by
   * in-page navigation in the DOM, marked `hidden` (fuzetsu's YouTube Playlist Time reads `ytd-browse:not([hidden])`).
   */
  shownBrowsePage: 'ytd-browse:not([hidden])',
  /** A row of the /playlist page's list (Nova YouTube playlist/duration.js; yt-dlp and scrapers wait on it). */
  playlistRow: 'ytd-playlist-video-list-renderer ytd-playlist-video-renderer',
  /** Inside a row: the title link, `href="/watch?v=ID&list=PL…&index=N"`, full title in `title` (feihong/music-todo, myrtv). */
  playlistRowTitle: 'a#video-title',
  /** Inside a row: its number in the list; the watch panel's selected row shows ▶ instead. */
  playlistRowIndex: '#index',
  /** Inside a row: the uploader (feihong/music-todo reads `#channel-name`); absent on deleted and private rows. */
  playlistRowChannel: 'ytd-channel-name #text',
  /** Inside a row: the duration badge, `#text` before the 2024 badge-shape (Nova `#thumbnail #overlays #text`). */
  playlistRowDuration: 'ytd-thumbnail-overlay-time-status-renderer #text, ytd-thumbnail-overlay-time-status-renderer .badge-shape-wiz__text',
  /** The spinner after the last row: YouTube loads the next ~100 rows when it scrolls into view (absent once all are loaded). */
  playlistContinuation: 'ytd-playlist-video-list-renderer ytd-continuation-item-renderer',
  /** The /playlist page's title: the 2023 header (myrtv youtube-parse.js) or the 2024 page header. */
  playlistHeaderTitle: 'ytd-playlist-header-renderer .metadata-wrapper #text, yt-page-header-renderer h1',
  /** The header's `148 videos` (Nova's older `#stats yt-formatted-string:first-child` in the sidebar layout). */
  playlistHeaderSize:
    'ytd-playlist-header-renderer .metadata-stats .byline-item:first-child, yt-page-header-renderer .playlist-size, #stats yt-formatted-string:first-child',
  /** The watch page's playlist panel; the miniplayer has a copy of it, left out (`within-miniplayer`). */
  playlistPanel: 'ytd-watch-flexy ytd-playlist-panel-renderer#playlist',
  /** Inside the panel: its rows (scrapers in the stored code read `ytd-playlist-panel-video-renderer:not([within-miniplayer])`). */
  playlistPanelRow: 'ytd-playlist-panel-video-renderer:not([within-miniplayer])',
  /** Inside a panel row: the link with `list` and `index`, and the title span (meanMonk/mp3-downloader). */
  playlistPanelRowLink: 'a#wc-endpoint',
  playlistPanelRowTitle: '#video-title',
  playlistPanelRowChannel: '#byline',
  /** Inside the panel: its title, and `3 / 148` (Nova reads `#secondary .index-message-wrapper`). */
  playlistPanelTitle: '.header .title',
  playlistPanelSize: '.index-message',
  /** Inside the panel: more rows to load as it scrolls. */
  playlistPanelContinuation: 'ytd-continuation-item-renderer',

  // --- <head> and microdata (server HTML; not updated on in-page navigation) ---
  /** og:url / canonical: the video the <head> describes (fixture 03's canonical is the literal "undefined"). */
  ogUrl: 'meta[property="og:url"]',
  canonical: 'link[rel="canonical"]',
  /** Original (untranslated) title in fixtures 01 and 04; absent in 03. */
  ogTitle: 'meta[property="og:title"]',
  /** Same text as og:title; empty on the bot-check page (fixture 03). */
  metaTitle: 'meta[name="title"]',
  /** schema.org VideoObject block (`#watch7-content`), parsed into <body> (fixtures 01, 04). */
  videoObject: '[itemscope][itemtype$="schema.org/VideoObject"]',
  /** Inside videoObject: the video id (RYD reads `videoId`; real 2024–25 pages use `identifier`). */
  microdataVideoId: 'meta[itemprop="identifier"], meta[itemprop="videoId"]',
  /** Inside videoObject: the channel name, `<link itemprop=name content=…>` (fixtures 01, 04). */
  microdataAuthorName: '[itemprop="author"] [itemprop="name"]',
  /** Inside videoObject: ISO 8601 duration, e.g. `PT5M17S` (fixture 01). */
  microdataDuration: 'meta[itemprop="duration"]',

  // --- inline scripts ---
  /** Inline scripts that may hold `var ytInitialPlayerResponse = {…};` (all three HTML fixtures). */
  inlineScript: 'script:not([src])',
} as const;

/** Names of the objects YouTube assigns in inline `<script>`s on a full page load. */
export const inlineJsonNames = {
  playerResponse: 'ytInitialPlayerResponse',
  initialData: 'ytInitialData',
} as const;

/** JSON paths into a player response (`ytInitialPlayerResponse`, InnerTube `/player`: fixtures 01–04). */
export const playerResponsePaths = {
  videoId: ['videoDetails', 'videoId'],
  title: ['videoDetails', 'title'],
  author: ['videoDetails', 'author'],
  lengthSeconds: ['videoDetails', 'lengthSeconds'],
  isLive: ['videoDetails', 'isLive'],
  isLiveContent: ['videoDetails', 'isLiveContent'],
  isUpcoming: ['videoDetails', 'isUpcoming'],
  /** "OK", "ERROR", "LOGIN_REQUIRED", "UNPLAYABLE", "LIVE_STREAM_OFFLINE", "CUSTOM" (bot check, fixture 03)… */
  playabilityStatus: ['playabilityStatus', 'status'],
  /** Web pages only (missing from the ANDROID response, fixture 02); its title can be translated (04). */
  ownerChannelName: ['microformat', 'playerMicroformatRenderer', 'ownerChannelName'],
  isLiveNow: ['microformat', 'playerMicroformatRenderer', 'liveBroadcastDetails', 'isLiveNow'],
} as const;

/** JSON paths into `ytInitialData` (the watch page's `next` response). */
export const initialDataPaths = {
  /** The video this data was made for (defuddle youtube.ts). */
  videoId: ['currentVideoEndpoint', 'watchEndpoint', 'videoId'],
  /** Player-bar chapters: `[{key, value: {chapters: [{chapterRenderer}]}}]` (fixture 03: AUTO_CHAPTERS). */
  markersMap: [
    'playerOverlays',
    'playerOverlayRenderer',
    'decoratedPlayerBarRenderer',
    'decoratedPlayerBarRenderer',
    'playerBar',
    'multiMarkersPlayerBarRenderer',
    'markersMap',
  ],
  engagementPanels: ['engagementPanels'],
  /** Main column items; one is `videoPrimaryInfoRenderer`, the rendered (possibly translated) title. */
  primaryContents: ['contents', 'twoColumnWatchNextResults', 'results', 'results', 'contents'],
} as const;

/** Relative JSON paths inside the lists above. */
export const itemPaths = {
  /** In a primaryContents item: the rendered title (translated in fixture 04). */
  primaryInfoTitle: ['videoPrimaryInfoRenderer', 'title'],
  /** In a markersMap entry. */
  markerKey: ['key'],
  markerChapters: ['value', 'chapters'],
  /** In a markersMap chapter: `{simpleText}` and milliseconds. */
  chapterTitle: ['chapterRenderer', 'title'],
  chapterStartMillis: ['chapterRenderer', 'timeRangeStartMillis'],
  /** In an engagementPanels entry. */
  panelId: ['engagementPanelSectionListRenderer', 'panelIdentifier'],
  panelItems: ['engagementPanelSectionListRenderer', 'content', 'macroMarkersListRenderer', 'contents'],
  /** In a panel item (`macroMarkersInfoItemRenderer` items, fixture 03's notice, have none of these). */
  panelItemTitle: ['macroMarkersListItemRenderer', 'title'],
  panelItemStartSeconds: ['macroMarkersListItemRenderer', 'onTap', 'watchEndpoint', 'startTimeSeconds'],
  panelItemTime: ['macroMarkersListItemRenderer', 'timeDescription'],
} as const;

/** markersMap keys that are chapters, creator chapters first. */
export const chapterMarkerKeys = ['DESCRIPTION_CHAPTERS', 'AUTO_CHAPTERS'] as const;

/**
 * The engagement panel whose macro markers are creator chapters. The `…-auto-chapters` panel is
 * left out: it holds "Key moments" in fixture 01 (not chapters; they do not start at 0:00) and
 * the same chapters as the markersMap in fixture 03.
 */
export const chaptersPanelId = 'engagement-panel-macro-markers-description-chapters';

/**
 * JSON paths into the /playlist page's `ytInitialData` (Nova YouTube playlist/duration.js reads the
 * same list; Invidious and yt-dlp parse the same `playlistVideoRenderer` items).
 */
export const playlistDataPaths = {
  /** `tabs[0]` of twoColumnBrowseResultsRenderer, then the section list's first item section. */
  tabs: ['contents', 'twoColumnBrowseResultsRenderer', 'tabs'],
  sectionContents: ['tabRenderer', 'content', 'sectionListRenderer', 'contents'],
  itemSectionContents: ['itemSectionRenderer', 'contents'],
  /** In an item section's first item: the list, the playlist it is for, and its rows. */
  videoList: ['playlistVideoListRenderer'],
  videoListPlaylistId: ['playlistVideoListRenderer', 'playlistId'],
  videoListContents: ['playlistVideoListRenderer', 'contents'],
  title: ['metadata', 'playlistMetadataRenderer', 'title'],
  /** `{runs: [{text: '148'}, {text: ' videos'}]}` in the header; the older sidebar's stats[0] says the same. */
  headerSize: ['header', 'playlistHeaderRenderer', 'numVideosText'],
  sidebarItems: ['sidebar', 'playlistSidebarRenderer', 'items'],
  sidebarStats: ['playlistSidebarPrimaryInfoRenderer', 'stats'],
} as const;

/** JSON paths into a watch page's `ytInitialData` when it plays a playlist (Nova: `data.playlist.playlist.contents`). */
export const watchPlaylistDataPaths = {
  playlist: ['contents', 'twoColumnWatchNextResults', 'playlist', 'playlist'],
  /** Inside it. */
  playlistId: ['playlistId'],
  title: ['title'],
  totalVideos: ['totalVideos'],
  contents: ['contents'],
} as const;

/** Inside one playlist item, on either page. */
export const playlistItemPaths = {
  /** /playlist rows: `{videoId, title: {runs}, index: {simpleText}, lengthSeconds: "1880", shortBylineText: {runs}, isPlayable}`. */
  listItem: ['playlistVideoRenderer'],
  /** Watch-page panel rows: the same fields, `lengthText: {simpleText: '31:20'}` and `indexText` instead. */
  panelItem: ['playlistPanelVideoRenderer'],
  /** The last item when more rows are to be loaded. */
  continuation: ['continuationItemRenderer'],
  videoId: ['videoId'],
  title: ['title'],
  index: ['index'],
  indexText: ['indexText'],
  lengthSeconds: ['lengthSeconds'],
  lengthText: ['lengthText'],
  byline: ['shortBylineText'],
  /** False for a video deleted, private or not to be played here, whatever the title says in the page's language. */
  isPlayable: ['isPlayable'],
  /** Panel rows: set (to why, in the page's language) on a video YouTube does not play. */
  unplayableText: ['unplayableText'],
} as const;
