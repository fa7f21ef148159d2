// Draws Talklog's toolbar icon (a play mark beside note lines on an indigo tile) at every size
// the manifest lists, as PNGs in public/icons. Run once after changing the drawing: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 128];
const TILE = [79, 70, 229];
const INK = [255, 255, 255];

/** @param {number} x @param {number} y @param {number} radius */
function inRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 1 - radius);
  const cy = Math.min(Math.max(y, radius), 1 - radius);
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
}

/** @param {number} x @param {number} y */
function inPlayMark(x, y) {
  // Triangle pointing right, left part of the tile.
  const left = 0.2,
    right = 0.5,
    top = 0.27,
    bottom = 0.73;
  if (x < left || x > right) return false;
  const half = (((right - x) / (right - left)) * (bottom - top)) / 2;
  return Math.abs(y - 0.5) <= half;
}

/** @param {number} x @param {number} y */
function inNoteLines(x, y) {
  const lines = [0.32, 0.5, 0.68];
  return lines.some((line, i) => Math.abs(y - line) <= 0.055 && x >= 0.58 && x <= (i === 2 ? 0.72 : 0.82));
}

/** @param {number} size @param {number} px @param {number} py */
function pixel(size, px, py) {
  const samples = 4;
  let tile = 0,
    ink = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = (px + (sx + 0.5) / samples) / size;
      const y = (py + (sy + 0.5) / samples) / size;
      if (!inRoundedSquare(x, y, 0.22)) continue;
      tile++;
      if (inPlayMark(x, y) || inNoteLines(x, y)) ink++;
    }
  }
  const n = samples * samples;
  const inkShare = tile ? ink / tile : 0;
  const rgb = TILE.map((c, i) => Math.round(c + (INK[i] - c) * inkShare));
  return [...rgb, Math.round((tile / n) * 255)];
}

/** @param {Buffer} bytes */
function crc32(bytes) {
  let crc = ~0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

/** @param {string} type @param {Buffer} data */
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** @param {number} size */
function png(size) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) rows.push(...pixel(size, x, y));
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of SIZES) writeFileSync(`public/icons/icon-${size}.png`, png(size));
