import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// the same script `npm run web:client` uses
const { openApiDocument, builtModules } = require('../../../scripts/web-client.js');

export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Schema> };
}

export interface OpenApiParameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
}

export interface OpenApiResponse {
  description?: string;
  content?: Record<string, { schema?: Schema }>;
}

export interface OpenApiOperation {
  operationId?: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  responses: Record<string, OpenApiResponse>;
  security?: unknown[];
}

export type Schema = Record<string, any>;

const root = join(__dirname, '../../..');

/**
 * The document as the built API serves it (and as the web client is generated from). Jest's own
 * compilation of the sources infers fewer response types than `nest build`, so the document of the
 * app under test in Jest would not be the published contract; the behaviour is the same code.
 */
export async function builtOpenApiDocument(): Promise<OpenApiDocument> {
  // FUZZ_DOCUMENT=<file.json>: check the API against a saved document instead (e.g. an older one)
  if (process.env.FUZZ_DOCUMENT) return JSON.parse(readFileSync(process.env.FUZZ_DOCUMENT, 'utf8'));
  const build = spawnSync(process.execPath, [join(root, 'scripts/run.js'), '--build'], {
    cwd: root,
    stdio: 'inherit',
    timeout: 300_000,
  });
  if (build.status !== 0) throw new Error(`node scripts/run.js --build failed (${build.status ?? build.signal})`);
  return JSON.parse(JSON.stringify(await openApiDocument(builtModules())));
}

export interface OperationRef {
  method: string;
  path: string;
  id: string;
  op: OpenApiOperation;
}

export function operations(doc: OpenApiDocument): OperationRef[] {
  const out: OperationRef[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'put', 'post', 'patch', 'delete'].includes(method)) continue;
      out.push({ method: method.toUpperCase(), path, id: `${method.toUpperCase()} ${path}`, op });
    }
  }
  return out;
}

/** Follows a local $ref. */
export function deref(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s && typeof s.$ref === 'string' && i < 20; i++)
    s = doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
  return s;
}
