import { randomBytes } from 'node:crypto';
import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync, type Zippable } from 'fflate';
import { describe, expect, test } from 'vitest';
import { BACKUP_ZIP_LIMITS, BadBackupZip, readBackupZip, writeBackupZip } from '../../src/export/backup-zip';

const MiB = 1024 * 1024;
const EXPORTED = new Date('2026-11-26T05:00:00Z');

/** Every name a backup may hold, each with the image limit (the real rule lives in backup-archive.ts). */
const anyName = () => BACKUP_ZIP_LIMITS.imageBytes;

function read(zip: Uint8Array, limitFor: Parameters<typeof readBackupZip>[1] = anyName, limits?: Parameters<typeof readBackupZip>[2]) {
  return readBackupZip(new Blob([zip as Uint8Array<ArrayBuffer>]), limitFor, limits);
}

async function problem(reading: Promise<unknown>): Promise<string> {
  const error = await reading.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(BadBackupZip);
  return (error as Error).message;
}

/** A zip as streaming writers (and fflate's Zip) make it: sizes only in a data descriptor after each file. */
function streamedZip(files: [string, Uint8Array, 'stored' | 'deflated'][]): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  for (const [name, bytes, how] of files) {
    const entry = how === 'stored' ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 1 });
    zip.add(entry);
    entry.push(bytes, true);
  }
  zip.end();
  return new Uint8Array(Buffer.concat(parts));
}

/** The zip with its first local header's "uncompressed size" set to `size`: a header that lies. */
function withDeclaredSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(22, size, true);
  return copy;
}

describe('writeBackupZip', () => {
  test('the same entries and date give the same bytes; the JSON is deflated, images stored as they are', async () => {
    const json = strToU8(JSON.stringify({ talks: Array.from({ length: 50 }, () => 'a repeated line') }));
    const image = new Uint8Array(randomBytes(5000));
    const entries = [
      { path: 'talklog-backup.json', bytes: json },
      { path: 'slides/s_1.webp', bytes: image },
    ];
    const first = writeBackupZip(entries, EXPORTED);
    expect(writeBackupZip(entries, new Date(EXPORTED))).toEqual(first);
    const files = await read(first);
    expect([...files.keys()]).toEqual(['talklog-backup.json', 'slides/s_1.webp']);
    expect(files.get('talklog-backup.json')).toEqual(json);
    expect(files.get('slides/s_1.webp')).toEqual(image);
    // Stored: the image's bytes are in the zip as they are.
    expect(Buffer.from(first).indexOf(Buffer.from(image))).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(json.length + image.length);
  });
});

