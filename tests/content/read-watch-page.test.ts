// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readWatchPage, rememberTitleShown } from '../../src/content/read-watch-page';
import { splitSpeakers } from '../../src/talk/speakers';
import { chapterAt } from '../../src/talk/chapters';
import type { CapturedTalk, TalkHere } from '../../src/talk/model';
import { androidPlayerResponsePath, fixtureText, loadPage, parsePage, renderedPages, setMedia, youtubePages } from './pages';

function talkOf(answer: TalkHere): CapturedTalk {
  if (answer.kind !== 'talk') throw new Error(`expected a talk, got ${JSON.stringify(answer)}`);
  return answer.talk;
}

const blankPage = () => parsePage('<!DOCTYPE html><html><head><title>YouTube</title></head><body></body></html>');
const androidPlayerResponse = () => JSON.parse(fixtureText(androidPlayerResponsePath)) as unknown;

describe('real saved watch pages (tests/fixtures/youtube)', () => {
  test('01: title with U+2019, channel from microdata, listed duration, "Key moments" are not chapters', () => {
    const talk = talkOf(readWatchPage(loadPage(youtubePages.surfaceGo.path), youtubePages.surfaceGo.href));
    expect(talk).toEqual({
      videoId: 'GJLlxj_dtq8',
      url: 'https://www.youtube.com/watch?v=GJLlxj_dtq8',
      title: 'Surface Go Review - It\u2019s Awesome',
      youtubeTitle: 'Surface Go Review - It\u2019s Awesome',
      channel: 'Dave2D',
      speakers: [],
      durationSec: expect.any(Number),
      currentSec: null,
      chapters: [],
    });
    expect(Math.abs(talk.durationSec! - 317)).toBeLessThanOrEqual(1);
  });

  test('01 on the mobile host reads the same talk', () => {
    const talk = talkOf(readWatchPage(loadPage(youtubePages.surfaceGo.path), 'https://m.youtube.com/watch?v=GJLlxj_dtq8&pp=abc'));
    expect(talk.title).toBe('Surface Go Review - It\u2019s Awesome');
  });

  test('01 read for another URL video: nothing on it is for that video, so loading', () => {
    expect(readWatchPage(loadPage(youtubePages.surfaceGo.path), 'https://www.youtube.com/watch?v=tLgTalkB_02')).toEqual({
      kind: 'no-talk',
      reason: 'loading',
      videoId: 'tLgTalkB_02',
    });
  });

  test('02 (ANDROID player response) given as extra.playerResponse on an empty page', () => {
    const talk = talkOf(readWatchPage(blankPage(), youtubePages.surfaceGo.href, { playerResponse: androidPlayerResponse() }));
    expect(talk).toMatchObject({ videoId: 'GJLlxj_dtq8', title: 'Surface Go Review - It\u2019s Awesome', channel: 'Dave2D', chapters: [] });
    expect(Math.abs(talk.durationSec! - 316)).toBeLessThanOrEqual(1);
  });

  test('02 for another video than the URL is ignored', () => {
    const answer = readWatchPage(blankPage(), 'https://www.youtube.com/watch?v=tLgTalkB_02', { playerResponse: androidPlayerResponse() });
    expect(answer).toEqual({ kind: 'no-talk', reason: 'loading', videoId: 'tLgTalkB_02' });
  });

  test('03 (bot check, empty title, status CUSTOM): unavailable', () => {
    expect(readWatchPage(loadPage(youtubePages.botCheck.path), youtubePages.botCheck.href)).toEqual({
      kind: 'no-talk',
      reason: 'unavailable',
      videoId: 'MsRwR6YJSwQ',
    });
  });

  test('04 (Spanish UI): the original title, not the translated one', () => {
    const talk = talkOf(readWatchPage(loadPage(youtubePages.spanishUi.path), youtubePages.spanishUi.href));
    expect(talk).toMatchObject({
      videoId: 'hwMkbaS_M_c',
      title: 'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD',
      channel: 'ONE Media',
      speakers: [],
      chapters: [],
    });
    expect(Math.abs(talk.durationSec! - 142)).toBeLessThanOrEqual(1);
  });

  test('04 with its translated title rendered in the h1: still the original', () => {
    const doc = loadPage(youtubePages.spanishUi.path);
    doc.body.insertAdjacentHTML(
      'beforeend',
      '<ytd-app><ytd-watch-flexy video-id="hwMkbaS_M_c"><ytd-watch-metadata><div id="title"><h1><yt-formatted-string>Star Wars 8 El Ultimo JEDI Trailer Espanol (Subtitulado) - 2017</yt-formatted-string></h1></div></ytd-watch-metadata></ytd-watch-flexy></ytd-app>',
    );
    expect(talkOf(readWatchPage(doc, youtubePages.spanishUi.href)).title).toBe(
      'Star Wars 8 THE LAST JEDI Official TRAILER (2017) Daisy Ridley, Disney Movie HD',
    );
  });
});

