import { Injectable } from '@nestjs/common';
import { InterviewInviteService } from '@app/interviews';
import { MailService } from './mail.service';
import type { Preferences } from './reminder-context.service';
import { composeDecision, composeDecisionWebhook, type DecisionMessageContext } from './decision-message';
import { composeReminder, composeWebhook, type MessageContext } from './reminder-message';
import { WebhookService } from './webhook.service';
import {
  composeDecline,
  composeDeclineWebhook,
  RSVP_DECLINED,
  type DeclineMessageContext,
} from './rsvp/decline-message';
import { ReminderKind } from './reminder-kind';

export type Channel = 'email' | 'webhook' | 'log';

export interface Send {
  channel: Channel;
  subject: string;
  /** `key` is the same for every attempt at this message: receivers can drop a repeat. */
  send(key: string): Promise<string>;
}

/** The messages one reminder becomes: email (or the log, without SMTP) unless turned off, and the webhook when set. */
@Injectable()
export class ReminderChannelsService {
  constructor(
    private readonly mail: MailService,
    private readonly webhooks: WebhookService,
    private readonly invites: InterviewInviteService,
  ) {}

  for(context: MessageContext, preferences: Preferences): Send[] {
    const message = composeReminder(context);
    const subject = message.subject.slice(0, 400);
    const sends: Send[] = [];
    if (preferences.email) {
      sends.push({
        channel: this.mail.channel,
        subject,
        send: async (key) => {
          const withInvite = context.kind === ReminderKind.Prep || context.kind === ReminderKind.Cancellation;
          const ics = withInvite ? await this.invites.icsFor(context.kit.interview.id) : null;
          return this.mail.send({
            ...message,
            messageId: key,
            ...(ics
              ? { ics: { ...ics, method: context.kind === ReminderKind.Cancellation ? 'CANCEL' : 'REQUEST' } }
              : {}),
          });
        },
      });
    }
    const url = preferences.webhookUrl;
    if (url) {
      sends.push({
        channel: 'webhook',
        subject,
        send: (key) =>
          this.webhooks.send({
            url,
            deliveryId: key,
            event: `reminder.${context.kind}`,
            body: composeWebhook(context, message),
          }),
      });
    }
    return sends;
  }

  /** A decision notice: the same channels and preferences as reminders, no calendar invite. */
  forDecision(context: DecisionMessageContext, preferences: Preferences): Send[] {
    const message = composeDecision(context);
    const subject = message.subject.slice(0, 400);
    const sends: Send[] = [];
    if (preferences.email)
      sends.push({
        channel: this.mail.channel,
        subject,
        send: (key) => this.mail.send({ ...message, messageId: key }),
      });
    const url = preferences.webhookUrl;
    if (url) {
      const body = composeDecisionWebhook(context, message);
      sends.push({
        channel: 'webhook',
        subject,
        send: (key) => this.webhooks.send({ url, deliveryId: key, event: 'candidate.decided', body }),
      });
    }
    return sends;
  }

  /** A decline notice: the same channels and preferences, no calendar invite. */
  forDecline(context: DeclineMessageContext, preferences: Preferences): Send[] {
    const message = composeDecline(context);
    const subject = message.subject.slice(0, 400);
    const sends: Send[] = [];
    if (preferences.email)
      sends.push({
        channel: this.mail.channel,
        subject,
        send: (key) => this.mail.send({ ...message, messageId: key }),
      });
    const url = preferences.webhookUrl;
    if (url) {
      const body = composeDeclineWebhook(context, message);
      sends.push({
        channel: 'webhook',
        subject,
        send: (key) => this.webhooks.send({ url, deliveryId: key, event: `interview.${RSVP_DECLINED}`, body }),
      });
    }
    return sends;
  }
}
