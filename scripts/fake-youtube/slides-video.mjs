// A real video for slide capture: one second a slide, each a solid colour of its own with its
// second written large on it, encoded by Debian's ffmpeg as VP8 WebM (which Chromium plays). The
// tests know each second's colour, so a captured frame tells which second it came from.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SLIDES_VIDEO = { seconds: 20, width: 1280, height: 720 };

const FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf';

/**
 * The colour of the slide shown during `second` (golden-angle hues: neighbours differ a lot).
 * @param {number} second
 * @returns {number[]} red, green, blue
 */
export function slideColour(second) {
  const hue = (second * 137.508) % 360;
  return hslToRgb(hue, 0.75, 0.45);
}

/** @param {number} hue @param {number} saturation @param {number} lightness */
function hslToRgb(hue, saturation, lightness) {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = lightness - chroma / 2;
  const [r, g, b] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [r, g, b].map((value) => Math.round((value + m) * 255));
}

const hex = (/** @type {number[]} */ rgb) => rgb.map((value) => value.toString(16).padStart(2, '0')).join('');

/** @param {string} output */
function ffmpegArguments(output) {
  const { seconds, width, height } = SLIDES_VIDEO;
  const sources = Array.from({ length: seconds }, (_, second) => `color=c=0x${hex(slideColour(second))}:s=${width}x${height}:r=2:d=1[s${second}]`);
  const inputs = Array.from({ length: seconds }, (_, second) => `[s${second}]`).join('');
  const number = `drawtext=fontfile=${FONT}:text='%{eif\\:t\\:d}':fontsize=300:fontcolor=white:x=(w-tw)/2:y=(h-th)/2`;
  return [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-filter_complex',
    `${sources.join(';')};${inputs}concat=n=${seconds}:v=1:a=0,${number}`,
    // A key frame every second: seeking lands exactly, however the browser seeks.
    '-c:v',
    'libvpx',
    '-g',
    '2',
    '-crf',
    '10',
    '-b:v',
    '1M',
    '-deadline',
    'realtime',
    '-cpu-used',
    '8',
    '-an',
    '-f',
    'webm',
    output,
  ];
}

/** @type {Buffer | undefined} */
let cached;

/** The WebM's bytes, made once a machine (cached in the temp folder under a hash of how it is made). */
export function slidesWebm() {
  if (cached) return cached;
  const key = createHash('sha256')
    .update(JSON.stringify(ffmpegArguments('')))
    .digest('hex')
    .slice(0, 16);
  const path = join(tmpdir(), `talklog-slides-${key}.webm`);
  if (!existsSync(path)) {
    // Several test runs may make it at once: each writes its own file and renames it into place.
    const partial = `${path}.${process.pid}.partial`;
    try {
      execFileSync('ffmpeg', ffmpegArguments(partial), { stdio: ['ignore', 'ignore', 'pipe'] });
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
  }
  cached = readFileSync(path);
  return cached;
}
