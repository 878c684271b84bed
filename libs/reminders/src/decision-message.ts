import type { DecisionResponse } from '@app/hiring';
import { toZonedIso } from '@app/interviews';
import type { OutgoingMail } from './mail.service';
import { slack, textAndHtml } from './reminder-message';
import { ReminderKind } from './reminder-kind';

/** Recruiters read the whole decision; the panel reads only its outcome (see `composeDecision`). */
export type DecisionAudience = 'recruiter' | 'panel';
export const DECISION_KINDS: Record<DecisionAudience, string> = {
  recruiter: ReminderKind.DecisionRecruiter,
  panel: ReminderKind.DecisionPanel,
};

export function audienceOf(kind: string): DecisionAudience | null {
  return kind === DECISION_KINDS.recruiter ? 'recruiter' : kind === DECISION_KINDS.panel ? 'panel' : null;
}

export interface DecisionMessageContext {
  audience: DecisionAudience;
  decision: DecisionResponse;
  candidate: { id: string; name: string; positionTitle: string };
  recipient: { id: string; name: string; email: string; timezone: string };
  baseUrl: string;
}

/**
 * The decision in words, e.g. "advanced to Onsite", "rejected (Skills gap)". `withReason` is false for
 * the panel: the rejection reason is the hiring manager's judgement, not the panel's business.
 */
export function outcomeInWords(
  d: Pick<DecisionResponse, 'decision' | 'toStageName' | 'reason'>,
  withReason: boolean,
): string {
  switch (d.decision) {
    case 'advance':
      return `advanced to ${d.toStageName ?? 'the next stage'}`;
    case 'move_back':
      return `moved back to ${d.toStageName ?? 'an earlier stage'}`;
    case 'reject':
      return withReason && d.reason?.label ? `rejected (${d.reason.label})` : 'rejected';
    case 'hold':
      return 'put on hold';
    case 'hire':
      return 'hired';
    case 'withdraw':
      return 'withdrawn';
    case 'reactivate':
      return d.toStageName ? `reactivated at ${d.toStageName}` : 'reactivated';
  }
}

export const debriefUrl = (baseUrl: string, candidateId: string) => `${baseUrl}/candidates/${candidateId}/debrief`;

/**
 * Recruiters get who decided, the rationale and the debrief link. Panelists get the outcome and a
 * thank-you only: no rationale, no rejection reason, no override (interviewers should not read the
 * hiring manager's reasoning about the other panelists' evidence).
 */
export function composeDecision(c: DecisionMessageContext): Omit<OutgoingMail, 'ics'> {
  const d = c.decision;
  const who = `${c.candidate.name} — ${c.candidate.positionTitle}`;
  const lines = [`Hi ${c.recipient.name},`, ''];
  let subject: string;
  if (c.audience === 'recruiter') {
    const outcome = outcomeInWords(d, true);
    const when = `${toZonedIso(new Date(d.decidedAt), c.recipient.timezone).replace('T', ' ').slice(0, 16)} (${c.recipient.timezone})`;
    subject = `Decision: ${who}: ${outcome}`;
    lines.push(
      `${d.decidedBy.name} decided on ${c.candidate.name} for ${c.candidate.positionTitle}: ${outcome}.`,
      `Decided: ${when}`,
    );
    if (d.rationale) lines.push('', 'Rationale:', ...d.rationale.split(/\r?\n/));
    if (d.override && d.missingAtDecision.length) {
      lines.push(
        '',
        `Decided while scorecards were missing from ${d.missingAtDecision.map((m) => m.name).join(', ')}. Why: ${d.override.reason}`,
      );
    }
    lines.push('', `Debrief: ${debriefUrl(c.baseUrl, c.candidate.id)}`);
  } else {
    const outcome = outcomeInWords(d, false);
    subject = `Outcome: ${who}: ${outcome}`;
    lines.push(
      `${c.candidate.name} (${c.candidate.positionTitle}) has been ${outcome}.`,
      '',
      'Thank you for interviewing and for your scorecard.',
    );
  }
  return { to: c.recipient.email, subject, ...textAndHtml(lines) };
}

/** The webhook body: the same audience rule as the email (the panel's carries no rationale or reason). */
export function composeDecisionWebhook(
  c: DecisionMessageContext,
  mail: Pick<OutgoingMail, 'subject'>,
): Record<string, unknown> & { text: string } {
  const d = c.decision;
  const recruiter = c.audience === 'recruiter';
  const link = recruiter ? debriefUrl(c.baseUrl, c.candidate.id) : null;
  return {
    text: link ? `${slack(mail.subject)}\n<${link}|Open the debrief>` : slack(mail.subject),
    kind: DECISION_KINDS[c.audience],
    recipient: { id: c.recipient.id, name: c.recipient.name, email: c.recipient.email },
    candidate: { id: c.candidate.id, name: c.candidate.name, position: c.candidate.positionTitle },
    decision: {
      id: d.id,
      decision: d.decision,
      outcome: outcomeInWords(d, recruiter),
      toStageName: d.toStageName,
      decidedAt: new Date(d.decidedAt).toISOString(),
      ...(recruiter
        ? { decidedBy: d.decidedBy, reason: d.reason?.label ?? null, rationale: d.rationale, override: d.override }
        : {}),
    },
    link,
  };
}
