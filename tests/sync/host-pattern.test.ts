import { expect, test } from 'vitest';
import { hostPattern } from '../../src/sync/webdav';

test('a folder’s host permission names its scheme and host without the port, which Firefox refuses and Chrome ignores', () => {
  expect(hostPattern('https://nas.example:5006/dav/Talklog/')).toBe('https://nas.example/*');
  expect(hostPattern('http://127.0.0.1:8080/talklog/')).toBe('http://127.0.0.1/*');
  expect(hostPattern('https://cloud.example.org/remote.php/dav/files/alice/Talklog/')).toBe('https://cloud.example.org/*');
});
