import { ArgumentMetadata, Injectable, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { droppedKeys, reservedKeys } from './input/dropped-keys';
import { FieldError, validationProblem } from './problem/problem';
import { ProblemError } from './problem/problem.error';

/** Rules about a value's type: when one fails, the rules about its length or range say nothing useful. */
const TYPE_RULES = new Set(['isString', 'isInt', 'isNumber', 'isBoolean', 'isArray', 'isObject']);

function telling(constraints: Record<string, string>): [string, string][] {
  const broken = Object.entries(constraints);
  const ofType = broken.filter(([rule]) => TYPE_RULES.has(rule));
  return ofType.length > 0 ? ofType : broken;
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = telling(error.constraints ?? {}).map(([rule, message]) => ({
      field,
      message:
        rule === 'whitelistValidation' ? `${field} is not a known field` : message.replace(error.property, field),
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

class FieldErrors extends Error {
  constructor(readonly errors: FieldError[]) {
    super('invalid request');
  }
}

/** Validates bodies and query strings against their DTOs; unknown fields are errors, whatever their name. */
@Injectable()
export class StrictValidationPipe implements PipeTransform {
  private readonly pipe = new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new FieldErrors(flattenValidationErrors(errors)),
  });

  async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
      throw new ProblemError(validationProblem([{ field: '(body)', message: 'the body must be a JSON object' }]));
    }
    const isDto =
      (metadata.type === 'body' || metadata.type === 'query') &&
      metadata.metatype !== undefined &&
      typeof value === 'object' &&
      value !== null;
    try {
      // Nest's pipe deletes `__proto__`, `prototype` and `constructor` from what it is given, in
      // place; it gets a copy, so the keys as sent can be compared with the instance it returns.
      const shaped: unknown = await this.pipe.transform(isDto ? structuredClone(value) : value, metadata);
      const unknown = isDto ? droppedKeys(value, shaped) : [];
      if (unknown.length > 0) throw new ProblemError(validationProblem(unknown));
      return shaped;
    } catch (error) {
      if (!(error instanceof FieldErrors)) throw error;
      // There is no instance to compare with here; the names that never reach one are named all the same.
      throw new ProblemError(validationProblem([...error.errors, ...(isDto ? reservedKeys(value) : [])]));
    }
  }
}
