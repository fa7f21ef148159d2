import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from 'vitest';
import { talkLogZip } from '../../src/options/talk-log-zip';

const unzipped = async (zip: Blob) => unzipSync(new Uint8Array(await zip.arrayBuffer()));

test('a log of many slices is zipped whole, byte for byte, from its text or its file', async () => {
  // Over a megabyte, with characters of two to four bytes, some across the slices' edges.
  const line = '- Płotka’s talk 🎤: `sample_limit` at 12:34\n';
  const markdown = `# Talk log\n\n${line.repeat(30_000)}`;
  for (const log of [markdown, new Blob([markdown], { type: 'text/markdown' })]) {
    const files = await unzipped(await talkLogZip('talklog.md', log, [], async () => undefined));
    expect(Object.keys(files)).toEqual(['talklog.md']);
    expect(strFromU8(files['talklog.md'])).toBe(markdown);
  }
});

test('an empty log is zipped as an empty file', async () => {
  const files = await unzipped(await talkLogZip('talklog.md', '', [], async () => undefined));
  expect(files['talklog.md']).toHaveLength(0);
});

test('a slide whose image is gone (deleted since the log was made) is left out, not the whole zip', async () => {
  const image = new Blob(['RIFF\x10\x00\x00\x00WEBPVP8 a frame'], { type: 'image/webp' });
  const slides = [
    { slideId: 's_gone', atSec: 9, path: 'slides/Sl1desT4lk0-9.webp' },
    { slideId: 's_kept', atSec: 4, path: 'slides/Sl1desT4lk0-4.webp' },
  ];
  const files = await unzipped(await talkLogZip('talklog.md', '# Talk log\n', slides, async (slideId) => (slideId === 's_kept' ? image : undefined)));
  expect(Object.keys(files)).toEqual(['talklog.md', 'slides/Sl1desT4lk0-4.webp']);
});
