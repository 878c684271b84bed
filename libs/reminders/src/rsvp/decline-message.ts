import { toZonedIso } from '@app/interviews';
import type { OutgoingMail } from '../mail.service';
import { slack, textAndHtml } from '../reminder-message';
import { ReminderKind } from '../reminder-kind';

/** The reminder kind of a decline notice (one per decline and recipient). */
export const RSVP_DECLINED = ReminderKind.RsvpDeclined;

export interface DeclineMessageContext {
  interview: { id: string; title: string; startsAt: Date; timezone: string };
  candidate: { id: string; name: string };
  panelist: { id: string; name: string };
  note: string | null;
  recipient: { id: string; name: string; email: string; timezone: string };
  baseUrl: string;
}

export const interviewPageUrl = (baseUrl: string, interviewId: string) => `${baseUrl}/hiring/interviews/${interviewId}`;

/** Recipients manage the interview (scheduler, recruiters, hiring manager): they read the note. */
export function composeDecline(c: DeclineMessageContext): Omit<OutgoingMail, 'ics'> {
  const when = `${toZonedIso(c.interview.startsAt, c.recipient.timezone).replace('T', ' ').slice(0, 16)} (${c.recipient.timezone})`;
  const subject = `Declined: ${c.panelist.name} — ${c.interview.title} with ${c.candidate.name}`;
  const lines = [
    `Hi ${c.recipient.name},`,
    '',
    `${c.panelist.name} declined ${c.interview.title} with ${c.candidate.name} on ${when}.`,
  ];
  if (c.note) lines.push('', 'Their note:', ...c.note.split(/\r?\n/));
  lines.push('', `The interview needs a replacement: ${interviewPageUrl(c.baseUrl, c.interview.id)}`);
  return { to: c.recipient.email, subject, ...textAndHtml(lines) };
}

export function composeDeclineWebhook(
  c: DeclineMessageContext,
  mail: Pick<OutgoingMail, 'subject'>,
): Record<string, unknown> & { text: string } {
  const link = interviewPageUrl(c.baseUrl, c.interview.id);
  return {
    text: `${slack(mail.subject)}\n<${link}|Find a replacement>`,
    kind: RSVP_DECLINED,
    recipient: { id: c.recipient.id, name: c.recipient.name, email: c.recipient.email },
    interview: { id: c.interview.id, title: c.interview.title, startsAt: c.interview.startsAt.toISOString() },
    candidate: c.candidate,
    panelist: c.panelist,
    note: c.note,
    link,
  };
}
