import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiHeaders, ApiParam, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import { SLUG_PATTERN } from '../../../domain/slug';
import { MAX_SLUG_LENGTH } from '../dto/validators';
import { CommandResultBody } from '../responses/command.response';
import { COMMAND_REQUEST_HEADERS, ETAG, IDEMPOTENT_REPLAYED, LOCATION } from './headers';
import { ANY_REQUEST, ApiProblems } from './problems';

/** `:id` of a storyline or claim: a slug; anything else cannot exist (404). */
export const ApiIdParam = (what: string, example: string) =>
  ApiParam({
    name: 'id',
    description: `The ${what} id, percent-encoded in the URL`,
    schema: { type: 'string', maxLength: MAX_SLUG_LENGTH, pattern: SLUG_PATTERN.source },
    example,
  });

/** A GET: its answer, the errors every read can meet, and those it names. */
export function ApiRead(options: {
  type: Type<unknown>;
  description: string;
  notFound?: boolean;
  etag?: boolean;
  contentType?: string;
}): MethodDecorator {
  return applyDecorators(
    ApiExtraModels(options.type),
    ApiResponse({
      status: 200,
      description: options.description,
      ...(options.etag
        ? { headers: { ETag: { ...ETAG, description: `${ETAG.description} (not with asOf / atPosition)` } } }
        : {}),
      content: { [options.contentType ?? 'application/json']: { schema: { $ref: getSchemaPath(options.type) } } },
    }),
    ApiProblems(...ANY_REQUEST, 503, ...(options.notFound ? [404] : [])),
  );
}

/** A command: its headers, `{ id, revision, position }` with ETag, and every way it can be refused. */
export function ApiCommand(options: { status: 200 | 201; location?: boolean; target?: boolean }): MethodDecorator {
  return applyDecorators(
    ApiHeaders(COMMAND_REQUEST_HEADERS),
    ApiResponse({
      status: options.status,
      description: 'Stored: the events are in the log',
      headers: {
        ETag: { ...ETAG, required: true },
        ...(options.location ? { Location: { ...LOCATION, required: true } } : {}),
        'Idempotent-Replayed': IDEMPOTENT_REPLAYED,
      },
      content: { 'application/json': { schema: { $ref: getSchemaPath(CommandResultBody) } } },
    }),
    ApiExtraModels(CommandResultBody),
    ApiProblems(...ANY_REQUEST, 409, 412, 413, 415, 422, 503, ...(options.target ? [404] : [])),
  );
}
