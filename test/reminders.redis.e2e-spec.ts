import { remindersSuite } from './support/reminders-suite';

// TestApp refuses to start without REDIS_URL rather than passing silently
remindersSuite('redis');
