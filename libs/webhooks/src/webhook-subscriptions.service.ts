import { randomBytes } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { AuthUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { fieldError } from '@app/common';
import { OutboundError, OutboundRequestService } from '@app/outbound';
import type { CreateWebhookDto, UpdateWebhookDto } from './dto/webhook.dto';
import type { WebhookSecretResponse, WebhookSubscriptionResponse } from './dto/webhook.response';
import type { WebhookSubscriptionEntity } from './entities/webhook-subscription.entity';
import { WebhookSubscriptionRepository } from './webhook-subscription.repository';

/** `whsec_` + 32 random bytes: recognizable in a secret scanner, and never derivable from anything else. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64url')}`;
}

export function toSubscriptionResponse(s: WebhookSubscriptionEntity): WebhookSubscriptionResponse {
  const { secret: _s, previousSecret: _p, ...shown } = s;
  return shown;
}

/** Admin management of subscriptions; the audit trail records changes under the `settings` entity type. */
@Injectable()
export class WebhookSubscriptionsService {
  constructor(
    private readonly repo: WebhookSubscriptionRepository,
    private readonly outbound: OutboundRequestService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<{ items: WebhookSubscriptionResponse[] }> {
    return { items: (await this.repo.list()).map(toSubscriptionResponse) };
  }

  async get(id: string): Promise<WebhookSubscriptionResponse> {
    return toSubscriptionResponse(await this.load(id));
  }

  async create(user: AuthUser, dto: CreateWebhookDto): Promise<WebhookSecretResponse> {
    const url = await this.checkUrl(dto.url);
    const secret = newSecret();
    const sub = await this.repo.insert({
      url,
      events: dto.events,
      description: dto.description ?? '',
      secret,
      ownerId: user.id,
    });
    // the URL may carry a token of the receiver's: the trail keeps its origin only
    await this.audit.record(user.id, 'settings', sub.id, 'webhook_created', {
      origin: new URL(url).origin,
      events: dto.events,
    });
    return { ...toSubscriptionResponse(sub), secret };
  }

  async update(user: AuthUser, id: string, dto: UpdateWebhookDto): Promise<WebhookSubscriptionResponse> {
    await this.load(id);
    const url = dto.url === undefined ? undefined : await this.checkUrl(dto.url);
    await this.repo.update(id, {
      ...(url !== undefined ? { url } : {}),
      ...(dto.events ? { events: dto.events } : {}),
      ...(dto.description !== undefined ? { description: dto.description } : {}),
    });
    await this.audit.record(user.id, 'settings', id, 'webhook_updated', {
      ...(url ? { origin: new URL(url).origin } : {}),
      ...(dto.events ? { events: dto.events } : {}),
    });
    return this.get(id);
  }

  async remove(user: AuthUser, id: string): Promise<void> {
    if (!(await this.repo.delete(id))) throw new NotFoundException(`Webhook ${id} not found`);
    await this.audit.record(user.id, 'settings', id, 'webhook_deleted', {});
  }

  /** The old secret keeps signing (a second v1=) for the grace period, so the receiver can switch without loss. */
  async rotate(user: AuthUser, id: string): Promise<WebhookSecretResponse> {
    const sub = await this.load(id);
    const secret = newSecret();
    const previousSecretExpiresAt = new Date(Date.now() + this.config.webhookRotationGraceMs);
    await this.repo.update(id, { secret, previousSecret: sub.secret, previousSecretExpiresAt });
    await this.audit.record(user.id, 'settings', id, 'webhook_secret_rotated', { previousSecretExpiresAt });
    return { ...(await this.get(id)), secret };
  }

  async pause(user: AuthUser, id: string): Promise<WebhookSubscriptionResponse> {
    await this.load(id);
    await this.repo.pauseIfActive(id, 'Paused by an admin');
    await this.audit.record(user.id, 'settings', id, 'webhook_paused', {});
    return this.get(id);
  }

  /** Counting starts again: the next failures are the receiver's new ones. */
  async resume(user: AuthUser, id: string): Promise<WebhookSubscriptionResponse> {
    const sub = await this.load(id);
    if (sub.status === 'active') throw new ConflictException(`Webhook ${id} is not paused`);
    await this.repo.update(id, { status: 'active', pausedAt: null, pausedReason: null, consecutiveFailures: 0 });
    await this.audit.record(user.id, 'settings', id, 'webhook_resumed', {});
    return this.get(id);
  }

  async load(id: string): Promise<WebhookSubscriptionEntity> {
    const sub = await this.repo.findById(id);
    if (!sub) throw new NotFoundException(`Webhook ${id} not found`);
    return sub;
  }

  /** https in production (the outbound policy), no internal address; a 400 naming the field. */
  private async checkUrl(raw: string): Promise<string> {
    const url = raw.trim();
    try {
      await this.outbound.checkUrl(url);
    } catch (e) {
      if (!(e instanceof OutboundError)) throw e;
      throw fieldError('url', `url ${e.message}`);
    }
    return url;
  }
}
