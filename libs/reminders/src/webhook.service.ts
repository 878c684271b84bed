import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { OutboundRequestService } from '@app/outbound';

export interface WebhookMessage {
  url: string;
  /** Names this delivery: a receiver that sees it twice can drop the second. */
  deliveryId: string;
  event: string;
  body: Record<string, unknown> & { text: string };
}

export const SIGNATURE_HEADER = 'x-scorecards-signature';

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp lets receivers refuse replays. */
export function signWebhook(secret: string, body: string, at: Date): string {
  const t = Math.floor(at.getTime() / 1000);
  return `t=${t},v1=${createHmac('sha256', secret).update(`${t}.${body}`).digest('hex')}`;
}

/**
 * A JSON POST with a Slack-compatible `text` field, signed; anything but a 2xx in time is a failure
 * (the job retries). It goes through the outbound guard: an internal address is refused before any
 * connection, and the error (stored in the delivery log, seen by the recipient) is its generic text.
 */
@Injectable()
export class WebhookService {
  constructor(
    private readonly config: AppConfig,
    private readonly outbound: OutboundRequestService,
  ) {}

  async send(m: WebhookMessage): Promise<string> {
    const body = JSON.stringify({ ...m.body, event: m.event, deliveryId: m.deliveryId });
    const res = await this.outbound.post(m.url, {
      headers: {
        'content-type': 'application/json',
        'user-agent': 'Scorecards-Webhook/1',
        [SIGNATURE_HEADER]: signWebhook(this.config.webhookSecret, body, new Date()),
        'x-scorecards-event': m.event,
        'x-scorecards-delivery': m.deliveryId,
      },
      body,
      timeoutMs: this.config.webhookTimeoutMs,
      // only the status counts: a receiver that acknowledged with a long page has the message
      maxBytes: 4096,
      overflow: 'truncate',
    });
    return `HTTP ${res.status}`;
  }
}
