import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { crc32, filesUnder, zipArchive } from '../../scripts/zip-archive.mjs';

/** Reads a zip back through its central directory, as unzip and the stores do. */
function readZip(zip: Buffer) {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressed = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(data.length).toBe(size);
    expect(crc32(data)).toBe(crc);
    entries.push({ name, data: data.toString('utf8'), method, mode });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('zipArchive', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
    expect(crc32(Buffer.alloc(0))).toBe(0);
  });

  it('writes entries a reader gets back, sorted, compressed when that is smaller, as plain files', () => {
    const manifest = JSON.stringify({ name: 'Talklog', description: 'x'.repeat(500) });
    const zip = zipArchive([
      { name: 'src/popup/index.html', data: Buffer.from('<!doctype html>') },
      { name: 'manifest.json', data: Buffer.from(manifest) },
      { name: 'assets/ünïcode.js', data: Buffer.from('') },
    ]);
    const entries = readZip(zip);
    expect(entries.map((e) => e.name)).toEqual(['assets/ünïcode.js', 'manifest.json', 'src/popup/index.html']);
    expect(entries[1]).toMatchObject({ data: manifest, method: 8, mode: 0o100644 });
    expect(entries[0]).toMatchObject({ data: '', method: 0 });
    expect(entries[2].data).toBe('<!doctype html>');
  });

  it('gives the same bytes for the same files, whatever their order', () => {
    const a = { name: 'a.js', data: Buffer.from('export const a = 1;') };
    const b = { name: 'b/c.js', data: Buffer.from('import "./a.js";') };
    expect(zipArchive([a, b]).equals(zipArchive([b, a]))).toBe(true);
  });

  it('refuses names that would escape the archive', () => {
    for (const name of ['/etc/passwd', '../x.js', 'a/../../x', 'a\\b.js', '']) {
      expect(() => zipArchive([{ name, data: Buffer.from('x') }]), name).toThrow(/relative path/);
    }
  });

  it('packs every file of a build folder except dot-files and dot-folders', () => {
    const dir = mkdtempSync(join(tmpdir(), 'talklog-zip-test-'));
    try {
      mkdirSync(join(dir, 'assets'));
      mkdirSync(join(dir, '.vite'));
      writeFileSync(join(dir, 'manifest.json'), '{}');
      writeFileSync(join(dir, 'assets', 'a.js'), 'a');
      writeFileSync(join(dir, '.vite', 'manifest.json'), '{}');
      writeFileSync(join(dir, '.DS_Store'), '');
      expect(readZip(zipArchive(filesUnder(dir))).map((e) => e.name)).toEqual(['assets/a.js', 'manifest.json']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
