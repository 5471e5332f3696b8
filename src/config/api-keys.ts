export const ROLES = ['reader', 'reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  name: string;
  role: Role;
  secret: string;
}

export const roleRank = (role: Role): number => ROLES.indexOf(role);

/** Parses `name:role:secret,…`; the secret may itself contain colons. Throws a one-line reason. */
export function parseApiKeys(raw: string | undefined): ApiKey[] {
  if (raw === undefined || raw.trim() === '') return [];
  const keys = raw.split(',').map((entry, index) => {
    const [name, role, ...rest] = entry.trim().split(':');
    const secret = rest.join(':');
    const where = `entry ${index + 1} ("${name ?? ''}:…")`;
    if (!name || role === undefined || !secret) throw new Error(`${where} is not name:role:secret`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new Error(`${where} has unknown role "${role}" (expected one of ${ROLES.join(', ')})`);
    }
    if (secret.length < 8) throw new Error(`${where} has a secret shorter than 8 characters`);
    return { name, role: role as Role, secret };
  });
  const names = new Set(keys.map((key) => key.name));
  if (names.size !== keys.length) throw new Error('two entries share a name');
  if (new Set(keys.map((key) => key.secret)).size !== keys.length) throw new Error('two entries share a secret');
  return keys;
}
