import { createHmac } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@app/config';

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

/** A JSON POST with a Slack-compatible `text` field, signed; anything but a 2xx in time is a failure (the job retries). */
@Injectable()
export class WebhookService {
  constructor(private readonly config: AppConfig) {}

  async send(m: WebhookMessage): Promise<string> {
    const body = JSON.stringify({ ...m.body, event: m.event, deliveryId: m.deliveryId });
    let res: Response;
    try {
      res = await fetch(m.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Scorecards-Webhook/1',
          [SIGNATURE_HEADER]: signWebhook(this.config.webhookSecret, body, new Date()),
          'x-scorecards-event': m.event,
          'x-scorecards-delivery': m.deliveryId,
        },
        body,
        signal: AbortSignal.timeout(this.config.webhookTimeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      const reason = e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${this.config.webhookTimeoutMs} ms` : e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e);
      throw new Error(`webhook ${new URL(m.url).host}: ${reason}`);
    }
    await res.body?.cancel().catch(() => undefined);
    if (!res.ok) throw new Error(`webhook ${new URL(m.url).host} answered ${res.status}`);
    return `HTTP ${res.status}`;
  }
}
