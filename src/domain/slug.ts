import { asciiLatin } from './latin-letters';

const MAX_SLUG_LENGTH = 80;

/**
 * Lower-case, dash-separated id from free text. Latin letters become ASCII ("Noël" → "noel", "Łódź" →
 * "lodz", "Straße" → "strasse"); other scripts keep their letters and marks, so "Зеленський" stays
 * "зеленський" and Devanagari keeps its vowel signs.
 */
export function slugify(text: string): string {
  return asciiLatin(
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
      .normalize('NFC'),
  )
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^[-\p{M}]+|-+$/gu, '')
    .replace(/-\p{M}+/gu, '-')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '') // the cut may split a character outside the BMP in half
    .replace(/-+$/g, '');
}

/** Modifier letters (々, ー, the Ukrainian apostrophe ʼ) count as letters: slugify keeps them. */
const SLUG_WORD = String.raw`[\p{Ll}\p{Lm}\p{Lo}\p{N}][\p{Ll}\p{Lm}\p{Lo}\p{N}\p{M}]*`;
export const SLUG_PATTERN = new RegExp(`^${SLUG_WORD}(?:-${SLUG_WORD})*$`, 'u');

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}

/**
 * The key two ids are compared by: an id derived before Latin letters became ASCII
 * ("radosław-sikorski") and one derived after ("radoslaw-sikorski") share it. Ids themselves never change.
 */
export function idKey(id: string): string {
  // Most ids are ASCII slugs already, which slugify gives back as they are; resolution asks for keys often.
  return id.length <= MAX_SLUG_LENGTH && ASCII_SLUG.test(id) ? id : slugify(id);
}

const ASCII_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
