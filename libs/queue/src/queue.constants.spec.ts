import { REMINDER_LEAD_MS, reminderJob } from './queue.constants';

describe('reminderJob', () => {
  const dueAt = new Date('2026-12-01T10:00:00Z');
  const r = { id: '0b6c3f0e-5d7a-4a8e-9a51-3c1f0c9d2e11', dueAt };
  const retry = { attempts: 6, delayMs: 2000 };

  it('names the reminder and its due time, so a moved reminder is a new job', () => {
    const a = reminderJob(r, 'postgres', retry);
    const moved = reminderJob({ ...r, dueAt: new Date(dueAt.getTime() + 60_000) }, 'postgres', retry);
    expect(a.opts.jobId).toContain(r.id);
    expect(moved.opts.jobId).not.toBe(a.opts.jobId);
    expect(a.data).toEqual({ reminderId: r.id, dueAt: '2026-12-01T10:00:00.000Z' });
  });

  it('falls due early by the lead on Redis only, and never with a negative delay', () => {
    const now = dueAt.getTime() - 10_000;
    jest.spyOn(Date, 'now').mockReturnValue(now);
    try {
      expect(reminderJob(r, 'postgres', retry).opts.delay).toBe(10_000);
      expect(reminderJob(r, 'redis', retry).opts.delay).toBe(10_000 - REMINDER_LEAD_MS);
      expect(reminderJob({ ...r, dueAt: new Date(now - 5000) }, 'redis', retry).opts.delay).toBe(0);
    } finally {
      jest.restoreAllMocks();
    }
  });

  it('keeps finished jobs by age, never by count (a count is a sort of every finished job per completion)', () => {
    const { opts } = reminderJob(r, 'postgres', retry);
    expect(opts.removeOnComplete).toEqual({ age: expect.any(Number) });
    expect(opts.removeOnFail).toBe(false);
    expect(opts).toMatchObject({ attempts: 6, backoff: { type: 'exponential', delay: 2000 } });
  });
});
