import { remindersSuite } from './support/reminders-suite';

remindersSuite('postgres');
