/** Text as part of a file name, the same on every system a vault or a download may be opened on. */

import { foldLetters } from '../talk/fold-letters';

const SLUG_MAX_CHARS = 60;
/**
 * A mirror file's whole name, `<slug>-<videoId>.md`: file systems that encrypt names (eCryptfs, Synology's encrypted
 * shares) take 143 bytes, and the sync's copy of a file edited outside Talklog adds ` (Talklog)`.
 */
const FILE_NAME_MAX_BYTES = 120;
/** What `-<videoId>.md` (an id of 11 characters) leaves of it: 35 characters of Chinese or Japanese, 52 of Cyrillic, 60 of Latin. */
const SLUG_MAX_BYTES = FILE_NAME_MAX_BYTES - '-xxxxxxxxxxx.md'.length;
/** A Latin letter with its marks, folded as before names kept other scripts: `Kraków` stays `krakow`. */
const LATIN_LETTER = /\p{Script=Latin}\p{M}*/gu;
/** Anything but letters and digits, with marks over it (`¨` is a space with one, once compatibility forms are undone). */
const NOT_A_WORD = /(?:^\p{M}+|[^\p{L}\p{M}\p{N}]\p{M}*)+/gu;
/** Names Windows keeps for devices, whatever follows them: a folder `con` cannot be made. */
const RESERVED_ON_WINDOWS = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;
const UTF8 = new TextEncoder();

/**
 * `KubeCon NA 2021` → `kubecon-na-2021`, `ХолиДжС 2023` → `холиджс-2023`: letters and digits of any script, lower
 * case, Latin ones without accents, in words joined by `-` (so none of the characters Windows or macOS refuse);
 * empty when none is left.
 */
export function fileNameSlug(text: string): string {
  const words = text.normalize('NFKC').replace(LATIN_LETTER, foldLetters).toLowerCase().replace(NOT_A_WORD, '-');
  const slug = cut(words).replace(/^-+|-+$/g, '');
  return RESERVED_ON_WINDOWS.test(slug) ? `${slug}_` : slug;
}

/** The first characters of `text` within the slug's length, none split. */
function cut(text: string): string {
  let chars = 0;
  let bytes = 0;
  let end = 0;
  for (const char of text) {
    bytes += UTF8.encode(char).length;
    if (++chars > SLUG_MAX_CHARS || bytes > SLUG_MAX_BYTES) break;
    end += char.length;
  }
  return text.slice(0, end);
}
