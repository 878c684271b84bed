import { createOpenApiDocument } from '@app/platform';
import { TestApp } from './support/test-app';
import { ACTORS, AuthzFixture, FORBIDDEN_MARKERS, MARKERS, type Actor, type Side } from './support/authz/fixture';
import { expected, MATRIX, satisfies, type Entry } from './support/authz/matrix';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/** "GET /positions/{positionId}?x=1" → ["GET", "/api/v1/positions/{}"]: the shape the OpenAPI document names. */
function shape(route: string): [string, string] {
  const [method, target] = route.split(' ');
  const path = target.startsWith('//') ? target.slice(1) : `/api/v1${target}`;
  return [method.toUpperCase(), path.split('?')[0].replace(/\{[^}]+\}/g, '{}')];
}

const name = (e: Entry) => `${e.op}${e.label ? ` (${e.label})` : ''}`;

/**
 * Every operation of the OpenAPI document × every caller × hiring manager A's resource ("own") and
 * B's ("other"): the expected status, and no response to a caller who may not see a side carries
 * any of that side's marker strings (JSON, CSV, .ics, lists, summaries, home, pipeline).
 */
describe('authorization matrix', () => {
  let t: TestApp;
  let f: AuthzFixture;
  const operations = new Map<string, [string, string]>();

  beforeAll(async () => {
    t = await TestApp.start('authz_matrix');
    const doc = createOpenApiDocument(t.app);
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const m of METHODS) {
        const op = (item as Record<string, { operationId?: string } | undefined>)[m];
        if (op?.operationId) operations.set(op.operationId, [m.toUpperCase(), path.replace(/\{[^}]+\}/g, '{}')]);
      }
    }
    f = await AuthzFixture.create(t);
  }, 120_000);
  afterAll(() => t?.close());

  it('has an entry for every operation of the OpenAPI document, and none for an operation that is gone', () => {
    const missing = [...operations.keys()].filter((op) => !MATRIX.some((e) => e.op === op));
    const gone = [...new Set(MATRIX.map((e) => e.op))].filter((op) => !operations.has(op));
    const wrongRoute = MATRIX.filter(
      (e) => operations.has(e.op) && JSON.stringify(shape(e.route)) !== JSON.stringify(operations.get(e.op)),
    ).map((e) => `${name(e)}: entry ${shape(e.route).join(' ')}, document ${operations.get(e.op)!.join(' ')}`);
    expect({ missing, gone, wrongRoute }).toEqual({ missing: [], gone: [], wrongRoute: [] });
  });

  it("counts only the caller's positions in aggregates: calibration and rating statistics", async () => {
    // ivB submitted one scorecard, on B's interview: B's data for everyone but the recruiting team
    const calibration = async (as: string) =>
      (await t.get(`/api/v1/interviewers/${f.ids.ivB}/calibration`, as)).body.submittedScorecards;
    expect(await calibration('admin')).toBe(1);
    expect(await calibration(f.as('hmA')!)).toBe(0);
    const stats = async (as: string) =>
      (await t.get(`/api/v1/question-sets/${f.res.own.questionSetId}/rating-stats`, as)).body.items[0].ratings;
    expect(await stats('admin')).toBe(2);
    expect(await stats(f.as('hmA')!)).toBe(1);
  });

  it("gives each caller the expected status for own and other resources, and never another side's data", async () => {
    const failures: string[] = [];
    const leaks: string[] = [];
    let requests = 0;
    // reads first, on the fixture as built; then the changes, on throwaway resources where they would spoil it
    const ordered = [...MATRIX.filter((e) => !e.mutates), ...MATRIX.filter((e) => e.mutates)];
    for (const entry of ordered) {
      const sides: Side[] = entry.oneSide ? ['own'] : ['own', 'other'];
      for (const side of sides) {
        const prepared = entry.prepare ? await entry.prepare(f, side) : {};
        for (const actor of ACTORS) {
          const ctx: Record<string, any> = {
            ...f.res[side],
            publishedSetId: f.res.own.questionSetId,
            missingId: '00000000-0000-4000-8000-000000000000',
            smuggledInterviewId: f.res.other.smuggledInterviewId,
            ...prepared,
            ...(await fresh(entry, side)),
          };
          const [method, target] = entry.route.split(' ');
          const path = (target.startsWith('//') ? target.slice(1) : `/api/v1${target}`).replace(
            /\{(\w+)\}/g,
            (_, k: string) => {
              if (ctx[k] === undefined) throw new Error(`${name(entry)}: no value for {${k}}`);
              return encodeURIComponent(String(ctx[k]));
            },
          );
          const body = typeof entry.body === 'function' ? entry.body(ctx as never, f) : entry.body;
          const res = await t.request(method, path, {
            as: f.as(actor),
            ...(entry.text !== undefined
              ? { raw: entry.text, headers: { 'content-type': 'text/plain' } }
              : body !== undefined
                ? { body }
                : {}),
          });
          requests++;
          const want = expected(entry, actor, side);
          if (!satisfies(want, res.status))
            failures.push(
              `${name(entry)} as ${actor} on ${side}: expected ${want}, got ${res.status} ${res.text.slice(0, 160)}`,
            );
          const seen = leaked(actor, res.text);
          if (seen.length) leaks.push(`${name(entry)} as ${actor} on ${side} (${res.status}): ${seen.join(', ')}`);
        }
      }
    }
    const ops = new Set(MATRIX.map((e) => e.op)).size;
    // one line for the report: the figures of the run
    console.log(
      `authorization matrix: ${ops} operations, ${MATRIX.length} entries, ${requests} requests (${f.setupRequests} more to build fixtures), ${failures.length} status mismatches, ${leaks.length} leaks`,
    );
    expect({ failures, leaks }).toEqual({ failures: [], leaks: [] });
  }, 240_000);

  async function fresh(entry: Entry, side: Side): Promise<Record<string, unknown>> {
    switch (entry.fresh) {
      case undefined:
        return {};
      case 'candidate':
        return { freshId: await f.freshCandidate(side) };
      case 'position':
        return { freshId: await f.freshPosition(side) };
      case 'interview':
      case 'heldInterview': {
        const i = await f.freshInterview(side, entry.fresh === 'heldInterview');
        return { freshId: i.id, freshRevision: i.revision };
      }
      case 'set': {
        const s = await f.freshSet();
        const full = await f.current(`/question-sets/${s.id}`);
        return {
          freshId: s.id,
          freshRevision: s.revision,
          freshQuestionId: s.questionId,
          freshQuestionIds: full.questions.map((q: { id: string }) => q.id).reverse(),
        };
      }
    }
  }
});

/** The marker strings of sides this caller may not see that the response carries. */
function leaked(actor: Actor, text: string): string[] {
  const lower = text.toLowerCase();
  return FORBIDDEN_MARKERS[actor].flatMap((side) => MARKERS[side].filter((m) => lower.includes(m.toLowerCase())));
}
