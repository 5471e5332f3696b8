import { FieldError } from '../problem/problem';

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const join = (prefix: string, key: string | number) => (prefix ? `${prefix}.${key}` : `${key}`);
const unknownField = (field: string): FieldError => ({ field, message: `${field} is not a known field` });

/**
 * Keys of the plain input that did not survive the way into the DTO instance. Nest's pipe deletes
 * `__proto__`, `prototype` and `constructor`, and class-transformer skips names such as `toString`,
 * all before class-validator's whitelist could see them; each one is an unknown field.
 */
export function droppedKeys(plain: unknown, shaped: unknown, prefix = ''): FieldError[] {
  if (!isObject(plain) || !isObject(shaped)) return [];
  if (Array.isArray(plain)) {
    if (!Array.isArray(shaped)) return [];
    return plain.flatMap((item, index) => droppedKeys(item, shaped[index], join(prefix, index)));
  }
  return Object.keys(plain).flatMap((key) => {
    const field = join(prefix, key);
    if (!Object.prototype.hasOwnProperty.call(shaped, key)) return [unknownField(field)];
    return droppedKeys(plain[key], shaped[key], field);
  });
}

/** Names no DTO field can have (those of Object.prototype, and `prototype`), wherever they appear. */
export function reservedKeys(plain: unknown, prefix = ''): FieldError[] {
  if (!isObject(plain)) return [];
  return Object.keys(plain).flatMap((key) => {
    const field = join(prefix, key);
    const own = !Array.isArray(plain) && (key in Object.prototype || key === 'prototype') ? [unknownField(field)] : [];
    return [...own, ...reservedKeys(plain[key], field)];
  });
}