describe('rendered desktop pages (tests/fixtures/rendered)', () => {
  test('first load of A: everything, position from the main player only', () => {
    const doc = loadPage(renderedPages.watchA.path);
    setMedia(doc.querySelector('#movie_player video'), { duration: 1880.4, currentTime: 300.25 });
    setMedia(doc.querySelector('ytd-miniplayer video'), { duration: 60, currentTime: 42 });
    setMedia(doc.querySelector('#inline-preview-player video'), { duration: 90, currentTime: 7 });
    const talk = talkOf(readWatchPage(doc, renderedPages.watchA.href));
    expect(talk).toEqual({
      videoId: 'tLgTalkA_01',
      url: 'https://www.youtube.com/watch?v=tLgTalkA_01',
      title: 'Evolving Prometheus for More Use Cases',
      youtubeTitle: 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat',
      channel: 'CNCF [Cloud Native Computing Foundation]',
      speakers: ['Bartłomiej Płotka, Red Hat'],
      durationSec: 1880,
      currentSec: 300.25,
      chapters: [
        { title: 'Intro', startSec: 0 },
        { title: 'Scrape limits', startSec: 252 },
        { title: 'Prometheus Agent', startSec: 905 },
        { title: 'Q&A', startSec: 1695 },
      ],
    });
    expect(chapterAt(talk.chapters, talk.currentSec!)?.title).toBe('Scrape limits');
  });

  test('URL already on B while the rendered page still shows A: loading', () => {
    expect(readWatchPage(loadPage(renderedPages.watchA.path), 'https://www.youtube.com/watch?v=tLgTalkB_02')).toEqual({
      kind: 'no-talk',
      reason: 'loading',
      videoId: 'tLgTalkB_02',
    });
  });

  describe('after in-page navigation A → B (head, microdata, inline JSON, document.title still A)', () => {
    const page = () => loadPage(renderedPages.watchAfterNavigation.path);

    test("B's title, speakers, channel and chapters from the rendered page, nothing of A's", () => {
      const doc = page();
      setMedia(doc.querySelector('#movie_player video'), { duration: 1502, currentTime: 190 });
      const answer = readWatchPage(doc, renderedPages.watchAfterNavigation.href);
      expect(talkOf(answer)).toEqual({
        videoId: 'tLgTalkB_02',
        url: 'https://www.youtube.com/watch?v=tLgTalkB_02',
        title: 'Securing the Software Supply Chain',
        youtubeTitle: 'Securing the Software Supply Chain - Jane Doe & Rahul Iyer, Example Corp',
        channel: 'OpenSSF',
        speakers: ['Jane Doe, Example Corp', 'Rahul Iyer, Example Corp'],
        durationSec: 1502,
        currentSec: 190,
        chapters: [
          { title: 'Welcome', startSec: 0 },
          { title: 'Threat model', startSec: 185 },
          { title: 'Sigstore in practice', startSec: 760 },
          { title: 'Questions', startSec: 1321 },
        ],
      });
      expect(JSON.stringify(answer)).not.toMatch(/Prometheus|Płotka|CNCF|Scrape/);
    });

    test("without player media, no duration: A's listed 1880 s is never used", () => {
      expect(talkOf(readWatchPage(page(), renderedPages.watchAfterNavigation.href)).durationSec).toBeNull();
    });

    test("while the h1 still shows A's title: loading, never A's title", () => {
      const doc = page();
      doc.querySelector('ytd-watch-metadata h1 yt-formatted-string')!.textContent = 'Evolving Prometheus for More Use Cases - Bartłomiej Płotka, Red Hat';
      doc.querySelector('a.ytp-title-link')!.textContent = '';
      expect(readWatchPage(doc, renderedPages.watchAfterNavigation.href)).toEqual({
        kind: 'no-talk',
        reason: 'loading',
        videoId: 'tLgTalkB_02',
      });
    });

    test('with the h1 not rendered yet: document.title only once it is no longer A’s', () => {
      const doc = page();
      doc.querySelector('ytd-watch-metadata h1 yt-formatted-string')!.textContent = '';
      doc.querySelector('a.ytp-title-link')!.remove();
      expect(readWatchPage(doc, renderedPages.watchAfterNavigation.href)).toMatchObject({ reason: 'loading' });
      doc.title = '(12) Securing the Software Supply Chain - Jane Doe & Rahul Iyer, Example Corp - YouTube';
      const talk = talkOf(readWatchPage(doc, renderedPages.watchAfterNavigation.href));
      expect(talk.title).toBe('Securing the Software Supply Chain');
      expect(talk.channel).toBeNull(); // the owner block is not known to be B's yet
    });

    test("the player's title link gives B's title before the h1 does", () => {
      const doc = page();
      doc.querySelector('ytd-watch-metadata h1 yt-formatted-string')!.textContent = '';
      expect(talkOf(readWatchPage(doc, renderedPages.watchAfterNavigation.href)).title).toBe('Securing the Software Supply Chain');
    });

    test("a player response for B (from the navigation event) gives B's listed duration", () => {
      const playerResponse = {
        playabilityStatus: { status: 'OK' },
        videoDetails: {
          videoId: 'tLgTalkB_02',
          title: 'Securing the Software Supply Chain - Jane Doe & Rahul Iyer, Example Corp',
          author: 'OpenSSF',
          lengthSeconds: '1502',
        },
      };
      const talk = talkOf(readWatchPage(page(), renderedPages.watchAfterNavigation.href, { playerResponse }));
      expect(talk).toMatchObject({ title: 'Securing the Software Supply Chain', channel: 'OpenSSF', durationSec: 1502 });
    });

    test('a player response for A (a stale navigation event) is ignored', () => {
      const playerResponse = {
        playabilityStatus: { status: 'OK' },
        videoDetails: { videoId: 'tLgTalkA_01', title: 'A', author: 'CNCF', lengthSeconds: '1880' },
      };
      const talk = talkOf(readWatchPage(page(), renderedPages.watchAfterNavigation.href, { playerResponse }));
      expect(talk).toMatchObject({ title: 'Securing the Software Supply Chain', channel: 'OpenSSF', durationSec: null });
    });

    describe('then B → C: the URL and video-id on C while the h1, owner and player title link still show B', () => {
      const C = 'tLgTalkC_03';
      const hrefC = `https://www.youtube.com/watch?v=${C}`;
      /** B's page as YouTube starts leaving it (the title remembered), then a moment into the switch to C. */
      function midSwitchToC(titlesShown: Map<string, string>): Document {
        const doc = page();
        rememberTitleShown(doc, renderedPages.watchAfterNavigation.href, titlesShown);
        doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', C);
        doc.querySelector('a.ytp-title-link')!.remove();
        return doc;
      }

      test("without a player response for C: loading, never B's title or channel", () => {
        const titlesShown = new Map<string, string>();
        const doc = midSwitchToC(titlesShown);
        expect(readWatchPage(doc, hrefC, { titlesShown })).toEqual({ kind: 'no-talk', reason: 'loading', videoId: C });
        // Back on B, its own title block is B's again.
        doc.querySelector('ytd-watch-flexy')!.setAttribute('video-id', 'tLgTalkB_02');
        expect(talkOf(readWatchPage(doc, renderedPages.watchAfterNavigation.href, { titlesShown }))).toMatchObject({
          title: 'Securing the Software Supply Chain',
          channel: 'OpenSSF',
        });
      });

      test("with C's player response: C's title and channel, not B's owner", () => {
        const playerResponse = {
          playabilityStatus: { status: 'OK' },
          videoDetails: { videoId: C, title: 'Cilium Deep Dive - Ana Silva, Isovalent', author: 'eBPF Summit', lengthSeconds: '1200' },
        };
        const cTalk = { title: 'Cilium Deep Dive', channel: 'eBPF Summit', chapters: [] };
        const titlesShown = new Map<string, string>();
        expect(talkOf(readWatchPage(midSwitchToC(titlesShown), hrefC, { playerResponse, titlesShown }))).toMatchObject(cTalk);
        // Even with no title remembered, where B's block passes as C's, the response's author outranks its owner.
        expect(talkOf(readWatchPage(midSwitchToC(new Map()), hrefC, { playerResponse }))).toMatchObject(cTalk);
      });
    });
  });

  test('home with the miniplayer playing B: the note belongs to B, read from the miniplayer', () => {
    const doc = loadPage(renderedPages.homeWithMiniplayer.path);
    for (const video of doc.querySelectorAll('video')) setMedia(video, { duration: 1502, currentTime: 640.5 });
    expect(readWatchPage(doc, renderedPages.homeWithMiniplayer.href)).toEqual({
      kind: 'talk',
      talk: {
        videoId: 'tLgTalkB_02',
        url: 'https://www.youtube.com/watch?v=tLgTalkB_02',
        ...splitSpeakers('Securing the Software Supply Chain - Jane Doe & Rahul Iyer, Example Corp'),
        youtubeTitle: 'Securing the Software Supply Chain - Jane Doe & Rahul Iyer, Example Corp',
        channel: 'OpenSSF',
        durationSec: 1502,
        currentSec: 640.5,
        chapters: [],
      },
    });
  });

  test('an ad playing in the miniplayer gives neither the talk’s length nor its time', () => {
    const doc = loadPage(renderedPages.homeWithMiniplayer.path);
    doc.querySelector('#movie_player')!.classList.add('ad-showing');
    for (const video of doc.querySelectorAll('video')) setMedia(video, { duration: 15, currentTime: 14 });
    expect(readWatchPage(doc, renderedPages.homeWithMiniplayer.href)).toMatchObject({
      kind: 'talk',
      talk: { videoId: 'tLgTalkB_02', durationSec: null, currentSec: null },
    });
  });

  test('a miniplayer that is closed (no `active`) is not a talk', () => {
    const doc = loadPage(renderedPages.homeWithMiniplayer.path);
    doc.querySelector('ytd-miniplayer')!.removeAttribute('active');
    expect(readWatchPage(doc, renderedPages.homeWithMiniplayer.href)).toEqual({ kind: 'no-talk', reason: 'not-a-watch-page', videoId: null });
  });

  test.each([
    ['search results with a hover preview', renderedPages.search],
    ['a channel page', renderedPages.channel],
  ])('%s: not a watch page', (_name, { path, href }) => {
    const doc = loadPage(path);
    for (const video of doc.querySelectorAll('video')) setMedia(video, { duration: 600, currentTime: 12 });
    expect(readWatchPage(doc, href)).toEqual({ kind: 'no-talk', reason: 'not-a-watch-page', videoId: null });
  });
});