describe('readBackupZip', () => {
  test('reads zips with sizes only in data descriptors, stored and deflated, and skips folder entries', async () => {
    const image = new Uint8Array(randomBytes(70_000));
    const text = strToU8('{"format":"talklog-backup"}');
    const files = await read(
      streamedZip([
        ['slides/', new Uint8Array(0), 'stored'],
        ['slides/s_1.webp', image, 'stored'],
        ['talklog-backup.json', text, 'deflated'],
      ]),
    );
    expect([...files.keys()]).toEqual(['slides/s_1.webp', 'talklog-backup.json']);
    expect(files.get('slides/s_1.webp')).toEqual(image);
    expect(files.get('talklog-backup.json')).toEqual(text);
  });

  test.each([
    ['../evil.webp', '"../evil.webp" in the zip climbs out of the backup with "..": Talklog never writes such a path.'],
    ['slides/../../evil.webp', '"slides/../../evil.webp" in the zip climbs out of the backup with "..": Talklog never writes such a path.'],
    ['/etc/cron.d/evil', '"/etc/cron.d/evil" in the zip is an absolute path: Talklog never writes such a path.'],
    ['C:/Windows/evil.webp', '"C:/Windows/evil.webp" in the zip is an absolute path: Talklog never writes such a path.'],
    ['slides\\..\\evil.webp', '"slides\\\\..\\\\evil.webp" in the zip has a backslash in its path: Talklog never writes such a path.'],
  ])('refuses the path %s', async (path, message) => {
    expect(await problem(read(zipSync({ [path]: strToU8('x') })))).toBe(message);
  });

  test('refuses a file no backup holds, before unpacking it', async () => {
    let asked: string[] = [];
    const limitFor = (path: string) => {
      asked = [...asked, path];
      return path === 'talklog-backup.json' ? BACKUP_ZIP_LIMITS.jsonBytes : null;
    };
    const zip = zipSync({ 'talklog-backup.json': strToU8('{}'), 'run-me.sh': strToU8('rm -rf ~') });
    expect(await problem(read(zip, limitFor))).toBe('"run-me.sh" in the zip is not part of a Talklog backup.');
    expect(asked).toEqual(['talklog-backup.json', 'run-me.sh']);
  });

  test('a name judged by what was read before it: the error its limit throws is the one the reading stops with', async () => {
    const newer = new Error('made by a newer Talklog');
    const limitFor = (path: string, readBefore: ReadonlyMap<string, Uint8Array>) => {
      if (path === 'talklog-backup.json') return BACKUP_ZIP_LIMITS.jsonBytes;
      expect(new TextDecoder().decode(readBefore.get('talklog-backup.json'))).toBe('{"version":4}');
      throw newer;
    };
    const zip = zipSync({ 'talklog-backup.json': strToU8('{"version":4}'), 'slides/audio/s_1.opus': strToU8('later') });
    await expect(read(zip, limitFor)).rejects.toBe(newer);
  });

  test('refuses a zip with more files than any backup holds', async () => {
    const files: Zippable = {};
    for (let i = 0; i <= BACKUP_ZIP_LIMITS.entries; i++) files[`slides/s_${i}.webp`] = new Uint8Array(0);
    expect(await problem(read(zipSync(files, { level: 0 })))).toBe('The zip holds more than 20,001 files, more than any Talklog backup.');
  });

  test('refuses a file whose header says it unpacks past its limit, without unpacking it', async () => {
    const zip = withDeclaredSize(zipSync({ 'slides/s_1.webp': strToU8('small') }, { level: 0 }), 3_000_000_000);
    expect(await problem(read(zip))).toBe('"slides/s_1.webp" in the zip says it unpacks to 2,861 MiB, more than the 32 MiB it may hold.');
  });

  test('a zip bomb whose header lies is stopped at the limit while it unpacks', async () => {
    const zeros = new Uint8Array(BACKUP_ZIP_LIMITS.imageBytes + MiB);
    const bomb = withDeclaredSize(zipSync({ 'slides/s_1.webp': zeros }, { level: 9 }), 1000);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await problem(read(bomb))).toBe('"slides/s_1.webp" in the zip unpacks to more than the 32 MiB it may hold.');
  });

  test('a zip bomb that declares no size (a data descriptor) is stopped at the limit too', async () => {
    const bomb = streamedZip([['slides/s_1.webp', new Uint8Array(BACKUP_ZIP_LIMITS.imageBytes + MiB), 'deflated']]);
    expect(await problem(read(bomb))).toBe('"slides/s_1.webp" in the zip unpacks to more than the 32 MiB it may hold.');
  });

  test('many files each within their limit are stopped at the limit for the whole zip', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 5; i++) files[`slides/s_${i}.webp`] = new Uint8Array(MiB);
    const limits = { entries: BACKUP_ZIP_LIMITS.entries, totalBytes: 4 * MiB };
    expect(await problem(read(zipSync(files, { level: 1 }), anyName, limits))).toBe('The zip unpacks to more than 4 MiB, more than any Talklog backup.');
  });

  test('refuses a file twice, an unknown packing method, damaged data and a cut-short zip', async () => {
    const twice = Buffer.concat([streamedZip([['slides/s_1.webp', strToU8('a'), 'stored']]), streamedZip([['slides/s_1.webp', strToU8('b'), 'stored']])]);
    expect(await problem(read(new Uint8Array(twice)))).toBe('The zip holds "slides/s_1.webp" twice.');

    const lzma = zipSync({ 'slides/s_1.webp': strToU8('abc') }, { level: 0 });
    new DataView(lzma.buffer).setUint16(8, 14, true);
    expect(await problem(read(lzma))).toBe('"slides/s_1.webp" in the zip is packed with method 14; Talklog reads stored and deflated files only.');

    const deflated = zipSync({ 'talklog-backup.json': strToU8('{"talks": []}'.repeat(100)) }, { level: 6 });
    const data = 30 + 'talklog-backup.json'.length;
    const damaged = deflated.slice();
    damaged.fill(0xff, data, data + 4);
    expect(await problem(read(damaged))).toMatch(/^"talklog-backup\.json" in the zip is damaged \(.+\)\.$/);

    const whole = zipSync({ 'slides/s_1.webp': new Uint8Array(randomBytes(10_000)) }, { level: 0 });
    expect(await problem(read(whole.subarray(0, 5000)))).toBe('The zip ends in the middle of a file: it was cut short.');
  });
});
