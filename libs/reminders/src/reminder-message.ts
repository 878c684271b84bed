import type { KitRow } from '@app/interviews';
import { toZonedIso } from '@app/interviews';
import type { OutgoingMail } from './mail.service';
import { ReminderKind } from './reminder-kind';

const esc = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export interface MessageContext {
  kind: string;
  kit: KitRow;
  recipient: { id: string; name: string; email: string; timezone: string };
  about: { id: string; name: string };
  baseUrl: string;
}

/** The email for a reminder: plain text and HTML with the same content. */
export function composeReminder(c: MessageContext): Omit<OutgoingMail, 'ics'> {
  const i = c.kit.interview;
  const when = `${toZonedIso(i.startsAt, c.recipient.timezone).replace('T', ' ').slice(0, 16)} (${c.recipient.timezone})`;
  const who = `${c.kit.candidate.name} — ${c.kit.position.title}, ${i.stage}`;
  const kitUrl = `${c.baseUrl}/interviews/${i.id}`;
  const scorecardUrl = `${kitUrl}/scorecard`;
  const mine = c.kit.questions.filter((q) => q.askedById === c.recipient.id || q.askedById === null);
  const lines: string[] = [];
  let subject: string;
  switch (c.kind) {
    case ReminderKind.Prep:
      subject = `Interview kit: ${who} at ${when}`;
      lines.push(
        `Hi ${c.recipient.name},`,
        '',
        `You interview ${c.kit.candidate.name} for ${c.kit.position.title} at ${when}.`,
      );
      if (i.meetingUrl) lines.push(`Join: ${i.meetingUrl}`);
      if (i.location) lines.push(`Where: ${i.location}`);
      lines.push('', 'Questions to ask:');
      for (const q of mine) {
        lines.push(`${q.position + 1}. [${q.type}] ${q.prompt}`);
        for (const f of q.followUps) lines.push(`   Follow-up: ${f.prompt}`);
        for (const k of q.criteria) lines.push(`   Look for: ${k.label}${k.description ? ` — ${k.description}` : ''}`);
      }
      lines.push('', `Interview kit: ${kitUrl}`, `Scorecard: ${scorecardUrl}`);
      break;
    case ReminderKind.Cancellation:
      subject = `Cancelled: ${who} at ${when}`;
      lines.push(
        `Hi ${c.recipient.name},`,
        '',
        `The interview with ${c.kit.candidate.name} for ${c.kit.position.title} at ${when} has been cancelled.`,
      );
      if (i.cancelReason) lines.push(`Reason: ${i.cancelReason}`);
      lines.push('', 'Nothing more is needed from you; the attached invite removes it from your calendar.');
      break;
    case ReminderKind.Escalation:
      subject = `Overdue scorecard: ${c.about.name} for ${who}`;
      lines.push(
        `Hi ${c.recipient.name},`,
        '',
        `${c.about.name} has not submitted their scorecard for ${who} (interview on ${when}); it was due ${toZonedIso(i.feedbackDueAt, c.recipient.timezone).replace('T', ' ').slice(0, 16)}.`,
        '',
        `Interview: ${kitUrl}`,
      );
      break;
    default:
      subject = c.kind === ReminderKind.FeedbackDue ? `Scorecard due: ${who}` : `Scorecard overdue: ${who}`;
      lines.push(
        `Hi ${c.recipient.name},`,
        '',
        `Your scorecard for ${who} (interview on ${when}) is ${c.kind === ReminderKind.FeedbackDue ? 'due now' : 'overdue'}.`,
        '',
        `Fill it in: ${scorecardUrl}`,
      );
  }
  return { to: c.recipient.email, subject, ...textAndHtml(lines) };
}

/** Plain text and HTML with the same lines; links become anchors. */
export function textAndHtml(lines: string[]): { text: string; html: string } {
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif">${lines.map((l) => (l ? `<p style="margin:0 0 6px">${esc(l).replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>` : '<br>')).join('')}</body></html>`;
  return { text: lines.join('\n'), html };
}

/** Slack reads <...> as links and mentions: names must not open one. */
export const slack = (s: string) => s.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);

/** The webhook body: Slack shows `text`; other receivers read the fields. */
export function composeWebhook(
  c: MessageContext,
  mail: Pick<OutgoingMail, 'subject'>,
): Record<string, unknown> & { text: string } {
  const i = c.kit.interview;
  const kitUrl = `${c.baseUrl}/interviews/${i.id}`;
  const link =
    c.kind === ReminderKind.FeedbackDue || c.kind === ReminderKind.FeedbackOverdue ? `${kitUrl}/scorecard` : kitUrl;
  return {
    text:
      c.kind === ReminderKind.Cancellation
        ? slack(mail.subject)
        : `${slack(mail.subject)}\n<${link}|Open in Scorecards>`,
    kind: c.kind,
    recipient: { id: c.recipient.id, name: c.recipient.name, email: c.recipient.email },
    about: c.about,
    interview: {
      id: i.id,
      status: i.status,
      startsAt: i.startsAt.toISOString(),
      endsAt: i.endsAt.toISOString(),
      timezone: i.timezone,
      stage: i.stage,
      candidate: c.kit.candidate.name,
      position: c.kit.position.title,
      url: kitUrl,
    },
    link,
  };
}
