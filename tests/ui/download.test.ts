// @vitest-environment happy-dom
import { afterEach, expect, test, vi } from 'vitest';
import { downloadFile } from '../../src/ui/download';

afterEach(() => vi.restoreAllMocks());

/** What the page hands the browser to save: the Blob behind the link's object URL, and the link clicked. */
function watchDownloads() {
  const saved: { blob: Blob; fileName: string }[] = [];
  const blobs = new Map<string, Blob>();
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:talklog/${++next}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, fileName: this.download });
  });
  return saved;
}

test('text is saved as a file of the type asked, under the name given', async () => {
  const saved = watchDownloads();
  downloadFile('talklog.md', '# Talk log\n', 'text/markdown');
  expect(saved).toHaveLength(1);
  expect(saved[0].fileName).toBe('talklog.md');
  expect(saved[0].blob.type).toBe('text/markdown');
  expect(await saved[0].blob.text()).toBe('# Talk log\n');
  expect(document.querySelector('a')).toBeNull();
});

test('a file already of the type asked is handed on as it is, not wrapped in another', () => {
  const saved = watchDownloads();
  const made = new Blob(['# Talk log\n'], { type: 'text/markdown' });
  downloadFile('talklog.md', made, 'text/markdown');
  expect(saved[0].blob).toBe(made);
});

test('a file of another type is saved with the type asked', async () => {
  const saved = watchDownloads();
  downloadFile('talklog.zip', new Blob(['PK'], { type: '' }), 'application/zip');
  expect(saved[0].blob.type).toBe('application/zip');
  expect(await saved[0].blob.text()).toBe('PK');
});
