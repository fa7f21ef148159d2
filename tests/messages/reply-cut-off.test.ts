import { expect, test } from 'vitest';
import { isReplyCutOff } from '../../src/messages/reply-cut-off';

test('a reply the stopped worker never sent is told apart from an error the background answered with', () => {
  // Chromium, with the worker stopped after the request, and with no worker to receive it; Firefox's wording.
  expect(
    isReplyCutOff(new Error('A listener indicated an asynchronous response by returning true, but the message channel closed before a response was received')),
  ).toBe(true);
  expect(isReplyCutOff(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
  expect(isReplyCutOff(new Error('Promised response from onMessage listener went out of scope without a response'))).toBe(true);
  expect(isReplyCutOff(new Error('The tab no longer shows this playlist.'))).toBe(false);
  expect(isReplyCutOff('PROPFIND : 401')).toBe(false);
});
