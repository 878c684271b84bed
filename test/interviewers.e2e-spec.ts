import { queriesOf } from './support/queries';
import { HiringFixture } from './support/hiring-fixture';
import { TestApp } from './support/test-app';

const HM = 'hank@example.com'; // hiring manager of the position
const R = 'reese@example.com'; // recruiter
const A = 'ada@example.com'; // interviewer whose pending scorecards we read
const B = 'bo@example.com'; // another interviewer on the same panels

describe('interviewers: pending scorecards', () => {
  let t: TestApp;
  let f: HiringFixture;
  /** Interviews by name: what A owes and what A must not see. */
  const iv: Record<string, any> = {};

  const pending = (id: string, as: string, query = '') =>
    t.get(`/api/v1/interviewers/${id}/pending-scorecards${query}`, as);
  /** Moves an interview: it ended `endedHoursAgo` ago and its feedback is due in `dueInHours` (negative: past). */
  const move = (id: string, endedHoursAgo: number, dueInHours: number) =>
    t.db.query(
      `UPDATE interviews SET starts_at = now() - make_interval(mins => $2::int * 60 + 30), ends_at = now() - make_interval(mins => $2::int * 60),
              feedback_due_at = now() + make_interval(mins => $3::int * 60) WHERE id = $1`,
      [id, endedHoursAgo, dueInHours],
    );
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
    t = await TestApp.start('interviewers');
    f = await HiringFixture.create(t, HM, [
      { email: A, timezone: 'Europe/Lisbon' },
      { email: B, timezone: 'America/Chicago' },
    ]);
    f.ids[R] = (await t.createUser(R, ['recruiter'])).id;
    // scheduled in the future (the API refuses the past), then moved with SQL as the clock would
    iv.ancient = await f.schedule(24 * 3600_000, [A, B]); // ended 90 days ago, overdue: A owes it (none), B submitted
    iv.recent = await f.schedule(25 * 3600_000, [B, A]); // ended 2 hours ago, due tomorrow: A has a draft
    iv.completed = await f.schedule(26 * 3600_000, [A]); // marked completed while still running: owed, not overdue
    iv.future = await f.schedule(27 * 3600_000, [A]); // not over yet: owes nothing
    iv.cancelled = await f.schedule(28 * 3600_000, [A]); // over but cancelled: owes nothing
    iv.done = await f.schedule(29 * 3600_000, [A, B]); // over, overdue, but A submitted: not listed for A

    expect((await t.get(`/api/v1/interviews/${iv.recent.id}/scorecards/mine`, A)).status).toBe(200); // first read creates A's draft
    expect(
      (await t.post(`/api/v1/interviews/${iv.cancelled.id}/cancel`, { reason: 'Candidate withdrew' }, HM)).status,
    ).toBe(200);

    await move(iv.ancient.id, 90 * 24, -89 * 24);
    await move(iv.recent.id, 2, 22);
    await move(iv.cancelled.id, 5, -3);
    await move(iv.done.id, 48, -24);
    // scorecards are submitted once the interview has started
    await submit(B, iv.ancient);
    await submit(A, iv.done);
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '10 minutes', ends_at = now() + interval '20 minutes', feedback_due_at = now() + interval '2 days' WHERE id = $1`,
      [iv.completed.id],
    );
    expect((await t.post(`/api/v1/interviews/${iv.completed.id}/complete`, {}, HM)).status).toBe(200);
  });
  afterAll(() => t?.close());

  it('lists the interviews that are over and not submitted, most urgent first, with overdue flags and totals', async () => {
    await t.tokenFor(A);
    const { queries, result: res } = await queriesOf(() => pending(f.ids[A], A));
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: { interviewId: string }) => i.interviewId)).toEqual([
      iv.ancient.id,
      iv.recent.id,
      iv.completed.id,
    ]);
    expect(res.body.totals).toEqual({ pending: 3, overdue: 1 });
    expect(res.body.page).toEqual({ limit: 20, nextCursor: null });
    const [ancient, recent, completed] = res.body.items;
    expect(ancient).toMatchObject({
      title: iv.ancient.title,
      stage: 'technical',
      status: 'scheduled',
      overdue: true,
      role: 'lead',
      candidate: { id: f.candidateId, name: 'Robin Reed' },
      position: { title: 'Backend Engineer' },
      scorecardState: 'none',
      draftUpdatedAt: null,
    });
    // the 60-day window the page used to have is gone: a 90-day-old overdue scorecard is listed
    expect(Date.now() - new Date(ancient.end).getTime()).toBeGreaterThan(89 * 86_400_000);
    expect(new Date(ancient.feedbackDueAt).getTime()).toBeLessThan(Date.now());
    expect(new Date(ancient.start).getTime()).toBeLessThan(new Date(ancient.end).getTime());
    expect(recent).toMatchObject({
      overdue: false,
      role: 'shadow',
      scorecardState: 'draft',
      draftUpdatedAt: expect.any(String),
    });
    expect(completed).toMatchObject({ status: 'completed', overdue: false, scorecardState: 'none' });
    expect(new Date(completed.end).getTime()).toBeGreaterThan(Date.now());
    expect(queries).toBeLessThanOrEqual(5); // auth lookup, the interviewer, their submitted interviews, the page with its totals, its drafts
  });

  it('leaves out what another panelist submitted and only counts their own', async () => {
    const res = await pending(f.ids[B], B);
    expect(res.status).toBe(200);
    // B submitted the ancient one; A's submission of the done one does not count for B
    expect(
      res.body.items.map((i: { interviewId: string; scorecardState: string; overdue: boolean; role: string }) => [
        i.interviewId,
        i.scorecardState,
        i.overdue,
        i.role,
      ]),
    ).toEqual([
      [iv.done.id, 'none', true, 'shadow'],
      [iv.recent.id, 'none', false, 'lead'],
    ]);
    expect(res.body.totals).toEqual({ pending: 2, overdue: 1 });
  });

  it('pages with the cursor and keeps the totals on every page', async () => {
    const first = await pending(f.ids[A], A, '?limit=2');
    expect(first.body.items.map((i: { interviewId: string }) => i.interviewId)).toEqual([iv.ancient.id, iv.recent.id]);
    expect(first.body.page).toEqual({ limit: 2, nextCursor: expect.any(String) });
    const second = await pending(f.ids[A], A, `?limit=2&cursor=${encodeURIComponent(first.body.page.nextCursor)}`);
    expect(second.body.items.map((i: { interviewId: string }) => i.interviewId)).toEqual([iv.completed.id]);
    expect(second.body.page.nextCursor).toBeNull();
    expect(second.body.totals).toEqual({ pending: 3, overdue: 1 });

    const bad = await pending(f.ids[A], A, '?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('cursor');
    const tooMany = await pending(f.ids[A], A, '?limit=500');
    expect(tooMany.status).toBe(400);
    expect(JSON.stringify(tooMany.body)).toContain('limit');
  });

  it("lets admins, recruiters and hiring managers read anyone's, an interviewer only their own", async () => {
    for (const as of ['admin', R, HM]) {
      const res = await pending(f.ids[A], as);
      expect(res.status).toBe(200);
      expect(res.body.totals).toEqual({ pending: 3, overdue: 1 });
    }
    const other = await pending(f.ids[A], B);
    expect(other.status).toBe(403);
    expect(other.body.message).toMatch(/own/);
    expect((await t.get(`/api/v1/interviewers/${f.ids[A]}/pending-scorecards`)).status).toBe(401);
  });

  it('answers a malformed id with 400 naming it, and someone who is not an interviewer with 404', async () => {
    const bad = await pending('not-a-uuid', A);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('id');
    const unknown = await pending('00000000-0000-4000-8000-000000000000', 'admin');
    expect(unknown.status).toBe(404);
    expect(unknown.body.message).toContain('00000000-0000-4000-8000-000000000000');
    expect((await pending(f.ids[HM], HM)).status).toBe(404);
  });
});

describe('interviewers: personal channel settings', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const URL_A = 'https://hooks.example.com/services/T000/B000/ada-secret-token';
  const entry = (page: any, id: string) => page.items.find((i: { userId: string }) => i.userId === id);

  beforeAll(async () => {
    t = await TestApp.start('interviewer_channels');
    for (const [email, roles] of [
      [A, ['interviewer']],
      [B, ['interviewer']],
      [R, ['recruiter']],
      [HM, ['hiring_manager']],
    ] as const)
      ids[email] = (await t.createUser(email, [...roles])).id;
    const saved = await t.request('PATCH', `/api/v1/interviewers/${ids[A]}`, { as: A, body: { webhookUrl: URL_A } });
    expect(saved.status).toBe(200);
    expect(saved.body.notifications).toEqual({ email: true, webhookUrl: URL_A });
  });
  afterAll(() => t?.close());

  it('shows a webhook URL to its owner and to admins only, in the list and one by one', async () => {
    for (const as of [A, 'admin']) {
      const list = await t.get('/api/v1/interviewers?limit=50', as);
      expect(list.status).toBe(200);
      expect(entry(list.body, ids[A]).notifications).toEqual({ email: true, webhookUrl: URL_A });
      expect((await t.get(`/api/v1/interviewers/${ids[A]}`, as)).body.notifications.webhookUrl).toBe(URL_A);
    }
    // admins also see that B has none (null), B sees their own null
    expect(entry((await t.get('/api/v1/interviewers?limit=50', 'admin')).body, ids[B]).notifications).toEqual({
      email: true,
      webhookUrl: null,
    });
    expect(entry((await t.get('/api/v1/interviewers?limit=50', B)).body, ids[B]).notifications).toEqual({
      email: true,
      webhookUrl: null,
    });
    for (const as of [B, R, HM]) {
      for (const path of [
        '/api/v1/interviewers?limit=50',
        `/api/v1/interviewers?q=ada`,
        `/api/v1/interviewers/${ids[A]}`,
      ]) {
        const res = await t.get(path, as);
        expect(res.status).toBe(200);
        const a = res.body.items ? entry(res.body, ids[A]) : res.body;
        expect(a.notifications).toEqual({ email: true });
        expect(res.text).not.toContain('ada-secret-token');
        expect(res.text).not.toContain('hooks.example.com');
      }
    }
  });

  it('lets only the owner or an admin change it; a recruiter editing the profile does not see it', async () => {
    const byRecruiter = await t.request('PATCH', `/api/v1/interviewers/${ids[A]}`, {
      as: R,
      body: { webhookUrl: 'https://attacker.example/collect' },
    });
    expect(byRecruiter.status).toBe(403);
    expect(byRecruiter.body.message).toMatch(/webhook/);
    const cleared = await t.request('PATCH', `/api/v1/interviewers/${ids[A]}`, { as: R, body: { webhookUrl: null } });
    expect(cleared.status).toBe(403);
    const titled = await t.request('PATCH', `/api/v1/interviewers/${ids[A]}`, {
      as: R,
      body: { title: 'Staff Engineer' },
    });
    expect(titled.status).toBe(200);
    expect(titled.body.title).toBe('Staff Engineer');
    expect(titled.body.notifications).toEqual({ email: true });
    expect((await t.get(`/api/v1/interviewers/${ids[A]}`, A)).body.notifications.webhookUrl).toBe(URL_A);
    const byAdmin = await t.request('PATCH', `/api/v1/interviewers/${ids[B]}`, {
      as: 'admin',
      body: { webhookUrl: 'https://hooks.example.com/bo' },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.notifications.webhookUrl).toBe('https://hooks.example.com/bo');
    // the audit trail records that it changed, not the credential
    const trail = await t.get('/api/v1/audit-events?limit=100', 'admin');
    expect(trail.status).toBe(200);
    expect(trail.text).not.toContain('ada-secret-token');
    expect(trail.text).not.toContain('hooks.example.com/bo');
  });

  it('refuses an internal webhook URL with a 400 naming the field and keeps the old one', async () => {
    for (const url of [
      'http://169.254.169.254/latest/meta-data/',
      'http://metadata.google.internal/',
      'http://10.0.0.5/hook',
      'http://[fd00::1]/',
      'gopher://hooks.example.com/',
    ]) {
      const res = await t.request('PATCH', `/api/v1/interviewers/${ids[A]}`, { as: A, body: { webhookUrl: url } });
      expect([url, res.status]).toEqual([url, 400]);
      expect(res.body.message).toContain('webhookUrl');
      expect(JSON.stringify(res.body.details)).toContain('webhookUrl');
    }
    expect((await t.get(`/api/v1/interviewers/${ids[A]}`, A)).body.notifications.webhookUrl).toBe(URL_A);
  });
});
