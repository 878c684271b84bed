import { TestApp } from './support/test-app';

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
    expect(res.body.info.queue).toMatchObject({ status: 'up', backend: 'postgres', jobs: expect.objectContaining({ waiting: expect.any(Number) }) });
  });

  it('GET /health says 503 and names the database when it is gone', async () => {
    const second = await TestApp.start('health_down');
    // cut the app's connections and refuse new ones
    await second.db.adminQuery(`ALTER DATABASE ${second.db.name} WITH ALLOW_CONNECTIONS false`);
    await second.db.adminQuery(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${second.db.name}'`);
    try {
      const res = await second.get('/health');
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', message: expect.stringContaining('database') });
      expect(res.body.details.error.database.status).toBe('down');
    } finally {
      await second.db.adminQuery(`ALTER DATABASE ${second.db.name} WITH ALLOW_CONNECTIONS true`);
      await second.close();
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
    for (const path of ['/api/v1/auth/login', '/api/v1/me', '/api/v1/users', '/health', '/metrics']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });

  it('describes every request body, response and error response in the document', async () => {
    const doc = (await t.get('/api/docs-json')).body;
    const schemas = doc.components.schemas;
    expect(schemas.LoginDto.required).toEqual(expect.arrayContaining(['email', 'password']));
    expect(schemas.CreateUserDto.properties.roles.items).toBeDefined();
    expect(schemas.ErrorResponseDto.required).toEqual(expect.arrayContaining(['statusCode', 'error', 'message', 'requestId']));
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema.$ref).toBe('#/components/schemas/LoginDto');
    expect(login.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/LoginResponse');
    for (const status of ['400', '401', '429', '500']) {
      expect(login.responses[status].content['application/json'].schema.$ref).toBe('#/components/schemas/ErrorResponseDto');
    }
    // every operation under /api/v1 documents its errors and says whether it needs the token
    for (const [path, ops] of Object.entries<Record<string, any>>(doc.paths)) {
      if (!path.startsWith('/api/v1')) continue;
      for (const [method, op] of Object.entries<any>(ops)) {
        const errors = Object.keys(op.responses).filter((s) => Number(s) >= 400);
        expect({ path, method, hasErrors: errors.length > 1 }).toEqual({ path, method, hasErrors: true });
        if (!['/api/v1/auth/login', '/api/v1/auth/refresh', '/api/v1/auth/logout'].includes(path)) expect({ path, method, security: op.security }).toEqual({ path, method, security: [{ bearer: [] }] });
      }
    }
  });
});
