import { queriesOf } from './support/queries';
import { HiringFixture } from './support/hiring-fixture';
import { TestApp } from './support/test-app';

const HM = 'hank@example.com'; // hiring manager: reads pools
const R = 'reese@example.com'; // recruiter: manages pools
const LEAD = 'lena@example.com'; // a qualified interviewer who leads the interviews
const T = 'tom@example.com'; // a trainee who moves through the stages by writing scorecards
const U = 'uma@example.com'; // a trainee qualified by hand
const Q = 'quinn@example.com'; // a qualified member from the start

describe('interviewer pools and trainees', () => {
  let t: TestApp;
  let f: HiringFixture;
  let poolId = '';

  const pools = (as: string) => t.get('/api/v1/interviewer-pools', as);
  const pool = (id: string, as = R) => t.get(`/api/v1/interviewer-pools/${id}`, as);
  const create = (body: unknown, as = R) => t.post('/api/v1/interviewer-pools', body, as);
  const patch = (id: string, body: unknown, as = R) =>
    t.request('PATCH', `/api/v1/interviewer-pools/${id}`, { as, body });
  const put = (id: string, userId: string, body: unknown, as = R) =>
    t.request('PUT', `/api/v1/interviewer-pools/${id}/members/${userId}`, { as, body });
  const member = async (userId: string) =>
    (await pool(poolId)).body.members.find((m: { userId: string }) => m.userId === userId);
  /** An interview with the lead and the trainee, over an hour ago (moved with SQL: the API refuses the past). */
  const heldInterview = async (hoursAgo = 2) => {
    const kit = await f.schedule(24 * 3600_000, [LEAD, T]);
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - make_interval(hours => $2), ends_at = now() - make_interval(hours => $2) + interval '30 minutes' WHERE id = $1`,
      [kit.id, hoursAgo],
    );
    return kit;
  };
  const submit = async (as: string, interview: any) => {
    const card = (await t.get(`/api/v1/interviews/${interview.id}/scorecards/mine`, as)).body;
    const ratings = interview.questions.flatMap((q: any) =>
      q.criteria.map((c: any) => ({ questionId: q.id, criterionId: c.id, rating: 3 })),
    );
    const saved = await t.request('PUT', `/api/v1/interviews/${interview.id}/scorecards/mine`, {
      as,
      body: { version: card.version, overallRecommendation: 'yes', ratings },
    });
    if (saved.status !== 200) throw new Error(`save failed ${saved.status} ${saved.text}`);
    const done = await t.post(`/api/v1/interviews/${interview.id}/scorecards/mine/submit`, {}, as);
    if (done.status !== 200) throw new Error(`submit failed ${done.status} ${done.text}`);
  };

  beforeAll(async () => {
    t = await TestApp.start('pools');
    f = await HiringFixture.create(t, HM, [
      { email: LEAD, timezone: 'Europe/Berlin' },
      { email: T, timezone: 'America/New_York' },
      { email: U, timezone: 'Asia/Kolkata' },
      { email: Q, timezone: 'Europe/London' },
    ]);
    f.ids[R] = (await t.createUser(R, ['recruiter'])).id;
  });
  afterAll(() => t?.close());

  it('creates, reads and edits a pool; hiring managers read; interviewers get 403', async () => {
    const created = await create({
      name: '  Backend  ',
      description: 'System design loop',
      dailyLimit: 2,
      weeklyLimit: 4,
      shadowsRequired: 2,
      reverseShadowsRequired: 1,
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Backend',
      description: 'System design loop',
      dailyLimit: 2,
      weeklyLimit: 4,
      shadowsRequired: 2,
      reverseShadowsRequired: 1,
      members: [],
    });
    poolId = created.body.id;
    const defaults = await create({ name: 'Frontend' }, 'admin');
    expect(defaults.body).toMatchObject({
      description: null,
      dailyLimit: null,
      weeklyLimit: null,
      shadowsRequired: 2,
      reverseShadowsRequired: 2,
    });

    expect((await pools(HM)).body.items.map((p: { name: string }) => p.name)).toEqual(['Backend', 'Frontend']);
    expect((await pool(poolId, HM)).status).toBe(200);
    for (const as of [LEAD, T]) {
      expect((await pools(as)).status).toBe(403);
      expect((await pool(poolId, as)).status).toBe(403);
      expect((await create({ name: 'Mine' }, as)).status).toBe(403);
      expect((await patch(poolId, { name: 'Mine' }, as)).status).toBe(403);
      expect((await put(poolId, f.ids[LEAD], { trainee: false }, as)).status).toBe(403);
      expect((await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}`, { as })).status).toBe(403);
    }
    expect((await create({ name: 'Managers' }, HM)).status).toBe(403);
    expect((await patch(poolId, { dailyLimit: 1 }, HM)).status).toBe(403);
    expect((await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}`, { as: HM })).status).toBe(403);
    expect((await t.get('/api/v1/interviewer-pools')).status).toBe(401);

    const edited = await patch(poolId, { weeklyLimit: null, description: 'Design and coding' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: 'Backend',
      description: 'Design and coding',
      dailyLimit: 2,
      weeklyLimit: null,
      shadowsRequired: 2,
    });
    expect((await patch(poolId, {})).body).toMatchObject({ description: 'Design and coding', dailyLimit: 2 });
    expect((await pool('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await pool('not-a-uuid')).status).toBe(400);
    expect((await patch('00000000-0000-4000-8000-000000000000', { dailyLimit: 3 })).status).toBe(404);
  });

  it('refuses a duplicate name in any case with a 409', async () => {
    for (const name of ['Backend', 'backend', ' BACKEND ']) {
      const res = await create({ name });
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('name');
    }
    const renamed = await patch((await pools(R)).body.items[1].id, { name: 'backEND' });
    expect(renamed.status).toBe(409);
    expect((await patch(poolId, { name: 'BackEnd' })).status).toBe(200); // its own name, another case
    expect((await patch(poolId, { name: 'Backend' })).body.name).toBe('Backend');
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ name: ['a'] }, 'name'],
    [{ name: 'P', description: 12 }, 'description'],
    [{ name: 'P', description: 'd'.repeat(2001) }, 'description'],
    [{ name: 'P', dailyLimit: 0 }, 'dailyLimit'],
    [{ name: 'P', dailyLimit: -1 }, 'dailyLimit'],
    [{ name: 'P', dailyLimit: 1.5 }, 'dailyLimit'],
    [{ name: 'P', dailyLimit: '3' }, 'dailyLimit'],
    [{ name: 'P', weeklyLimit: 1e9 }, 'weeklyLimit'],
    [{ name: 'P', weeklyLimit: { $gt: 0 } }, 'weeklyLimit'],
    [{ name: 'P', shadowsRequired: null }, 'shadowsRequired'],
    [{ name: 'P', shadowsRequired: -2 }, 'shadowsRequired'],
    [{ name: 'P', reverseShadowsRequired: 51 }, 'reverseShadowsRequired'],
    [{ name: "P'; DROP TABLE interviewer_pools; --", owner: 'me' }, 'owner'],
  ])('refuses %j with a 400 naming %s', async (body, field) => {
    const res = await create(body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it.each([
    [{ name: null }, 'name'],
    [{ name: '' }, 'name'],
    [{ dailyLimit: 'many' }, 'dailyLimit'],
    [{ shadowsRequired: 1.2 }, 'shadowsRequired'],
    [{ id: '00000000-0000-4000-8000-000000000000' }, 'id'],
  ])('refuses the edit %j with a 400 naming %s', async (body, field) => {
    const res = await patch(poolId, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
  });

  it('adds members: active interviewers only, trainees start at shadow', async () => {
    const added = await put(poolId, f.ids[Q], { trainee: false });
    expect(added.status).toBe(200);
    expect(added.body.members).toEqual([
      {
        userId: f.ids[Q],
        name: 'quinn',
        email: Q,
        timezone: 'Europe/London',
        trainee: false,
        stage: 'qualified',
        completed: 0,
        remaining: 0,
      },
    ]);
    await put(poolId, f.ids[LEAD], { trainee: false });
    const trainee = await put(poolId, f.ids[T], { trainee: true });
    expect(trainee.body.members.find((m: { userId: string }) => m.userId === f.ids[T])).toMatchObject({
      trainee: true,
      stage: 'shadow',
      completed: 0,
      remaining: 2,
    });
    expect((await put(poolId, f.ids[U], { trainee: true })).status).toBe(200);
    expect((await pool(poolId)).body.members.map((m: { name: string }) => m.name)).toEqual([
      'lena',
      'quinn',
      'tom',
      'uma',
    ]);

    expect((await put(poolId, '00000000-0000-4000-8000-000000000000', { trainee: true })).status).toBe(404);
    expect((await put('00000000-0000-4000-8000-000000000000', f.ids[T], { trainee: true })).status).toBe(404);
    const manager = await put(poolId, f.ids[HM], { trainee: false });
    expect(manager.status).toBe(400);
    expect(manager.body.details[0].field).toBe('userId');
    for (const [body, field] of [
      [{}, 'trainee'],
      [{ trainee: 'yes' }, 'trainee'],
      [{ trainee: true, stage: 'qualified' }, 'stage'],
    ] as const) {
      const res = await put(poolId, f.ids[T], body);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain(field);
    }
    // the interviewer list shows each one's pools and stage
    const list = (await t.get('/api/v1/interviewers?limit=50', HM)).body.items;
    expect(list.find((i: { userId: string }) => i.userId === f.ids[T]).pools).toEqual([
      { id: poolId, name: 'Backend', stage: 'shadow' },
    ]);
    expect(list.find((i: { userId: string }) => i.userId === f.ids[Q]).pools).toEqual([
      { id: poolId, name: 'Backend', stage: 'qualified' },
    ]);
  });

  it('moves a trainee from shadow to reverse shadow to qualified as their scorecards are submitted', async () => {
    // training counts interviews from joining: move the joining back so that "held two hours ago" counts
    await t.db.query(`UPDATE interviewer_pool_members SET joined_at = now() - interval '3 days' WHERE user_id = $1`, [
      f.ids[T],
    ]);
    const before = await heldInterview(24 * 5); // before joining: does not count
    await submit(T, before);
    const first = await heldInterview();
    expect(await member(f.ids[T])).toMatchObject({ stage: 'shadow', completed: 0, remaining: 2 }); // not submitted yet
    await submit(T, first);
    expect(await member(f.ids[T])).toMatchObject({ stage: 'shadow', completed: 1, remaining: 1 });

    const cancelled = await f.schedule(26 * 3600_000, [LEAD, T]);
    await submit(T, await heldInterview());
    expect(await member(f.ids[T])).toMatchObject({
      trainee: true,
      stage: 'reverse_shadow',
      completed: 2,
      remaining: 1,
    });

    // a cancelled interview, one still running and one the lead submitted (not they) do not count
    expect(
      (await t.post(`/api/v1/interviews/${cancelled.id}/cancel`, { reason: 'Candidate withdrew' }, HM)).status,
    ).toBe(200);
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [cancelled.id],
    );
    const running = await f.schedule(27 * 3600_000, [LEAD, T]);
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '20 minutes' WHERE id = $1`,
      [running.id],
    );
    await submit(T, running);
    await submit(LEAD, await heldInterview());
    expect(await member(f.ids[T])).toMatchObject({ stage: 'reverse_shadow', completed: 2, remaining: 1 });
    expect(
      (await t.get('/api/v1/interviewers?limit=50', HM)).body.items.find(
        (i: { userId: string }) => i.userId === f.ids[T],
      ).pools[0].stage,
    ).toBe('reverse_shadow');

    await submit(T, await heldInterview());
    expect(await member(f.ids[T])).toMatchObject({ trainee: false, stage: 'qualified', completed: 3, remaining: 0 });

    // a new training count moves the stage at once; putting them back in training starts again
    expect(
      (await patch(poolId, { reverseShadowsRequired: 3 })).body.members.find(
        (m: { userId: string }) => m.userId === f.ids[T],
      ),
    ).toMatchObject({ stage: 'reverse_shadow', remaining: 2 });
    await patch(poolId, { reverseShadowsRequired: 1 });
    const again = await put(poolId, f.ids[T], { trainee: true });
    expect(again.body.members.find((m: { userId: string }) => m.userId === f.ids[T])).toMatchObject({
      trainee: true,
      stage: 'shadow',
      completed: 0,
      remaining: 2,
    });
  });

  it('qualifies a trainee by hand, recorded in qualified_at and the audit log', async () => {
    expect(await member(f.ids[U])).toMatchObject({ trainee: true, stage: 'shadow' });
    const res = await put(poolId, f.ids[U], { trainee: false });
    expect(res.status).toBe(200);
    expect(res.body.members.find((m: { userId: string }) => m.userId === f.ids[U])).toMatchObject({
      trainee: false,
      stage: 'qualified',
      remaining: 0,
    });
    const [row] = await t.db.query<{ qualified_at: Date | null; trainee: boolean }>(
      `SELECT qualified_at, trainee FROM interviewer_pool_members WHERE pool_id = $1 AND user_id = $2`,
      [poolId, f.ids[U]],
    );
    expect(row.trainee).toBe(false);
    expect(row.qualified_at).not.toBeNull();
    const audit = (await t.get(`/api/v1/audit-events?limit=100`, 'admin')).body.items;
    expect(audit.some((e: any) => e.action === 'pool_member_qualified' && e.entityId === f.ids[U])).toBe(true);
    // the same again changes nothing
    expect((await put(poolId, f.ids[U], { trainee: false })).status).toBe(200);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'pool_member_qualified'`))[0],
    ).toEqual({ n: 1 });
  });

  it('reads every pool with a fixed number of queries', async () => {
    const few = (await queriesOf(() => pools(R))).queries;
    for (let i = 0; i < 3; i++) {
      const p = await create({ name: `Extra ${i}`, shadowsRequired: 1 });
      await put(p.body.id, f.ids[T], { trainee: true });
      await put(p.body.id, f.ids[Q], { trainee: false });
    }
    const { queries, result } = await queriesOf(() => pools(R));
    expect(result.body.items).toHaveLength(5);
    expect(queries).toBe(few);
    expect(queries).toBeLessThanOrEqual(7);
  });

  it('removes members and pools', async () => {
    const removed = await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}/members/${f.ids[Q]}`, { as: R });
    expect(removed.status).toBe(200);
    expect(removed.body.members.map((m: { userId: string }) => m.userId)).not.toContain(f.ids[Q]);
    expect(
      (await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}/members/${f.ids[Q]}`, { as: R })).status,
    ).toBe(404);
    expect((await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}`, { as: 'admin' })).status).toBe(204);
    expect((await pool(poolId)).status).toBe(404);
    expect((await t.request('DELETE', `/api/v1/interviewer-pools/${poolId}`, { as: 'admin' })).status).toBe(404);
    expect(
      (await t.db.query(`SELECT count(*)::int AS n FROM interviewer_pool_members WHERE pool_id = $1`, [poolId]))[0],
    ).toEqual({ n: 0 });
    // its name is free again
    expect((await create({ name: 'backend' })).status).toBe(201);
  });
});
