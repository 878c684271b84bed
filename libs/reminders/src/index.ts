export { RemindersModule } from './reminders.module';
export { RemindersWorkersModule } from './reminders-workers.module';
export { ReminderMetricsService } from './reminder-metrics.service';
export { ReminderReconcilerService } from './reminder-reconciler.service';
export { SIGNATURE_HEADER, signWebhook } from './webhook.service';
export { MailModule } from './mail.module';
export { MailService, type OutgoingMail } from './mail.service';
