import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';
import { PageQueryDto } from '@app/common';
import { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../webhook-events';

export class CreateWebhookDto {
  /** Where deliveries are POSTed: https in production; an internal address is refused. */
  @IsString()
  @MaxLength(2000)
  url: string;

  /** The event types to receive (at least one). */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events: WebhookEventType[];

  /** What it is for ("Greenhouse sync"). */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class UpdateWebhookDto {
  /** A new URL, checked as at creation. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  url?: string;

  /** Replaces the event types. */
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(WEBHOOK_EVENT_TYPES.length)
  @ArrayUnique()
  @IsIn(WEBHOOK_EVENT_TYPES, { each: true })
  events?: WebhookEventType[];

  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class WebhookDeliveriesQueryDto extends PageQueryDto {}
