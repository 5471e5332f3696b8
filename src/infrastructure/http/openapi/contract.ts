import { OpenAPIObject } from '@nestjs/swagger';
import { ANY_REQUEST, ApiProblemsObject } from './problems';

type Schema = Record<string, unknown>;
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

const refName = (ref: unknown) => (typeof ref === 'string' ? ref.replace('#/components/schemas/', '') : undefined);

/** Every schema a request body reaches: the server refuses unknown fields in each of them. */
function requestSchemaNames(document: OpenAPIObject): Set<string> {
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (typeof node !== 'object' || node === null) return;
    const name = refName((node as Schema).$ref);
    if (name !== undefined && !found.has(name)) {
      found.add(name);
      visit(schemas[name]);
    }
    Object.values(node).forEach(visit);
  };
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) visit(path[method]?.requestBody);
  }
  return found;
}

/** The document and Swagger UI are routes too: public, like /health. */
function documentTheDocs(document: OpenAPIObject): void {
  const page = (summary: string, operationId: string, type: string, schema: Schema, problems = ANY_REQUEST) => ({
    get: {
      operationId,
      summary,
      tags: ['docs'],
      security: [],
      responses: {
        '200': { description: summary, content: { [type]: { schema } } },
        ...ApiProblemsObject(...problems),
      },
    },
  });
  document.paths['/docs'] = page('Swagger UI', 'docs_ui', 'text/html', { type: 'string' });
  document.paths['/docs/openapi.json'] = page('This OpenAPI document', 'docs_openapi', 'application/json', {
    type: 'object',
    additionalProperties: true,
  });
  const binary = { type: 'string', format: 'binary' };
  const asset = page("Swagger UI's scripts, styles and images", 'docs_asset', '*/*', binary, [...ANY_REQUEST, 404]);
  document.paths['/docs/{asset}'] = {
    get: {
      ...asset.get,
      parameters: [
        { name: 'asset', in: 'path', required: true, schema: { type: 'string', example: 'swagger-ui.css' } },
      ],
    },
  };
}

/**
 * What decorators cannot say: operations without `@RequireRole` are public (`security: []`), and
 * request bodies allow no other fields than those described.
 */
export function publishAsContract(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
  const schemas = (document.components?.schemas ?? {}) as Record<string, Schema>;
  for (const name of requestSchemaNames(document)) {
    if (schemas[name]?.type === 'object') schemas[name].additionalProperties = false;
  }
  documentTheDocs(document);
  return document;
}
