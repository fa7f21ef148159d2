// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { readInlineInitialData } from '../../src/content/inline-json';
import { chapterAt } from '../../src/talk/chapters';
import { chaptersFromInitialData, chaptersFromRenderedPage, parseClockTime } from '../../src/content/read-chapters';
import { loadPage, renderedPages, youtubePages } from './pages';

describe('chaptersFromInitialData', () => {
  test('reads the 7 AUTO_CHAPTERS of the bot-check page (fixture 03)', () => {
    const chapters = chaptersFromInitialData(readInlineInitialData(loadPage(youtubePages.botCheck.path)));
    expect(chapters).toEqual([
      { title: 'Intro', startSec: 0 },
      { title: 'Android Auto', startSec: 86 },
      { title: 'Pixel vs iPhone', startSec: 217 },
      { title: 'Display', startSec: 376 },
      { title: 'Performance', startSec: 470 },
      { title: 'Cameras', startSec: 570 },
      { title: 'AI', startSec: 664 },
    ]);
  });

  test('does not take "Key moments" for chapters (fixture 01)', () => {
    expect(chaptersFromInitialData(readInlineInitialData(loadPage(youtubePages.surfaceGo.path)))).toEqual([]);
  });

  test('has none on a page without chapters (fixture 04) or without data', () => {
    expect(chaptersFromInitialData(readInlineInitialData(loadPage(youtubePages.spanishUi.path)))).toEqual([]);
    expect(chaptersFromInitialData(undefined)).toEqual([]);
  });

  test('reads creator chapters from the player bar, sorted by start', () => {
    expect(chaptersFromInitialData(readInlineInitialData(loadPage(renderedPages.watchA.path)))).toEqual([
      { title: 'Intro', startSec: 0 },
      { title: 'Scrape limits', startSec: 252 },
      { title: 'Prometheus Agent', startSec: 905 },
      { title: 'Q&A', startSec: 1695 },
    ]);
  });

  test('prefers creator chapters to auto chapters, and falls back to the creator chapters panel', () => {
    const chapter = (title: string, ms: number) => ({ chapterRenderer: { title: { simpleText: title }, timeRangeStartMillis: ms } });
    const markersMap = (entries: Array<[string, unknown[]]>) => ({
      playerOverlays: {
        playerOverlayRenderer: {
          decoratedPlayerBarRenderer: {
            decoratedPlayerBarRenderer: {
              playerBar: {
                multiMarkersPlayerBarRenderer: { markersMap: entries.map(([key, chapters]) => ({ key, value: { chapters } })) },
              },
            },
          },
        },
      },
    });
    expect(
      chaptersFromInitialData(
        markersMap([
          ['AUTO_CHAPTERS', [chapter('Auto', 0)]],
          ['DESCRIPTION_CHAPTERS', [chapter('Creator', 0)]],
        ]),
      ),
    ).toEqual([{ title: 'Creator', startSec: 0 }]);

    const panel = (panelIdentifier: string) => ({
      engagementPanelSectionListRenderer: {
        panelIdentifier,
        content: {
          macroMarkersListRenderer: {
            contents: [
              { macroMarkersInfoItemRenderer: { infoText: { runs: [{ text: 'These chapters are auto-generated' }] } } },
              {
                macroMarkersListItemRenderer: {
                  title: { simpleText: 'Start' },
                  timeDescription: { simpleText: '0:00' },
                  onTap: { watchEndpoint: { startTimeSeconds: 0 } },
                },
              },
              { macroMarkersListItemRenderer: { title: { runs: [{ text: 'Late ' }, { text: 'part' }] }, timeDescription: { simpleText: '1:02:03' } } },
            ],
          },
        },
      },
    });
    expect(chaptersFromInitialData({ engagementPanels: [panel('engagement-panel-macro-markers-description-chapters')] })).toEqual([
      { title: 'Start', startSec: 0 },
      { title: 'Late part', startSec: 3723 },
    ]);
    expect(chaptersFromInitialData({ engagementPanels: [panel('engagement-panel-macro-markers-auto-chapters')] })).toEqual([]);
  });
});

describe('chaptersFromRenderedPage', () => {
  test('reads the rendered creator chapters panel, not Key moments, only for the video it was rendered for', () => {
    const doc = loadPage(renderedPages.watchAfterNavigation.path);
    expect(chaptersFromRenderedPage(doc, 'tLgTalkB_02')).toEqual([
      { title: 'Welcome', startSec: 0 },
      { title: 'Threat model', startSec: 185 },
      { title: 'Sigstore in practice', startSec: 760 },
      { title: 'Questions', startSec: 1321 },
    ]);
    expect(chaptersFromRenderedPage(doc, 'tLgTalkA_01')).toEqual([]);
  });
});

test('parseClockTime', () => {
  expect(parseClockTime('0:00')).toBe(0);
  expect(parseClockTime(' 4:12 ')).toBe(252);
  expect(parseClockTime('1:02:03')).toBe(3723);
  expect(parseClockTime('4:1')).toBeNull();
  expect(parseClockTime('soon')).toBeNull();
  expect(parseClockTime(null)).toBeNull();
});

test('chapterAt', () => {
  const chapters = [
    { title: 'Intro', startSec: 5 },
    { title: 'Scrape limits', startSec: 252 },
    { title: 'Agent', startSec: 905 },
  ];
  expect(chapterAt(chapters, 0)).toBeNull();
  expect(chapterAt(chapters, 5)).toEqual(chapters[0]);
  expect(chapterAt(chapters, 251.9)).toEqual(chapters[0]);
  expect(chapterAt(chapters, 252)).toEqual(chapters[1]);
  expect(chapterAt(chapters, 99999)).toEqual(chapters[2]);
  expect(chapterAt([], 10)).toBeNull();
});
