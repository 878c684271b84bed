// Pure reminder planning: which reminders an interview needs, to whom and when. No I/O, no clock
// (the caller passes `now`), so the same input always yields the same plan.
import { MINUTE, quietPeriodAt, type QuietMinutes } from './zoned-time';
import type { PlannedReminderKind } from '../reminder-kind';
import { ReminderKind as Kind } from '../reminder-kind';

export type ReminderKind = PlannedReminderKind;

export interface ReminderPolicy {
  /** Minutes before the start, one prep reminder each; empty = no prep reminders. */
  prepLeadMinutes: number[];
  feedbackDueEnabled: boolean;
  overdueEveryMinutes: number;
  /** 0 = no overdue reminders. */
  overdueMaxCount: number;
  /** Minutes after the feedback due time; null = never escalate. */
  escalateAfterMinutes: number | null;
  /** "HH:MM" (24 h) in the recipient's time zone; null = no quiet hours. */
  quietHours: { start: string; end: string } | null;
  /** Who hears of a decision on a candidate: the recruiters (with the rationale) and the panel (the outcome only). */
  notifyDecisions: { recruiters: boolean; panel: boolean };
  /** The words above the time and place in a candidate's calendar invitation (admins edit it; planning ignores it). */
  candidateInvitationText?: string;
}

// Frozen because it is shared: a caller mutating it would change every later plan.
export const DEFAULT_POLICY: ReminderPolicy = Object.freeze({
  prepLeadMinutes: Object.freeze([1440, 60]) as number[],
  feedbackDueEnabled: true,
  overdueEveryMinutes: 1440,
  overdueMaxCount: 3,
  escalateAfterMinutes: 2880,
  quietHours: Object.freeze({ start: '21:00', end: '08:00' }),
  notifyDecisions: Object.freeze({ recruiters: true, panel: true }),
});

export interface PlanInput {
  interviewId: string;
  startsAt: Date;
  endsAt: Date;
  feedbackDueAt: Date;
  panel: Array<{ userId: string; timezone: string }>;
  hiringManager: { userId: string; timezone: string } | null;
  policy: ReminderPolicy;
  now: Date;
}

export interface PlannedReminder {
  kind: ReminderKind;
  recipientId: string;
  /** The panelist the reminder is about (= recipient except for escalation). */
  aboutUserId: string;
  occurrence: number;
  /** When to send, after the quiet-hours shift. */
  dueAt: Date;
  /** When it would be sent without quiet hours. */
  nominalAt: Date;
  /** `${interviewId}.${aboutUserId}.${kind}.${occurrence}`: no times in it, so it survives a reschedule. */
  key: string;
}

/**
 * Plans every reminder still ahead of `now`, sorted by dueAt then key. Throws on an invalid policy
 * or date, or an unknown time zone (when quiet hours need it).
 */
