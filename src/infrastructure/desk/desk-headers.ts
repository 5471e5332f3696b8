/**
 * The desk loads nothing from outside the service: scripts, styles, images and API calls all come
 * from its own origin, and it cannot be framed by another site.
 */
export const DESK_CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const DESK_HEADERS = {
  'content-security-policy': DESK_CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
} as const;

/** The page itself is revalidated on every load, so a new build is picked up at once. */
export const PAGE_CACHE_CONTROL = 'no-cache';

/** Asset names carry a hash of their content: a changed file is a new name, so the old one never changes. */
export const ASSET_MAX_AGE = '365d';
