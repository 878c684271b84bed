import { EventEmitter2 } from '@nestjs/event-emitter';
import { TestApp } from './support/test-app';

const R = 'rae@example.com';
const HM = 'hugh@example.com';
const HM2 = 'hana@example.com';
const I1 = 'lead@example.com';
const I2 = 'asker@example.com';
const I3 = 'shadow@example.com';
const OUT = 'outsider@example.com';

describe('scorecards', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let interviewId: string;
  let kit: any;
  const submitted: unknown[] = [];

  const mine = (as: string) => t.get(`/api/v1/interviews/${interviewId}/scorecards/mine`, as);
  const save = (as: string, body: Record<string, unknown>) =>
    t.request('PUT', `/api/v1/interviews/${interviewId}/scorecards/mine`, { as, body });
  const submit = (as: string) => t.post(`/api/v1/interviews/${interviewId}/scorecards/mine/submit`, {}, as);
  const ratingRows = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM scorecard_ratings'))[0].n);

  beforeAll(async () => {
    t = await TestApp.start('scorecards');
    t.app.get(EventEmitter2).on('scorecard.submitted', (e: unknown) => submitted.push(e));
    for (const [email, roles] of [
      [R, ['recruiter']],
      [HM, ['hiring_manager']],
      [HM2, ['hiring_manager']],
      [I1, ['interviewer']],
      [I2, ['interviewer']],
      [I3, ['interviewer']],
      [OUT, ['interviewer']],
    ] as const) {
      ids[email] = (await t.createUser(email, [...roles])).id;
    }
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Loop',
        questions: [
          {
            type: 'technical',
            prompt: 'Q1',
            criteria: [{ label: 'C1a' }, { label: 'C1b' }],
            followUps: [{ prompt: 'F1' }, { prompt: 'F2' }],
          },
          { type: 'behavioral', prompt: 'Q2', criteria: [{ label: 'C2' }] },
        ],
      },
      R,
    );
    await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, R);
    const position = await t.post('/api/v1/positions', { title: 'Engineer', hiringManagerId: ids[HM] }, R);
    const candidate = await t.post(
      '/api/v1/candidates',
      { name: 'Cand', email: 'cand@example.com', positionId: position.body.id },
      R,
    );
    const created = await t.post(
      '/api/v1/interviews',
      {
        candidateId: candidate.body.id,
        stage: 'onsite',
        start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I2], role: 'shadow' },
          { userId: ids[I3], role: 'shadow' },
        ],
      },
      HM,
    );
    interviewId = created.body.id;
    // Q1 is asked by I2, Q2 by whoever leads (I1)
    const set2 = (await t.get(`/api/v1/question-sets/${set.body.id}`, R)).body;
    await t.post(
      `/api/v1/interviews/${interviewId}/questions`,
      { questions: [{ questionId: set2.questions[0].id, askedBy: ids[I2] }, { questionId: set2.questions[1].id }] },
      HM,
    );
    // scheduled ahead (the API refuses the past), then held as the clock would have it: submitting needs a started interview
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [interviewId],
    );
    kit = (await t.get(`/api/v1/interviews/${interviewId}`, HM)).body;
  });
  afterAll(() => t?.close());

  const q1 = () => kit.questions[0];
  const q2 = () => kit.questions[1];

  it('creates a draft on first read, once, for panelists only', async () => {
    const [a, b] = await Promise.all([mine(I1), mine(I1)]);
    expect(a.status).toBe(200);
    expect(b.body.id).toBe(a.body.id);
    expect(a.body).toMatchObject({
      status: 'draft',
      version: 1,
      overallRecommendation: null,
      panelist: { id: ids[I1], name: 'lead' },
    });
    expect(a.body.questions.map((q: { assignedToMe: boolean }) => q.assignedToMe)).toEqual([false, true]);
    expect(a.body.missing.map((m: { label: string }) => m.label)).toEqual(['Overall recommendation', 'Question 2: C2']);
    expect((await mine(OUT)).status).toBe(404);
    expect((await mine(HM)).status).toBe(404);
    const asker = await mine(I2);
    expect(asker.body.missing.map((m: { label: string }) => m.label)).toEqual([
      'Overall recommendation',
      'Question 1: C1a',
      'Question 1: C1b',
    ]);
  });

  it.each([
    [{ ratings: [{ questionId: '__Q1__', criterionId: '__C1A__', rating: 5 }] }, 400, /rating/],
    [{ ratings: [{ questionId: '__Q1__', criterionId: 'nope', rating: 3 }] }, 400, /criterion/],
    [
      { ratings: [{ questionId: '00000000-0000-4000-8000-000000000000', criterionId: 'x', rating: 3 }] },
      400,
      /not on this interview/,
    ],
    [{ ratings: [{ questionId: '__Q1__', criterionId: '__C1A__', rating: 3, notAssessed: true }] }, 400, /not both/],
    [{ summary: 'x'.repeat(20_001) }, 400, /summary/],
    [{ overallRecommendation: 'maybe' }, 400, /overallRecommendation/],
    [{ questions: [{ questionId: '__Q1__', followUpsAsked: ['not-a-follow-up'] }] }, 400, /follow-up/],
  ])('refuses %j with %i, storing nothing', async (body, status, message) => {
    const current = (await mine(I2)).body;
    const filled = JSON.parse(
      JSON.stringify(body)
        .replace(/__Q1__/g, q1().id)
        .replace(/__C1A__/g, q1().criteria[0].id),
    );
    const before = await ratingRows();
    const res = await save(I2, { version: current.version, ...filled });
    expect({ status: res.status, message: res.body.message }).toEqual({
      status,
      message: expect.stringMatching(message),
    });
    expect(await ratingRows()).toBe(before);
    expect((await mine(I2)).body.version).toBe(current.version);
  });

  it('answers a 5 MB note with 413', async () => {
    const res = await save(I2, { version: 1, summary: 'x'.repeat(5 * 1024 * 1024) });
    expect(res.status).toBe(413);
  });

  it("saves partially and often; a stale save gets 409 with the current version, the other tab's data intact", async () => {
    const v1 = (await mine(I2)).body.version;
    const first = await save(I2, {
      version: v1,
      ratings: [{ questionId: q1().id, criterionId: q1().criteria[0].id, rating: 3, note: 'solid' }],
    });
    expect(first.status).toBe(200);
    expect(first.body.version).toBe(v1 + 1);
    const second = await save(I2, {
      version: v1 + 1,
      summary: 'Good signal',
      questions: [{ questionId: q1().id, notes: 'asked both', followUpsAsked: [q1().followUps[0].id] }],
    });
    expect(second.body.questions[0].criteria[0]).toMatchObject({ rating: 3, note: 'solid' });
    expect(second.body.questions[0].followUps.map((f: { asked: boolean }) => f.asked)).toEqual([true, false]);
    const stale = await save(I2, { version: v1, summary: 'from an old tab' });
    expect(stale.status).toBe(409);
    // the scorecard's own field, and the shared one of every stale write
    expect(stale.body.details).toEqual({ currentVersion: v1 + 2, currentRevision: v1 + 2 });
    const now = (await mine(I2)).body;
    expect(now.summary).toBe('Good signal');
    const [a, b] = await Promise.all([
      save(I2, { version: now.version, summary: 'tab A' }),
      save(I2, { version: now.version, summary: 'tab B' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect((await mine(I2)).body.summary).toBe(a.status === 200 ? 'tab A' : 'tab B');
    // clearing a rating: neither a value nor notAssessed
    const cleared = await save(I2, {
      version: (await mine(I2)).body.version,
      ratings: [{ questionId: q1().id, criterionId: q1().criteria[0].id }],
    });
    expect(cleared.body.questions[0].criteria[0].rating).toBeNull();
  });

  it('submits only when complete, listing what is missing; then locks', async () => {
    const cur = (await mine(I2)).body;
    const incomplete = await submit(I2);
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.details.missing.map((m: { label: string }) => m.label)).toEqual([
      'Overall recommendation',
      'Question 1: C1a',
      'Question 1: C1b',
    ]);
    expect(incomplete.body.message).toContain('Overall recommendation');
    await save(I2, {
      version: cur.version,
      overallRecommendation: 'yes',
      ratings: [
        { questionId: q1().id, criterionId: q1().criteria[0].id, rating: 4 },
        { questionId: q1().id, criterionId: q1().criteria[1].id, notAssessed: true },
      ],
    });
    const staleSubmit = await t.post(
      `/api/v1/interviews/${interviewId}/scorecards/mine/submit`,
      { version: cur.version },
      I2,
    );
    expect(staleSubmit.status).toBe(409);
    expect(staleSubmit.body.details).toEqual({ currentVersion: cur.version + 1, currentRevision: cur.version + 1 });
    const done = await submit(I2);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'submitted', overallRecommendation: 'yes', missing: [] });
    expect(submitted).toEqual([{ scorecardId: done.body.id, interviewId, panelistId: ids[I2] }]);
    expect((await save(I2, { version: done.body.version, summary: 'late edit' })).status).toBe(409);
    expect((await submit(I2)).status).toBe(409);
  });

  it("keeps the panel blind until their own is submitted; drafts stay their author's", async () => {
    await save(I1, {
      version: (await mine(I1)).body.version,
      overallRecommendation: 'strong_yes',
      summary: 'I1 draft',
      ratings: [{ questionId: q2().id, criterionId: q2().criteria[0].id, rating: 4 }],
    });
    const blind = await t.get(`/api/v1/interviews/${interviewId}/scorecards`, I1);
    expect(blind.body.blind).toBe(true);
    expect(blind.body.items.map((c: { panelist: { id: string } }) => c.panelist.id)).toEqual([ids[I1]]);
    expect(blind.body.pending.map((p: { id: string }) => p.id).sort()).toEqual([ids[I1], ids[I3]].sort());
    const i2 = await t.get(`/api/v1/interviews/${interviewId}/scorecards`, I2);
    expect(i2.body.blind).toBe(false);
    expect(i2.body.items.map((c: { panelist: { id: string } }) => c.panelist.id)).toEqual([ids[I2]]); // I1's draft is I1's alone
    const done = await t.post(`/api/v1/interviews/${interviewId}/scorecards/mine/submit`, {}, I1);
    expect(done.status).toBe(200);
    const seen = await t.get(`/api/v1/interviews/${interviewId}/scorecards`, I2);
    expect(seen.body.items.map((c: { panelist: { id: string } }) => c.panelist.id).sort()).toEqual(
      [ids[I1], ids[I2]].sort(),
    );
    await mine(I3);
    for (const who of [HM, R, 'admin']) {
      const res = await t.get(`/api/v1/interviews/${interviewId}/scorecards`, who);
      expect({
        who,
        ids: res.body.items.map((c: { panelist: { id: string } }) => c.panelist.id).sort(),
        blind: res.body.blind,
      }).toEqual({ who, ids: [ids[I1], ids[I2]].sort(), blind: false });
    }
    expect(
      (await t.get(`/api/v1/interviews/${interviewId}/scorecards`, I3)).body.items.map(
        (c: { panelist: { id: string } }) => c.panelist.id,
      ),
    ).toEqual([ids[I3]]);
    expect((await t.get(`/api/v1/interviews/${interviewId}/scorecards`, OUT)).status).toBe(404);
    expect((await t.get(`/api/v1/interviews/${interviewId}/scorecards`, HM2)).status).toBe(404);
  });

  it('lets a shadow without assigned questions submit with a recommendation alone', async () => {
    const cur = (await mine(I3)).body;
    expect(cur.missing).toEqual([{ kind: 'recommendation', label: 'Overall recommendation' }]);
    await save(I3, { version: cur.version, overallRecommendation: 'no' });
    expect((await submit(I3)).status).toBe(200);
  });

  it('reopens on purpose: by the author or an admin, recorded in the audit trail', async () => {
    const cards = (await t.get(`/api/v1/interviews/${interviewId}/scorecards`, HM)).body.items;
    const i1Card = cards.find((c: { panelist: { id: string } }) => c.panelist.id === ids[I1]);
    expect((await t.post(`/api/v1/interviews/${interviewId}/scorecards/${i1Card.id}/reopen`, {}, I2)).status).toBe(403);
    expect((await t.post(`/api/v1/interviews/${interviewId}/scorecards/${i1Card.id}/reopen`, {}, HM)).status).toBe(403);
    const reopened = await t.post(`/api/v1/interviews/${interviewId}/scorecards/${i1Card.id}/reopen`, {}, I1);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'draft', submittedAt: null, overallRecommendation: 'strong_yes' });
    expect((await t.post(`/api/v1/interviews/${interviewId}/scorecards/${i1Card.id}/reopen`, {}, I1)).status).toBe(409);
    await t.post(`/api/v1/interviews/${interviewId}/scorecards/mine/submit`, {}, I1);
    expect((await t.post(`/api/v1/interviews/${interviewId}/scorecards/${i1Card.id}/reopen`, {}, 'admin')).status).toBe(
      200,
    );
    const audit = await t.get(`/api/v1/audit-events?entityType=scorecard&entityId=${i1Card.id}`, 'admin');
    const actions = audit.body.items.map((e: { action: string; actorId: string }) => [e.action, e.actorId]);
    expect(actions.slice(0, 4)).toEqual([
      ['reopened', ids.admin ?? expect.any(String)],
      ['submitted', ids[I1]],
      ['reopened', ids[I1]],
      ['submitted', ids[I1]],
    ]);
    expect(audit.body.items.filter((e: { action: string }) => e.action === 'saved').length).toBeGreaterThan(0);
  });
});