describe('identity comes only from the URL', () => {
  test.each(['https://example.com/watch?v=GJLlxj_dtq8', 'about:blank', 'not a url', 'https://www.youtube.com.evil.test/watch?v=GJLlxj_dtq8'])(
    '%s: not YouTube',
    (href) => {
      expect(readWatchPage(loadPage(youtubePages.surfaceGo.path), href)).toEqual({ kind: 'no-talk', reason: 'not-youtube', videoId: null });
    },
  );

  test.each([
    'https://www.youtube.com/shorts/GJLlxj_dtq8',
    'https://www.youtube.com/live/GJLlxj_dtq8?feature=share',
    'https://www.youtube.com/embed/GJLlxj_dtq8',
  ])('%s has a video id', (href) => {
    expect(readWatchPage(blankPage(), href)).toEqual({ kind: 'no-talk', reason: 'loading', videoId: 'GJLlxj_dtq8' });
    expect(talkOf(readWatchPage(loadPage(youtubePages.surfaceGo.path), href)).videoId).toBe('GJLlxj_dtq8');
  });

  test('a watch URL without a valid id is not a watch page', () => {
    expect(readWatchPage(blankPage(), 'https://www.youtube.com/watch?v=short')).toMatchObject({ reason: 'not-a-watch-page' });
  });
});

