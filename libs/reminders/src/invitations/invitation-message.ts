import type { KitRow } from '@app/interviews';
import { toZonedIso } from '@app/interviews';
import type { OutgoingMail } from '../mail.service';
import { textAndHtml } from '../reminder-message';

export interface InvitationMessageContext {
  kit: KitRow;
  method: 'REQUEST' | 'CANCEL';
  /** False for the first REQUEST this person gets for the interview. */
  update: boolean;
  recipient: { name: string; email: string; timezone: string };
  kitUrl: string;
}

/** The text around the calendar part; the subject says which of the three it is at a glance. */
export function composeInvitation(c: InvitationMessageContext): Omit<OutgoingMail, 'ics'> {
  const i = c.kit.interview;
  const when = `${toZonedIso(i.startsAt, c.recipient.timezone).replace('T', ' ').slice(0, 16)} (${c.recipient.timezone})`;
  const what = `${i.title}: ${c.kit.candidate.name}`;
  const lines = [`Hi ${c.recipient.name},`, ''];
  let subject: string;
  if (c.method === 'CANCEL') {
    subject = `Removed from the panel: ${what} at ${when}`;
    lines.push(
      `You are no longer on the panel of ${what} (${c.kit.position.title}) at ${when}.`,
      '',
      'The attached invite removes it from your calendar.',
    );
  } else {
    subject = `${c.update ? 'Updated invitation' : 'Invitation'}: ${what} at ${when}`;
    lines.push(
      `${c.update ? 'The interview has changed: ' : 'You are on the panel of '}${what} (${c.kit.position.title}, ${i.stage}) at ${when}, ${i.durationMinutes} minutes.`,
    );
    if (i.meetingUrl) lines.push(`Join: ${i.meetingUrl}`);
    if (i.location) lines.push(`Where: ${i.location}`);
    lines.push(
      '',
      `Interview kit and scorecard: ${c.kitUrl}`,
      '',
      'Accept or decline with your calendar; the attached invite is the same event.',
    );
  }
  return { to: c.recipient.email, subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 400), ...textAndHtml(lines) };
}

/** The candidate's mail: the admins' text, the time in the interview's zone, the place; nothing internal. */
export function composeCandidateInvitation(
  c: Omit<InvitationMessageContext, 'kitUrl'> & { text: string },
): Omit<OutgoingMail, 'ics'> {
  const i = c.kit.interview;
  const when = `${toZonedIso(i.startsAt, c.recipient.timezone).replace('T', ' ').slice(0, 16)} (${c.recipient.timezone})`;
  const what = `${i.title}, ${c.kit.position.title}`;
  const lines = [`Dear ${c.recipient.name},`, ''];
  let subject: string;
  if (c.method === 'CANCEL') {
    subject = `Cancelled: ${what} at ${when}`;
    lines.push(`Your interview (${what}) at ${when} has been cancelled. We will be in touch.`);
  } else {
    subject = `${c.update ? 'Updated: ' : ''}${what} at ${when}`;
    if (c.text) lines.push(...c.text.split('\n'), '');
    lines.push(`${c.update ? 'The interview has changed. ' : ''}${what}: ${when}, ${i.durationMinutes} minutes.`);
    if (i.meetingUrl) lines.push(`Join: ${i.meetingUrl}`);
    if (i.location) lines.push(`Where: ${i.location}`);
  }
  return { to: c.recipient.email, subject: subject.replace(/[\r\n]+/g, ' ').slice(0, 400), ...textAndHtml(lines) };
}
