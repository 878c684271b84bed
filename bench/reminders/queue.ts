// The bench adds the reminders' jobs itself (the API has no route that plans 10,000 at once), with the
// job of ReminderSchedulerService.enqueue, a few hundred jobs per call.
import type { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { reminderJob } from '../../libs/queue/src/queue.constants';

const CHUNK = 500;

/** Returns the job ids, in the order of `rows`. */
export async function addReminderJobs(
  queue: Queue,
  backend: 'redis' | 'postgres',
  rows: Array<{ id: string; dueAt: Date }>,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += CHUNK) {
    // a job's delay counts from when it is made: made all at once, the later chunks' jobs would
    // fall due late by the time it takes to add the chunks before them
    const jobs = rows.slice(i, i + CHUNK).map((r) => reminderJob(r, backend, { attempts: 6, delayMs: 2000 }));
    await queue.addBulk(jobs);
    ids.push(...jobs.map((j) => j.opts.jobId));
  }
  return ids;
}

/** The run's queue keys (their prefix is the database's name). */
export async function dropRedisKeys(url: string, pattern: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      if (keys.length) await redis.del(...keys);
      cursor = next;
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
