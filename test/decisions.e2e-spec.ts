import { EventEmitter2 } from '@nestjs/event-emitter';
import { DECIDE, PipelineFixture } from './support/pipeline-fixture';
import { TestApp } from './support/test-app';

const { HM, HM2, R, I1, I2 } = DECIDE;
const NOTHING = '00000000-0000-4000-8000-000000000000';

describe('decisions', () => {
  let t: TestApp;
  let f: PipelineFixture;
  let reasons: Array<{ id: string; label: string; active: boolean }>;
  const events: any[] = [];
  const decisionRows = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM candidate_decisions'))[0].n);
  const candidateRow = async (id: string) =>
    (
      await t.db.query<{ stage_id: string | null; status: string }>(
        'SELECT stage_id, status FROM candidates WHERE id = $1',
        [id],
      )
    )[0];

  beforeAll(async () => {
    t = await TestApp.start('decisions');
    t.app.get(EventEmitter2).on('candidate.decided', (p: unknown) => events.push(p));
    f = await new PipelineFixture(t).setUp();
    reasons = (await t.get('/api/v1/settings/rejection-reasons', HM)).body.items;
  });
  afterAll(() => t?.close());

  it('gives every candidate a stage and a status, filterable in GET /candidates', async () => {
    const id = await f.candidate('Fresh Face');
    const c = await t.get(`/api/v1/candidates/${id}`, HM);
    expect(c.body).toMatchObject({ stageId: null, stageName: null, status: 'active' });
    expect((await t.get('/api/v1/candidates?status=active', R)).body.items.map((x: { id: string }) => x.id)).toContain(
      id,
    );
    expect((await t.get('/api/v1/candidates?status=hired', R)).body.items).toEqual([]);
    const bad = await t.get('/api/v1/candidates?status=gone', R);
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
  });

  it('seeds the default rejection reasons; admins edit the list, nobody else', async () => {
    expect(reasons.map((r) => r.label)).toEqual([
      'Skills gap',
      'Experience level',
      'Culture add / values',
      'Compensation',
      'Position filled',
      'Candidate withdrew',
      'Other',
    ]);
    expect((await t.get('/api/v1/settings/rejection-reasons', R)).status).toBe(200);
    expect((await t.get('/api/v1/settings/rejection-reasons', I1)).status).toBe(403);
    const body = {
      reasons: [
        { id: reasons[0].id, label: 'Skills gap (technical)' },
        ...reasons.slice(1, 6).map(({ id, label }) => ({ id, label })),
        { label: 'Location' },
      ],
    };
    for (const who of [HM, R, I1])
      expect((await t.request('PUT', '/api/v1/settings/rejection-reasons', { as: who, body })).status).toBe(403);
    const unknown = await t.request('PUT', '/api/v1/settings/rejection-reasons', {
      as: 'admin',
      body: { reasons: [{ id: NOTHING, label: 'X' }] },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('reasons[0].id');
    const twice = await t.request('PUT', '/api/v1/settings/rejection-reasons', {
      as: 'admin',
      body: { reasons: [{ label: 'Same' }, { label: 'same' }] },
    });
    expect(twice.status).toBe(400);
    expect(
      (await t.request('PUT', '/api/v1/settings/rejection-reasons', { as: 'admin', body: { reasons: {} } })).status,
    ).toBe(400);
    const ok = await t.request('PUT', '/api/v1/settings/rejection-reasons', { as: 'admin', body });
    expect(ok.status).toBe(200);
    expect(ok.body.items.filter((r: { active: boolean }) => r.active).map((r: { label: string }) => r.label)).toEqual([
      'Skills gap (technical)',
      'Experience level',
      'Culture add / values',
      'Compensation',
      'Position filled',
      'Candidate withdrew',
      'Location',
    ]);
    // "Other" was left out: kept (past decisions cite it) but retired
    expect(ok.body.items.find((r: { id: string }) => r.id === reasons[6].id)).toMatchObject({
      label: 'Other',
      active: false,
    });
    reasons = ok.body.items;
    const audit = await t.get('/api/v1/audit-events?entityType=settings', 'admin');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toContain('rejection_reasons_updated');
  });

  describe('a candidate through the plan', () => {
    let id: string;
    let screenInterview: string;

    beforeAll(async () => {
      id = await f.candidate('Avery Adams');
    });

    it('advances from "not started" to the first stage, recorded with who, when, from and to', async () => {
      const res = await f.decide(id, { decision: 'advance', rationale: 'Strong CV' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        candidateId: id,
        decision: 'advance',
        fromStageId: null,
        fromStageName: null,
        toStageId: f.stage('Recruiter screen'),
        toStageName: 'Recruiter screen',
        fromStatus: 'active',
        toStatus: 'active',
        reason: null,
        rationale: 'Strong CV',
        override: null,
        missingAtDecision: [],
        decidedBy: { id: f.ids[HM], name: 'hana' },
        supersedesId: null,
      });
      expect(await candidateRow(id)).toEqual({ stage_id: f.stage('Recruiter screen'), status: 'active' });
      expect((await t.get(`/api/v1/candidates/${id}`, R)).body).toMatchObject({
        stageId: f.stage('Recruiter screen'),
        stageName: 'Recruiter screen',
        status: 'active',
      });
      expect(events.at(-1)).toMatchObject({
        decisionId: res.body.id,
        candidateId: id,
        positionId: f.positionId,
        decision: 'advance',
        toStageId: f.stage('Recruiter screen'),
        overridden: false,
        actorId: f.ids[HM],
      });
    });

    it('refuses to decide while a panelist of the current stage has not submitted (409 naming them), storing nothing', async () => {
      screenInterview = await f.interview(id, f.stage('Recruiter screen'), [I1, I2], {
        past: true,
        title: 'Screen call',
      });
      const cancelled = await f.interview(id, f.stage('Recruiter screen'), [I2], {
        past: true,
        title: 'Cancelled call',
      });
      await t.db.query(`UPDATE interviews SET status = 'cancelled' WHERE id = $1`, [cancelled]);
      await f.interview(id, f.stage('Technical'), [I2], { past: true, title: 'Later stage' });
      await f.submit(screenInterview, I1);
      const before = await decisionRows();
      for (const decision of [
        { decision: 'advance' },
        { decision: 'reject', reasonId: reasons[1].id },
        { decision: 'hire', rationale: 'Great' },
      ]) {
        const res = await f.decide(id, decision);
        expect(res.status).toBe(409);
        expect(res.body.message).toBe(
          'Scorecards missing from: ben (Screen call). Wait for them, or decide with override.reason',
        );
        expect(res.body.details.missing).toEqual([
          { interviewId: screenInterview, interviewTitle: 'Screen call', userId: f.ids[I2], name: 'ben' },
        ]);
      }
      expect(await decisionRows()).toBe(before);
      expect(await candidateRow(id)).toEqual({ stage_id: f.stage('Recruiter screen'), status: 'active' });
    });

    it('decides with an override, which stays on the record with who was missing', async () => {
      const res = await f.decide(id, {
        decision: 'advance',
        override: { reason: "Ben is on leave; Ana's notes are enough" },
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        toStageName: 'Technical',
        override: { reason: "Ben is on leave; Ana's notes are enough" },
        missingAtDecision: [
          { interviewId: screenInterview, interviewTitle: 'Screen call', userId: f.ids[I2], name: 'ben' },
        ],
      });
      const history = await t.get(`/api/v1/candidates/${id}/decisions`, HM);
      expect(history.body.items[0]).toMatchObject({
        id: res.body.id,
        override: { reason: "Ben is on leave; Ana's notes are enough" },
      });
      expect(history.body.items[0].missingAtDecision).toHaveLength(1);
      expect(events.at(-1)).toMatchObject({ decisionId: res.body.id, overridden: true });
    });

    it('moves back to an earlier stage only, and advances to a chosen later stage', async () => {
      const noStage = await f.decide(id, { decision: 'move_back' });
      expect(noStage.status).toBe(400);
      expect(noStage.body.message).toContain('toStageId');
      const forward = await f.decide(id, { decision: 'move_back', toStageId: f.stage('Onsite') });
      expect(forward.status).toBe(400);
      expect(forward.body.message).toContain('toStageId');
      const otherPlan = await f.plan(f.otherPositionId, ['Elsewhere']);
      expect((await f.decide(id, { decision: 'advance', toStageId: otherPlan[0].id })).status).toBe(400);
      const back = await f.decide(id, {
        decision: 'move_back',
        toStageId: f.stage('Recruiter screen'),
        rationale: 'Redo the screen',
      });
      expect(back.status).toBe(201);
      expect(back.body).toMatchObject({ fromStageName: 'Technical', toStageName: 'Recruiter screen' });
      await f.submit(screenInterview, I2);
      const skip = await f.decide(id, { decision: 'advance', toStageId: f.stage('Onsite') });
      expect(skip.status).toBe(201);
      expect(skip.body).toMatchObject({
        fromStageName: 'Recruiter screen',
        toStageName: 'Onsite',
        missingAtDecision: [],
      });
      const last = await f.decide(id, { decision: 'advance' });
      expect(last.status).toBe(400);
      expect(last.body.message).toBe('The candidate is already at the last stage; hire instead');
    });

    it('holds, rejects with a reason, reactivates and hires with a rationale; closed candidates need reactivating first', async () => {
      expect((await f.decide(id, { decision: 'hold', rationale: 'Budget freeze' })).body).toMatchObject({
        fromStatus: 'active',
        toStatus: 'on_hold',
      });
      expect((await f.decide(id, { decision: 'hold' })).status).toBe(409);
      const noReason = await f.decide(id, { decision: 'reject' });
      expect(noReason.status).toBe(400);
      expect(noReason.body.message).toContain('reasonId');
      const retired = await f.decide(id, { decision: 'reject', reasonId: reasons.find((r) => !r.active)!.id });
      expect(retired.status).toBe(400);
      expect(retired.body.message).toContain('reasonId');
      const rejected = await f.decide(id, {
        decision: 'reject',
        reasonId: reasons[1].id,
        rationale: 'Not senior enough yet',
      });
      expect(rejected.status).toBe(201);
      expect(rejected.body).toMatchObject({
        toStatus: 'rejected',
        reason: { id: reasons[1].id, label: 'Experience level' },
        toStageName: 'Onsite',
      });
      for (const decision of [
        { decision: 'advance' },
        { decision: 'hold' },
        { decision: 'hire', rationale: 'x' },
        { decision: 'withdraw' },
      ]) {
        const res = await f.decide(id, decision);
        expect(res.status).toBe(409);
        expect(res.body.message).toContain('reactivate');
      }
      expect((await f.decide(id, { decision: 'reactivate', rationale: 'Second look' })).body).toMatchObject({
        fromStatus: 'rejected',
        toStatus: 'active',
      });
      expect((await f.decide(id, { decision: 'reactivate' })).status).toBe(409);
      const noRationale = await f.decide(id, { decision: 'hire' });
      expect(noRationale.status).toBe(400);
      expect(noRationale.body.message).toContain('rationale');
      expect((await f.decide(id, { decision: 'hire', rationale: '   ' })).status).toBe(400);
      const hired = await f.decide(id, { decision: 'hire', rationale: 'Best systems thinking in the loop' }, 'admin');
      expect(hired.status).toBe(201);
      expect(hired.body).toMatchObject({ toStatus: 'hired', decidedBy: { name: 'Administrator' } });
      expect(await candidateRow(id)).toEqual({ stage_id: f.stage('Onsite'), status: 'hired' });
    });

    it('keeps every decision: history newest first, each superseding the one before, all in the audit trail', async () => {
      const history = (await t.get(`/api/v1/candidates/${id}/decisions`, R)).body.items;
      expect(history.map((d: { decision: string }) => d.decision)).toEqual([
        'hire',
        'reactivate',
        'reject',
        'hold',
        'advance',
        'move_back',
        'advance',
        'advance',
      ]);
      history.forEach((d: { supersedesId: string | null }, i: number) =>
        expect(d.supersedesId).toBe(history[i + 1]?.id ?? null),
      );
      expect(await decisionRows()).toBeGreaterThanOrEqual(history.length);
      for (const method of ['PUT', 'PATCH', 'DELETE']) {
        expect(
          (await t.request(method, `/api/v1/candidates/${id}/decisions/${history[0].id}`, { as: 'admin', body: {} }))
            .status,
        ).toBe(404);
      }
      const audit = (await t.get(`/api/v1/audit-events?entityType=candidate&entityId=${id}&limit=50`, 'admin')).body
        .items;
      expect(
        audit
          .filter((e: { action: string }) => e.action.startsWith('decision.'))
          .map((e: { action: string }) => e.action),
      ).toHaveLength(8);
      expect(events.filter((e) => e.candidateId === id)).toHaveLength(8);
    });
  });

  describe('who may decide', () => {
    let id: string;
    beforeAll(async () => {
      id = await f.candidate('Blair Brooks');
    });

    it("hides the candidate from interviewers and other positions' hiring managers (404)", async () => {
      for (const who of [I1, HM2]) {
        expect((await f.decide(id, { decision: 'hold' }, who)).status).toBe(404);
        expect((await t.get(`/api/v1/candidates/${id}/decisions`, who)).status).toBe(404);
      }
      expect((await f.decide(NOTHING, { decision: 'hold' })).status).toBe(404);
      expect((await f.decide('not-a-uuid', { decision: 'hold' })).status).toBe(400);
    });

    it('lets recruiters record holds and withdrawals but not the evaluation (403)', async () => {
      const evaluations = [
        { decision: 'advance' },
        { decision: 'reject', reasonId: reasons[0].id },
        { decision: 'hire', rationale: 'x' },
        { decision: 'move_back', toStageId: f.stage('Recruiter screen') },
      ];
      for (const body of evaluations) {
        expect((await f.decide(id, body, R)).status).toBe(403);
      }
      expect((await f.decide(id, { decision: 'hold' }, R)).status).toBe(201);
      expect((await f.decide(id, { decision: 'withdraw', rationale: 'Took another offer' }, R)).body).toMatchObject({
        toStatus: 'withdrawn',
        decidedBy: { id: f.ids[R] },
      });
      expect((await f.decide(id, { decision: 'reactivate' }, R)).status).toBe(403);
      expect((await t.get(`/api/v1/candidates/${id}/decisions`, R)).body.items).toHaveLength(2);
      expect(
        (await t.get(`/api/v1/candidates?status=withdrawn`, HM)).body.items.map((c: { id: string }) => c.id),
      ).toEqual([id]);
    });
  });

  describe('hostile input', () => {
    let id: string;
    beforeAll(async () => {
      id = await f.candidate('Casey Cole');
    });

    it.each([
      ['an unknown decision', { decision: 'promote' }, 'decision'],
      ['no decision', {}, 'decision'],
      ['a malformed stage id', { decision: 'advance', toStageId: 'stage-2' }, 'toStageId'],
      ['a stage id of nothing', { decision: 'advance', toStageId: NOTHING }, 'toStageId'],
      ['a reason id of nothing', { decision: 'reject', reasonId: NOTHING }, 'reasonId'],
      ['a malformed reason id', { decision: 'reject', reasonId: 42 }, 'reasonId'],
      ['a reason on something else than a rejection', { decision: 'hold', reasonId: NOTHING }, 'reasonId'],
      ['a 100k rationale', { decision: 'hire', rationale: 'x'.repeat(100_000) }, 'rationale'],
      ['a number as rationale', { decision: 'hire', rationale: 5 }, 'rationale'],
      ['an array as override', { decision: 'advance', override: ['skip'] }, 'override'],
      ['a string as override', { decision: 'advance', override: 'skip' }, 'override'],
      ['an empty override reason', { decision: 'advance', override: { reason: ' ' } }, 'override.reason'],
      ['an unknown field', { decision: 'hold', stage: 'x' }, 'stage'],
    ])('refuses %s with a 400 naming the field, storing nothing', async (_label, body, field) => {
      const before = await decisionRows();
      const res = await f.decide(id, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toContain(field);
      expect(await decisionRows()).toBe(before);
      expect(await candidateRow(id)).toEqual({ stage_id: null, status: 'active' });
    });

    it('makes two simultaneous decisions one after the other: one wins, the other sees its outcome', async () => {
      const id2 = await f.candidate('Dana Duo');
      const both = await Promise.all([f.decide(id2, { decision: 'hold' }), f.decide(id2, { decision: 'hold' })]);
      expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
      const both2 = await Promise.all([
        f.decide(id2, { decision: 'withdraw' }),
        f.decide(id2, { decision: 'reactivate' }),
      ]);
      expect(both2.every((r) => r.status === 201)).toBe(true);
      const history = (await t.get(`/api/v1/candidates/${id2}/decisions`, HM)).body.items;
      expect(history).toHaveLength(3);
      history.forEach((d: { supersedesId: string | null }, i: number) =>
        expect(d.supersedesId).toBe(history[i + 1]?.id ?? null),
      );
    });

    it('refuses a body that is an array or not JSON', async () => {
      expect((await f.decide(id, [{ decision: 'hold' }])).status).toBe(400);
      expect(
        (await t.request('POST', `/api/v1/candidates/${id}/decisions`, { as: HM, raw: '{"decision":' })).status,
      ).toBe(400);
      expect(await candidateRow(id)).toEqual({ stage_id: null, status: 'active' });
    });
  });
});
