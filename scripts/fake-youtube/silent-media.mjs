// A silent WAV as long as a talk: real media for the stand-in player, so that `<video>` reports a
// duration and can seek, as YouTube's player does. 8 kHz, 8-bit mono keeps it to 8 kB a second.
const SAMPLE_RATE = 8000;
/** @type {Map<number, Buffer>} */
const cache = new Map();

/** @param {number} seconds */
export function silentWav(seconds) {
  const cached = cache.get(seconds);
  if (cached) return cached;
  const dataBytes = SAMPLE_RATE * seconds;
  const wav = Buffer.alloc(44 + dataBytes, 0x80);
  wav.write('RIFF', 0, 'ascii');
  wav.writeUInt32LE(36 + dataBytes, 4);
  wav.write('WAVEfmt ', 8, 'ascii');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE, 28); // bytes a second
  wav.writeUInt16LE(1, 32); // block align
  wav.writeUInt16LE(8, 34); // bits a sample
  wav.write('data', 36, 'ascii');
  wav.writeUInt32LE(dataBytes, 40);
  cache.set(seconds, wav);
  return wav;
}

/** Serves a buffer honouring a single `Range: bytes=a-b` header, which media seeking relies on. */
/**
 * @param {import('node:http').IncomingMessage} request
 * @param {import('node:http').ServerResponse} response
 * @param {Buffer} body
 * @param {string} type
 */
export function sendWithRanges(request, response, body, type) {
  const range = /^bytes=(\d*)-(\d*)$/.exec(request.headers.range ?? '');
  if (!range) {
    response.writeHead(200, { 'content-type': type, 'content-length': body.length, 'accept-ranges': 'bytes' });
    return response.end(body);
  }
  const start = range[1] === '' ? Math.max(0, body.length - Number(range[2])) : Number(range[1]);
  const end = range[1] !== '' && range[2] !== '' ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
  if (start > end || start >= body.length) {
    response.writeHead(416, { 'content-range': `bytes */${body.length}` });
    return response.end();
  }
  response.writeHead(206, {
    'content-type': type,
    'content-length': end - start + 1,
    'content-range': `bytes ${start}-${end}/${body.length}`,
    'accept-ranges': 'bytes',
  });
  response.end(body.subarray(start, end + 1));
}
