import { OpenAPIObject } from '@nestjs/swagger';
import fs from 'node:fs';
import path from 'node:path';
import { DESK_BUILD_DIR } from './desk-build';
import { ANY_REQUEST, ApiProblemsObject } from '../http/openapi/problems';

type Parameter = { name: string; in: 'path' | 'query'; required: boolean; description: string; schema: object };

const pathParameter = (name: string, description: string, example: string | undefined): Parameter => ({
  name,
  in: 'path',
  required: true,
  description,
  schema: { type: 'string', ...(example !== undefined ? { example } : {}) },
});

/** A file of the current build, as the example of an asset name (the names change with every build). */
function anAssetName(): string | undefined {
  try {
    return fs.readdirSync(path.join(DESK_BUILD_DIR, 'assets')).sort()[0];
  } catch {
    return undefined;
  }
}

/** The desk's views are routes of the service too: public pages, described next to the API. */
export function documentTheDesk(document: OpenAPIObject): void {
  const view = (summary: string, operationId: string, parameters: Parameter[] = []) => ({
    get: {
      operationId,
      summary,
      tags: ['desk'],
      security: [],
      parameters,
      responses: {
        '200': {
          description: 'The desk page (the same for every view; the page reads the address)',
          content: { 'text/html': { schema: { type: 'string' } } },
        },
        ...ApiProblemsObject(...ANY_REQUEST, 503),
      },
    },
  });
  const asOf: Parameter = {
    name: 'asOf',
    in: 'query',
    required: false,
    description: 'Show it as the desk knew it at this time (ISO 8601 with offset)',
    schema: { type: 'string' },
  };
  const asOccurred: Parameter = {
    name: 'asOccurred',
    in: 'query',
    required: false,
    description: 'Show it as things stood in the world at this time (ISO 8601 with offset), alone or with asOf',
    schema: { type: 'string' },
  };
  document.paths['/desk'] = view('The storylines at a glance', 'desk_storylines');
  document.paths['/desk/review'] = view('The review queue', 'desk_review');
  document.paths['/desk/storylines/{id}'] = view('A storyline', 'desk_storyline', [
    pathParameter('id', 'The storyline id', 'us-ukraine-security-guarantees'),
    asOf,
    asOccurred,
  ]);
  document.paths['/desk/claims/{id}'] = view('A claim', 'desk_claim', [
    pathParameter('id', 'The claim id', 'ft-us-guarantees-conditional-on-donbass'),
    asOf,
    asOccurred,
  ]);
  document.paths['/desk/parties'] = view('The party registry and the names to register', 'desk_parties');
  document.paths['/desk/parties/{id}'] = view('A party', 'desk_party', [
    pathParameter('id', 'The party id', 'volodymyr-zelensky'),
  ]);
  document.paths['/desk/assets/{asset}'] = {
    get: {
      operationId: 'desk_asset',
      summary: "The page's scripts and styles; hashed names, cached for a year",
      tags: ['desk'],
      security: [],
      parameters: [pathParameter('asset', 'A file name from the built page', anAssetName())],
      responses: {
        '200': { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } },
        ...ApiProblemsObject(...ANY_REQUEST, 404),
      },
    },
  };
}
