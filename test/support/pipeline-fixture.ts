import type { TestApp } from './test-app';

export const DECIDE = {
  HM: 'hana@example.com', // hiring manager of the position
  HM2: 'hugo@example.com', // hiring manager of another position
  R: 'rita@example.com', // recruiter
  I1: 'ana@example.com', // interviewer "ana"
  I2: 'ben@example.com', // interviewer "ben"
};

/**
 * Users, a position with a three-stage plan (made through PUT /positions/:id/plan), candidates, and
 * interviews of a stage, moved into the past in SQL so that panelists can submit.
 */
export class PipelineFixture {
  readonly ids: Record<string, string> = {};
  positionId = '';
  otherPositionId = '';
  stages: Array<{ id: string; name: string }> = [];

  constructor(private readonly t: TestApp) {}

  async setUp(): Promise<this> {
    const { HM, HM2, R, I1, I2 } = DECIDE;
    this.ids[HM] = (await this.t.createUser(HM, ['hiring_manager'], { timezone: 'Europe/Berlin' })).id;
    this.ids[HM2] = (await this.t.createUser(HM2, ['hiring_manager'])).id;
    this.ids[R] = (await this.t.createUser(R, ['recruiter'])).id;
    this.ids[I1] = (await this.t.createUser(I1, ['interviewer'])).id;
    this.ids[I2] = (await this.t.createUser(I2, ['interviewer'])).id;
    this.positionId = (
      await this.t.post('/api/v1/positions', { title: 'Platform Engineer', hiringManagerId: this.ids[HM] }, R)
    ).body.id;
    this.otherPositionId = (
      await this.t.post('/api/v1/positions', { title: 'Data Analyst', hiringManagerId: this.ids[HM2] }, R)
    ).body.id;
    this.stages = await this.plan(this.positionId, ['Recruiter screen', 'Technical', 'Onsite']);
    return this;
  }

  async plan(positionId: string, names: string[]): Promise<Array<{ id: string; name: string }>> {
    const current = await this.t.get(`/api/v1/positions/${positionId}/plan`, DECIDE.R);
    const res = await this.t.request('PUT', `/api/v1/positions/${positionId}/plan`, {
      as: DECIDE.R,
      body: {
        revision: current.body.revision ?? 0,
        competencies: [],
        stages: names.map((name) => ({ name, templates: [] })),
      },
    });
    if (res.status !== 200) throw new Error(`plan: ${res.status} ${res.text}`);
    return res.body.stages.map((s: { id: string; name: string }) => ({ id: s.id, name: s.name }));
  }

  stage(name: string): string {
    const s = this.stages.find((x) => x.name === name);
    if (!s) throw new Error(`no stage ${name}`);
    return s.id;
  }

  async candidate(name: string, positionId = this.positionId): Promise<string> {
    const res = await this.t.post(
      '/api/v1/candidates',
      { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`, positionId },
      DECIDE.R,
    );
    if (res.status !== 201) throw new Error(`candidate: ${res.status} ${res.text}`);
    return res.body.id;
  }

  /**
   * An interview of `stage` for the candidate. `past`: it took place two hours ago and its feedback was due
   * `dueMinutesAgo` minutes ago (negative = still to come), so panelists may submit.
   */
  async interview(
    candidateId: string,
    stageId: string | null,
    panel: string[],
    o: { past?: boolean; startInMs?: number; title?: string; dueMinutesAgo?: number } = {},
  ): Promise<string> {
    const res = await this.t.post(
      '/api/v1/interviews',
      {
        candidateId,
        title: o.title ?? 'Technical interview',
        stage: 'technical',
        start: new Date(Date.now() + (o.startInMs ?? 3 * 86_400_000)).toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: panel.map((p, i) => ({ userId: this.ids[p], role: i === 0 ? 'lead' : 'shadow' })),
        allowConflicts: true,
        ...(stageId ? { planStageId: stageId } : {}),
      },
      DECIDE.R,
    );
    if (res.status !== 201) throw new Error(`interview: ${res.status} ${res.text}`);
    if (res.body.planStageId !== stageId)
      throw new Error(`interview: planStageId ${res.body.planStageId}, expected ${stageId}`);
    if (o.past) {
      await this.t.db.query(
        `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '75 minutes',
           feedback_due_at = now() - make_interval(mins => $2) WHERE id = $1`,
        [res.body.id, o.dueMinutesAgo ?? -600],
      );
    }
    return res.body.id;
  }

  async submit(interviewId: string, who: string): Promise<void> {
    const mine = await this.t.get(`/api/v1/interviews/${interviewId}/scorecards/mine`, who);
    const body = { version: mine.body.version, overallRecommendation: 'yes', summary: 'Solid' };
    const saved = await this.t.request('PUT', `/api/v1/interviews/${interviewId}/scorecards/mine`, { as: who, body });
    if (saved.status !== 200) throw new Error(`save: ${saved.status} ${saved.text}`);
    const done = await this.t.post(`/api/v1/interviews/${interviewId}/scorecards/mine/submit`, {}, who);
    if (done.status !== 200) throw new Error(`submit: ${done.status} ${done.text}`);
  }

  decide(candidateId: string, body: unknown, as = DECIDE.HM) {
    return this.t.post(`/api/v1/candidates/${candidateId}/decisions`, body, as);
  }
}
