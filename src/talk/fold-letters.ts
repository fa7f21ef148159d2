/**
 * Letters Unicode does not split into a base letter and a mark (`ł` is not `l` plus an accent), with
 * what people type for them.
 */
const LETTER_VARIANTS: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  ß: 'ss',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  // Lower-casing a whole word gives a final sigma, one letter at a time does not: fold both to σ.
  ς: 'σ',
};
const VARIANT = /[łøæœßđðþıς]/g;
/**
 * Marks over letters of the scripts where they are accents or optional vowel points (`é`, `ё`, Arabic and Hebrew
 * points), the letter kept. Elsewhere a mark is part of the word: Devanagari and Thai vowel signs (`काम` is not
 * `कम`), the kana's voicing (`が` is not `か`).
 */
const ACCENTS = /([\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{Script=Arabic}\p{Script=Hebrew}])\p{M}+/gu;

/** Lower case without accents or letter variants: `Bartłomiej Płotka` → `bartlomiej plotka`. */
export function foldLetters(text: string): string {
  // Lower case once compatibility forms are undone: `𝐊𝐮𝐛𝐞𝐂𝐨𝐧` has no lower case until it is `KubeCon`.
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(ACCENTS, '$1')
    .replace(VARIANT, (letter) => LETTER_VARIANTS[letter]);
}
