import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { OpenApiDocument, Schema } from './document';

const DOC_ID = 'openapi-doc';

/**
 * OpenAPI 3.0 schemas are not JSON Schema: `nullable: true` allows null next to `type`, and `$ref`
 * siblings are ignored. This turns them into JSON Schema (draft 7, as Ajv reads it).
 */
export function toJsonSchema(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (!schema || typeof schema !== 'object') return schema;
  const s = schema as Schema;
  if (typeof s.$ref === 'string') {
    return { $ref: `${DOC_ID}#/components/schemas/${s.$ref.replace('#/components/schemas/', '')}` };
  }
  const out: Schema = {};
  for (const [k, v] of Object.entries(s)) {
    if (
      k === 'nullable' ||
      k === 'example' ||
      k === 'examples' ||
      k === 'xml' ||
      k === 'externalDocs' ||
      k === 'discriminator' ||
      k === 'deprecated' ||
      k === 'readOnly' ||
      k === 'writeOnly'
    )
      continue;
    if (k === 'properties')
      out.properties = Object.fromEntries(Object.entries(v as Schema).map(([p, ps]) => [p, toJsonSchema(ps)]));
    else if (typeof v === 'object' && v !== null) out[k] = toJsonSchema(v);
    else out[k] = v;
  }
  // nullable next to allOf/$ref (how the Swagger plugin writes `X | null`) or a type: null is one more choice
  if (s.nullable) return { anyOf: [out, { type: 'null' }] };
  return out;
}

/** Validates response bodies against the document's schemas. */
export class ResponseValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(doc: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: false, validateFormats: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ $id: DOC_ID, components: { schemas: toJsonSchema(doc.components.schemas) } });
  }

  /** null when valid, else the first problem in words. */
  check(schema: Schema, body: unknown): string | null {
    const key = JSON.stringify(schema);
    let fn = this.cache.get(key);
    if (!fn) {
      fn = this.ajv.compile(toJsonSchema(schema) as object);
      this.cache.set(key, fn);
    }
    if (fn(body)) return null;
    const e = fn.errors?.[0];
    return e
      ? `${e.instancePath || '(root)'} ${e.message}${e.params ? ' ' + JSON.stringify(e.params) : ''}`
      : 'invalid';
  }
}
