import {
  DEFAULT_POLICY,
  planReminders,
  shiftOutOfQuietHours,
  type PlanInput,
  type PlannedReminder,
  type ReminderKind,
  type ReminderPolicy,
} from './index';

const NONE: ReminderPolicy = {
  prepLeadMinutes: [],
  feedbackDueEnabled: false,
  overdueEveryMinutes: 1440,
  overdueMaxCount: 0,
  escalateAfterMinutes: null,
  quietHours: null,
  notifyDecisions: { recruiters: true, panel: true },
};
const only = (p: Partial<ReminderPolicy>): ReminderPolicy => ({ ...NONE, ...p });

/** An interview next week with two UTC panelists and a UTC hiring manager; override as needed. */
function input(overrides: Partial<PlanInput> = {}): PlanInput {
  return {
    interviewId: 'iv-1',
    startsAt: new Date('2025-06-10T14:00:00Z'),
    endsAt: new Date('2025-06-10T15:00:00Z'),
    feedbackDueAt: new Date('2025-06-11T15:00:00Z'),
    panel: [
      { userId: 'alice', timezone: 'UTC' },
      { userId: 'bob', timezone: 'UTC' },
    ],
    hiringManager: { userId: 'hana', timezone: 'UTC' },
    policy: DEFAULT_POLICY,
    now: new Date('2025-06-02T09:00:00Z'),
    ...overrides,
  };
}

/** One line per reminder: readable in a failure diff. */
const rows = (plan: PlannedReminder[]) => plan.map((r) => `${r.dueAt.toISOString()} ${r.key} -> ${r.recipientId}`);
const dueOf = (plan: PlannedReminder[], key: string) => plan.find((r) => r.key === key)?.dueAt.toISOString();
const kinds = (plan: PlannedReminder[]) => [...new Set(plan.map((r) => r.kind))].sort();

