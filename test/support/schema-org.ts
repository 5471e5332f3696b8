import path from 'node:path';
import ts from 'typescript';

/*
 * Checks JSON-LD against the schema.org vocabulary as the schema-dts package ships it (TypeScript
 * types generated from schema.org's own definitions): each document is typed as WithContext<T> and
 * compiled, so an unknown property, a property on the wrong type, an unknown @type or a value of
 * the wrong kind is a compile error. Nothing is fetched.
 */

const ROOT = path.resolve(__dirname, '../..');

export interface SchemaOrgDocument {
  /** The schema.org type the document claims to be, e.g. ClaimReview or DataFeed. */
  type: string;
  json: unknown;
}

/** The compiler's complaints about each document, by index; empty lists when all conform. */
export function schemaOrgProblems(documents: SchemaOrgDocument[]): string[][] {
  const files = new Map(
    documents.map(({ type, json }, index) => [
      path.join(ROOT, 'test', `__schema_org_check_${index}.ts`),
      `import type { ${type}, WithContext } from 'schema-dts';\n` +
        `export const document: WithContext<${type}> = ${JSON.stringify(json, null, 2)};\n`,
    ]),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => files.get(path.resolve(file)) ?? readFile(file);
  host.fileExists = (file) => files.has(path.resolve(file)) || fileExists(file);
  host.getSourceFile = (file, language) => {
    const text = files.get(path.resolve(file));
    return text !== undefined ? ts.createSourceFile(file, text, language) : getSourceFile(file, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const diagnostics = ts.getPreEmitDiagnostics(program);
  return [...files.keys()].map((file) =>
    diagnostics
      .filter((diagnostic) => diagnostic.file && path.resolve(diagnostic.file.fileName) === file)
      .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  );
}
