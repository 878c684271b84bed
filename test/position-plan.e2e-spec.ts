import { TestApp } from './support/test-app';

const R = 'rina@example.com'; // recruiter
const HM = 'hugo@example.com'; // hiring manager of the position
const HM2 = 'hedda@example.com'; // hiring manager of another position
const I1 = 'iris@example.com';
const I2 = 'igor@example.com';

const BAD_UUID = '00000000-0000-4000-8000-000000000000';

describe('the interview plan of a position', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let positionId: string;
  let otherPositionId: string;
  let candidateId: string;
  let setId: string;
  let questionId: string;
  let draftSetId: string;
  let draftQuestionId: string;
  let plan: any;

  const put = (body: unknown, as = HM, id = positionId) =>
    t.request('PUT', `/api/v1/positions/${id}/plan`, { as, body });
  const stored = async () => (await t.get(`/api/v1/positions/${positionId}/plan`, HM)).body;
  const schedule = (body: Record<string, unknown>) =>
    t.post(
      '/api/v1/interviews',
      {
        candidateId,
        start: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: [{ userId: ids[I1], role: 'lead' }],
        allowConflicts: true,
        ...body,
      },
      R,
    );
  /** The current plan as a PUT body (a deep copy): everything with its id. */
  const asBody = (p: any): any =>
    structuredClone({
      revision: p.revision,
      competencies: p.competencies.map((c: any) => ({ id: c.id, name: c.name, description: c.description })),
      stages: p.stages.map((s: any) => ({
        id: s.id,
        name: s.name,
        templates: s.templates.map((x: any) => ({
          id: x.id,
          title: x.title,
          durationMinutes: x.durationMinutes,
          panelSize: x.panelSize,
          questionSetIds: x.questionSetIds,
          questionIds: x.questionIds,
          competencyIds: x.competencyIds,
        })),
      })),
    });

  beforeAll(async () => {
    t = await TestApp.start('position_plan');
    ids[R] = (await t.createUser(R, ['recruiter'])).id;
    ids[HM] = (await t.createUser(HM, ['hiring_manager'])).id;
    ids[HM2] = (await t.createUser(HM2, ['hiring_manager'])).id;
    ids[I1] = (await t.createUser(I1, ['interviewer'])).id;
    ids[I2] = (await t.createUser(I2, ['interviewer'])).id;
    const questions = [{ type: 'technical', prompt: 'Design a queue', criteria: [{ label: 'Ordering' }] }];
    setId = (await t.post('/api/v1/question-sets', { name: 'Backend', questions }, R)).body.id;
    expect((await t.post(`/api/v1/question-sets/${setId}/publish`, {}, R)).status).toBeLessThan(300);
    questionId = (await t.get(`/api/v1/question-sets/${setId}`, R)).body.questions[0].id;
    const draft = await t.post(
      '/api/v1/question-sets',
      { name: 'Draft', questions: [{ type: 'technical', prompt: 'Q', criteria: [{ label: 'C' }] }] },
      R,
    );
    draftSetId = draft.body.id;
    draftQuestionId = (await t.get(`/api/v1/question-sets/${draftSetId}`, R)).body.questions[0].id;
    positionId = (await t.post('/api/v1/positions', { title: 'Backend Engineer', hiringManagerId: ids[HM] }, R)).body
      .id;
    otherPositionId = (await t.post('/api/v1/positions', { title: 'Designer', hiringManagerId: ids[HM2] }, R)).body.id;
    candidateId = (
      await t.post('/api/v1/candidates', { name: 'Cleo Candidate', email: 'cleo@example.com', positionId }, R)
    ).body.id;
  });
  afterAll(() => t?.close());

  it('reads an empty plan at revision 0 before one is written', async () => {
    const res = await t.get(`/api/v1/positions/${positionId}/plan`, HM);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      positionId,
      revision: 0,
      updatedAt: null,
      competencies: [],
      stages: [],
      coverage: [],
      warnings: [],
    });
  });

  it('creates a three-stage plan; templates name new competencies by name; coverage and warnings follow', async () => {
    const res = await put({
      revision: 0,
      competencies: [
        { name: 'System design', description: 'Trade-offs at scale' },
        { name: 'Communication' },
        { name: 'Ownership' },
        { name: 'Testing' },
      ],
      stages: [
        {
          name: 'Phone screen',
          templates: [
            { title: 'Recruiter call', durationMinutes: 30, panelSize: 1, competencyNames: ['Communication'] },
          ],
        },
        {
          name: 'Onsite',
          templates: [
            {
              title: 'Architecture',
              durationMinutes: 60,
              panelSize: 2,
              questionSetIds: [setId],
              competencyNames: ['System design', 'communication'],
            },
            {
              title: 'Coding',
              durationMinutes: 60,
              panelSize: 1,
              questionIds: [questionId],
              competencyNames: ['Testing'],
            },
          ],
        },
        { name: 'Final', templates: [] },
      ],
    });
    expect(res.status).toBe(200);
    plan = res.body;
    expect(plan.revision).toBe(1);
    expect(plan.stages.map((s: any) => [s.name, s.order, s.templates.length])).toEqual([
      ['Phone screen', 0, 1],
      ['Onsite', 1, 2],
      ['Final', 2, 0],
    ]);
    const [design, comms, ownership, testing] = plan.competencies;
    expect(design).toMatchObject({ name: 'System design', description: 'Trade-offs at scale' });
    expect(comms.description).toBeNull();
    const architecture = plan.stages[1].templates[0];
    expect(architecture).toMatchObject({
      title: 'Architecture',
      durationMinutes: 60,
      panelSize: 2,
      questionSetIds: [setId],
      questionIds: [],
    });
    expect([...architecture.competencyIds].sort()).toEqual([design.id, comms.id].sort());
    expect(plan.stages[1].templates[1]).toMatchObject({ questionIds: [questionId], competencyIds: [testing.id] });

    const [screen, onsite, final] = plan.stages.map((s: any) => s.id);
    const row = (c: any) => plan.coverage.find((r: any) => r.competencyId === c.id);
    expect(row(design)).toEqual({
      competencyId: design.id,
      competencyName: 'System design',
      totalInterviewers: 2,
      stages: [
        { stageId: screen, interviews: 0, interviewers: 0 },
        { stageId: onsite, interviews: 1, interviewers: 2 },
        { stageId: final, interviews: 0, interviewers: 0 },
      ],
    });
    expect(row(comms).stages.map((s: any) => [s.interviews, s.interviewers])).toEqual([
      [1, 1],
      [1, 2],
      [0, 0],
    ]);
    expect(row(comms).totalInterviewers).toBe(3);
    expect(row(ownership).totalInterviewers).toBe(0);
    expect(plan.warnings.map((w: any) => [w.code, w.competencyId ?? w.stageId])).toEqual([
      ['competency_not_assessed', ownership.id],
      ['competency_single_rater', testing.id],
      ['stage_without_interviews', final],
    ]);
    expect(plan.warnings[0].message).toContain('Ownership');

    const audit = await t.db.query<{ action: string }>(
      `SELECT action FROM audit_events WHERE entity_type = 'position' AND entity_id = $1`,
      [positionId],
    );
    expect(audit.map((a) => a.action)).toContain('plan_updated');
    expect(await stored()).toEqual(plan);
  });

  it('keeps ids across a PUT, reorders and renames in place, and refuses a stale revision with the current one', async () => {
    const body = asBody(plan);
    body.stages[0].name = 'Recruiter screen';
    body.stages = [body.stages[0], body.stages[2], body.stages[1]];
    body.stages[1].templates.push({
      title: 'Values',
      durationMinutes: 45,
      panelSize: 2,
      competencyNames: ['Ownership'],
    });
    const res = await put(body, R);
    expect(res.status).toBe(200);
    expect(res.body.revision).toBe(2);
    expect(res.body.stages.map((s: any) => [s.id, s.name, s.order])).toEqual([
      [plan.stages[0].id, 'Recruiter screen', 0],
      [plan.stages[2].id, 'Final', 1],
      [plan.stages[1].id, 'Onsite', 2],
    ]);
    expect(res.body.stages[2].templates.map((x: any) => x.id)).toEqual(plan.stages[1].templates.map((x: any) => x.id));
    expect(res.body.competencies.map((c: any) => c.id)).toEqual(plan.competencies.map((c: any) => c.id));
    expect(res.body.warnings.map((w: any) => w.code)).toEqual(['competency_single_rater']);

    const stale = await put(asBody(plan));
    expect(stale.status).toBe(409);
    expect(stale.body.details).toEqual({ currentRevision: 2 });
    plan = res.body;
    expect(await stored()).toEqual(plan);
  });

  it('refuses hostile input with a 400 naming the field, and leaves the stored plan as it was', async () => {
    const base = () => asBody(plan);
    const cases: Array<[string, (b: any) => unknown]> = [
      [
        'stages.0',
        (b) => {
          b.stages[0] = [b.stages[0]];
          return b;
        },
      ],
      [
        'competencies',
        (b) => {
          b.competencies = { name: 'x' };
          return b;
        },
      ],
      [
        'stages.0.templates.0',
        (b) => {
          b.stages[0].templates[0] = 'interview';
          return b;
        },
      ],
      [
        'stages.0.templates.0.competencyIds.1',
        (b) => {
          b.stages[0].templates[0].competencyIds.push(BAD_UUID);
          return b;
        },
      ],
      [
        'stages.2.templates.0.competencyNames.0',
        (b) => {
          b.stages[2].templates[0].competencyNames = ['Cooking'];
          return b;
        },
      ],
      [
        'stages.2.templates.1.questionIds.1',
        (b) => {
          b.stages[2].templates[1].questionIds.push(draftQuestionId);
          return b;
        },
      ],
      [
        'stages.2.templates.0.questionSetIds.1',
        (b) => {
          b.stages[2].templates[0].questionSetIds.push(draftSetId);
          return b;
        },
      ],
      [
        'stages.2.templates.0.questionSetIds.0',
        (b) => {
          b.stages[2].templates[0].questionSetIds = [BAD_UUID];
          return b;
        },
      ],
      [
        'competencies.0.name',
        (b) => {
          b.competencies[0].name = 'x'.repeat(10_000);
          return b;
        },
      ],
      [
        'stages.1.name',
        (b) => {
          b.stages[1].name = 'y'.repeat(10_000);
          return b;
        },
      ],
      [
        'stages.1.name',
        (b) => {
          b.stages[1].name = 'Fi\u0000nal';
          return b;
        },
      ],
      [
        'stages.0.id',
        (b) => {
          b.stages[0].id = 'not-a-uuid';
          return b;
        },
      ],
      [
        'stages.0.id',
        (b) => {
          b.stages[0].id = BAD_UUID;
          return b;
        },
      ],
      [
        'stages.1.id',
        (b) => {
          b.stages[1].id = b.stages[0].id;
          return b;
        },
      ],
      [
        'competencies.1.id',
        (b) => {
          b.competencies[1].id = BAD_UUID;
          return b;
        },
      ],
      [
        'stages.2.templates.1.id',
        (b) => {
          b.stages[0].templates[0].id = plan.stages[2].templates[1].id;
          return b;
        },
      ],
      [
        'stages.1.name',
        (b) => {
          b.stages[1].name = b.stages[0].name.toUpperCase();
          return b;
        },
      ],
      [
        'stages.0.templates.0.durationMinutes',
        (b) => {
          b.stages[0].templates[0].durationMinutes = 4;
          return b;
        },
      ],
      [
        'stages.0.templates.0.panelSize',
        (b) => {
          b.stages[0].templates[0].panelSize = 11;
          return b;
        },
      ],
      [
        'stages.0.templates.0.panelSize',
        (b) => {
          b.stages[0].templates[0].panelSize = '2';
          return b;
        },
      ],
      [
        'stages',
        (b) => {
          b.stages = Array.from({ length: 13 }, (_, i) => ({ name: `S${i}`, templates: [] }));
          return b;
        },
      ],
      [
        'competencies',
        (b) => {
          b.competencies = Array.from({ length: 31 }, (_, i) => ({ name: `C${i}` }));
          return b;
        },
      ],
      [
        'stages.0.templates',
        (b) => {
          b.stages[0].templates = Array.from({ length: 11 }, (_, i) => ({
            title: `T${i}`,
            durationMinutes: 30,
            panelSize: 1,
          }));
          return b;
        },
      ],
      [
        'revision',
        (b) => {
          delete b.revision;
          return b;
        },
      ],
      [
        'stages.0.templates.0.extra',
        (b) => {
          b.stages[0].templates[0].extra = 1;
          return b;
        },
      ],
    ];
    const wrong: unknown[] = [];
    for (const [field, make] of cases) {
      const res = await put(make(base()));
      if (res.status !== 400 || !String(res.body.message).includes(field))
        wrong.push({ field, status: res.status, message: res.body.message });
    }
    expect(wrong).toEqual([]);
    // a competency removed by the same request cannot be assessed by it
    const dropped = base();
    const ownershipId = dropped.competencies[2].id;
    dropped.competencies.splice(2, 1);
    const res = await put(dropped);
    expect(res.status).toBe(400);
    expect(res.body.message).toContain(ownershipId);
    expect(await stored()).toEqual(plan);
  });

  it("shows and changes the plan only for the position's managers", async () => {
    for (const who of [I1, HM2]) {
      expect((await t.get(`/api/v1/positions/${positionId}/plan`, who)).status).toBe(404);
      expect((await put(asBody(plan), who)).status).toBe(404);
    }
    expect((await t.get(`/api/v1/positions/not-a-uuid/plan`, HM)).status).toBe(400);
    expect((await t.get(`/api/v1/positions/${BAD_UUID}/plan`, 'admin')).status).toBe(404);
    expect((await t.get(`/api/v1/positions/${positionId}/plan`, R)).status).toBe(200);
    expect((await t.get(`/api/v1/positions/${positionId}/plan`, 'admin')).status).toBe(200);
    expect((await t.request('GET', `/api/v1/positions/${positionId}/plan`, { token: null })).status).toBe(401);
    expect(await stored()).toEqual(plan);
  });

  it("puts interviews in a plan stage, names them after it, and refuses another position's stage", async () => {
    const onsite = plan.stages.find((s: any) => s.name === 'Onsite');
    const created = await schedule({ planStageId: onsite.id });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ planStageId: onsite.id, stage: 'Onsite', title: 'Onsite' });
    const kit = await t.get(`/api/v1/interviews/${created.body.id}`, I1);
    expect(kit.body.planStageId).toBe(onsite.id);
    const list = await t.get(`/api/v1/interviews?candidateId=${candidateId}`, HM);
    expect(list.body.items.map((i: any) => i.planStageId)).toEqual([onsite.id]);

    const withStage = await schedule({ planStageId: onsite.id, stage: 'technical' });
    expect(withStage.body).toMatchObject({ stage: 'technical', planStageId: onsite.id });

    const other = await put(
      { revision: 0, competencies: [], stages: [{ name: 'Portfolio review', templates: [] }] },
      HM2,
      otherPositionId,
    );
    expect(other.status).toBe(200);
    const before = Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM interviews'))[0].n);
    for (const planStageId of [other.body.stages[0].id, BAD_UUID, 'nope']) {
      const res = await schedule({ planStageId });
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('planStageId');
    }
    expect((await schedule({})).status).toBe(400); // neither stage nor planStageId
    expect(Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM interviews'))[0].n)).toBe(before);

    const screen = plan.stages.find((s: any) => s.name === 'Recruiter screen');
    const patch = (body: unknown) => t.request('PATCH', `/api/v1/interviews/${withStage.body.id}`, { as: R, body });
    const moved = await patch({ revision: withStage.body.revision, planStageId: screen.id });
    expect(moved.status).toBe(200);
    expect(moved.body.planStageId).toBe(screen.id);
    const wrong = await patch({ revision: moved.body.revision, planStageId: other.body.stages[0].id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('planStageId');
  });

  it('refuses to remove a stage interviews point at, names it, and never touches the interviews', async () => {
    const body = asBody(plan);
    body.stages = body.stages.filter((s: any) => s.name !== 'Onsite');
    const res = await put(body);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('Onsite');
    expect(res.body.details).toMatchObject({ stageName: 'Onsite', interviews: 1 });
    expect(await stored()).toEqual(plan);

    // renaming keeps the interview's own stage text: scheduled interviews never change
    const renamed = asBody(plan);
    renamed.stages.find((s: any) => s.name === 'Onsite').name = 'Onsite loop';
    renamed.stages = renamed.stages.filter((s: any) => s.name !== 'Final');
    const ok = await put(renamed);
    expect(ok.status).toBe(200);
    const rows = await t.db.query<{ stage: string; revision: number }>(
      `SELECT stage, revision FROM interviews WHERE plan_stage_id = $1`,
      [plan.stages[2].id],
    );
    expect(rows).toEqual([{ stage: 'Onsite', revision: 1 }]);
  });
});