export function planReminders(input: PlanInput): PlannedReminder[] {
  const checked = validatePolicy(input.policy);
  if (!checked.ok) throw new TypeError(`invalid reminder policy: ${checked.problems.join('; ')}`);
  const policy = checked.policy;
  for (const field of ['startsAt', 'endsAt', 'feedbackDueAt', 'now'] as const) {
    if (!(input[field] instanceof Date) || Number.isNaN(input[field].getTime()))
      throw new TypeError(`${field} is not a valid Date`);
  }
  const quiet = quietMinutes(policy.quietHours);
  const startsAt = input.startsAt.getTime();
  const dueAt = input.feedbackDueAt.getTime();
  const now = input.now.getTime();
  const plan: PlannedReminder[] = [];

  const add = (
    kind: ReminderKind,
    recipient: { userId: string; timezone: string },
    aboutUserId: string,
    occurrence: number,
    nominal: number,
  ) => {
    const period = quiet && quietPeriodAt(nominal, recipient.timezone, quiet);
    let due = period ? period.end : nominal;
    // A prep reminder after the interview has begun is useless: send it before quiet hours instead.
    if (kind === Kind.Prep && period && due >= startsAt) due = period.start;
    if (due < now) return; // past (catch-up, if any, is the caller's decision)
    plan.push({
      kind,
      recipientId: recipient.userId,
      aboutUserId,
      occurrence,
      dueAt: new Date(due),
      nominalAt: new Date(nominal),
      key: `${input.interviewId}.${aboutUserId}.${kind}.${occurrence}`,
    });
  };

  // A user listed twice would get every reminder twice under the same key: plan them once.
  const panel = [...new Map(input.panel.map((p) => [p.userId, p] as const)).values()];
  for (const panelist of panel) {
    const id = panelist.userId;
    policy.prepLeadMinutes.forEach((lead, i) => add(Kind.Prep, panelist, id, i, startsAt - lead * MINUTE));
    if (policy.feedbackDueEnabled) add(Kind.FeedbackDue, panelist, id, 0, dueAt);
    for (let n = 1; n <= policy.overdueMaxCount; n++) {
      add(Kind.FeedbackOverdue, panelist, id, n, dueAt + n * policy.overdueEveryMinutes * MINUTE);
    }
    if (input.hiringManager && policy.escalateAfterMinutes !== null) {
      add(Kind.Escalation, input.hiringManager, id, 0, dueAt + policy.escalateAfterMinutes * MINUTE);
    }
  }

  return plan.sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** `at` if it is outside quiet hours in `timezone`, else the end of that quiet period (e.g. the next 08:00 local). */
export function shiftOutOfQuietHours(at: Date, timezone: string, quiet: ReminderPolicy['quietHours']): Date {
  const minutes = quietMinutes(quiet);
  const period = minutes && quietPeriodAt(at.getTime(), timezone, minutes);
  return new Date(period ? period.end : at.getTime());
}

const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

function quietMinutes(quiet: ReminderPolicy['quietHours']): QuietMinutes | null {
  if (!quiet) return null;
  const toMinutes = (hhmm: string) => {
    const m = CLOCK.exec(hhmm);
    if (!m) throw new TypeError(`quiet hours time "${hhmm}" is not HH:MM`);
    return Number(m[1]) * 60 + Number(m[2]);
  };
  return { start: toMinutes(quiet.start), end: toMinutes(quiet.end) };
}

const isIntIn = (v: unknown, min: number, max: number): v is number =>
  Number.isInteger(v) && (v as number) >= min && (v as number) <= max;

/**
 * Checks a policy from an untrusted source (request body, stored JSON). On success returns a fresh
 * copy holding only the known fields; otherwise one problem per bad field, each starting with its name.
 */
export function validatePolicy(p: unknown): { ok: true; policy: ReminderPolicy } | { ok: false; problems: string[] } {
  if (typeof p !== 'object' || p === null || Array.isArray(p))
    return { ok: false, problems: ['policy: must be an object'] };
  const v = p as Record<string, unknown>;
  const problems: string[] = [];

  const leads = v.prepLeadMinutes;
  if (!Array.isArray(leads)) problems.push('prepLeadMinutes: must be an array of minutes');
  else {
    if (leads.length > 5) problems.push('prepLeadMinutes: at most 5 lead times');
    leads.forEach((lead, i) => {
      if (!isIntIn(lead, 1, 43200)) problems.push(`prepLeadMinutes[${i}]: must be an integer from 1 to 43200`);
      else if (leads.indexOf(lead) !== i) problems.push(`prepLeadMinutes[${i}]: duplicate of ${lead}`);
    });
  }
  if (typeof v.feedbackDueEnabled !== 'boolean') problems.push('feedbackDueEnabled: must be a boolean');
  if (!isIntIn(v.overdueEveryMinutes, 1, 10080))
    problems.push('overdueEveryMinutes: must be an integer from 1 to 10080');
  if (!isIntIn(v.overdueMaxCount, 0, 10)) problems.push('overdueMaxCount: must be an integer from 0 to 10');
  if (v.escalateAfterMinutes !== null && !isIntIn(v.escalateAfterMinutes, 1, 43200)) {
    problems.push('escalateAfterMinutes: must be null or an integer from 1 to 43200');
  }
  const quiet = v.quietHours;
  if (quiet !== null) {
    if (typeof quiet !== 'object' || Array.isArray(quiet)) problems.push('quietHours: must be null or { start, end }');
    else {
      for (const edge of ['start', 'end'] as const) {
        const t = (quiet as Record<string, unknown>)[edge];
        if (typeof t !== 'string' || !CLOCK.test(t))
          problems.push(`quietHours.${edge}: must be a "HH:MM" 24-hour time`);
      }
    }
  }
  const notify = v.notifyDecisions;
  if (typeof notify !== 'object' || notify === null || Array.isArray(notify))
    problems.push('notifyDecisions: must be { recruiters, panel }');
  else {
    for (const audience of ['recruiters', 'panel'] as const) {
      if (typeof (notify as Record<string, unknown>)[audience] !== 'boolean')
        problems.push(`notifyDecisions.${audience}: must be a boolean`);
    }
  }
  if (problems.length) return { ok: false, problems };

  const q = quiet as { start: string; end: string } | null;
  return {
    ok: true,
    policy: {
      prepLeadMinutes: [...(leads as number[])],
      feedbackDueEnabled: v.feedbackDueEnabled as boolean,
      overdueEveryMinutes: v.overdueEveryMinutes as number,
      overdueMaxCount: v.overdueMaxCount as number,
      escalateAfterMinutes: v.escalateAfterMinutes as number | null,
      quietHours: q && { start: q.start, end: q.end },
      notifyDecisions: {
        recruiters: (notify as ReminderPolicy['notifyDecisions']).recruiters,
        panel: (notify as ReminderPolicy['notifyDecisions']).panel,
      },
    },
  };
}