describe('live and unavailable videos', () => {
  const ID = 'tLgTalkC_03';
  const href = `https://www.youtube.com/watch?v=${ID}`;
  const response = (videoDetails: Record<string, unknown>, status = 'OK') => ({
    playabilityStatus: { status },
    videoDetails: { videoId: ID, title: 'Talk - Jane Doe, Acme', author: 'Conf', lengthSeconds: '1800', ...videoDetails },
  });
  const read = (playerResponse: unknown) => readWatchPage(blankPage(), href, { playerResponse });

  test.each([
    ['isLive', response({ isLive: true, isLiveContent: true, lengthSeconds: '0' })],
    ['upcoming', response({ isUpcoming: true, lengthSeconds: '0' })],
    ['LIVE_STREAM_OFFLINE', response({ lengthSeconds: '0' }, 'LIVE_STREAM_OFFLINE')],
    ['a live broadcast with length 0', response({ isLiveContent: true, lengthSeconds: '0' })],
    ['an absurd length', response({ lengthSeconds: '14571615' })],
    ['live now (microformat)', { ...response({}), microformat: { playerMicroformatRenderer: { liveBroadcastDetails: { isLiveNow: true } } } }],
  ])('%s → live', (_name, playerResponse) => {
    expect(read(playerResponse)).toEqual({ kind: 'no-talk', reason: 'live', videoId: ID });
  });

  test('a past live stream is a talk', () => {
    expect(talkOf(read(response({ isLiveContent: true, isLive: false, lengthSeconds: '3600' }))).durationSec).toBe(3600);
  });

  test.each(['ERROR', 'LOGIN_REQUIRED', 'UNPLAYABLE', 'CONTENT_CHECK_REQUIRED'])('%s → unavailable', (status) => {
    expect(read(response({}, status))).toEqual({ kind: 'no-talk', reason: 'unavailable', videoId: ID });
  });

  test('a stale error status does not stop a video the main player is playing', () => {
    const doc = loadPage(renderedPages.watchA.path);
    const stale = {
      playabilityStatus: { status: 'CONTENT_CHECK_REQUIRED' },
      videoDetails: { videoId: 'tLgTalkA_01', title: 'Evolving Prometheus for More Use Cases' },
    };
    expect(readWatchPage(doc, renderedPages.watchA.href, { playerResponse: stale })).toMatchObject({ reason: 'unavailable' });
    setMedia(doc.querySelector('#movie_player video'), { duration: 1880, currentTime: 1 });
    expect(talkOf(readWatchPage(doc, renderedPages.watchA.href, { playerResponse: stale })).durationSec).toBe(1880);
  });
});
