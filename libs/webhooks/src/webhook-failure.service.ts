import { Injectable, Logger } from '@nestjs/common';
import { UsersService } from '@app/auth';
import { AppConfig } from '@app/config';
import { MailService } from '@app/reminders';
import type { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** Counts deliveries that failed every attempt; past the limit the subscription is paused and its owner told. */
@Injectable()
export class WebhookFailureService {
  private readonly logger = new Logger('Webhooks');

  constructor(
    private readonly subscriptions: WebhookSubscriptionRepository,
    private readonly users: UsersService,
    private readonly mail: MailService,
    private readonly config: AppConfig,
  ) {}

  async succeeded(subscriptionId: string): Promise<void> {
    await this.subscriptions.resetFailures(subscriptionId);
  }

  async failed(sub: WebhookSubscriptionEntity): Promise<void> {
    const failures = await this.subscriptions.addFailure(sub.id);
    if (failures < this.config.webhookPauseAfter) return;
    const reason = `${failures} deliveries in a row failed every attempt`;
    if (await this.subscriptions.pauseIfActive(sub.id, reason)) await this.tellOwner(sub, reason);
  }

  /** A mail that cannot be sent is logged: the pause itself stands and shows on the admin page. */
  private async tellOwner(sub: WebhookSubscriptionEntity, reason: string): Promise<void> {
    try {
      const owner = await this.users.findActiveById(sub.ownerId);
      if (!owner) return;
      const origin = new URL(sub.url).origin;
      const page = `${this.config.publicUrl}/settings/webhooks`;
      await this.mail.send({
        to: owner.email,
        subject: `Webhook to ${origin} paused`,
        text: `Your webhook to ${origin} was paused: ${reason}.\nNothing is sent to it until it is resumed: ${page}\n`,
        html: `<p>Your webhook to <b>${escapeHtml(origin)}</b> was paused: ${escapeHtml(reason)}.</p><p>Nothing is sent to it until it is resumed on the <a href="${escapeHtml(page)}">Webhooks page</a>.</p>`,
        messageId: `webhook-paused.${sub.id}.${Date.now()}`,
        headers: { 'X-Scorecards-Kind': 'webhook-paused' },
      });
    } catch (e) {
      this.logger.error(`telling the owner of webhook ${sub.id} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
