import { ApiHeaderOptions, HeaderObject } from '@nestjs/swagger';

/** Idempotency-Key, X-Correlation-Id, X-Causation-Id: as command-context.decorator.ts checks them. */
const TOKEN = { type: 'string', pattern: '^[\\w.:@/+=-]{1,200}$' } as const;

export const COMMAND_REQUEST_HEADERS: ApiHeaderOptions[] = [
  {
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: the same key and body get the first answer (with Idempotent-Replayed: true) and append ' +
      'nothing; the same key with another body gets 422',
    schema: { ...TOKEN, example: 'ft-donbass-1' },
  },
  {
    name: 'If-Match',
    required: false,
    description:
      'Write only if the stream is still at this revision (its ETag), else 412; without it conflicts are retried',
    schema: { type: 'string', pattern: '^(W/)?"\\d{1,15}"$', example: '"3"' },
  },
  {
    name: 'X-Correlation-Id',
    required: false,
    description: "Copied into the events' metadata; defaults to the command id",
    schema: { ...TOKEN, example: 'desk-session-42' },
  },
  {
    name: 'X-Causation-Id',
    required: false,
    description: "Copied into the events' metadata; defaults to the correlation id",
    schema: { ...TOKEN, example: 'desk-click-7' },
  },
];

export const LAST_EVENT_ID: ApiHeaderOptions = {
  name: 'Last-Event-ID',
  required: false,
  description: 'Resume strictly after this position (sent by browsers on reconnect); wins over `after`',
  schema: { type: 'string', pattern: '^\\s*\\d{1,15}\\s*$', example: '41' },
};

export const ETAG: HeaderObject = {
  description: 'The stream revision in quotes; send it back as If-Match',
  schema: { type: 'string', pattern: '^"\\d+"$', example: '"0"' },
};

export const LOCATION: HeaderObject = {
  description: 'Where the new storyline or claim is read, its id percent-encoded (RFC 3986)',
  schema: { type: 'string', example: '/v1/storylines/%D1%83%D0%BA%D1%80%D0%B0%D1%97%D0%BD%D0%B0' },
};

export const IDEMPOTENT_REPLAYED: HeaderObject = {
  description: 'Present on the repeat of a request with the same Idempotency-Key: this is the first answer again',
  schema: { type: 'string', enum: ['true'] },
};

export const RETRY_AFTER: HeaderObject = {
  description: 'Seconds to wait before trying again',
  required: true,
  schema: { type: 'string', pattern: '^\\d+$', example: '2' },
};

export const WWW_AUTHENTICATE: HeaderObject = {
  description: 'Bearer',
  required: true,
  schema: { type: 'string', enum: ['Bearer'] },
};
