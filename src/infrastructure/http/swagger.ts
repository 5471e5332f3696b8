import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { API_KEY_SCHEME } from './auth/roles.decorator';
import { documentTheDesk } from '../desk/desk-openapi';
import { publishAsContract } from './openapi/contract';

const TAGS: Array<[name: string, description: string]> = [
  ['storylines', 'Developing stories that group claims; their headline status and timeline'],
  ['claims', 'Checkable statements, the developments that support or contradict them, and verdicts'],
  ['events', 'The global log, as pages and live as Server-Sent Events'],
  ['projections', 'The read models folded from the log: their state, and rebuilds'],
  ['health', 'Liveness and readiness'],
  ['docs', 'This document and Swagger UI'],
  ['desk', 'The newsroom page the service serves'],
];

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Factline')
    .setDescription(
      'Event-sourced fact tracking for newsrooms. Every command is stored as an immutable event; ' +
        'claim and storyline statuses are projections of the log, each with an explanation. ' +
        'Every error is application/problem+json (RFC 9457). Unknown routes answer 404 and known paths ' +
        'with another method 405 with Allow, both as problems.',
    )
    .setVersion('1')
    .addServer('/', 'This server')
    .addSecurity(API_KEY_SCHEME, {
      type: 'http',
      scheme: 'bearer',
      description: 'An API key from API_KEYS, sent as Authorization: Bearer <secret>. Not a JWT.',
    });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = publishAsContract(SwaggerModule.createDocument(app, builder.build()));
  documentTheDesk(document);
  return document;
}

export function setUpSwagger(app: INestApplication): void {
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'docs/openapi.json' });
}
