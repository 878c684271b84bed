import { queriesOf } from './support/queries';
import { DECIDE, PipelineFixture } from './support/pipeline-fixture';
import { TestApp } from './support/test-app';

const { HM, HM2, R, I1, I2 } = DECIDE;

/** "Tue 10:00" as a reader in `timeZone` sees it. */
function weekdayTime(iso: string, timeZone: string): string {
  const p = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => p.find((x) => x.type === type)!.value;
  return `${get('weekday')} ${get('hour')}:${get('minute')}`;
}

describe('pipeline board and hiring home', () => {
  let t: TestApp;
  let f: PipelineFixture;
  const c: Record<string, string> = {};
  const iv: Record<string, string> = {};
  let reasonId: string;

  const board = (as = HM, query = '') => t.get(`/api/v1/positions/${f.positionId}/pipeline${query}`, as);
  const card = (body: any, id: string) =>
    body.stages
      .flatMap((s: any) => s.candidates.map((x: any) => ({ ...x, column: s.name })))
      .find((x: any) => x.id === id);
  const toTechnical = async (id: string) => {
    await f.decide(id, { decision: 'advance' });
    await f.decide(id, { decision: 'advance' });
  };

  beforeAll(async () => {
    t = await TestApp.start('pipeline');
    f = await new PipelineFixture(t).setUp();
    reasonId = (await t.get('/api/v1/settings/rejection-reasons', HM)).body.items[0].id;
    c.fresh = await f.candidate('Nia Fresh');
    c.scheduled = await f.candidate('Sam Scheduled');
    c.waiting = await f.candidate('Wes Waiting');
    c.ready = await f.candidate('Rae Ready');
    c.rejected = await f.candidate('Rex Rejected');
    c.elsewhere = await f.candidate('Olli Other', f.otherPositionId);
    for (const k of ['scheduled', 'waiting', 'ready']) await toTechnical(c[k]);
    iv.scheduled = await f.interview(c.scheduled, f.stage('Technical'), [I1], {
      startInMs: 2 * 86_400_000,
      title: 'System design',
    });
    iv.waiting = await f.interview(c.waiting, f.stage('Technical'), [I1, I2], {
      past: true,
      dueMinutesAgo: 30,
      title: 'Coding',
    });
    await f.submit(iv.waiting, I1);
    iv.ready = await f.interview(c.ready, f.stage('Technical'), [I1, I2], { past: true, title: 'Pairing' });
    await f.submit(iv.ready, I1);
    await f.submit(iv.ready, I2);
    // an interview of an earlier stage does not count for the current one
    await f.interview(c.ready, f.stage('Recruiter screen'), [I2], {
      past: true,
      title: 'Old screen',
      dueMinutesAgo: 60,
    });
    await f.decide(c.rejected, { decision: 'reject', reasonId });
    iv.elsewhere = await f.interview(c.elsewhere, null, [I1], { past: true, dueMinutesAgo: 10, title: 'Other loop' });
  });
  afterAll(() => t?.close());

  it("shows a column per stage with each candidate's interview and scorecard state", async () => {
    const res = await board();
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ positionId: f.positionId, positionTitle: 'Platform Engineer' });
    expect(res.body.stages.map((s: any) => [s.id, s.name, s.order])).toEqual([
      [null, 'Not started', 0],
      [f.stage('Recruiter screen'), 'Recruiter screen', 1],
      [f.stage('Technical'), 'Technical', 2],
      [f.stage('Onsite'), 'Onsite', 3],
    ]);
    expect(res.body.stages[0].candidates.map((x: any) => x.name)).toEqual(['Nia Fresh', 'Rex Rejected']);
    expect(res.body.stages[2].candidates.map((x: any) => x.name)).toEqual([
      'Rae Ready',
      'Sam Scheduled',
      'Wes Waiting',
    ]);
    expect(card(res.body, c.fresh)).toMatchObject({
      state: 'not_scheduled',
      label: 'Not scheduled',
      status: 'active',
      stageId: null,
      nextInterview: null,
      scorecards: { submitted: 0, expected: 0 },
      lastDecision: null,
    });
    const scheduled = card(res.body, c.scheduled);
    expect(scheduled).toMatchObject({
      state: 'scheduled',
      column: 'Technical',
      nextInterview: { id: iv.scheduled, title: 'System design' },
      scorecards: { submitted: 0, expected: 1 },
    });
    expect(scheduled.label).toBe(`Scheduled ${weekdayTime(scheduled.nextInterview.startsAt, 'Europe/Berlin')}`);
    expect(scheduled.lastDecision).toMatchObject({ decision: 'advance' });
    expect(card(res.body, c.waiting)).toMatchObject({
      state: 'awaiting_feedback',
      label: 'Awaiting feedback 1/2',
      scorecards: { submitted: 1, expected: 2 },
    });
    expect(card(res.body, c.ready)).toMatchObject({
      state: 'ready_to_decide',
      label: 'Ready to decide',
      scorecards: { submitted: 2, expected: 2 },
    });
    expect(card(res.body, c.rejected)).toMatchObject({
      state: 'decided',
      label: 'Rejected',
      status: 'rejected',
      lastDecision: { decision: 'reject' },
    });
    expect(card(res.body, c.elsewhere)).toBeUndefined();
  });

  it("labels the next interview in the reader's own timezone", async () => {
    const tokyo = 'tomo@example.com';
    await t.createUser(tokyo, ['recruiter'], { timezone: 'Asia/Tokyo' });
    const scheduled = card((await board(tokyo)).body, c.scheduled);
    expect(scheduled.label).toBe(`Scheduled ${weekdayTime(scheduled.nextInterview.startsAt, 'Asia/Tokyo')}`);
  });

  it('filters by status and by name', async () => {
    const rejected = await board(HM, '?status=rejected');
    expect(rejected.body.stages.flatMap((s: any) => s.candidates.map((x: any) => x.name))).toEqual(['Rex Rejected']);
    expect(rejected.body.stages).toHaveLength(4);
    const q = await board(HM, '?q=wes');
    expect(q.body.stages.flatMap((s: any) => s.candidates.map((x: any) => x.name))).toEqual(['Wes Waiting']);
    const bad = await board(HM, '?status=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('status');
  });

  it('is for the managers of the position only', async () => {
    expect((await board(R)).status).toBe(200);
    expect((await board('admin')).status).toBe(200);
    expect((await board(HM2)).status).toBe(404);
    expect((await board(I1)).status).toBe(404);
    expect((await t.get('/api/v1/positions/not-a-uuid/pipeline', HM)).status).toBe(400);
    expect((await t.get('/api/v1/positions/00000000-0000-4000-8000-000000000000/pipeline', 'admin')).status).toBe(404);
  });

  it('costs the same number of queries whatever the number of candidates and interviews', async () => {
    await board();
    const few = (await queriesOf(() => board())).queries;
    for (let i = 0; i < 4; i++) {
      const id = await f.candidate(`Extra ${i}`);
      await toTechnical(id);
      await f.interview(id, f.stage('Technical'), [I1, I2], { past: true });
    }
    const { queries, result: res } = await queriesOf(() => board());
    expect(queries).toBe(few);
    expect(res.body.stages[2].candidates).toHaveLength(7);
    expect(few).toBeLessThanOrEqual(10);
  });

  describe('hiring home', () => {
    it("lists decisions waiting, overdue scorecards and upcoming interviews on the caller's positions", async () => {
      const res = await t.get('/api/v1/me/hiring-home', HM);
      expect(res.status).toBe(200);
      expect(res.body.decisionsWaiting).toEqual([
        {
          candidateId: c.ready,
          candidateName: 'Rae Ready',
          positionId: f.positionId,
          positionTitle: 'Platform Engineer',
          stageName: 'Technical',
          submitted: 2,
          expected: 2,
        },
      ]);
      const overdue = res.body.overdueScorecards.map((o: any) => [o.interviewId, o.name]);
      expect(overdue).toContainEqual([iv.waiting, 'ben']);
      expect(overdue).not.toContainEqual([iv.waiting, 'ana']);
      expect(overdue.map((o: string[]) => o[0])).not.toContain(iv.elsewhere);
      expect(res.body.overdueScorecards.find((o: any) => o.interviewId === iv.waiting)).toMatchObject({
        interviewTitle: 'Coding',
        candidateName: 'Wes Waiting',
        userId: f.ids[I2],
      });
      expect(res.body.upcomingInterviews).toEqual([
        {
          id: iv.scheduled,
          title: 'System design',
          candidateName: 'Sam Scheduled',
          positionTitle: 'Platform Engineer',
          startsAt: expect.any(String),
        },
      ]);
    });

    it('scopes a hiring manager to their positions; admins see every position', async () => {
      const other = (await t.get('/api/v1/me/hiring-home', HM2)).body;
      expect(other.decisionsWaiting).toEqual([]);
      expect(other.upcomingInterviews).toEqual([]);
      expect(other.overdueScorecards.map((o: any) => [o.interviewId, o.name])).toEqual([[iv.elsewhere, 'ana']]);
      const admin = (await t.get('/api/v1/me/hiring-home', 'admin')).body;
      expect(admin.decisionsWaiting.map((d: any) => d.candidateId)).toEqual([c.ready]);
      expect(admin.overdueScorecards.map((o: any) => o.interviewId)).toEqual(
        expect.arrayContaining([iv.waiting, iv.elsewhere]),
      );
    });

    it('drops a candidate from the waiting list once decided, and is closed to recruiters and interviewers', async () => {
      await f.decide(c.ready, { decision: 'advance' });
      expect((await t.get('/api/v1/me/hiring-home', HM)).body.decisionsWaiting).toEqual([]);
      expect((await t.get('/api/v1/me/hiring-home', R)).status).toBe(403);
      expect((await t.get('/api/v1/me/hiring-home', I1)).status).toBe(403);
    });

    it('costs a fixed number of queries', async () => {
      await t.get('/api/v1/me/hiring-home', 'admin');
      expect((await queriesOf(() => t.get('/api/v1/me/hiring-home', 'admin'))).queries).toBeLessThanOrEqual(6);
    });
  });

  it('puts a candidate who has not started into the stage an interview is scheduled for, on the record', async () => {
    const id = await f.candidate('Pat Planned');
    const interviewId = await f.interview(id, f.stage('Recruiter screen'), [I1], {
      startInMs: 86_400_000,
      title: 'Intro call',
    });
    const moved = card((await board(R)).body, id);
    expect(moved).toMatchObject({
      column: 'Recruiter screen',
      stageId: f.stage('Recruiter screen'),
      state: 'scheduled',
      nextInterview: { id: interviewId },
    });
    const history = (await t.get(`/api/v1/candidates/${id}/decisions`, HM)).body.items;
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      decision: 'advance',
      fromStageId: null,
      toStageName: 'Recruiter screen',
      rationale: 'Interview scheduled for Recruiter screen',
      decidedBy: { id: f.ids[R] },
    });
    // recorded, but nobody is told of a move that booking made
    expect(await t.db.query(`SELECT id FROM reminders WHERE decision_id = $1`, [history[0].id])).toEqual([]);
    // a candidate already in a stage stays where they are
    await f.interview(id, f.stage('Technical'), [I2], { startInMs: 2 * 86_400_000, title: 'Later call' });
    expect(card((await board(R)).body, id)).toMatchObject({ column: 'Recruiter screen' });
    expect((await t.get(`/api/v1/candidates/${id}/decisions`, HM)).body.items).toHaveLength(1);
  });
});
