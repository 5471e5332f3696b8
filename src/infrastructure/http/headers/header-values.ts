/** Anything but visible ASCII, space and tab: Node refuses such header values when the answer is written. */
const UNSAFE_HEADER_TEXT = /[^\t\x20-\x7e]+/g;
/** RFC 3986 §2.3: what a path segment may carry without encoding. */
const RESERVED_IN_SEGMENT = /[^A-Za-z0-9\-._~]+/g;

/** UTF-8 bytes as %XX (RFC 3986 §2.1). Never throws: a lone surrogate becomes U+FFFD. */
const percentEncoded = (text: string): string =>
  Array.from(Buffer.from(text, 'utf8'), (byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`).join('');

/** A header value Node can always write: what is not visible ASCII is percent-encoded, the rest kept. */
export function headerSafe(value: string): string {
  return value.replace(UNSAFE_HEADER_TEXT, percentEncoded);
}

/** A path built from ids, each segment percent-encoded, for `Location`: `/v1/storylines/%D0%A3...`. */
export function pathOf(...segments: string[]): string {
  return segments.map((segment) => `/${segment.replace(RESERVED_IN_SEGMENT, percentEncoded)}`).join('');
}
