import { isUuidParam } from '@app/common';
import { createOpenApiDocument } from '@app/platform';
import { TestApp } from './support/test-app';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const VALID = '00000000-0000-4000-8000-000000000000';
const ROLES = ['admin', 'recruiter', 'hiring_manager', 'interviewer'] as const;

interface Target {
  method: string;
  template: string;
  param: string;
}

/**
 * Every route with an id in its path answers a malformed one the same way: 400, the parameter named
 * in the message and in `details`, whatever the route and before any lookup (never a 404 or a 500).
 */
describe('malformed ids in the path', () => {
  let t: TestApp;
  const targets: Target[] = [];
  const actors = new Map<string, string>();

  beforeAll(async () => {
    t = await TestApp.start('malformed_ids');
    const doc = createOpenApiDocument(t.app);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = (item as Record<string, { parameters?: Array<{ in?: string; name?: string }> } | undefined>)[m];
        for (const p of op?.parameters ?? []) {
          if (p.in === 'path' && isUuidParam(p.name))
            targets.push({ method: m.toUpperCase(), template: path, param: p.name! });
        }
      }
    }
    actors.set('admin', 'admin');
    for (const role of ROLES.slice(1)) actors.set(role, (await t.createUser(`${role}@malformed.test`, [role])).email);
  }, 120_000);
  afterAll(() => t?.close());

  it('finds the routes to check', () => {
    expect(targets.length).toBeGreaterThan(30);
    expect(targets.map((x) => x.param)).toEqual(expect.arrayContaining(['id', 'userId', 'questionId', 'scorecardId']));
  });

  it('answers each with the same 400 naming the parameter, for a caller the route admits', async () => {
    const problems: string[] = [];
    for (const target of targets) {
      const path = target.template.replace(/\{([^}]+)\}/g, (_, name: string) =>
        name === target.param ? 'not-a-uuid' : VALID,
      );
      let answered = false;
      for (const who of actors.values()) {
        const res = await t.request(target.method, path, {
          as: who,
          ...(['POST', 'PUT', 'PATCH'].includes(target.method) ? { body: {} } : {}),
        });
        if (res.status === 401 || res.status === 403) continue;
        answered = true;
        const expected = {
          statusCode: 400,
          error: 'Bad Request',
          message: `${target.param} must be a UUID`,
          details: [{ field: target.param, messages: [`${target.param} must be a UUID`] }],
        };
        const { requestId: _id, ...body } = (typeof res.body === 'object' && res.body) || { text: res.text };
        if (res.status !== 400 || JSON.stringify(body) !== JSON.stringify(expected))
          problems.push(`${target.method} ${path}: ${res.status} ${JSON.stringify(body)}`);
        break;
      }
      if (!answered) problems.push(`${target.method} ${path}: no role admitted`);
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
