import type { TestApp } from '../test-app';

/** Who the fuzz signs in as (besides anonymous); the admin is the configured first admin. */
export const FUZZ_USERS = {
  hiring_manager: 'fuzz-hm@example.com',
  interviewer: 'fuzz-interviewer@example.com',
  recruiter: 'fuzz-recruiter@example.com',
  // the user the /users/{id} operations get as a real id, so that no fuzzed PATCH deactivates a signed-in role
  victim: 'fuzz-victim@example.com',
};

/**
 * One of each resource, so that path parameters can be real ids: a published set with a question, a
 * position with a planned stage, a candidate, an upcoming interview with a panelist's scorecard, and
 * a heartbeat job.
 */
export class FuzzFixture {
  readonly ids: Record<string, string> = {};

  constructor(private readonly t: TestApp) {}

  async create(): Promise<this> {
    const t = this.t;
    const ok = (res: { status: number; text: string }, what: string, status = [200, 201, 202]) => {
      if (!status.includes(res.status)) throw new Error(`fixture ${what}: ${res.status} ${res.text}`);
      return res as { status: number; text: string; body: any };
    };
    this.ids.admin = ok(await t.get('/api/v1/me', 'admin'), 'me').body.id;
    this.ids.hm = (await t.createUser(FUZZ_USERS.hiring_manager, ['hiring_manager'])).id;
    this.ids.interviewer = (
      await t.createUser(FUZZ_USERS.interviewer, ['interviewer'], { timezone: 'Europe/Berlin' })
    ).id;
    this.ids.recruiter = (await t.createUser(FUZZ_USERS.recruiter, ['recruiter'])).id;
    this.ids.victim = (await t.createUser(FUZZ_USERS.victim, ['interviewer'])).id;
    const set = ok(
      await t.post(
        '/api/v1/question-sets',
        {
          name: 'Fuzz kit',
          questions: [
            {
              type: 'technical',
              prompt: 'Explain consistent hashing',
              followUps: [{ prompt: 'Hot keys?' }],
              criteria: [{ label: 'Virtual nodes' }],
            },
          ],
        },
        'admin',
      ),
      'set',
    );
    this.ids.set = set.body.id;
    this.ids.question = set.body.questions[0].id;
    this.ids.criterion = set.body.questions[0].criteria?.[0]?.id ?? '';
    ok(
      await t.post(`/api/v1/question-sets/${this.ids.set}/publish`, { revision: set.body.revision }, 'admin'),
      'publish',
    );
    this.ids.position = ok(
      await t.post('/api/v1/positions', { title: 'Fuzz Engineer', hiringManagerId: this.ids.hm }, 'admin'),
      'position',
    ).body.id;
    const plan = ok(
      await t.request('PUT', `/api/v1/positions/${this.ids.position}/plan`, {
        as: 'admin',
        body: { revision: 0, competencies: [], stages: [{ name: 'Technical', templates: [] }] },
      }),
      'plan',
    );
    this.ids.stage = plan.body.stages[0].id;
    this.ids.candidate = ok(
      await t.post(
        '/api/v1/candidates',
        { name: 'Fuzz Candidate', email: 'fuzz.candidate@example.com', positionId: this.ids.position },
        'admin',
      ),
      'candidate',
    ).body.id;
    this.ids.interview = ok(
      await t.post(
        '/api/v1/interviews',
        {
          candidateId: this.ids.candidate,
          stage: 'technical',
          start: new Date(Date.now() + 3 * 86_400_000).toISOString(),
          durationMinutes: 45,
          timezone: 'Europe/Berlin',
          panel: [{ userId: this.ids.interviewer, role: 'lead' }],
          questions: [{ setId: this.ids.set }],
          allowConflicts: true,
        },
        'admin',
      ),
      'interview',
    ).body.id;
    this.ids.scorecard = ok(
      await t.get(`/api/v1/interviews/${this.ids.interview}/scorecards/mine`, FUZZ_USERS.interviewer),
      'scorecard',
    ).body.id;
    // a past interview with a submitted scorecard, so that summaries, debriefs and stats have data (and nulls)
    const past = ok(
      await t.post(
        '/api/v1/interviews',
        {
          candidateId: this.ids.candidate,
          stage: 'technical',
          planStageId: this.ids.stage,
          start: new Date(Date.now() + 5 * 86_400_000).toISOString(),
          durationMinutes: 45,
          timezone: 'America/New_York',
          panel: [
            { userId: this.ids.interviewer, role: 'lead' },
            { userId: this.ids.victim, role: 'shadow' },
          ],
          questions: [{ setId: this.ids.set }],
          allowConflicts: true,
        },
        'admin',
      ),
      'past interview',
    ).body.id;
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '75 minutes', feedback_due_at = now() - interval '10 minutes' WHERE id = $1`,
      [past],
    );
    const mine = ok(
      await t.get(`/api/v1/interviews/${past}/scorecards/mine`, FUZZ_USERS.interviewer),
      'past scorecard',
    ).body;
    ok(
      await t.request('PUT', `/api/v1/interviews/${past}/scorecards/mine`, {
        as: FUZZ_USERS.interviewer,
        body: {
          version: mine.version,
          overallRecommendation: 'yes',
          summary: 'Solid',
          ratings: mine.questions.flatMap((q: any) =>
            q.criteria.map((c: any) => ({ questionId: q.questionId, criterionId: c.criterionId, rating: 3 })),
          ),
        },
      }),
      'save',
    );
    ok(await t.post(`/api/v1/interviews/${past}/scorecards/mine/submit`, {}, FUZZ_USERS.interviewer), 'submit');
    this.ids.pastInterview = past;
    this.ids.pastScorecard = mine.id;
    this.ids.job = ok(await t.post('/api/v1/system/heartbeats', {}, 'admin'), 'heartbeat').body.jobId ?? '';
    return this;
  }

  /** Real ids for a parameter or body field, by its name and (for `id`) the path segment before it. */
  idsFor(name: string, path: string): string[] {
    const i = this.ids;
    const byName: Record<string, string[]> = {
      questionId: [i.question],
      scorecardId: [i.scorecard],
      jobId: [i.job],
      setId: [i.set],
      questionSetId: [i.set],
      positionId: [i.position],
      candidateId: [i.candidate],
      interviewId: [i.interview, i.pastInterview],
      interviewerId: [i.interviewer],
      hiringManagerId: [i.hm],
      userId: [i.interviewer, i.hm],
      planStageId: [i.stage],
      criterionId: [i.criterion],
      entityId: [i.interview, i.set],
      actorId: [i.admin],
    };
    if (name !== 'id') return (byName[name] ?? []).filter(Boolean);
    const segment = path.split('/{id}')[0].split('/').pop();
    const byCollection: Record<string, string> = {
      'question-sets': i.set,
      positions: i.position,
      candidates: i.candidate,
      interviews: i.interview,
      interviewers: i.interviewer,
      users: i.victim,
    };
    if (segment === 'interviews') return [i.interview, i.pastInterview];
    return segment && byCollection[segment] ? [byCollection[segment]] : [];
  }
}

export interface GoodRequest {
  method: string;
  template: string;
  url: string;
  body?: unknown;
}

/**
 * Requests that should succeed, as the admin, on the fixture: their answers are checked against the
 * document like the generated ones (a 2xx body is where a forbidden null shows).
 */
export async function goodRequests(t: TestApp, f: FuzzFixture): Promise<GoodRequest[]> {
  const i = f.ids;
  const kit = (await t.get(`/api/v1/interviews/${i.interview}`, 'admin')).body;
  const reminders = (await t.get('/api/v1/settings/reminders', 'admin')).body;
  const reasons = (await t.get('/api/v1/settings/rejection-reasons', 'admin')).body;
  const plan = (await t.get(`/api/v1/positions/${i.position}/plan`, 'admin')).body;
  const draft = (
    await t.post(
      '/api/v1/question-sets',
      {
        name: 'Fuzz draft',
        questions: [{ type: 'behavioral', prompt: 'Tell me about a conflict', criteria: [{ label: 'Owns it' }] }],
      },
      'admin',
    )
  ).body;
  const r = (method: string, template: string, url: string, body?: unknown): GoodRequest => ({
    method,
    template: `/api/v1${template}`,
    url: `/api/v1${url}`,
    body,
  });
  return [
    r('PATCH', '/positions/{id}', `/positions/${i.position}`, { title: 'Fuzz Engineer II' }),
    r('PATCH', '/candidates/{id}', `/candidates/${i.candidate}`, { name: 'Fuzz Candidate II' }),
    r('PATCH', '/me', '/me', { name: 'Admin' }),
    r('PATCH', '/interviewers/{id}', `/interviewers/${i.interviewer}`, { title: 'Engineer' }),
    r('PATCH', '/users/{id}', `/users/${i.victim}`, { name: 'Victim' }),
    r('PUT', '/settings/reminders', '/settings/reminders', reminders),
    r('PUT', '/settings/rejection-reasons', '/settings/rejection-reasons', {
      reasons: (reasons.items ?? []).map((x: any) => ({ label: x.label })),
    }),
    r('PUT', '/positions/{id}/plan', `/positions/${i.position}/plan`, {
      revision: plan.revision,
      competencies: [],
      stages: plan.stages.map((s: any) => ({ id: s.id, name: s.name, templates: [] })),
    }),
    r('POST', '/question-sets/{id}/questions', `/question-sets/${draft.id}/questions`, {
      type: 'technical',
      prompt: 'Design a cache',
      criteria: [{ label: 'Eviction' }],
      revision: draft.revision,
    }),
    r('POST', '/question-sets/import/preview', '/question-sets/import/preview', {
      content: '1. Why this team?\n2. Explain a hash map\n',
    }),
    r('POST', '/question-sets/import', '/question-sets/import', {
      content: '1. Why this team?\n2. Explain a hash map\n',
      name: 'Imported',
    }),
    r('GET', '/question-sets/{id}/export', `/question-sets/${i.set}/export?format=json`),
    r('GET', '/question-sets/{id}/export', `/question-sets/${i.set}/export?format=markdown`),
    r('GET', '/positions/{id}/feedback-summary', `/positions/${i.position}/feedback-summary?format=csv`),
    r('GET', '/positions/{id}/feedback-summary', `/positions/${i.position}/feedback-summary`),
    r('GET', '/interviews/{id}/invite.ics', `/interviews/${i.interview}/invite.ics`),
    r('GET', '/candidates/{id}/debrief', `/candidates/${i.candidate}/debrief`),
    r('GET', '/interviews/{id}/feedback-summary', `/interviews/${i.pastInterview}/feedback-summary`),
    r('GET', '/interviewers/{id}/calibration', `/interviewers/${i.interviewer}/calibration`),
    r('GET', '/question-sets/{id}/rating-stats', `/question-sets/${i.set}/rating-stats`),
    r('POST', '/interviews/{id}/questions', `/interviews/${i.interview}/questions`, { questions: [{ setId: i.set }] }),
    r('PATCH', '/interviews/{id}', `/interviews/${i.interview}`, { title: 'Renamed', revision: kit.revision + 1 }),
    r(
      'POST',
      '/interviews/{id}/scorecards/{scorecardId}/reopen',
      `/interviews/${i.pastInterview}/scorecards/${i.pastScorecard}/reopen`,
    ),
    r('POST', '/candidates/{id}/decisions', `/candidates/${i.candidate}/decisions`, {
      decision: 'hold',
      rationale: 'Waiting for references',
    }),
    r('GET', '/candidates/{id}/decisions', `/candidates/${i.candidate}/decisions`),
    r('GET', '/positions/{id}/pipeline', `/positions/${i.position}/pipeline`),
    r('GET', '/audit-events', '/audit-events'),
    r('GET', '/notifications', '/notifications'),
    r('GET', '/interviews/{id}/reminders', `/interviews/${i.pastInterview}/reminders`),
    r('GET', '/interviewers/{id}/pending-scorecards', `/interviewers/${i.victim}/pending-scorecards`),
    r('POST', '/users', '/users', {
      email: 'fuzz-new@example.com',
      name: 'New',
      password: 'user-password-1',
      roles: ['recruiter'],
    }),
  ];
}
