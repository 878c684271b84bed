import { DEFAULT_POLICY, planReminders, validatePolicy, type ReminderPolicy } from './index';

const withField = (field: string, value: unknown) => ({ ...DEFAULT_POLICY, [field]: value });

describe('validatePolicy', () => {
  it('accepts the default policy and returns a copy', () => {
    const result = validatePolicy(DEFAULT_POLICY);
    expect(result).toEqual({ ok: true, policy: DEFAULT_POLICY });
    if (!result.ok) return;
    expect(result.policy).not.toBe(DEFAULT_POLICY);
    expect(result.policy.prepLeadMinutes).not.toBe(DEFAULT_POLICY.prepLeadMinutes);
  });

  it('accepts every boundary value', () => {
    const edges: ReminderPolicy[] = [
      {
        prepLeadMinutes: [1, 2, 3, 4, 43200],
        feedbackDueEnabled: false,
        overdueEveryMinutes: 1,
        overdueMaxCount: 0,
        escalateAfterMinutes: 1,
        quietHours: null,
        notifyDecisions: { recruiters: false, panel: false },
      },
      {
        prepLeadMinutes: [],
        feedbackDueEnabled: true,
        overdueEveryMinutes: 10080,
        overdueMaxCount: 10,
        escalateAfterMinutes: 43200,
        quietHours: { start: '00:00', end: '23:59' },
        notifyDecisions: { recruiters: true, panel: false },
      },
      { ...DEFAULT_POLICY, escalateAfterMinutes: null, quietHours: { start: '12:00', end: '12:00' } },
    ];
    for (const p of edges) expect(validatePolicy(p)).toEqual({ ok: true, policy: p });
  });

  it('drops unknown fields', () => {
    const result = validatePolicy({ ...DEFAULT_POLICY, colour: 'blue' });
    expect(result.ok && Object.keys(result.policy).sort()).toEqual(Object.keys(DEFAULT_POLICY).sort());
  });

  it.each([
    ['prepLeadMinutes', 'prepLeadMinutes', 60],
    ['prepLeadMinutes[0]', 'prepLeadMinutes', [0]],
    ['prepLeadMinutes[1]', 'prepLeadMinutes', [60, 43201]],
    ['prepLeadMinutes[0]', 'prepLeadMinutes', [1.5]],
    ['prepLeadMinutes[1]', 'prepLeadMinutes', [60, 60]],
    ['prepLeadMinutes', 'prepLeadMinutes', [1, 2, 3, 4, 5, 6]],
    ['feedbackDueEnabled', 'feedbackDueEnabled', 'yes'],
    ['overdueEveryMinutes', 'overdueEveryMinutes', 0],
    ['overdueEveryMinutes', 'overdueEveryMinutes', 10081],
    ['overdueEveryMinutes', 'overdueEveryMinutes', '60'],
    ['overdueMaxCount', 'overdueMaxCount', -1],
    ['overdueMaxCount', 'overdueMaxCount', 11],
    ['escalateAfterMinutes', 'escalateAfterMinutes', 0],
    ['escalateAfterMinutes', 'escalateAfterMinutes', 43201],
    ['escalateAfterMinutes', 'escalateAfterMinutes', undefined],
    ['quietHours', 'quietHours', 'nights'],
    ['quietHours.start', 'quietHours', { start: '8:00', end: '08:00' }],
    ['quietHours.end', 'quietHours', { start: '21:00', end: '24:00' }],
    ['quietHours.end', 'quietHours', { start: '21:00' }],
    ['notifyDecisions', 'notifyDecisions', undefined],
    ['notifyDecisions', 'notifyDecisions', null],
    ['notifyDecisions', 'notifyDecisions', [true, true]],
    ['notifyDecisions.recruiters', 'notifyDecisions', { recruiters: 'yes', panel: true }],
    ['notifyDecisions.panel', 'notifyDecisions', { recruiters: false }],
  ])('names %s when %s is %j', (named, field, value) => {
    const result = validatePolicy(withField(field, value));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0].startsWith(`${named}:`)).toBe(true);
  });

  it('names every bad field at once', () => {
    const result = validatePolicy({
      prepLeadMinutes: [0],
      feedbackDueEnabled: 1,
      overdueEveryMinutes: 0,
      overdueMaxCount: 99,
      escalateAfterMinutes: -5,
      quietHours: { start: 'x', end: 'y' },
      notifyDecisions: { recruiters: 1, panel: 'no' },
    });
    expect(result.ok ? [] : result.problems.map((p) => p.split(':')[0])).toEqual([
      'prepLeadMinutes[0]',
      'feedbackDueEnabled',
      'overdueEveryMinutes',
      'overdueMaxCount',
      'escalateAfterMinutes',
      'quietHours.start',
      'quietHours.end',
      'notifyDecisions.recruiters',
      'notifyDecisions.panel',
    ]);
  });

  it.each([null, undefined, 'policy', [DEFAULT_POLICY]])('rejects %j as not an object', (value) => {
    expect(validatePolicy(value)).toEqual({ ok: false, problems: ['policy: must be an object'] });
  });

  it('keeps the shared default from being mutated', () => {
    expect(Object.isFrozen(DEFAULT_POLICY)).toBe(true);
    expect(() => DEFAULT_POLICY.prepLeadMinutes.push(5)).toThrow(TypeError);
  });

  it('makes planReminders refuse an invalid policy, naming the field', () => {
    const at = new Date('2025-06-10T12:00:00Z');
    const input = {
      interviewId: 'iv',
      startsAt: at,
      endsAt: at,
      feedbackDueAt: at,
      panel: [],
      hiringManager: null,
      now: at,
    };
    expect(() => planReminders({ ...input, policy: { ...DEFAULT_POLICY, overdueEveryMinutes: 0 } })).toThrow(
      /overdueEveryMinutes/,
    );
  });
});
