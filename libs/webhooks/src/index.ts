export { WebhooksModule } from './webhooks.module';
export { WebhooksWorkersModule } from './webhooks-workers.module';
export { WEBHOOK_EVENT_TYPES, WEBHOOK_PAYLOAD_VERSION, type WebhookEventType } from './webhook-events';
export { signWithSecrets } from './webhook-signature';
