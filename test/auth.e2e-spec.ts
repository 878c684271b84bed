import { TestApp, USER_PASSWORD } from './support/test-app';

describe('auth and the cross-cutting HTTP rules', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start('auth', { env: { BODY_LIMIT: '65536' } });
    await t.createUser('ivy@example.com', ['interviewer'], { timezone: 'Europe/Berlin' });
  });
  afterAll(() => t?.close());

  describe('POST /api/v1/auth/login', () => {
    it('returns a bearer token and the user for the right password', async () => {
      const res = await t.login('ivy@example.com', USER_PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        tokenType: 'Bearer',
        user: { email: 'ivy@example.com', roles: ['interviewer'], timezone: 'Europe/Berlin' },
      });
      expect(res.body.accessToken.split('.')).toHaveLength(3);
      expect(res.body.expiresIn).toBe(15 * 60); // JWT_TTL's default: short, the refresh cookie renews it
      expect(res.body.user.passwordHash).toBeUndefined();
    });

    it('treats the email case-insensitively', async () => {
      expect((await t.login('IVY@Example.COM', USER_PASSWORD)).status).toBe(200);
    });

    it('answers a wrong password and an unknown user with the same 401', async () => {
      const wrong = await t.login('ivy@example.com', 'not-the-password');
      const unknown = await t.login('nobody@example.com', USER_PASSWORD);
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe('Invalid email or password');
      expect(unknown.body.message).toBe(wrong.body.message);
      expect(unknown.body).toEqual({
        statusCode: 401,
        error: 'Unauthorized',
        message: wrong.body.message,
        requestId: expect.any(String),
      });
    });

    it('names the missing or malformed field with a 400', async () => {
      const missing = await t.request('POST', '/api/v1/auth/login', { body: { email: 'ivy@example.com' } });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'password' })]));
      const wrongType = await t.request('POST', '/api/v1/auth/login', { body: { email: 42, password: 'x' } });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.message).toMatch(/email/);
    });
  });

  describe('bearer tokens and roles', () => {
    it('refuses a request without a token with 401', async () => {
      const res = await t.request('GET', '/api/v1/me');
      expect(res.status).toBe(401);
      expect(res.body.message).toBe('Missing bearer token');
    });

    it('refuses a forged token with 401', async () => {
      const token = await t.tokenFor('ivy@example.com');
      const [h, p] = token.split('.');
      const res = await t.request('GET', '/api/v1/me', { token: `${h}.${p}.forgedsignature` });
      expect(res.status).toBe(401);
    });

    it('authenticates many concurrent requests from different users, each as itself', async () => {
      const users = await Promise.all(
        Array.from({ length: 6 }, (_, i) => t.createUser(`busy${i}@example.com`, ['interviewer'])),
      );
      const tokens = await Promise.all(users.map((u) => t.tokenFor(u.email)));
      const results = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          t
            .request('GET', '/api/v1/me', { token: tokens[i % 6] })
            .then((r) => [r.status, r.body.email, users[i % 6].email]),
        ),
      );
      for (const [status, got, expected] of results) expect({ status, got }).toEqual({ status: 200, got: expected });
      const logins = await Promise.all(users.map((u) => t.login(u.email, USER_PASSWORD)));
      expect(logins.map((r) => [r.status, r.body.user.email])).toEqual(users.map((u) => [200, u.email]));
    });

    it('GET /me returns the signed-in user', async () => {
      const res = await t.get('/api/v1/me', 'ivy@example.com');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ email: 'ivy@example.com', roles: ['interviewer'] });
    });

    it('refuses the wrong role with 403 and names the roles required', async () => {
      const res = await t.request('POST', '/api/v1/users', {
        as: 'ivy@example.com',
        body: { email: 'x@example.com', name: 'X', password: 'password-1', roles: ['interviewer'] },
      });
      expect(res.status).toBe(403);
      expect(res.body.message).toContain('admin');
      const rows = await t.db.query(`SELECT 1 FROM users WHERE email = 'x@example.com'`);
      expect(rows).toHaveLength(0);
    });

    it('stops honouring a token once the user is deactivated', async () => {
      const u = await t.createUser('leaver@example.com', ['recruiter']);
      const token = await t.tokenFor('leaver@example.com');
      expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(200);
      await t.db.query('UPDATE users SET active = false WHERE id = $1', [u.id]);
      expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
      expect((await t.login('leaver@example.com', USER_PASSWORD)).status).toBe(401);
    });
  });

  describe('POST /api/v1/users (admin)', () => {
    it('creates a user who can then sign in', async () => {
      const res = await t.post(
        '/api/v1/users',
        {
          email: ' New.Person@Example.com ',
          name: 'New Person',
          password: 'long-enough',
          roles: ['hiring_manager', 'interviewer'],
        },
        'admin',
      );
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({
        email: 'new.person@example.com',
        roles: ['hiring_manager', 'interviewer'],
        timezone: 'UTC',
        active: true,
      });
      expect((await t.login('new.person@example.com', 'long-enough')).status).toBe(200);
    });

    it('refuses a duplicate email, in any case, with 409 and keeps the original', async () => {
      const res = await t.post(
        '/api/v1/users',
        { email: 'IVY@example.com', name: 'Impostor', password: 'long-enough', roles: ['admin'] },
        'admin',
      );
      expect(res.status).toBe(409);
      expect(res.body.message).toContain('ivy@example.com');
      const [row] = await t.db.query<{ name: string; roles: string[] }>(
        `SELECT name, roles FROM users WHERE email = 'ivy@example.com'`,
      );
      expect(row).toEqual({ name: 'ivy', roles: ['interviewer'] });
    });

    it.each([
      [{ email: 'a@example.com', name: 'A', password: 'long-enough', roles: ['wizard'] }, 'roles'],
      [{ email: 'a@example.com', name: 'A', password: 'short', roles: ['admin'] }, 'password'],
      [{ email: 'not-an-email', name: 'A', password: 'long-enough', roles: ['admin'] }, 'email'],
      [{ email: 'a@example.com', name: 'A', password: 'long-enough', roles: [] }, 'roles'],
      [
        { email: 'a@example.com', name: 'A', password: 'long-enough', roles: ['admin'], timezone: 'Mars/Olympus' },
        'timezone',
      ],
      [{ email: 'a@example.com', name: '', password: 'long-enough', roles: ['admin'] }, 'name'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      const res = await t.post('/api/v1/users', body, 'admin');
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(res.body.message).toContain(field);
    });
  });

  describe('GET and PATCH /api/v1/users (admin)', () => {
    it('searches users by words in the name or email', async () => {
      await t.createUser('searchable.sam@example.com', ['recruiter'], { name: 'Samira Quist' });
      const byName = await t.get('/api/v1/users?q=quist%20sami', 'admin');
      expect(byName.status).toBe(200);
      expect(byName.body.items.map((u: { email: string }) => u.email)).toEqual(['searchable.sam@example.com']);
      const byEmail = await t.get('/api/v1/users?q=SEARCHABLE', 'admin');
      expect(byEmail.body.items.map((u: { email: string }) => u.email)).toEqual(['searchable.sam@example.com']);
      expect((await t.get('/api/v1/users?q=%25', 'admin')).body.items).toEqual([]);
    });

    it("changes roles and timezone; new roles end the user's sign-ins, and the next one has them", async () => {
      const u = await t.createUser('promoted@example.com', ['interviewer']);
      const token = await t.tokenFor('promoted@example.com');
      expect((await t.request('GET', '/api/v1/users', { token })).status).toBe(403);
      const res = await t.request('PATCH', `/api/v1/users/${u.id}`, {
        as: 'admin',
        body: { roles: ['interviewer', 'admin'], timezone: 'Asia/Tokyo' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id: u.id,
        roles: ['interviewer', 'admin'],
        timezone: 'Asia/Tokyo',
        active: true,
      });
      expect((await t.request('GET', '/api/v1/users', { token })).status).toBe(401);
      const again = await t.login('promoted@example.com', USER_PASSWORD);
      expect(again.body.user.roles).toEqual(['interviewer', 'admin']);
      expect((await t.request('GET', '/api/v1/users', { token: again.body.accessToken })).status).toBe(200);
    });

    it('deactivates (tokens and sign-in stop working) and reactivates', async () => {
      const u = await t.createUser('paused@example.com', ['recruiter']);
      const token = await t.tokenFor('paused@example.com');
      const off = await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body: { active: false } });
      expect(off.status).toBe(200);
      expect(off.body.active).toBe(false);
      expect((await t.request('GET', '/api/v1/me', { token })).status).toBe(401);
      expect((await t.login('paused@example.com', USER_PASSWORD)).status).toBe(401);
      const on = await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body: { active: true } });
      expect(on.body.active).toBe(true);
      expect((await t.login('paused@example.com', USER_PASSWORD)).status).toBe(200);
    });

    it('keeps an admin from locking themselves out, naming the field', async () => {
      const me = (await t.get('/api/v1/me', 'admin')).body;
      const off = await t.request('PATCH', `/api/v1/users/${me.id}`, { as: 'admin', body: { active: false } });
      expect(off.status).toBe(400);
      expect(off.body.details).toEqual([{ field: 'active', messages: [expect.stringContaining('your own account')] }]);
      const demoted = await t.request('PATCH', `/api/v1/users/${me.id}`, {
        as: 'admin',
        body: { roles: ['recruiter'] },
      });
      expect(demoted.status).toBe(400);
      expect(demoted.body.details[0].field).toBe('roles');
      expect((await t.get('/api/v1/me', 'admin')).body).toMatchObject({ roles: ['admin'], active: true });
    });

    it('refuses bad input with a 400 naming the field, a non-admin with 403 and an unknown user with 404', async () => {
      const u = await t.createUser('steady@example.com', ['interviewer']);
      for (const [body, field] of [
        [{ roles: [] }, 'roles'],
        [{ roles: ['wizard'] }, 'roles'],
        [{ timezone: 'Mars/Olympus' }, 'timezone'],
        [{ active: 'no' }, 'active'],
        [{ email: 'x@example.com' }, 'email'],
      ] as const) {
        const res = await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body });
        expect([field, res.status]).toEqual([field, 400]);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect(
        (await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'ivy@example.com', body: { roles: ['admin'] } }))
          .status,
      ).toBe(403);
      expect(
        (
          await t.request('PATCH', '/api/v1/users/00000000-0000-4000-8000-000000000000', {
            as: 'admin',
            body: { active: false },
          })
        ).status,
      ).toBe(404);
      expect((await t.get(`/api/v1/users/${u.id}`, 'admin')).body).toMatchObject({
        roles: ['interviewer'],
        active: true,
      });
    });
  });

  describe('PATCH /api/v1/me', () => {
    it('changes your own name and timezone, and nothing else', async () => {
      await t.createUser('mover@example.com', ['interviewer']);
      const res = await t.request('PATCH', '/api/v1/me', {
        as: 'mover@example.com',
        body: { timezone: 'Australia/Sydney', name: ' Mo Ver ' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        email: 'mover@example.com',
        name: 'Mo Ver',
        timezone: 'Australia/Sydney',
        roles: ['interviewer'],
      });
      expect((await t.get('/api/v1/me', 'mover@example.com')).body.timezone).toBe('Australia/Sydney');
      const roles = await t.request('PATCH', '/api/v1/me', { as: 'mover@example.com', body: { roles: ['admin'] } });
      expect(roles.status).toBe(400);
      const tz = await t.request('PATCH', '/api/v1/me', {
        as: 'mover@example.com',
        body: { timezone: 'Nowhere/Land' },
      });
      expect(tz.status).toBe(400);
      expect(tz.body.details[0].field).toBe('timezone');
      expect((await t.request('PATCH', '/api/v1/me', { body: { timezone: 'UTC' } })).status).toBe(401);
    });
  });

  describe('malformed requests', () => {
    it('answers malformed JSON with 400', async () => {
      const res = await t.request('POST', '/api/v1/users', { as: 'admin', raw: '{"email": "a@example.com",' });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toMatch(/JSON/);
    });

    it('answers an unknown field with 400 naming it', async () => {
      const res = await t.post(
        '/api/v1/users',
        { email: 'b@example.com', name: 'B', password: 'long-enough', roles: ['admin'], isSuperuser: true },
        'admin',
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toContain('isSuperuser');
      expect(res.body.details).toEqual([{ field: 'isSuperuser', messages: ['property isSuperuser should not exist'] }]);
      expect(await t.db.query(`SELECT 1 FROM users WHERE email = 'b@example.com'`)).toHaveLength(0);
    });

    it('answers an oversized body with 413', async () => {
      const res = await t.request('POST', '/api/v1/users', {
        as: 'admin',
        body: { email: 'c@example.com', name: 'x'.repeat(70_000) },
      });
      expect(res.status).toBe(413);
      expect(res.body).toMatchObject({
        statusCode: 413,
        error: 'Payload Too Large',
        message: 'Request body is too large',
      });
    });

    it('answers an unknown route with the same error shape', async () => {
      const res = await t.get('/api/v1/no-such-thing', 'admin');
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', requestId: expect.any(String) });
    });

    it('answers a malformed id with 400, not 500', async () => {
      const res = await t.get('/api/v1/users/not-a-uuid', 'admin');
      expect(res.status).toBe(400);
    });
  });

  describe('request ids and headers', () => {
    it('puts a request id on every response, the same as in an error body', async () => {
      const ok = await t.request('GET', '/health');
      expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      const err = await t.request('GET', '/api/v1/me');
      expect(err.headers.get('x-request-id')).toBe(err.body.requestId);
    });

    it('keeps a well-formed incoming x-request-id and replaces a malformed one', async () => {
      const kept = await t.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'trace-abc.123' } });
      expect(kept.headers.get('x-request-id')).toBe('trace-abc.123');
      expect(kept.body.requestId).toBe('trace-abc.123');
      const replaced = await t.request('GET', '/api/v1/me', { headers: { 'x-request-id': 'bad id with spaces' } });
      expect(replaced.headers.get('x-request-id')).not.toBe('bad id with spaces');
    });

    it('sends helmet security headers', async () => {
      const res = await t.request('GET', '/health');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    });
  });
});

describe('login rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('ratelimit', { env: { LOGIN_RATE_LIMIT: '3' } });
  });
  afterAll(() => t?.close());

  it('answers 429 after the limit, for that account, and leaves other accounts alone', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await t.login('target@example.com', `guess-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const blocked = await t.login('target@example.com', 'guess-5');
    expect(blocked.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    expect(blocked.headers.get('retry-after')).toBeTruthy();
    expect((await t.login('admin@test.local', 'admin-password')).status).toBe(200);
  });
});
