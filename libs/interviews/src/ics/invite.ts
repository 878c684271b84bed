import { CRLF, escapeText, fold, paramValue } from './text';
import { isAmbiguous, localDateTime, utcStamp, vtimezone } from './timezone';

export { localDateTime, utcStamp };

export interface InviteAttendee {
  name: string;
  email: string;
  role: 'REQ-PARTICIPANT' | 'OPT-PARTICIPANT';
}

export interface InviteInput {
  /** stable across reschedules, e.g. `${interviewId}@scorecards` */
  uid: string;
  /** incremented by the caller on every change */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  start: Date;
  end: Date;
  /** IANA name the interview was scheduled in; times are written as wall-clock times there */
  timezone: string;
  summary: string;
  description: string;
  location?: string;
  url?: string;
  organizer: { name: string; email: string };
  attendees: InviteAttendee[];
  created: Date;
  lastModified: Date;
  /** default: now */
  dtstamp?: Date;
}

export const PRODID = '-//Scorecards//Interview invites//EN';

/** An RFC 5545 / 5546 (iTIP) invite or cancellation for one interview. */
export function buildInvite(input: InviteInput): string {
  validate(input);
  const { start, end, timezone } = input;
  // RFC 5545 3.3.5 says a repeated wall time (fall-back night) means its first occurrence, but
  // ical.js and node-ical both take the second, so such instants are only exact in UTC form.
  const utc = ['UTC', 'Etc/UTC'].includes(timezone) || isAmbiguous(start, timezone) || isAmbiguous(end, timezone);
  const time = (d: Date) => (utc ? `:${utcStamp(d)}` : `;TZID=${timezone}:${localDateTime(d, timezone)}`);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    `METHOD:${input.method}`,
    ...(utc ? [] : vtimezone(timezone, start)),
    'BEGIN:VEVENT',
    `UID:${escapeText(input.uid)}`,
    `SEQUENCE:${input.sequence}`,
    `DTSTAMP:${utcStamp(input.dtstamp ?? new Date())}`,
    `DTSTART${time(start)}`,
    `DTEND${time(end)}`,
    `SUMMARY:${escapeText(input.summary)}`,
    `DESCRIPTION:${escapeText(input.description)}`,
    ...(input.location ? [`LOCATION:${escapeText(input.location)}`] : []),
    ...(input.url ? [`URL:${new URL(input.url).href}`] : []),
    `ORGANIZER${cn(input.organizer.name)}:${mailto(input.organizer.email)}`,
    ...input.attendees.map(
      (a) => `ATTENDEE${cn(a.name)};ROLE=${a.role};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`,
    ),
    `STATUS:${input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `CREATED:${utcStamp(input.created)}`,
    `LAST-MODIFIED:${utcStamp(input.lastModified)}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(fold).join(CRLF) + CRLF;
}

function cn(name: string): string {
  const value = paramValue(name.trim());
  return value ? `;CN=${value}` : '';
}

// Addresses go into a URI unescaped, so anything that could break out of the line is refused.
function mailto(email: string): string {
  if (!/^[^\s\p{Cc}"<>@]+@[^\s\p{Cc}"<>@]+$/u.test(email)) {
    throw new RangeError(`invalid e-mail address: ${JSON.stringify(email)}`);
  }
  return `mailto:${email}`;
}

function validate(input: InviteInput): void {
  if (!Number.isInteger(input.sequence) || input.sequence < 0) {
    throw new RangeError('sequence must be a non-negative integer');
  }
  for (const key of ['start', 'end', 'created', 'lastModified', 'dtstamp'] as const) {
    const d = input[key];
    if (d !== undefined && Number.isNaN(d.getTime())) throw new RangeError(`${key} is not a valid date`);
  }
  if (input.end <= input.start) throw new RangeError('end must be after start');
}
