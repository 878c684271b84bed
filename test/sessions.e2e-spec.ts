import { createHash } from 'node:crypto';
import { connect } from 'node:net';
import { TestApp, USER_PASSWORD, type HttpResult } from './support/test-app';

const CSRF = { 'x-requested-with': 'fetch' };

/** The Set-Cookie headers of a response, by cookie name. */
function cookies(res: HttpResult): Map<string, string> {
  return new Map(res.headers.getSetCookie().map((c) => [c.slice(0, c.indexOf('=')), c]));
}

function refreshValue(res: HttpResult): string {
  const header = cookies(res).get('scorecards_refresh');
  if (!header) throw new Error(`no refresh cookie in ${res.status} ${res.text}`);
  return header.slice('scorecards_refresh='.length, header.indexOf(';'));
}

describe('sessions: short access tokens, rotating refresh cookies, sign-out and password change', () => {
  let t: TestApp;

  const login = (email: string, password = USER_PASSWORD) => t.login(email, password);
  const refresh = (cookie: string | null, headers: Record<string, string> = CSRF) =>
    t.request('POST', '/api/v1/auth/refresh', {
      token: null,
      headers: { ...headers, ...(cookie === null ? {} : { cookie }) },
    });
  const logout = (cookie: string | null, headers: Record<string, string> = CSRF) =>
    t.request('POST', '/api/v1/auth/logout', {
      token: null,
      headers: { ...headers, ...(cookie === null ? {} : { cookie }) },
    });
  const me = (token: string) => t.request('GET', '/api/v1/me', { token });
  const audit = async (entityId: string) =>
    (await t.get(`/api/v1/audit-events?entityType=user&entityId=${entityId}&limit=100`, 'admin')).body.items as Array<{
      action: string;
      actorId: string | null;
      changes: Record<string, unknown>;
    }>;

  beforeAll(async () => {
    t = await TestApp.start('sessions');
  });
  afterAll(() => t?.close());

  it('login answers as before and sets an HttpOnly, SameSite=Strict refresh cookie scoped to the auth path', async () => {
    await t.createUser('sam@example.com', ['interviewer']);
    const res = await login('sam@example.com');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: { email: 'sam@example.com' } });
    const set = cookies(res).get('scorecards_refresh')!;
    expect(set).toMatch(/^scorecards_refresh=[A-Za-z0-9_-]{43}; /);
    expect(set).toContain('; Path=/api/v1/auth');
    expect(set).toContain('; HttpOnly');
    expect(set).toContain('; SameSite=Strict');
    expect(set).toContain(`; Max-Age=${14 * 86400}`);
    expect(set).not.toContain('Secure'); // the test app's public URL is http
    // only the hash is stored
    const value = refreshValue(res);
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM refresh_tokens');
    expect(rows.map((r) => r.token_hash)).toContain(createHash('sha256').update(value).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(value);
  });

  it('marks the cookies Secure when the public URL is https', async () => {
    const secure = await TestApp.start('sessions-https', {
      env: { PUBLIC_URL: 'https://scorecards.example.com', JWT_TTL: '5m' },
    });
    try {
      const admin = await secure.request('POST', '/api/v1/auth/login', { body: adminCreds(secure) });
      expect(admin.status).toBe(200);
      expect(admin.body.expiresIn).toBe(300);
      expect(cookies(admin).get('scorecards_refresh')).toMatch(/; Secure$/);
      const out = await secure.request('POST', '/api/v1/auth/logout', {
        headers: { ...CSRF, cookie: `scorecards_refresh=${refreshValue(admin)}` },
      });
      expect([...cookies(out).values()].every((c) => c.endsWith('; Secure'))).toBe(true);
    } finally {
      await secure.close();
    }
  });

  it('refresh rotates: a new access token and a new cookie; the old cookie is spent', async () => {
    await t.createUser('rota@example.com', ['recruiter']);
    const first = refreshValue(await login('rota@example.com'));
    const r1 = await refresh(`scorecards_refresh=${first}`);
    expect(r1.status).toBe(200);
    expect(r1.body).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 900,
      user: { email: 'rota@example.com', roles: ['recruiter'] },
    });
    expect((await me(r1.body.accessToken)).status).toBe(200);
    const second = refreshValue(r1);
    expect(second).not.toBe(first);
    // other cookies beside it do not matter
    const r2 = await refresh(`theme=dark; scorecards_refresh=${second}; other=1`);
    expect(r2.status).toBe(200);
    expect((await me(r2.body.accessToken)).status).toBe(200);
  });

  it('reusing a rotated refresh token revokes the whole family and is audited', async () => {
    const u = await t.createUser('thief@example.com', ['interviewer']);
    const first = refreshValue(await login('thief@example.com'));
    const r1 = await refresh(`scorecards_refresh=${first}`);
    const current = refreshValue(r1);
    const access = r1.body.accessToken as string;
    expect((await me(access)).status).toBe(200);

    const replay = await refresh(`scorecards_refresh=${first}`);
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', requestId: expect.any(String) });
    // the legitimate holder's newer token and access token are gone too
    expect((await refresh(`scorecards_refresh=${current}`)).status).toBe(401);
    expect((await me(access)).status).toBe(401);
    // a fresh sign-in is unaffected
    expect((await refresh(`scorecards_refresh=${refreshValue(await login('thief@example.com'))}`)).status).toBe(200);
    const events = await audit(u.id);
    expect(events.filter((e) => e.action === 'refresh_token_reused')).toHaveLength(1);
  });

  it('two concurrent refreshes with one token: exactly one wins', async () => {
    await t.createUser('race@example.com', ['interviewer']);
    const token = refreshValue(await login('race@example.com'));
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(`scorecards_refresh=${token}`)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.every((r) => r.status === 200 || r.status === 401)).toBe(true);
  });

  it('logout revokes the sign-in, clears the refresh and the queue dashboard cookies, and ends the access token', async () => {
    await t.createUser('leaver@example.com', ['interviewer']);
    const res = await login('leaver@example.com');
    const token = refreshValue(res);
    const access = res.body.accessToken as string;
    const out = await logout(`scorecards_refresh=${token}`);
    expect(out.status).toBe(204);
    const cleared = cookies(out);
    expect(cleared.get('scorecards_refresh')).toMatch(
      /^scorecards_refresh=; Path=\/api\/v1\/auth; HttpOnly; SameSite=Strict; Max-Age=0/,
    );
    expect(cleared.get('scorecards_dashboard')).toMatch(
      /^scorecards_dashboard=; Path=\/admin\/queues; HttpOnly; SameSite=Strict; Max-Age=0/,
    );
    expect((await refresh(`scorecards_refresh=${token}`)).status).toBe(401);
    expect((await me(access)).status).toBe(401);
    // signing out twice, or without a cookie, is still a clean 204
    expect((await logout(`scorecards_refresh=${token}`)).status).toBe(204);
    expect((await logout(null)).status).toBe(204);
  });

  it('logout with only the bearer token ends that sign-in too; the dashboard cookie stops opening the queues', async () => {
    const res = await t.request('POST', '/api/v1/auth/login', { body: adminCreds(t) });
    const access = res.body.accessToken as string;
    expect((await t.request('POST', '/api/v1/auth/dashboard-session', { token: access })).status).toBe(204);
    expect(
      (
        await t.request('GET', '/admin/queues/api/queues', {
          token: null,
          headers: { cookie: `scorecards_dashboard=${access}` },
        })
      ).status,
    ).toBe(200);
    const out = await t.request('POST', '/api/v1/auth/logout', { token: access, headers: CSRF });
    expect(out.status).toBe(204);
    expect((await me(access)).status).toBe(401);
    expect(
      (
        await t.request('GET', '/admin/queues/api/queues', {
          token: null,
          headers: { cookie: `scorecards_dashboard=${access}` },
        })
      ).status,
    ).toBe(401);
    expect((await refresh(`scorecards_refresh=${refreshValue(res)}`)).status).toBe(401);
  });

  it('deactivating a user or changing their roles ends their sign-ins, and both are audited', async () => {
    const u = await t.createUser('gone@example.com', ['interviewer']);
    const a = await login('gone@example.com');
    const b = await login('gone@example.com');
    const promote = await t.request('PATCH', `/api/v1/users/${u.id}`, {
      as: 'admin',
      body: { roles: ['interviewer', 'recruiter'] },
    });
    expect(promote.status).toBe(200);
    expect((await refresh(`scorecards_refresh=${refreshValue(a)}`)).status).toBe(401);
    expect((await me(a.body.accessToken)).status).toBe(401);

    const c = await login('gone@example.com');
    expect(c.body.user.roles).toEqual(['interviewer', 'recruiter']);
    expect((await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body: { active: false } })).status).toBe(
      200,
    );
    expect((await refresh(`scorecards_refresh=${refreshValue(c)}`)).status).toBe(401);
    expect((await refresh(`scorecards_refresh=${refreshValue(b)}`)).status).toBe(401);
    expect((await me(c.body.accessToken)).status).toBe(401);
    expect(await t.db.query(`SELECT 1 FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL`, [u.id])).toEqual(
      [],
    );

    // a name change ends nothing and records nothing about access
    expect((await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body: { active: true } })).status).toBe(
      200,
    );
    const d = await login('gone@example.com');
    expect(
      (await t.request('PATCH', `/api/v1/users/${u.id}`, { as: 'admin', body: { name: 'Still Here' } })).status,
    ).toBe(200);
    expect((await me(d.body.accessToken)).status).toBe(200);

    const adminId = (await t.get('/api/v1/me', 'admin')).body.id;
    const actions = (await audit(u.id)).map((e) => [e.action, e.actorId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['roles_changed', adminId],
        ['deactivated', adminId],
        ['reactivated', adminId],
      ]),
    );
    expect(actions.filter(([a]) => a === 'roles_changed')).toHaveLength(1);
    const roles = (await audit(u.id)).find((e) => e.action === 'roles_changed')!;
    expect(roles.changes).toMatchObject({ from: ['interviewer'], to: ['interviewer', 'recruiter'] });
  });

  it('an admin who changes their own roles keeps the sign-in they did it from, and no other', async () => {
    await t.createUser('boss@example.com', ['admin']);
    const here = await login('boss@example.com');
    const elsewhere = await login('boss@example.com');
    const me = (await t.request('GET', '/api/v1/me', { token: here.body.accessToken })).body;
    const res = await t.request('PATCH', `/api/v1/users/${me.id}`, {
      token: here.body.accessToken,
      body: { roles: ['admin', 'interviewer'] },
    });
    expect(res.status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: here.body.accessToken })).body.roles).toEqual([
      'admin',
      'interviewer',
    ]);
    expect((await refresh(`scorecards_refresh=${refreshValue(here)}`)).status).toBe(200);
    expect((await t.request('GET', '/api/v1/me', { token: elsewhere.body.accessToken })).status).toBe(401);
    expect((await refresh(`scorecards_refresh=${refreshValue(elsewhere)}`)).status).toBe(401);
  });

  it('records failed sign-ins without the password: the user when known, the email when not', async () => {
    const u = await t.createUser('typo@example.com', ['interviewer']);
    expect((await login('typo@example.com', 'Wrong-Secret-42')).status).toBe(401);
    expect((await login('nobody.here@example.com', 'Other-Secret-43')).status).toBe(401);
    const mine = (await audit(u.id)).filter((e) => e.action === 'login_failed');
    expect(mine).toEqual([expect.objectContaining({ actorId: null, changes: { reason: 'wrong_password' } })]);
    const unknown = (await audit('00000000-0000-0000-0000-000000000000')).filter((e) => e.action === 'login_failed');
    expect(unknown.map((e) => e.changes)).toContainEqual({ reason: 'unknown_email', email: 'nobody.here@example.com' });
    const all = JSON.stringify(await t.db.query('SELECT changes FROM audit_events'));
    expect(all).not.toContain('Wrong-Secret-42');
    expect(all).not.toContain('Other-Secret-43');
  });

  describe('POST /api/v1/me/password', () => {
    const change = (token: string, body: unknown) => t.request('POST', '/api/v1/me/password', { token, body });

    it('changes the password, keeps this sign-in and ends the others', async () => {
      const u = await t.createUser('pw@example.com', ['interviewer']);
      const mine = await login('pw@example.com');
      const other = await login('pw@example.com');
      const res = await change(mine.body.accessToken, {
        currentPassword: USER_PASSWORD,
        newPassword: 'a-much-better-secret',
      });
      expect(res.status).toBe(204);
      expect((await login('pw@example.com')).status).toBe(401);
      expect((await login('pw@example.com', 'a-much-better-secret')).status).toBe(200);
      expect((await me(mine.body.accessToken)).status).toBe(200);
      expect((await refresh(`scorecards_refresh=${refreshValue(mine)}`)).status).toBe(200);
      expect((await me(other.body.accessToken)).status).toBe(401);
      expect((await refresh(`scorecards_refresh=${refreshValue(other)}`)).status).toBe(401);
      const events = (await audit(u.id)).filter((e) => e.action === 'password_changed');
      expect(events).toEqual([expect.objectContaining({ actorId: u.id, changes: { otherSessionsEnded: 1 } })]);
      expect(JSON.stringify(events)).not.toContain('a-much-better-secret');
    });

    it('refuses a wrong current password, a short, unchanged or known password with a 400 naming the field', async () => {
      await t.createUser('strict@example.com', ['interviewer']);
      const token = (await login('strict@example.com')).body.accessToken;
      const cases: Array<[unknown, string]> = [
        [{ currentPassword: 'not-it-at-all', newPassword: 'a-much-better-secret' }, 'currentPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: 'short-one' }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: USER_PASSWORD }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: 'Demo-Password!' }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: 'Change-Me-Now!!' }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: 'aaaaaaaaaaaaaaaa' }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD, newPassword: 'x'.repeat(201) }, 'newPassword'],
        [{ currentPassword: USER_PASSWORD }, 'newPassword'],
        [{ currentPassword: 42, newPassword: 'a-much-better-secret' }, 'currentPassword'],
      ];
      for (const [body, field] of cases) {
        const res = await change(token, body);
        expect([field, res.status]).toEqual([field, 400]);
        expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
      expect((await login('strict@example.com')).status).toBe(200);
      expect(
        (
          await t.request('POST', '/api/v1/me/password', {
            token: null,
            body: { currentPassword: USER_PASSWORD, newPassword: 'a-much-better-secret' },
          })
        ).status,
      ).toBe(401);
    });
  });

  it('an expired refresh token is refused', async () => {
    await t.createUser('late@example.com', ['interviewer']);
    const token = refreshValue(await login('late@example.com'));
    await t.db.query(`UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE token_hash = $1`, [
      createHash('sha256').update(token).digest('hex'),
    ]);
    const res = await refresh(`scorecards_refresh=${token}`);
    expect(res.status).toBe(401);
    expect(cookies(res).get('scorecards_refresh')).toContain('Max-Age=0');
    // the next sign-in forgets the expired token
    await login('late@example.com');
    const left = await t.db.query(
      `SELECT count(*)::int AS n FROM refresh_tokens r JOIN users u ON u.id = r.user_id WHERE u.email = 'late@example.com' AND r.expires_at < now()`,
    );
    expect(left).toEqual([{ n: 0 }]);
  });

  it('hostile cookies are a 401, never a 500', async () => {
    const hostile = [
      null,
      '',
      'scorecards_refresh=',
      'scorecards_refresh=garbage',
      `scorecards_refresh=${'A'.repeat(43)}`,
      `scorecards_refresh=${'A'.repeat(42)}%00`,
      `scorecards_refresh=${'x'.repeat(10 * 1024)}`,
      'scorecards_refresh=%F0%9F%92%A9; scorecards_refresh=also',
      `scorecards_refresh="${'A'.repeat(43)}"`,
      ';;;=;==',
    ];
    for (const cookie of hostile) {
      const res = await refresh(cookie);
      expect([cookie?.slice(0, 40), res.status]).toEqual([cookie?.slice(0, 40), 401]);
      expect(res.body.requestId).toEqual(expect.any(String));
    }
    expect((await logout('scorecards_refresh=garbage')).status).toBe(204);
    // fetch will not send a raw NUL byte; over a socket, the HTTP parser refuses it with a 400
    expect(
      await rawStatus(
        t.url,
        `POST /api/v1/auth/refresh HTTP/1.1\r\nHost: x\r\nX-Requested-With: fetch\r\nCookie: scorecards_refresh=${'A'.repeat(20)}\0${'A'.repeat(22)}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      ),
    ).toBe(400);
  });

  it("refresh and logout need the custom header, and refuse another site's Origin (CSRF)", async () => {
    await t.createUser('csrf@example.com', ['interviewer']);
    const token = refreshValue(await login('csrf@example.com'));
    const noHeader = await refresh(`scorecards_refresh=${token}`, {});
    expect(noHeader.status).toBe(403);
    expect(noHeader.body.message).toMatch(/x-requested-with/);
    const foreign = await refresh(`scorecards_refresh=${token}`, { ...CSRF, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await logout(`scorecards_refresh=${token}`, {})).status).toBe(403);
    // none of them spent or ended the token
    const own = await refresh(`scorecards_refresh=${token}`, { ...CSRF, origin: t.url });
    expect(own.status).toBe(200);
  });
});

function adminCreds(t: TestApp): { email: string; password: string } {
  return { email: t.config.adminEmail!, password: t.config.adminPassword! };
}

/** The status line of a hand-written HTTP request, for bytes fetch refuses to send. */
function rawStatus(url: string, request: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let data = '';
    socket.on('data', (d) => (data += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0)));
  });
}
