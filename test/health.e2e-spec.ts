import { TcpProxy } from './support/tcp-proxy';
import { eventually, TestApp, TestDatabase } from './support/test-app';

describe('health, metrics and the API document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('health');
  });
  afterAll(() => t?.close());

  it('GET /health reports the database and the queue as up, without a token', async () => {
    const res = await t.get('/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.info.database.status).toBe('up');
    expect(res.body.info.queue).toMatchObject({
      status: 'up',
      backend: 'postgres',
      jobs: expect.objectContaining({ waiting: expect.any(Number) }),
    });
  });

  it('GET /health says 503 and names the database when it is gone', async () => {
    const second = await TestApp.start('health_down');
    // cut the app's connections and refuse new ones
    await second.db.adminQuery(`ALTER DATABASE ${second.db.name} WITH ALLOW_CONNECTIONS false`);
    await second.db.adminQuery(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${second.db.name}'`,
    );
    try {
      const res = await second.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringContaining('database'),
      });
      expect(res.body.details.error.database.status).toBe('down');
    } finally {
      await second.db.adminQuery(`ALTER DATABASE ${second.db.name} WITH ALLOW_CONNECTIONS true`);
      await second.close();
    }
  });

  it('GET /health/live answers 200 without checking a dependency; /health/ready is the readiness check', async () => {
    const live = await t.get('/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
    const ready = await t.get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.info.database.status).toBe('up');
    expect(ready.body.info.queue.status).toBe('up');
  });

  it('while the database is unreachable: live stays 200, ready and /health say 503 naming the database with Retry-After, and recover', async () => {
    const db = await TestDatabase.create('health_cut');
    const proxy = await TcpProxy.start('127.0.0.1', Number(new URL(db.url).port || 5432));
    const app = await TestApp.start('health_cut', { database: db, env: { DATABASE_URL: proxy.url(db.url) } });
    try {
      expect((await app.get('/health/ready')).status).toBe(200);
      proxy.cutOff();
      for (const path of ['/health/ready', '/health']) {
        const res = await app.get(path);
        expect(res.status).toBe(503);
        expect(res.headers.get('retry-after')).toBe('5');
        expect(res.body).toMatchObject({
          statusCode: 503,
          error: 'Service Unavailable',
          message: expect.stringContaining('database'),
        });
        expect(res.body.details.error.database.status).toBe('down');
      }
      const live = await app.get('/health/live');
      expect(live.status).toBe(200);
      // an API request that needs the database answers 503 too, never 500
      const api = await app.request('GET', '/api/v1/me', { token: 'not-a-token' });
      expect([401, 503]).toContain(api.status);
      proxy.restore();
      const back = await eventually(
        async () => {
          const res = await app.get('/health/ready');
          return res.status === 200 ? res : undefined;
        },
        30_000,
        250,
      );
      expect(back.body.info.database.status).toBe('up');
    } finally {
      proxy.restore();
      await app.close();
      await proxy.close();
      await db.drop();
    }
  });

  it('names the queue when Redis is unreachable while the database is up', async () => {
    const redisUrl = process.env.REDIS_URL;
    if (!redisUrl) throw new Error('REDIS_URL is not set');
    const target = new URL(redisUrl);
    const proxy = await TcpProxy.start(target.hostname, Number(target.port || 6379));
    const app = await TestApp.start('health_redis', { redis: true, env: { REDIS_URL: proxy.url(redisUrl) } });
    try {
      expect((await app.get('/health/ready')).body.info.queue).toMatchObject({ status: 'up', backend: 'redis' });
      proxy.cutOff();
      const res = await app.get('/health/ready');
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('5');
      expect(res.body.message).toContain('queue');
      expect(res.body.message).not.toContain('database');
      expect(res.body.details.error.queue).toMatchObject({ status: 'down', backend: 'redis' });
      expect(res.body.details.info.database.status).toBe('up');
      expect((await app.get('/health/live')).status).toBe(200);
      proxy.restore();
      await eventually(async () => (await app.get('/health/ready')).status === 200, 30_000, 250);
      // BullMQ's Worker.close() never returns while its blocking connection is still reconnecting
      // (ioredis backs off a few seconds after the cut); let every connection come back before closing.
      await new Promise((r) => setTimeout(r, 5000));
    } finally {
      proxy.restore();
      await app.close();
      await proxy.close();
    }
  });

  it('GET /metrics serves Prometheus text with request durations', async () => {
    await t.get('/health');
    const res = await t.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(res.text).toContain('# TYPE http_request_duration_seconds histogram');
    expect(res.text).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\} \d+/);
    expect(res.text).toContain('process_cpu_user_seconds_total');
  });

  it('serves Swagger UI at /api/docs and the document at /api/docs-json', async () => {
    const ui = await t.get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
    const doc = (await t.get('/api/docs-json')).body;
    expect(doc.openapi).toMatch(/^3\./);
    for (const path of [
      '/api/v1/auth/login',
      '/api/v1/me',
      '/api/v1/users',
      '/health',
      '/health/live',
      '/health/ready',
      '/metrics',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('describes every request body, response and error response in the document', async () => {
    const doc = (await t.get('/api/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.LoginDto.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schemas.CreateUserDto.properties.roles.items).toBeDefined();
    expect(schemas.ErrorResponseDto.required).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'requestId']),
    );
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginDto');
    expect(login.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/LoginResponse');
    for (const status of ['400', '401', '429', '500']) {
      expect(login.responses[status].content['application/json'].schema.$ref).toBe(
        '#/components/schemas/ErrorResponseDto',
      );
    }
    // every operation under /api/v1 documents its errors and says whether it needs the token
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, op] of Object.entries<any>(ops)) {
        const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
        expect({ path, method, hasErrors: errors.length > 1 }).toEqual({ path, method, hasErrors: true });
        if (
          ![
            '/api/v1/auth/login',
            '/api/v1/auth/refresh',
            '/api/v1/auth/logout',
            '/api/v1/auth/demo-logins',
            // single sign-on: the sign-in page's question and the browser's round trip to the provider
            '/api/v1/auth/sso',
            '/api/v1/auth/sso/start',
            '/api/v1/auth/sso/callback',
          ].includes(path)
        ) {
          // the user's token always, and an integration's API key (apiKey) where the operation is open to keys
          const schemes = (op.security ?? []).map((s: object) => Object.keys(s).join()).sort();
          expect({ path, method, schemes }).toEqual({
            path,
            method,
            schemes: schemes.includes('apiKey') ? ['apiKey', 'bearer'] : ['bearer'],
          });
        }
      }
    }
  });
});
