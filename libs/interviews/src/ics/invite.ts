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
    ...input.attendees
      .filter(reachable)
      .map((a) => `ATTENDEE${cn(a.name)};ROLE=${a.role};PARTSTAT=NEEDS-ACTION;RSVP=TRUE:${mailto(a.email)}`),
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

// A stored address may predate today's rules (a quoted local part such as "a b"@x.com, a lone
// surrogate): it is percent-encoded as RFC 6068 asks instead of thrown on, so one odd address
// cannot break every invite its owner is on. Encoding also keeps CR/LF from ending the line.
const URI_SAFE = /[A-Za-z0-9\-._~!$'()*+@]/;
const utf8 = new TextEncoder();

export function mailto(email: string): string {
  const clean = (email as string & { toWellFormed(): string }).toWellFormed().trim();
  let out = '';
  for (const char of clean) {
    if (URI_SAFE.test(char)) out += char;
    else for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return `mailto:${out}`;
}

/** An attendee without a usable address (no `@`) is left out rather than failing the invite. */
const reachable = (a: InviteAttendee) => typeof a.email === 'string' && a.email.includes('@');

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
