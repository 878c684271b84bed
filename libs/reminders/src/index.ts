export { RemindersModule } from './reminders.module';
export { RemindersWorkersModule } from './reminders-workers.module';
export { ReminderMetrics } from './reminder-metrics.service';
export { ReminderReconciler } from './reminder-reconciler.service';
export { SIGNATURE_HEADER, signWebhook } from './webhook.service';
