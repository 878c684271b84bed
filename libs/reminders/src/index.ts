export { RemindersModule } from './reminders.module';
export { RemindersWorkersModule } from './reminders-workers.module';
