import type { INestApplicationContext } from '@nestjs/common';
import { eventually, startWorker, TestApp } from './support/test-app';

const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];

describe.each(backends)('a job crosses from the API to a worker on %s', (backend) => {
  let api: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    // an API process without workers, so only the separate worker can run the job
    api = await TestApp.start(`queue_${backend}`, { role: 'api', redis: backend === 'redis' });
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('stays queued while no worker runs, then a worker processes it', async () => {
    const sent = await api.request('POST', '/api/v1/system/heartbeats', { as: 'admin' });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ backend, jobId: expect.stringMatching(/^heartbeat\.[0-9a-f-]+$/) });
    expect(sent.body.jobId).not.toContain(':');

    await new Promise((r) => setTimeout(r, 500));
    expect((await api.request('GET', `/api/v1/system/heartbeats/${sent.body.jobId}`, { as: 'admin' })).status).toBe(
      404,
    );
    const health = await api.get('/health');
    expect(health.body.info.queue).toMatchObject({ backend, jobs: expect.objectContaining({ waiting: 1 }) });

    worker = await startWorker(api, { redis: backend === 'redis' });
    const beat = await eventually(async () => {
      const res = await api.request('GET', `/api/v1/system/heartbeats/${sent.body.jobId}`, { as: 'admin' });
      return res.status === 200 ? res.body : undefined;
    });
    expect(beat).toMatchObject({ jobId: sent.body.jobId, backend });
    expect(new Date(beat.processedAt).getTime()).toBeGreaterThanOrEqual(new Date(beat.requestedAt).getTime());

    const after = await eventually(async () => {
      const res = await api.get('/health');
      return res.body.info.queue.lastWorkerHeartbeat ? res.body : undefined;
    });
    expect(after.info.queue.jobs.waiting).toBe(0);
  });

  it('refuses heartbeats from non-admins', async () => {
    await api.createUser(`rec-${backend}@example.com`, ['recruiter']);
    const res = await api.request('POST', '/api/v1/system/heartbeats', { as: `rec-${backend}@example.com` });
    expect(res.status).toBe(403);
  });
});
