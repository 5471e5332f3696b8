import { transliterate } from 'transliteration';

/** A Latin letter outside ASCII; most have already lost their accents to NFD by the time this runs. */
const NON_ASCII_LATIN = /(?![a-zA-Z])(?=\p{L})\p{Script=Latin}/gu;
const ASCII_WORD = /^[a-zA-Z]+$/;

/**
 * Latin letters that Unicode does not decompose (ł, ø, đ, ß, æ, œ, þ, ı, ħ …) in their usual ASCII
 * spelling ("Łódź" → "Lodz" after NFD, "Straße" → "Strasse"). Only Latin letters: other scripts
 * keep theirs, and a letter the library spells with anything but letters ("ǝ" → "@") stays as it is.
 */
export function asciiLatin(text: string): string {
  return text.replace(NON_ASCII_LATIN, (letter) => {
    const spelled = transliterate(letter, { fixChineseSpacing: false });
    return ASCII_WORD.test(spelled) ? spelled : letter;
  });
}
