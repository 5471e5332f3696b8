const MAX_SLUG_LENGTH = 80;

/** Lower-case, dash-separated id from free text; letters of every script survive, accents do not. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/[\uD800-\uDBFF]$/, '') // the cut may split a character outside the BMP in half
    .replace(/-+$/g, '');
}

/** Modifier letters (々, ー, the Ukrainian apostrophe ʼ) count as letters: slugify keeps them. */
export const SLUG_PATTERN = /^[\p{Ll}\p{Lm}\p{Lo}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{N}]+)*$/u;

export function isSlug(value: string): boolean {
  return value.length <= MAX_SLUG_LENGTH && SLUG_PATTERN.test(value);
}
