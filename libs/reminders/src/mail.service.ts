import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '@app/config';
import { composePlainMail, parseMailbox, type Mailbox } from './plain-mail';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable across retries (without the domain): mail clients drop a second copy with the same Message-ID. */
  messageId?: string;
  ics?: { filename: string; body: string; method: string };
  /** e.g. X-Scorecards-Kind, so that mail rules (and tests) can tell invitations from reminders. */
  headers?: Record<string, string>;
}

/**
 * An unreachable or silent server must fail the attempt quickly, so that the job retries; and a
 * small pool of kept-open connections saves a handshake per message. A pooled connection is kept
 * for any number of messages (nodemailer's default replaces it after 100): a new one waits for the
 * server's greeting, which relays hold back on purpose to catch clients that talk too early
 * (smtp-server 100 ms, Postfix's postscreen longer), and that wait made 1 % of the reminders spread
 * over a minute 100 ms late. SMTP_URL can override each.
 */
function withDefaults(url: string): string {
  const u = new URL(url);
  const defaults = [
    ['connectionTimeout', '5000'],
    ['greetingTimeout', '5000'],
    ['socketTimeout', '10000'],
    ['pool', 'true'],
    ['maxConnections', '8'],
    ['maxMessages', 'Infinity'],
  ];
  for (const [k, v] of defaults) if (!u.searchParams.has(k)) u.searchParams.set(k, v);
  return u.toString();
}

/** SMTP when SMTP_URL is set; otherwise the message is logged (the embedded default). */
@Injectable()
export class MailService implements OnModuleDestroy {
  private readonly logger = new Logger('Mail');
  private readonly transport: Transporter;
  readonly channel: 'email' | 'log';
  private readonly domain: string;
  private readonly from: Mailbox | null;

  constructor(private readonly config: AppConfig) {
    this.channel = config.smtpUrl ? 'email' : 'log';
    this.domain = /@([A-Za-z0-9.-]+)/.exec(config.mailFrom)?.[1] ?? 'scorecards.local';
    this.from = parseMailbox(config.mailFrom);
    this.transport = config.smtpUrl
      ? createTransport(withDefaults(config.smtpUrl))
      : createTransport({ jsonTransport: true });
  }

  /** Returns the message id; throws when the server refuses or cannot be reached (the job retries). */
  async send(mail: OutgoingMail): Promise<string> {
    const to = this.channel === 'email' && !mail.ics ? parseMailbox(mail.to) : null;
    if (to && this.from) {
      const messageId = `<${mail.messageId ?? randomUUID()}@${this.domain}>`;
      const raw = composePlainMail({ ...mail, from: this.from, to, messageId });
      await this.transport.sendMail({ envelope: { from: this.from.address, to: [to.address] }, raw });
      return messageId;
    }
    const info = await this.transport.sendMail({
      from: this.config.mailFrom,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      ...(mail.messageId ? { messageId: `<${mail.messageId}@${this.domain}>` } : {}),
      // The text/calendar alternative (with its method) is what makes Gmail, Outlook and Apple Mail
      // show Accept/Decline; the same calendar as an attachment is for clients that only save files.
      ...(mail.ics
        ? {
            icalEvent: { filename: mail.ics.filename, method: mail.ics.method, content: mail.ics.body },
            attachments: [{ filename: mail.ics.filename, content: mail.ics.body, contentType: 'application/ics' }],
          }
        : {}),
      ...(mail.headers ? { headers: mail.headers } : {}),
    });
    if (this.channel === 'log') this.logger.log(`(no SMTP_URL) to ${mail.to}: ${mail.subject}`);
    return String(info.messageId ?? '');
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}
