import fc from 'fast-check';
import { deref, type OpenApiDocument, type Schema } from './document';

/** A request body: a value to JSON-encode, or raw text sent as it is (malformed or very deep JSON). */
export type Body = { json: unknown } | { raw: string; contentType: string };

const DEPTH_BOMB = '['.repeat(10_000) + ']'.repeat(10_000);
const DEEP_OBJECT = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);

/** Strings that broke, or could break, something between the socket and the database. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  '\u0000',
  '\ud800',
  'x\udfffy',
  '😀'.repeat(50),
  'x'.repeat(5_000),
  'x'.repeat(100_000),
  '2027-12-01T10',
  '2027-12-01T10:00:00+01',
  '2027-W49-2T10:00',
  '2027-02-30T10:00:00Z',
  '0000-00-00',
  '+275760-09-13T00:00:00.000Z',
  'not-a-uuid',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffffff',
  "'; DROP TABLE users; --",
  '../../etc/passwd',
  '%00',
  '<script>alert(1)</script>',
  '"quoted"@example.com',
  'a@b',
  'Europe/Nowhere',
  'NaN',
  '-1',
  '1e309',
];

export const HOSTILE_VALUES: unknown[] = [
  ...HOSTILE_STRINGS,
  null,
  true,
  0,
  -1,
  -2147483649,
  2 ** 53,
  1e308,
  0.5,
  [],
  [1, 'a', null],
  {},
  { $gt: '' },
  { __proto__: { admin: true } },
  { constructor: { prototype: { polluted: true } } },
  [[[[[[[[[[[]]]]]]]]]]],
];

export interface GenContext {
  doc: OpenApiDocument;
  /** Real ids for a path or query parameter, by what they name (see fixture). */
  idsFor(name: string, path: string): string[];
}

/** Values the schema allows (as far as a schema says: ids are real ones when known). */
export function valid(ctx: GenContext, schema: Schema | undefined, name = '', depth = 0): fc.Arbitrary<unknown> {
  const s = deref(ctx.doc, schema);
  if (!s || depth > 6) return fc.constant(undefined);
  if (s.allOf) return valid(ctx, Object.assign({}, ...s.allOf.map((x: Schema) => deref(ctx.doc, x))), name, depth);
  if (s.oneOf || s.anyOf) return fc.oneof(...(s.oneOf ?? s.anyOf).map((x: Schema) => valid(ctx, x, name, depth + 1)));
  if (s.enum) return fc.constantFrom(...s.enum);
  const nullable = s.nullable
    ? (a: fc.Arbitrary<unknown>) => fc.oneof({ weight: 4, arbitrary: a }, { weight: 1, arbitrary: fc.constant(null) })
    : (a: fc.Arbitrary<unknown>) => a;
  switch (s.type) {
    case 'string':
      return nullable(validString(ctx, s, name));
    case 'integer':
      return nullable(fc.integer({ min: s.minimum ?? -5, max: Math.min(s.maximum ?? 1000, 2 ** 31 - 1) }));
    case 'number':
      return nullable(
        fc.oneof(
          fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 }),
          fc.double({ min: s.minimum ?? 0, max: s.maximum ?? 1000, noNaN: true }),
        ),
      );
    case 'boolean':
      return nullable(fc.boolean());
    case 'array':
      return nullable(
        fc.array(valid(ctx, s.items, name, depth + 1), {
          minLength: s.minItems ?? 0,
          maxLength: Math.min(s.maxItems ?? 3, 3),
        }),
      );
    case 'object':
    default: {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      if (!props.length) return nullable(fc.constant({}));
      const required = new Set<string>(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [p, ps] of props) model[p] = valid(ctx, ps, p, depth + 1);
      return nullable(fc.record(model, { requiredKeys: props.map(([p]) => p).filter((p) => required.has(p)) }));
    }
  }
}

