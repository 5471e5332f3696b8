import { FastifyInstance } from 'fastify';
import { FieldError, validationProblem } from '../problem/problem';
import { ProblemError } from '../problem/problem.error';

/** Objects and arrays inside one another; the deepest request body needs three (changes.claimant in a correction). */
export const MAX_JSON_DEPTH = 32;
const MAX_REPORTED = 20;
/** With the `u` flag a well-formed pair is one code point, so only a lone half matches. */
const LONE_SURROGATE = /\p{Cs}/u;

const fieldName = (parent: string, key: string) => {
  const readable = key.replace(/\p{Cs}/gu, '\uFFFD');
  return parent ? `${parent}.${readable}` : readable;
};

/** Problems a parsed body has whatever the DTO: too deep, or strings (keys included) that are not well-formed Unicode. */
export function inspectJson(value: unknown, field = '', depth = 0, found: FieldError[] = []): FieldError[] {
  if (found.length >= MAX_REPORTED) return found;
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value)) {
      const name = field || '(body)';
      found.push({ field: name, message: `${name} is not well-formed Unicode (it holds a lone surrogate)` });
    }
    return found;
  }
  if (typeof value !== 'object' || value === null) return found;
  if (depth >= MAX_JSON_DEPTH) {
    found.push({
      field: field || '(body)',
      message: `the body nests objects and arrays deeper than ${MAX_JSON_DEPTH}`,
    });
    return found;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const name = fieldName(field, key);
    if (!Array.isArray(value) && LONE_SURROGATE.test(key)) {
      found.push({ field: name, message: `the key ${name} is not well-formed Unicode (it holds a lone surrogate)` });
    }
    inspectJson(object[key], name, depth + 1, found);
  }
  return found;
}

/**
 * A lone surrogate can only come from a `\u` escape, since the decoder refuses bytes that are not
 * well-formed UTF-8; a body without such an escape, not nested too deep, has nothing for inspectJson.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;

function nestsTooDeep(value: unknown, depth = 0): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth >= MAX_JSON_DEPTH) return true;
  for (const item of Object.values(value)) if (nestsTooDeep(item, depth + 1)) return true;
  return false;
}

const bodyProblem = (message: string) => new ProblemError(validationProblem([{ field: '(body)', message }]));
/** JSON is UTF-8 (RFC 8259 §8.1): bytes that are not are refused, not replaced with U+FFFD. */
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/**
 * Replaces Fastify's JSON parser. `JSON.parse` makes `__proto__` an own key like any other, so it
 * reaches validation and is refused as an unknown field instead of being reported as broken JSON.
 */
export function useStrictJsonParser(fastify: FastifyInstance): void {
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => {
    const bytes = body as Buffer;
    if (bytes.length === 0) return done(bodyProblem('the body is empty; send a JSON object'), undefined);
    let text: string;
    try {
      text = utf8.decode(bytes);
    } catch {
      return done(bodyProblem('the body is not valid UTF-8'), undefined);
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return done(bodyProblem(`the body is not valid JSON: ${(error as Error).message}`), undefined);
    }
    if (SURROGATE_ESCAPE.test(text) || nestsTooDeep(parsed)) {
      const problems = inspectJson(parsed);
      if (problems.length > 0) return done(new ProblemError(validationProblem(problems)), undefined);
    }
    done(null, parsed);
  });
}
