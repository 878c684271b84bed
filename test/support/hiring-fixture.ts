import { ReminderSchedulerService } from '../../libs/reminders/src/reminder-scheduler.service';
import type { TestApp } from './test-app';

export interface ReminderView {
  id: string;
  kind: string;
  status: string;
  dueAt: string;
  reason: string | null;
  recipientId: string;
  sentAt: string | null;
}

/**
 * A hiring manager, interviewers, a published one-question set, a position and a candidate, and
 * helpers to schedule interviews for them and to read their reminders.
 */
export class HiringFixture {
  readonly ids: Record<string, string> = {};
  setId = '';
  candidateId = '';

  private constructor(
    private readonly t: TestApp,
    readonly hiringManager: string,
  ) {}

  static async create(
    t: TestApp,
    hiringManager: string,
    interviewers: Array<{ email: string; timezone: string }>,
  ): Promise<HiringFixture> {
    const f = new HiringFixture(t, hiringManager);
    f.ids[hiringManager] = (await t.createUser(hiringManager, ['hiring_manager'], { timezone: 'Europe/Berlin' })).id;
    for (const i of interviewers)
      f.ids[i.email] = (await t.createUser(i.email, ['interviewer'], { timezone: i.timezone })).id;
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Kit',
        questions: [
          {
            type: 'technical',
            prompt: 'Explain consistent hashing',
            followUps: [{ prompt: 'What about hot keys?' }],
            criteria: [{ label: 'Ring and virtual nodes' }],
          },
        ],
      },
      'admin',
    );
    f.setId = set.body.id;
    await t.post(`/api/v1/question-sets/${f.setId}/publish`, {}, 'admin');
    const position = await t.post(
      '/api/v1/positions',
      { title: 'Backend Engineer', hiringManagerId: f.ids[hiringManager] },
      'admin',
    );
    f.candidateId = (
      await t.post(
        '/api/v1/candidates',
        { name: 'Robin Reed', email: 'robin@example.com', positionId: position.body.id },
        'admin',
      )
    ).body.id;
    return f;
  }

  /** Sets a policy in minutes; no quiet hours, so that tests wait seconds. */
  async policy(overrides: Record<string, unknown> = {}): Promise<void> {
    const body = {
      prepLeadMinutes: [1],
      feedbackDueEnabled: true,
      overdueEveryMinutes: 1,
      overdueMaxCount: 1,
      escalateAfterMinutes: 2,
      quietHours: null,
      ...overrides,
    };
    const res = await this.t.request('PUT', '/api/v1/settings/reminders', { as: 'admin', body });
    if (res.status !== 200) throw new Error(`policy: ${res.status} ${res.text}`);
  }

  async schedule(startInMs: number, panel: string[]): Promise<any> {
    const res = await this.t.post(
      '/api/v1/interviews',
      {
        candidateId: this.candidateId,
        stage: 'technical',
        start: new Date(Date.now() + startInMs).toISOString(),
        durationMinutes: 30,
        timezone: 'Europe/Berlin',
        panel: panel.map((p, i) => ({ userId: this.ids[p], role: i === 0 ? 'lead' : 'shadow' })),
        questions: [{ setId: this.setId }],
        allowConflicts: true,
      },
      this.hiringManager,
    );
    if (res.status !== 201) throw new Error(`schedule: ${res.status} ${res.text}`);
    return res.body;
  }

  /** An interview that is over, with its feedback due in `seconds`: the quickest way to a reminder due now. */
  async feedbackDueIn(seconds: number, panel: string[]): Promise<any> {
    const kit = await this.schedule(2 * 3600_000, panel);
    await this.t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '90 minutes', feedback_due_at = now() + make_interval(secs => $2) WHERE id = $1`,
      [kit.id, seconds],
    );
    await this.t.app.get(ReminderSchedulerService).replan(kit.id);
    return kit;
  }

  async reminders(interviewId: string): Promise<ReminderView[]> {
    return (await this.t.get(`/api/v1/interviews/${interviewId}/reminders`, this.hiringManager)).body.items;
  }
}
