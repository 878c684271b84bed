import { randomUUID } from 'node:crypto';
import addressparser from 'nodemailer/lib/addressparser';
import { encodeWord, encodeWords, foldLines, quoteString } from 'nodemailer/lib/mime-funcs';
import { encode as qpEncode, wrap as qpWrap } from 'nodemailer/lib/qp';

export interface Mailbox {
  name: string;
  address: string;
}

/** The first mailbox of an address header such as MAIL_FROM ("Name <a@b>" or a bare address). */
export function parseMailbox(value: string): Mailbox | null {
  const [first] = addressparser(value, { flatten: true });
  return first?.address ? { name: first.name ?? '', address: first.address } : null;
}

// a header value can carry no line break: a name or subject with one would start a header of its own
const oneLine = (s: string) => s.replace(/[\r\n]+/g, ' ');

// as nodemailer's MimeNode writes a display name: bare when it is words, quoted when ASCII, else an encoded word
function displayName(name: string): string {
  const n = oneLine(name);
  if (/^[\w ]*$/.test(n)) return n;
  return /^[\x20-\x7e]*$/.test(n) ? quoteString(n) : encodeWord(n, 'Q', 52);
}

const mailbox = (m: Mailbox) => (m.name ? `${displayName(m.name)} <${m.address}>` : m.address);

// quoted-printable, CRLF line ends, no line over 76 characters
const body = (s: string) => qpWrap(qpEncode(s.replace(/\r?\n/g, '\r\n')), 76);

/**
 * A message of plain text and HTML alternatives, composed straight to bytes with nodemailer's own
 * encoders (RFC 2047 words for the headers, quoted-printable for the bodies). nodemailer's composer
 * builds a tree of nodes and a chain of streams for every message, and the socket gets one write per
 * piece: for a burst of reminders that was most of a worker's CPU. Messages with a calendar part
 * still go through nodemailer's composer.
 */
export function composePlainMail(m: {
  from: Mailbox;
  to: Mailbox;
  subject: string;
  messageId: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
  date?: Date;
}): Buffer {
  // "=_" cannot occur in quoted-printable text, so the boundary cannot occur in either part
  const boundary = `=_sc_${randomUUID()}`;
  const headers = [
    `From: ${mailbox(m.from)}`,
    `To: ${mailbox(m.to)}`,
    foldLines(`Subject: ${encodeWords(oneLine(m.subject), 'Q', 52)}`, 76),
    `Message-ID: ${m.messageId}`,
    `Date: ${(m.date ?? new Date()).toUTCString().replace(/GMT/, '+0000')}`,
    ...Object.entries(m.headers ?? {})
      .filter(([k]) => /^[A-Za-z0-9-]+$/.test(k))
      .map(([k, v]) => foldLines(`${k}: ${encodeWords(oneLine(v), 'Q', 52)}`, 76)),
    'MIME-Version: 1.0',
    `Content-Type: multipart/alternative;\r\n boundary="${boundary}"`,
  ];
  const part = (type: string, content: string) =>
    `--${boundary}\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${body(content)}\r\n`;
  return Buffer.from(
    `${headers.join('\r\n')}\r\n\r\n${part('text/plain', m.text)}${part('text/html', m.html)}--${boundary}--\r\n`,
  );
}
