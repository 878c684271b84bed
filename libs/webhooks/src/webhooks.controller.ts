import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiExtraModels, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { CreateWebhookDto, UpdateWebhookDto, WebhookDeliveriesQueryDto } from './dto/webhook.dto';
import { WEBHOOK_PAYLOAD_MODELS } from './dto/webhook-payload.response';
import {
  WebhookDeliveryPage,
  WebhookDeliveryResponse,
  WebhookSecretResponse,
  WebhookSubscriptionListResponse,
  WebhookSubscriptionResponse,
} from './dto/webhook.response';
import { WebhookDeliveriesService } from './webhook-deliveries.service';
import { WebhookSubscriptionsService } from './webhook-subscriptions.service';

/** Event webhooks for the systems around us (an ATS): admins only. The bodies sent are the WebhookEvent… schemas. */
@ApiTags('webhooks')
@ApiExtraModels(...WEBHOOK_PAYLOAD_MODELS)
@Controller('webhooks')
@Authenticated({ roles: [Role.Admin] })
export class WebhooksController {
  constructor(
    private readonly subscriptions: WebhookSubscriptionsService,
    private readonly deliveries: WebhookDeliveriesService,
  ) {}

  /** Every subscription, with its status (paused ones show why). */
  @Get()
  list(): Promise<WebhookSubscriptionListResponse> {
    return this.subscriptions.list();
  }

  /** Subscribes a URL to event types; the answer carries the signing secret, shown this once. */
  @Post()
  @Idempotent()
  @ApiErrors(400)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateWebhookDto): Promise<WebhookSecretResponse> {
    return this.subscriptions.create(user, dto);
  }

  @Get(':id')
  @ApiErrors(404)
  get(@Param('id') id: string): Promise<WebhookSubscriptionResponse> {
    return this.subscriptions.get(id);
  }

  /** Changes the URL, the event types or the description. */
  @Patch(':id')
  @ApiErrors(400, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateWebhookDto,
  ): Promise<WebhookSubscriptionResponse> {
    return this.subscriptions.update(user, id, dto);
  }

  /** Deletes the subscription and its delivery log; pending deliveries are not sent. */
  @Delete(':id')
  @HttpCode(204)
  @ApiErrors(404)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.subscriptions.remove(user, id);
  }

  /** A new secret, shown this once; the previous one keeps signing beside it for the grace period. */
  @Post(':id/rotate-secret')
  @Idempotent()
  @HttpCode(200)
  @ApiErrors(404)
  rotate(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<WebhookSecretResponse> {
    return this.subscriptions.rotate(user, id);
  }

  @Post(':id/pause')
  @Idempotent()
  @HttpCode(200)
  @ApiErrors(404)
  pause(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<WebhookSubscriptionResponse> {
    return this.subscriptions.pause(user, id);
  }

  /** Resumes a paused subscription (and starts counting failures from zero). */
  @Post(':id/resume')
  @Idempotent()
  @HttpCode(200)
  @ApiErrors(404, 409)
  resume(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<WebhookSubscriptionResponse> {
    return this.subscriptions.resume(user, id);
  }

  /** Sends a `ping` event now (through the same queue, signature and log as the others). */
  @Post(':id/ping')
  @Idempotent()
  @HttpCode(202)
  @ApiErrors(404, 409)
  ping(@Param('id') id: string): Promise<WebhookDeliveryResponse> {
    return this.deliveries.ping(id);
  }

  /** The delivery log, newest first: status, response code, attempts, next attempt, error. */
  @Get(':id/deliveries')
  @ApiErrors(400, 404)
  deliveryLog(@Param('id') id: string, @Query() q: WebhookDeliveriesQueryDto): Promise<WebhookDeliveryPage> {
    return this.deliveries.list(id, q);
  }

  /** Sends one delivery again: the same id and body, a new round of attempts. */
  @Post(':id/deliveries/:deliveryId/redeliver')
  @Idempotent()
  @HttpCode(202)
  @ApiErrors(404, 409)
  redeliver(@Param('id') id: string, @Param('deliveryId') deliveryId: string): Promise<WebhookDeliveryResponse> {
    return this.deliveries.redeliver(id, deliveryId);
  }
}
