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
const MARKS = /\p{M}/gu;

/** Lower case without accents or letter variants: `Bartłomiej Płotka` → `bartlomiej plotka`. */
export function foldLetters(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(VARIANT, (letter) => LETTER_VARIANTS[letter]);
}