function validString(ctx: GenContext, s: Schema, name: string): fc.Arbitrary<unknown> {
  const max = Math.min(s.maxLength ?? 40, 40);
  const min = Math.min(s.minLength ?? 0, max);
  if (s.format === 'uuid' || /Id$/.test(name) || name === 'id') {
    const real = ctx.idsFor(name, '');
    return real.length
      ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...real) }, { weight: 1, arbitrary: fc.uuid() })
      : fc.uuid();
  }
  if (s.format === 'date-time' || /^(start|from|to|at|date|availableFrom|availableTo)$|At$/.test(name)) {
    return fc.oneof(
      fc
        .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-01-01T00:00:00Z'), noInvalidDate: true })
        .map((d) => d.toISOString()),
      fc.constantFrom('2027-12-01T10:00:00Z', '2027-12-01T10:00', '2027-03-28T02:30:00', '2027-11-07T01:30:00'),
    );
  }
  if (s.format === 'email' || /email/i.test(name)) return fc.emailAddress();
  if (/timezone/i.test(name)) return fc.constantFrom('Europe/Berlin', 'America/New_York', 'UTC', 'Asia/Kolkata');
  if (/url/i.test(name)) return fc.constantFrom('https://example.com/hook', 'http://127.0.0.1:1/x');
  if (s.pattern) return fc.constantFrom('x', 'valid-1');
  return fc.string({ minLength: Math.max(min, 1), maxLength: Math.max(max, 1) });
}

/** A value of the wrong type or a dangerous one. */
export const hostile: fc.Arbitrary<unknown> = fc.constantFrom(...HOSTILE_VALUES);

/** Replaces, removes or adds one field somewhere in a valid value. */
function mutate(value: unknown, choose: number, replacement: unknown, mode: number): unknown {
  const slots: Array<{ parent: any; key: string | number }> = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 5 || !v || typeof v !== 'object') return;
    for (const [k, c] of Object.entries(v as object)) {
      slots.push({ parent: v, key: Array.isArray(v) ? Number(k) : k });
      walk(c, depth + 1);
    }
  };
  const copy = structuredClone(value);
  if (!copy || typeof copy !== 'object') return replacement;
  walk(copy, 0);
  if (mode === 0 || !slots.length) {
    // an extra, unknown property (at the top or somewhere inside)
    const objects = [
      copy,
      ...slots.map((s) => s.parent[s.key]).filter((o) => o && typeof o === 'object' && !Array.isArray(o)),
    ];
    (objects[choose % objects.length] as Record<string, unknown>)[`extra${choose % 3}`] = replacement;
    return copy;
  }
  const slot = slots[choose % slots.length];
  if (mode === 1 && !Array.isArray(slot.parent)) delete slot.parent[slot.key];
  else slot.parent[slot.key] = replacement;
  return copy;
}

/** Bodies: mostly valid or one field away from it, some wholly hostile, some not JSON at all. */
export function bodies(ctx: GenContext, schema: Schema | undefined): fc.Arbitrary<Body> {
  const good = valid(ctx, schema);
  return fc.oneof(
    { weight: 3, arbitrary: good.map((json) => ({ json })) },
    {
      weight: 5,
      arbitrary: fc
        .tuple(good, fc.nat(), hostile, fc.integer({ min: 0, max: 2 }))
        .map(([v, i, h, m]) => ({ json: mutate(v, i, h, m) })),
    },
    { weight: 1, arbitrary: hostile.map((json) => ({ json })) },
    {
      weight: 1,
      arbitrary: fc.constantFrom<Body>(
        { raw: DEPTH_BOMB, contentType: 'application/json' },
        { raw: DEEP_OBJECT, contentType: 'application/json' },
        { raw: '{"a":', contentType: 'application/json' },
        { raw: '', contentType: 'application/json' },
        { raw: '{"x":"\\u0000"}', contentType: 'application/json' },
        { raw: '{"x":"\\ud800"}', contentType: 'application/json' },
        { raw: 'plain text', contentType: 'text/plain' },
        { raw: `{"big":"${'y'.repeat(1_100_000)}"}`, contentType: 'application/json' },
      ),
    },
  );
}

/** A parameter's value as it goes on the wire: real, random or hostile (arrays become repeated query keys). */
export function parameterValue(
  ctx: GenContext,
  name: string,
  path: string,
  schema: Schema | undefined,
): fc.Arbitrary<string | string[]> {
  const real = ctx.idsFor(name, path);
  const asText = (v: unknown): string => (typeof v === 'string' ? v : (JSON.stringify(v) ?? ''));
  const options: Array<fc.WeightedArbitrary<string | string[]>> = [
    { weight: 3, arbitrary: valid(ctx, schema, name).map(asText) },
    { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_STRINGS.filter((x) => x.length < 10_000)) },
    { weight: 1, arbitrary: fc.array(fc.constantFrom('a', '1', 'published'), { minLength: 2, maxLength: 3 }) },
  ];
  if (real.length) options.push({ weight: 6, arbitrary: fc.constantFrom(...real) });
  return fc.oneof(...options);
}
