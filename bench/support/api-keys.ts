/** Keys for the benchmark's own loopback services only. */
export const BENCH_KEYS = {
  reader: 'bench-reader-secret',
  reporter: 'bench-reporter-secret',
  editor: 'bench-editor-secret',
  admin: 'bench-admin-secret',
} as const;

export const API_KEYS_ENV = Object.entries(BENCH_KEYS)
  .map(([role, secret]) => `${role}-key:${role}:${secret}`)
  .join(',');

export const bearer = (role: keyof typeof BENCH_KEYS) => `Bearer ${BENCH_KEYS[role]}`;
