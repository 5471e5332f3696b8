/**
 * Requests built from the OpenAPI document alone, as a client generated from it would send them:
 * its examples, or the edges of its constraints.
 */

type Schema = Record<string, unknown>;

/**
 * `examples`: every property, each from its example (an enum's example, else its first value).
 * `required`: only the required properties (and one, where an object needs at least one).
 * `longest` / `shortest`: every property, free text at its maxLength or minLength in Cyrillic,
 * integers at their maximum or minimum, lists at their maxItems; patterned text keeps its example.
 */
export type ExampleMode = 'examples' | 'required' | 'longest' | 'shortest';

export class NoExample extends Error {}

/** Free text: a string whose only rule is "not blank", or none. */
const isFreeText = (schema: Schema) => schema.pattern === undefined || schema.pattern === '\\S';

export function exampleFor(document: Schema, schema: Schema, mode: ExampleMode, where = '(body)'): unknown {
  const schemas = ((document.components as Schema)?.schemas ?? {}) as Record<string, Schema>;
  if (typeof schema.$ref === 'string') {
    return exampleFor(document, schemas[schema.$ref.replace('#/components/schemas/', '')], mode, where);
  }
  if (Array.isArray(schema.allOf)) {
    const merged = Object.assign({}, ...(schema.allOf as Schema[]).map((part) => resolve(schemas, part)), schema);
    delete merged.allOf;
    return exampleFor(document, merged, mode, where);
  }
  if (Array.isArray(schema.oneOf)) return exampleFor(document, (schema.oneOf as Schema[])[0], mode, where);
  if (schema.type === 'object' || schema.properties) return objectExample(document, schema, mode, where);
  if (schema.type === 'array') {
    // A list's own example is taken whole; the longest list repeats its items in turn.
    const items =
      schema.example !== undefined
        ? (schema.example as unknown[])
        : [exampleFor(document, schema.items as Schema, mode, `${where}[]`)];
    const count = mode === 'longest' ? Number(schema.maxItems ?? 3) : items.length;
    // Items that must differ from each other are taken from the values the item may have.
    const choices = (schema.items as Schema | undefined)?.enum as unknown[] | undefined;
    if (schema.uniqueItems && choices) return choices.slice(0, count);
    return Array.from({ length: count }, (_, index) => items[index % items.length]);
  }
  if (schema.type === 'string' && isFreeText(schema) && schema.format === undefined) {
    if (mode === 'longest' && typeof schema.maxLength === 'number') return 'ж'.repeat(schema.maxLength);
    if (mode === 'shortest' && typeof schema.minLength === 'number' && schema.minLength > 0)
      return 'ж'.repeat(schema.minLength);
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    if (mode === 'longest' && typeof schema.maximum === 'number') return schema.maximum;
    if (mode === 'shortest' && typeof schema.minimum === 'number') return schema.minimum;
  }
  if (schema.example !== undefined) return schema.example;
  if (Array.isArray(schema.enum)) return schema.enum[0];
  if (schema.type === 'boolean') return true;
  throw new NoExample(`the document gives no example for ${where}`);
}

function resolve(schemas: Record<string, Schema>, schema: Schema): Schema {
  return typeof schema.$ref === 'string' ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
}

function objectExample(document: Schema, schema: Schema, mode: ExampleMode, where: string): Record<string, unknown> {
  if (schema.properties === undefined && schema.example !== undefined) return schema.example as Record<string, unknown>;
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = (schema.required ?? []) as string[];
  let names = mode === 'required' ? required : Object.keys(properties);
  if (names.length === 0 && Number(schema.minProperties ?? 0) > 0) names = Object.keys(properties).slice(0, 1);
  return Object.fromEntries(
    names.map((name) => [name, exampleFor(document, properties[name], mode, `${where}.${name}`)]),
  );
}
