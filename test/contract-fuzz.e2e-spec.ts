import fc from 'fast-check';
import {
  builtOpenApiDocument,
  operations,
  deref,
  type OpenApiDocument,
  type OperationRef,
} from './support/openapi/document';
import { FuzzFixture, FUZZ_USERS, goodRequests } from './support/openapi/fixture';
import { bodies, parameterValue, type Body, type GenContext } from './support/openapi/generators';
import { contractProblems, type Received } from './support/openapi/contract';
import { ResponseValidator } from './support/openapi/validator';
import { ADMIN, TestApp, USER_PASSWORD } from './support/test-app';

/**
 * Every operation of the published OpenAPI document, as several roles, with inputs generated from its
 * request schema by fast-check: valid ones (real ids from a small fixture), one field away from valid,
 * and hostile ones. Every answer must be declared by the document (status, media type, schema), errors
 * must have the one error shape, and nothing may answer 5xx.
 *   FUZZ_SEED=<n>   replay a run (the seed is printed)
 *   FUZZ_RUNS=<n>   cases per operation and signed-in role (anonymous gets a third)
 *   FUZZ_DOCUMENT=<file.json>  check against a saved document instead of the built one
 * The document is the built API's (as `npm run web:client` reads it); the app under test is the
 * sources compiled by Jest, the same code.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 15);
const ROLES = ['admin', 'hiring_manager', 'interviewer', 'anonymous'] as const;
type FuzzRole = (typeof ROLES)[number];

interface Finding {
  op: string;
  role: FuzzRole;
  status: number;
  problem: string;
  input: string;
  count: number;
}

/** Operations that spoil the fixture for the rest go last: deletions, then closing states. */
function rank(o: OperationRef): number {
  if (o.method === 'DELETE') return 3;
  if (/\/(cancel|no-show|complete|archive|reopen|logout|password|sessions)$/.test(o.path)) return 2;
  if (o.path.includes('/users/{id}')) return 1;
  return 0;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** Percent-encodes, keeping lone surrogates as their (invalid) UTF-8 bytes instead of throwing. */
function encode(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value].map((c) => (/[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
  }
}

function preview(value: string | undefined, max = 160): string {
  if (value === undefined) return '';
  const s = JSON.stringify(value.length > max ? `${value.slice(0, max)}… (${value.length} chars)` : value);
  return s;
}

/** Strings that once gave 500s, put into every top-level body field and query parameter in turn. */
const SWEEP = ['a\u0000b', '\ud800', '2027-W49-2T10:00'];
const SWEEP_MAX = 24;

type Case = {
  path: Record<string, string | string[]>;
  query: Record<string, string | string[]>;
  body: Body | undefined;
};

function sweep(base: Case, bodySchema: unknown, queryNames: string[]): Case[] {
  const out: Case[] = [];
  const props = Object.keys((bodySchema ? deref(doc, bodySchema as Record<string, any>)?.properties : undefined) ?? {});
  const json =
    base.body &&
    'json' in base.body &&
    base.body.json &&
    typeof base.body.json === 'object' &&
    !Array.isArray(base.body.json)
      ? (base.body.json as object)
      : {};
  for (const p of props) for (const value of SWEEP) out.push({ ...base, body: { json: { ...json, [p]: value } } });
  for (const q of queryNames) for (const value of SWEEP) out.push({ ...base, query: { ...base.query, [q]: value } });
  return out.slice(0, SWEEP_MAX);
}
let doc: OpenApiDocument;

describe('the OpenAPI contract, fuzzed', () => {
  let t: TestApp;
  let fixture: FuzzFixture;
  let validator: ResponseValidator;
  const tokens = new Map<FuzzRole, string>();

  beforeAll(async () => {
    doc = await builtOpenApiDocument();
    validator = new ResponseValidator(doc);
    t = await TestApp.start('contract_fuzz');
    fixture = await new FuzzFixture(t).create();
  }, 400_000);
  afterAll(() => t?.close());

  /** Signs the roles in again when a fuzzed request (a logout, a role change) invalidated a token. */
  async function ensureTokens(): Promise<void> {
    for (const role of ROLES) {
      if (role === 'anonymous') continue;
      const current = tokens.get(role);
      if (
        current &&
        (await fetch(`${t.url}/api/v1/me`, { headers: { authorization: `Bearer ${current}` } })).status === 200
      )
        continue;
      const email = role === 'admin' ? ADMIN.email : FUZZ_USERS[role];
      const res = await t.login(email, role === 'admin' ? ADMIN.password : USER_PASSWORD);
      if (res.status !== 200) throw new Error(`cannot sign in as ${role} again: ${res.status} ${res.text}`);
      tokens.set(role, res.body.accessToken);
    }
  }

  it('checks what it claims to: undeclared statuses, media types, schema violations and error shapes are reported', () => {
    const kit = doc.paths['/api/v1/interviews/{id}']?.get;
    const ics = doc.paths['/api/v1/interviews/{id}/invite.ics']?.get;
    expect(kit && ics).toBeTruthy();
    const error = (status: number) =>
      JSON.stringify({ statusCode: status, error: 'Not Found', message: 'x', requestId: 'r-1' });
    expect(
      contractProblems(kit!, { status: 404, contentType: 'application/json', text: error(404) }, validator),
    ).toEqual([]);
    expect(
      contractProblems(kit!, { status: 418, contentType: 'application/json', text: error(418) }, validator),
    ).toContain('status 418 not declared');
    expect(
      contractProblems(
        kit!,
        { status: 200, contentType: 'application/json', text: JSON.stringify({ id: 1 }) },
        validator,
      ).join(),
    ).toMatch(/^schema: /);
    expect(
      contractProblems(
        kit!,
        { status: 404, contentType: 'application/json', text: JSON.stringify({ statusCode: 404, message: 'x' }) },
        validator,
      ).join(),
    ).toMatch(/error shape/);
    // an error of a file download is JSON, never the file's media type
    expect(
      contractProblems(ics!, { status: 404, contentType: 'application/json', text: error(404) }, validator),
    ).toEqual([]);
    expect(
      contractProblems(ics!, { status: 404, contentType: 'text/calendar', text: 'nope' }, validator).join(),
    ).toMatch(/error body is not the error shape/);
    // nullable (OpenAPI 3.0) with allOf, as the Swagger plugin writes `X | null`, allows null, and only then
    const question = { $ref: '#/components/schemas/KitQuestionResponse' };
    expect(
      validator.check(
        { type: 'object', properties: { q: { nullable: true, type: 'object', allOf: [question] } } },
        { q: null },
      ),
    ).toBeNull();
    expect(validator.check({ type: 'object', properties: { q: question } }, { q: null })).not.toBeNull();
  });

  it('answers every operation as declared, and never with a 5xx', async () => {
    const ctx: GenContext = { doc, idsFor: (name, path) => fixture.idsFor(name, path) };
    const ops = operations(doc).sort((a, b) => rank(a) - rank(b));
    const findings = new Map<string, Finding>();
    const fivexx: Finding[] = [];
    let cases = 0;
    const statuses = new Map<number, number>();
    const started = Date.now();
    process.stdout.write(`contract fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}, ${ops.length} operations\n`);

    /** Sends one case and records what differs from the document. */
    async function send(
      o: OperationRef,
      role: FuzzRole,
      url: string,
      body: string | undefined,
      headers: Record<string, string>,
    ): Promise<Received> {
      let res: Received;
      try {
        // a redirect (the SSO routes) is the operation's answer; following it would judge the web page instead
        const r = await fetch(t.url + url, { method: o.method, headers, body, redirect: 'manual' });
        res = {
          status: r.status,
          contentType: (r.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase(),
          text: await r.text(),
        };
      } catch (e) {
        res = { status: 599, contentType: '', text: `connection failed: ${String(e)}` };
      }
      cases++;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const input = `${o.method} ${preview(url, 200)}${body !== undefined ? ` body ${preview(body)}` : ''}`;
      if (res.status >= 500)
        fivexx.push({ op: o.id, role, status: res.status, problem: preview(res.text, 300), input, count: 1 });
      for (const problem of contractProblems(o.op, res, validator)) {
        const key = `${o.id} ${res.status} ${problem}`;
        const f = findings.get(key);
        if (f) f.count++;
        else findings.set(key, { op: o.id, role, status: res.status, problem, input, count: 1 });
      }
      return res;
    }

    // known-good requests first: the successes of writes are rarely reached by generated bodies
    const byId = new Map(ops.map((o) => [o.id, o]));
    for (const good of await goodRequests(t, fixture)) {
      const o = byId.get(`${good.method} ${good.template}`);
      if (!o) throw new Error(`no operation ${good.method} ${good.template} in the document`);
      await ensureTokens();
      const headers: Record<string, string> = { authorization: `Bearer ${tokens.get('admin')}` };
      if (good.body !== undefined) headers['content-type'] = 'application/json';
      const res = await send(
        o,
        'admin',
        good.url,
        good.body === undefined ? undefined : JSON.stringify(good.body),
        headers,
      );
      if (res.status >= 300)
        process.stdout.write(`  note: known-good ${o.id} answered ${res.status}: ${preview(res.text, 200)}\n`);
    }

    for (const o of ops) {
      await ensureTokens();
      const params = o.op.parameters ?? [];
      const bodySchema = o.op.requestBody?.content['application/json']?.schema;
      const queryNames = params.filter((p) => p.in === 'query').map((p) => p.name);
      const caseArb = fc.record({
        path: fc.record(
          Object.fromEntries(
            params
              .filter((p) => p.in === 'path')
              .map((p) => [p.name, parameterValue(ctx, p.name, o.path, deref(doc, p.schema))]),
          ),
        ),
        query: fc.record(
          Object.fromEntries(
            params
              .filter((p) => p.in === 'query')
              .map((p) => [p.name, parameterValue(ctx, p.name, o.path, deref(doc, p.schema))]),
          ),
          { requiredKeys: params.filter((p) => p.in === 'query' && p.required).map((p) => p.name) },
        ),
        body: o.op.requestBody ? bodies(ctx, bodySchema) : fc.constant<Body | undefined>(undefined),
      });
      for (const role of ROLES) {
        const runs = role === 'anonymous' ? Math.max(1, Math.ceil(RUNS / 3)) : RUNS;
        const samples: Case[] = fc.sample(caseArb, { seed: (SEED ^ hash(`${o.id} ${role}`)) >>> 0, numRuns: runs });
        if (role === 'admin') samples.push(...sweep(samples[0], bodySchema, queryNames));
        for (const sample of samples) {
          let url = o.path.replace(/\{(\w+)\}/g, (_, name) => encode([sample.path[name]].flat().join(',')));
          const query = Object.entries(sample.query as Record<string, string | string[]>)
            .flatMap(([k, v]) => [v].flat().map((x) => `${encode(k)}=${encode(String(x))}`))
            .join('&');
          if (query) url += `?${query}`;
          const headers: Record<string, string> = {};
          const token = tokens.get(role);
          if (token) headers.authorization = `Bearer ${token}`;
          let body: string | undefined;
          const b = sample.body as Body | undefined;
          if (b && 'raw' in b) {
            body = b.raw;
            headers['content-type'] = b.contentType;
          } else if (b && b.json !== undefined) {
            body = JSON.stringify(b.json);
            headers['content-type'] = 'application/json';
          }
          await send(o, role, url, body, headers);
        }
      }
    }

    const mismatches = [...findings.values()];
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const total = mismatches.reduce((n, f) => n + f.count, 0);
    process.stdout.write(
      `contract fuzz: ${ops.length} operations, ${cases} cases in ${seconds} s, ${fivexx.length} 5xx, ${total} contract mismatches (${mismatches.length} distinct), FUZZ_SEED=${SEED}\n`,
    );
    process.stdout.write(
      `  statuses: ${[...statuses]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ')}\n`,
    );
    for (const f of fivexx.slice(0, 40))
      process.stdout.write(`  5xx ${f.status} ${f.op} as ${f.role}: ${f.input} -> ${f.problem}\n`);
    for (const f of mismatches.slice(0, 80))
      process.stdout.write(`  mismatch ${f.op} ${f.status} x${f.count} (${f.problem}) e.g. as ${f.role}: ${f.input}\n`);
    expect(mismatches.map((f) => `${f.op} ${f.status}: ${f.problem}`)).toEqual([]);
    expect(fivexx.map((f) => `${f.op} ${f.status} as ${f.role}: ${f.input}`)).toEqual([]);
  }, 900_000);
});
