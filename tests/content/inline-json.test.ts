// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { assignedObject, objectEnd, readInlineInitialData, readInlinePlayerResponse } from '../../src/content/inline-json';
import { fixtureText, loadPage, parsePage, renderedPages, youtubePages } from './pages';

describe('objectEnd', () => {
  test('finds the brace closing the object, ignoring braces and quotes inside strings', () => {
    const text = 'x = {"a":"}{","b":{"c":"\\"}"},"d":"\\\\"};var y = {};';
    const start = text.indexOf('{');
    expect(text.slice(start, objectEnd(text, start))).toBe('{"a":"}{","b":{"c":"\\"}"},"d":"\\\\"}');
  });

  test('is -1 for an object or string that never closes', () => {
    expect(objectEnd('{"a":{"b":1}', 0)).toBe(-1);
    expect(objectEnd('{"a":"}', 0)).toBe(-1);
  });
});

describe('assignedObject', () => {
  test.each([
    ['var ytInitialData = {"a":1};'],
    ['var ytInitialData={"a":1};var meta = document.createElement("meta");'],
    ['window["ytInitialData"] = {"a":1};'],
    ['window[\'ytInitialData\'] = {"a":1};'],
    ['window.ytInitialData = {"a":1}'],
    ['(function(){})();\nvar ytInitialData = {"a":1};\nif (window.ytcsi) {}'],
  ])('reads %s', (script) => {
    expect(assignedObject(script, 'ytInitialData')).toEqual({ a: 1 });
  });

  test('skips reads of the name, longer names, comparisons and non-JSON, and takes a later assignment', () => {
    const script = [
      'f(a.ytInitialData, a.ytInitialPlayerResponse);',
      'var ytInitialDataX = {"no":1};',
      'if (ytInitialData == {}) {}',
      "var ytInitialData = {notJson: 'x'};",
      'var ytInitialData = {"yes":true};',
    ].join('\n');
    expect(assignedObject(script, 'ytInitialData')).toEqual({ yes: true });
    expect(assignedObject(script, 'ytInitialPlayerResponse')).toBeUndefined();
  });

  test('is undefined for a truncated object', () => {
    expect(assignedObject('var ytInitialData = {"a":{"b":1}', 'ytInitialData')).toBeUndefined();
  });

  test('round-trips any JSON object, whatever its strings hold', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        const json = JSON.stringify(value);
        expect(assignedObject(`var ytInitialPlayerResponse = ${json};var meta = {"x":"};"};`, 'ytInitialPlayerResponse')).toEqual(JSON.parse(json));
      }),
    );
  });

  test('scans a 1 MB page fast', () => {
    const text = fixtureText(youtubePages.surfaceGo.path);
    expect(text.length).toBeGreaterThan(1_000_000);
    const started = performance.now();
    const playerResponse = assignedObject(text, 'ytInitialPlayerResponse');
    const initialData = assignedObject(text, 'ytInitialData');
    expect(performance.now() - started).toBeLessThan(250);
    expect(playerResponse).toMatchObject({ videoDetails: { videoId: 'GJLlxj_dtq8' } });
    expect(initialData).toMatchObject({ currentVideoEndpoint: { watchEndpoint: { videoId: 'GJLlxj_dtq8' } } });
  });
});

describe('readInlinePlayerResponse / readInlineInitialData on saved pages', () => {
  test.each([
    [youtubePages.surfaceGo.path, 'GJLlxj_dtq8', 'GJLlxj_dtq8'],
    [youtubePages.spanishUi.path, 'hwMkbaS_M_c', 'hwMkbaS_M_c'],
    // the bot-check page has a player response without videoDetails, and full ytInitialData
    [youtubePages.botCheck.path, undefined, 'MsRwR6YJSwQ'],
    // our pages use both assignment forms, and a description holding `}; var trap = {`
    [renderedPages.watchA.path, 'tLgTalkA_01', 'tLgTalkA_01'],
  ])('%s', (path, playerVideoId, dataVideoId) => {
    const doc = loadPage(path);
    const playerResponse = readInlinePlayerResponse(doc) as { videoDetails?: { videoId?: string }; playabilityStatus?: unknown };
    expect(playerResponse.playabilityStatus).toBeDefined();
    expect(playerResponse.videoDetails?.videoId).toBe(playerVideoId);
    expect(readInlineInitialData(doc)).toMatchObject({ currentVideoEndpoint: { watchEndpoint: { videoId: dataVideoId } } });
  });

  test('reads the same objects again without parsing (same references)', () => {
    const doc = loadPage(youtubePages.surfaceGo.path);
    expect(readInlineInitialData(doc)).toBe(readInlineInitialData(doc));
  });

  test('ignores scripts with a src and finds nothing on a page without inline JSON', () => {
    const doc = parsePage('<script src="/s/ytInitialData.js">var ytInitialData = {"a":1};</script><p>ytInitialData</p>');
    expect(readInlineInitialData(doc)).toBeUndefined();
  });
});