describe('planReminders', () => {
  it('plans the default policy for an interview next week in UTC', () => {
    expect(rows(planReminders(input()))).toEqual([
      '2025-06-09T14:00:00.000Z iv-1.alice.prep.0 -> alice',
      '2025-06-09T14:00:00.000Z iv-1.bob.prep.0 -> bob',
      '2025-06-10T13:00:00.000Z iv-1.alice.prep.1 -> alice',
      '2025-06-10T13:00:00.000Z iv-1.bob.prep.1 -> bob',
      '2025-06-11T15:00:00.000Z iv-1.alice.feedback_due.0 -> alice',
      '2025-06-11T15:00:00.000Z iv-1.bob.feedback_due.0 -> bob',
      '2025-06-12T15:00:00.000Z iv-1.alice.feedback_overdue.1 -> alice',
      '2025-06-12T15:00:00.000Z iv-1.bob.feedback_overdue.1 -> bob',
      '2025-06-13T15:00:00.000Z iv-1.alice.escalation.0 -> hana',
      '2025-06-13T15:00:00.000Z iv-1.alice.feedback_overdue.2 -> alice',
      '2025-06-13T15:00:00.000Z iv-1.bob.escalation.0 -> hana',
      '2025-06-13T15:00:00.000Z iv-1.bob.feedback_overdue.2 -> bob',
      '2025-06-14T15:00:00.000Z iv-1.alice.feedback_overdue.3 -> alice',
      '2025-06-14T15:00:00.000Z iv-1.bob.feedback_overdue.3 -> bob',
    ]);
  });

  it('fills every field (no quiet-hours shift in daytime UTC)', () => {
    const plan = planReminders(input());
    expect(plan[2]).toEqual({
      kind: 'prep',
      recipientId: 'alice',
      aboutUserId: 'alice',
      occurrence: 1,
      dueAt: new Date('2025-06-10T13:00:00Z'),
      nominalAt: new Date('2025-06-10T13:00:00Z'),
      key: 'iv-1.alice.prep.1',
    });
    for (const r of plan) expect(r.dueAt).toEqual(r.nominalAt);
  });

  it('works with a policy in minutes', () => {
    const policy: ReminderPolicy = {
      prepLeadMinutes: [10, 2],
      feedbackDueEnabled: true,
      overdueEveryMinutes: 5,
      overdueMaxCount: 2,
      escalateAfterMinutes: 7,
      quietHours: null,
      notifyDecisions: { recruiters: true, panel: true },
    };
    const base = input({
      startsAt: new Date('2025-06-10T10:00:00Z'),
      endsAt: new Date('2025-06-10T10:30:00Z'),
      feedbackDueAt: new Date('2025-06-10T10:45:00Z'),
      panel: [{ userId: 'alice', timezone: 'UTC' }],
      policy,
    });
    expect(rows(planReminders(base))).toEqual([
      '2025-06-10T09:50:00.000Z iv-1.alice.prep.0 -> alice',
      '2025-06-10T09:58:00.000Z iv-1.alice.prep.1 -> alice',
      '2025-06-10T10:45:00.000Z iv-1.alice.feedback_due.0 -> alice',
      '2025-06-10T10:50:00.000Z iv-1.alice.feedback_overdue.1 -> alice',
      '2025-06-10T10:52:00.000Z iv-1.alice.escalation.0 -> hana',
      '2025-06-10T10:55:00.000Z iv-1.alice.feedback_overdue.2 -> alice',
    ]);
    // five quiet minutes push two reminders to the same instant; the key breaks the tie
    const quiet = planReminders({ ...base, policy: { ...policy, quietHours: { start: '10:48', end: '10:53' } } });
    expect(rows(quiet).slice(3, 5)).toEqual([
      '2025-06-10T10:53:00.000Z iv-1.alice.escalation.0 -> hana',
      '2025-06-10T10:53:00.000Z iv-1.alice.feedback_overdue.1 -> alice',
    ]);
  });

  describe('quiet hours per recipient time zone', () => {
    // 12:00Z start: Berlin 14:00, New York 08:00, Kolkata 17:30; feedback due 20:00Z.
    const plan = planReminders(
      input({
        startsAt: new Date('2025-06-10T12:00:00Z'),
        endsAt: new Date('2025-06-10T13:00:00Z'),
        feedbackDueAt: new Date('2025-06-10T20:00:00Z'),
        panel: [
          { userId: 'berta', timezone: 'Europe/Berlin' },
          { userId: 'nate', timezone: 'America/New_York' },
          { userId: 'kiran', timezone: 'Asia/Kolkata' },
        ],
        hiringManager: null,
        now: new Date('2025-06-01T00:00:00Z'),
      }),
    );

    it('shifts the same feedback-due time differently for each panelist', () => {
      expect(dueOf(plan, 'iv-1.berta.feedback_due.0')).toBe('2025-06-11T06:00:00.000Z'); // 22:00 -> 08:00 CEST
      expect(dueOf(plan, 'iv-1.nate.feedback_due.0')).toBe('2025-06-10T20:00:00.000Z'); // 16:00 EDT, not quiet
      expect(dueOf(plan, 'iv-1.kiran.feedback_due.0')).toBe('2025-06-11T02:30:00.000Z'); // 01:30 -> 08:00 IST
      expect(dueOf(plan, 'iv-1.kiran.feedback_overdue.1')).toBe('2025-06-12T02:30:00.000Z');
    });

    it('shifts prep only where it is night', () => {
      expect(dueOf(plan, 'iv-1.berta.prep.1')).toBe('2025-06-10T11:00:00.000Z');
      expect(dueOf(plan, 'iv-1.kiran.prep.1')).toBe('2025-06-10T11:00:00.000Z');
      // New York: 24 h before is 08:00 sharp (quiet hours end), 1 h before is 07:00 (quiet, and
      // 08:00 would be the start itself), so it goes out at 21:00 EDT the evening before
      expect(dueOf(plan, 'iv-1.nate.prep.0')).toBe('2025-06-09T12:00:00.000Z');
      expect(dueOf(plan, 'iv-1.nate.prep.1')).toBe('2025-06-10T01:00:00.000Z');
    });

    it('never sends outside a recipient’s waking hours unless prep was moved before the interview', () => {
      const zone = { berta: 'Europe/Berlin', nate: 'America/New_York', kiran: 'Asia/Kolkata' } as Record<
        string,
        string
      >;
      for (const r of plan) {
        const unmovedPrep = r.kind !== 'prep' || r.dueAt >= r.nominalAt;
        if (unmovedPrep)
          expect(shiftOutOfQuietHours(r.dueAt, zone[r.recipientId], DEFAULT_POLICY.quietHours)).toEqual(r.dueAt);
        expect(r.dueAt >= r.nominalAt || r.kind === 'prep').toBe(true);
      }
    });
  });

  it('shifts escalations in the hiring manager’s time zone, not the panelist’s', () => {
    const plan = planReminders(
      input({
        feedbackDueAt: new Date('2025-06-10T20:00:00Z'),
        panel: [
          { userId: 'alice', timezone: 'UTC' },
          { userId: 'berta', timezone: 'Europe/Berlin' },
        ],
        hiringManager: { userId: 'kiran', timezone: 'Asia/Kolkata' },
      }),
    );
    const escalations = plan.filter((r) => r.kind === 'escalation');
    expect(escalations.map((r) => [r.recipientId, r.aboutUserId, r.occurrence, r.key, r.dueAt.toISOString()])).toEqual([
      // 2025-06-12T20:00Z is 01:30 IST -> 08:00 IST for both
      ['kiran', 'alice', 0, 'iv-1.alice.escalation.0', '2025-06-13T02:30:00.000Z'],
      ['kiran', 'berta', 0, 'iv-1.berta.escalation.0', '2025-06-13T02:30:00.000Z'],
    ]);
    for (const r of plan.filter((p) => p.kind !== 'escalation')) expect(r.recipientId).toBe(r.aboutUserId);
  });

  it('shifts within one day when quiet hours do not wrap midnight (12:00-13:00)', () => {
    const plan = planReminders(
      input({
        feedbackDueAt: new Date('2025-06-11T12:30:00Z'),
        panel: [{ userId: 'alice', timezone: 'UTC' }],
        policy: only({
          feedbackDueEnabled: true,
          overdueEveryMinutes: 30,
          overdueMaxCount: 2,
          quietHours: { start: '12:00', end: '13:00' },
        }),
      }),
    );
    expect(rows(plan)).toEqual([
      '2025-06-11T13:00:00.000Z iv-1.alice.feedback_due.0 -> alice', // 12:30 -> 13:00
      '2025-06-11T13:00:00.000Z iv-1.alice.feedback_overdue.1 -> alice', // 13:00 is already outside
      '2025-06-11T13:30:00.000Z iv-1.alice.feedback_overdue.2 -> alice',
    ]);
  });

  describe('a DST-change day in Berlin', () => {
    const berta = [{ userId: 'berta', timezone: 'Europe/Berlin' }];
    const policy = only({ feedbackDueEnabled: true, quietHours: { start: '21:00', end: '08:00' } });
    const due = (feedbackDueAt: string) =>
      planReminders(
        input({ feedbackDueAt: new Date(feedbackDueAt), panel: berta, policy, now: new Date('2025-01-01T00:00:00Z') }),
      )[0].dueAt.toISOString();

    it('sends at 08:00 local: 06:00Z after spring-forward, 07:00Z the day before', () => {
      expect(due('2025-03-29T22:30:00Z')).toBe('2025-03-30T06:00:00.000Z');
      expect(due('2025-03-28T22:30:00Z')).toBe('2025-03-29T07:00:00.000Z');
    });

    it('sends at 08:00 local: 07:00Z after fall-back, 06:00Z the day before', () => {
      expect(due('2025-10-25T21:30:00Z')).toBe('2025-10-26T07:00:00.000Z');
      expect(due('2025-10-24T21:30:00Z')).toBe('2025-10-25T06:00:00.000Z');
    });

    it('moves prep to the moment quiet hours begin even when that wall time is skipped', () => {
      // quiet 02:30-08:00; on 30 Mar the clock jumps 02:00 -> 03:00 at 01:00Z, passing 02:30
      const plan = planReminders(
        input({
          startsAt: new Date('2025-03-30T06:00:00Z'), // 08:00 CEST
          panel: berta,
          policy: only({ prepLeadMinutes: [60], quietHours: { start: '02:30', end: '08:00' } }),
          now: new Date('2025-03-29T00:00:00Z'),
        }),
      );
      expect(rows(plan)).toEqual(['2025-03-30T01:00:00.000Z iv-1.berta.prep.0 -> berta']);
    });
  });

  describe('prep that quiet hours would push past the start', () => {
    const berta = [{ userId: 'berta', timezone: 'Europe/Berlin' }]; // CEST, UTC+2
    const prep = (startsAt: string, leads: number[], now = '2025-06-01T00:00:00Z') =>
      planReminders(
        input({
          startsAt: new Date(startsAt),
          panel: berta,
          policy: only({ prepLeadMinutes: leads, quietHours: { start: '21:00', end: '08:00' } }),
          now: new Date(now),
        }),
      );

    it('is shifted normally when 08:00 is still before the start (08:30 interview)', () => {
      expect(rows(prep('2025-06-10T06:30:00Z', [60]))).toEqual(['2025-06-10T06:00:00.000Z iv-1.berta.prep.0 -> berta']);
    });

    it('goes out at the start of quiet hours when 08:00 would be the start itself', () => {
      const [r] = prep('2025-06-10T06:00:00Z', [60]);
      expect(r.nominalAt.toISOString()).toBe('2025-06-10T05:00:00.000Z'); // 07:00 local
      expect(r.dueAt.toISOString()).toBe('2025-06-09T19:00:00.000Z'); // 21:00 local the evening before
    });

    it('goes out at the start of quiet hours for a late interview inside them (23:00 local)', () => {
      expect(rows(prep('2025-06-10T21:00:00Z', [1440, 60]))).toEqual([
        '2025-06-10T06:00:00.000Z iv-1.berta.prep.0 -> berta', // 23:00 the day before -> 08:00, still before the start
        '2025-06-10T19:00:00.000Z iv-1.berta.prep.1 -> berta', // 22:00 -> 21:00 the same evening
      ]);
    });

    it('is dropped when the start of quiet hours is already past', () => {
      // 07:00 interview: 24 h before -> 08:00 the day before; 30 min before -> 21:00 the day before
      expect(rows(prep('2025-06-10T05:00:00Z', [1440, 30]))).toEqual([
        '2025-06-09T06:00:00.000Z iv-1.berta.prep.0 -> berta',
        '2025-06-09T19:00:00.000Z iv-1.berta.prep.1 -> berta',
      ]);
      expect(prep('2025-06-10T05:00:00Z', [1440, 30], '2025-06-09T20:00:00Z')).toEqual([]);
    });
  });

  describe('disabled parts of the policy', () => {
    const night = { feedbackDueAt: new Date('2025-06-11T03:00:00Z') }; // quiet in UTC

    it.each<[string, Partial<ReminderPolicy>, ReminderKind[]]>([
      ['no prep', { prepLeadMinutes: [] }, ['escalation', 'feedback_due', 'feedback_overdue']],
      ['no feedback-due reminder', { feedbackDueEnabled: false }, ['escalation', 'feedback_overdue', 'prep']],
      ['no overdue reminders', { overdueMaxCount: 0 }, ['escalation', 'feedback_due', 'prep']],
      ['no escalation', { escalateAfterMinutes: null }, ['feedback_due', 'feedback_overdue', 'prep']],
    ])('%s', (_why, change, expected) => {
      expect(kinds(planReminders(input({ policy: { ...DEFAULT_POLICY, ...change } })))).toEqual(expected);
    });

    it('no escalation without a hiring manager', () => {
      expect(kinds(planReminders(input({ hiringManager: null })))).toEqual([
        'feedback_due',
        'feedback_overdue',
        'prep',
      ]);
    });

    it('nothing at all', () => {
      expect(planReminders(input({ policy: NONE }))).toEqual([]);
      expect(planReminders(input({ panel: [] }))).toEqual([]);
    });

    it('no quiet hours: a 03:00 reminder stays at 03:00 (and with quiet hours it moves)', () => {
      const quietless = planReminders(input({ ...night, policy: { ...DEFAULT_POLICY, quietHours: null } }));
      expect(dueOf(quietless, 'iv-1.alice.feedback_due.0')).toBe('2025-06-11T03:00:00.000Z');
      for (const r of quietless) expect(r.dueAt).toEqual(r.nominalAt);
      expect(dueOf(planReminders(input(night)), 'iv-1.alice.feedback_due.0')).toBe('2025-06-11T08:00:00.000Z');
    });
  });

  describe('`now` after some reminders', () => {
    it('omits what is already past (prep, feedback due and the first overdue)', () => {
      const plan = planReminders(input({ now: new Date('2025-06-12T15:00:01Z') }));
      expect(rows(plan).filter((row) => row.includes('alice'))).toEqual([
        '2025-06-13T15:00:00.000Z iv-1.alice.escalation.0 -> hana',
        '2025-06-13T15:00:00.000Z iv-1.alice.feedback_overdue.2 -> alice',
        '2025-06-14T15:00:00.000Z iv-1.alice.feedback_overdue.3 -> alice',
      ]);
    });

    it('keeps a reminder due exactly now', () => {
      const plan = planReminders(input({ now: new Date('2025-06-10T13:00:00Z') }));
      expect(plan[0].key).toBe('iv-1.alice.prep.1');
      expect(plan.some((r) => r.key.endsWith('prep.0'))).toBe(false);
    });

    it('keeps a reminder whose nominal time is past but whose shifted time is not', () => {
      const plan = planReminders(
        input({ feedbackDueAt: new Date('2025-06-10T23:00:00Z'), now: new Date('2025-06-11T03:00:00Z') }),
      );
      const due = plan.find((r) => r.key === 'iv-1.alice.feedback_due.0');
      expect([due?.nominalAt.toISOString(), due?.dueAt.toISOString()]).toEqual([
        '2025-06-10T23:00:00.000Z',
        '2025-06-11T08:00:00.000Z',
      ]);
    });

    it('plans nothing once everything is past', () => {
      expect(planReminders(input({ now: new Date('2025-07-01T00:00:00Z') }))).toEqual([]);
    });
  });

  it('keeps keys stable when the interview is rescheduled, with new times', () => {
    const before = planReminders(input());
    const after = planReminders(
      input({
        startsAt: new Date('2025-06-12T09:30:00Z'),
        endsAt: new Date('2025-06-12T10:30:00Z'),
        feedbackDueAt: new Date('2025-06-13T10:30:00Z'),
      }),
    );
    const keys = (plan: PlannedReminder[]) => plan.map((r) => r.key).sort();
    expect(keys(after)).toEqual(keys(before));
    for (const r of after) expect(r.dueAt).not.toEqual(before.find((b) => b.key === r.key)?.dueAt);
    expect(dueOf(after, 'iv-1.bob.prep.1')).toBe('2025-06-12T08:30:00.000Z');
  });

  it('plans a panelist listed twice only once', () => {
    const plan = planReminders(
      input({
        panel: [
          { userId: 'alice', timezone: 'UTC' },
          { userId: 'alice', timezone: 'UTC' },
        ],
      }),
    );
    expect(new Set(plan.map((r) => r.key)).size).toBe(plan.length);
    expect(plan).toHaveLength(7);
  });

  it('keeps its invariants across zones and start times (sorted, unique keys, not before now, prep before start)', () => {
    const zones = [
      'UTC',
      'Europe/Berlin',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'Pacific/Chatham',
    ];
    const now = new Date('2025-03-25T00:00:00Z');
    for (let h = 0; h < 24 * 14; h += 5) {
      const startsAt = new Date(now.getTime() + (2 * 24 + h) * 3_600_000);
      const plan = planReminders(
        input({
          startsAt,
          endsAt: startsAt,
          feedbackDueAt: new Date(startsAt.getTime() + 7 * 3_600_000),
          panel: zones.map((timezone, i) => ({ userId: `u${i}`, timezone })),
          hiringManager: { userId: 'hm', timezone: 'America/Los_Angeles' },
          policy: { ...DEFAULT_POLICY, prepLeadMinutes: [2880, 1440, 120, 30, 5] },
          now,
        }),
      );
      expect(new Set(plan.map((r) => r.key)).size).toBe(plan.length);
      plan.forEach((r, i) => {
        if (i > 0) expect(r.dueAt >= plan[i - 1].dueAt).toBe(true);
        expect(r.dueAt >= now).toBe(true);
        if (r.kind === 'prep') expect(r.dueAt < startsAt).toBe(true);
        else expect(r.dueAt >= r.nominalAt).toBe(true);
      });
    }
  });
});
