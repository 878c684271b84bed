import { createHmac } from 'node:crypto';
import type { HttpResult } from './support/test-app';
import { ADMIN, TestApp, USER_PASSWORD } from './support/test-app';

// Rate limits keyed on what a client cannot choose: behind a proxy X-Forwarded-For is only believed
// from trusted hops (TRUST_PROXY), a signed-in account is limited across all its addresses, and a
// login email across all addresses. Each app starts from test-app's lifted limits and sets the ones
// under test back (an empty value means the production default).

let n = 0;
/** A different client address each call, as a rotating X-Forwarded-For header would claim. */
const nextAddress = () => `198.51.${100 + (Math.floor(++n / 250) % 100)}.${n % 250}`;

const login = (t: TestApp, email: string, password: string, forwardedFor?: string) =>
  t.request('POST', '/api/v1/auth/login', {
    body: { email, password },
    token: null,
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });

function expectTooMany(res: HttpResult): void {
  expect(res.status).toBe(429);
  expect(res.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

/** Statuses of `count` requests, `batch` at a time. */
async function statuses(count: number, send: (i: number) => Promise<HttpResult>, batch = 25): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < count; i += batch) {
    out.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(batch, count - i) }, (_, j) => send(i + j).then((r) => r.status)),
      )),
    );
  }
  return out;
}

const count = (list: number[], status: number) => list.filter((s) => s === status).length;

describe('login attempts per email across addresses (LOGIN_ACCOUNT_RATE_LIMIT, default 20)', () => {
  describe('TRUST_PROXY unset: X-Forwarded-For is ignored', () => {
    let t: TestApp;
    beforeAll(async () => {
      // the per-address limit lifted, so that only the per-email one can refuse
      t = await TestApp.start('rl_login_noproxy', { env: { LOGIN_RATE_LIMIT: '1000', LOGIN_ACCOUNT_RATE_LIMIT: '' } });
    });
    afterAll(() => t?.close());

    it('refuses the 21st of 25 wrong passwords with a rotating X-Forwarded-For, then the right one too', async () => {
      const results: HttpResult[] = [];
      for (let i = 0; i < 25; i++) results.push(await login(t, ADMIN.email, `wrong-${i}`, nextAddress()));
      expect(results.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(401));
      for (const r of results.slice(20)) expectTooMany(r);
      // the email is locked for the minute, whoever asks
      expectTooMany(await login(t, ADMIN.email, ADMIN.password, nextAddress()));
      // spelling it differently is the same email
      expectTooMany(await login(t, `  ${ADMIN.email.toUpperCase()} `, 'wrong', nextAddress()));
      // other accounts are not affected
      expect((await login(t, 'someone-else@test.local', 'wrong', nextAddress())).status).toBe(401);
    });

    it('a login without an email is not counted against any account (validation answers it)', async () => {
      const res = await t.request('POST', '/api/v1/auth/login', { body: { password: 'x' }, token: null });
      expect(res.status).toBe(400);
    });
  });

  describe('TRUST_PROXY=1: X-Forwarded-For names the client, and the per-email limit still holds', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start('rl_login_proxy', {
        env: { TRUST_PROXY: '1', LOGIN_RATE_LIMIT: '10', LOGIN_ACCOUNT_RATE_LIMIT: '' },
      });
    });
    afterAll(() => t?.close());

    it('refuses after 20 of 25 wrong passwords although every attempt comes from another address', async () => {
      const results: HttpResult[] = [];
      for (let i = 0; i < 25; i++) results.push(await login(t, ADMIN.email, `wrong-${i}`, nextAddress()));
      expect(results.slice(0, 20).map((r) => r.status)).toEqual(Array(20).fill(401));
      for (const r of results.slice(20)) expectTooMany(r);
    });

    it('keeps the per-address-and-email limit (LOGIN_RATE_LIMIT) for one forwarded client', async () => {
      const address = nextAddress();
      const results: number[] = [];
      for (let i = 0; i < 11; i++) results.push((await login(t, 'victim@test.local', `wrong-${i}`, address)).status);
      expect(results).toEqual([...Array(10).fill(401), 429]);
      // the same email from another client is still answered (the per-email limit is 20)
      expect((await login(t, 'victim@test.local', 'wrong', nextAddress())).status).toBe(401);
    });
  });
});

describe('requests per signed-in account across addresses (ACCOUNT_RATE_LIMIT, default RATE_LIMIT = 600)', () => {
  let t: TestApp;
  let user: { id: string; email: string };
  beforeAll(async () => {
    // every request claims another client behind the trusted proxy, so per address none is limited
    t = await TestApp.start('rl_account', { env: { TRUST_PROXY: '1', ACCOUNT_RATE_LIMIT: '600' } });
    user = await t.createUser('busy@test.local', ['interviewer']);
  });
  afterAll(() => t?.close());

  it('refuses the last 50 of 650 requests from one account with a rotating X-Forwarded-For', async () => {
    const token = await t.tokenFor(user.email);
    const results = await statuses(650, () =>
      t.request('GET', '/api/v1/me', { token, headers: { 'x-forwarded-for': nextAddress() } }),
    );
    expect(count(results, 200)).toBe(600);
    expect(count(results, 429)).toBe(50);
    expectTooMany(await t.request('GET', '/api/v1/me', { token, headers: { 'x-forwarded-for': nextAddress() } }));
  });

  it('leaves other accounts alone', async () => {
    expect(
      (await t.request('GET', '/api/v1/me', { as: 'admin', headers: { 'x-forwarded-for': nextAddress() } })).status,
    ).toBe(200);
  });

  it('a token that does not verify is not counted as the account it names (no 429, but 401)', async () => {
    // same claims as the busy user's token, signed with another key
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: user.id, email: user.email, roles: ['interviewer'], exp: Math.floor(Date.now() / 1000) + 600 })}`;
    const forged = `${body}.${createHmac('sha256', 'not-the-server-secret-not-the-server-secret').update(body).digest('base64url')}`;
    const res = await t.request('GET', '/api/v1/me', { token: forged, headers: { 'x-forwarded-for': nextAddress() } });
    expect(res.status).toBe(401);
  });

  it('signing in again gives no fresh allowance', async () => {
    const res = await login(t, user.email, USER_PASSWORD, nextAddress());
    expect(res.status).toBe(200);
    expectTooMany(
      await t.request('GET', '/api/v1/me', {
        token: res.body.accessToken,
        headers: { 'x-forwarded-for': nextAddress() },
      }),
    );
  });
});

describe('requests per client address (RATE_LIMIT)', () => {
  const me = (t: TestApp, forwardedFor?: string) =>
    t.request('GET', '/api/v1/me', { token: null, headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {} });

  describe('TRUST_PROXY=1', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start('rl_address_proxy', { env: { TRUST_PROXY: '1', RATE_LIMIT: '5' } });
    });
    afterAll(() => t?.close());

    it('gives two forwarded clients separate buckets, across endpoints', async () => {
      const [a, b] = ['203.0.113.10', '203.0.113.20'];
      const first = [];
      for (let i = 0; i < 5; i++) first.push((await (i % 2 ? me(t, a) : login(t, 'x@test.local', 'wrong', a))).status);
      expect(first).toEqual([401, 401, 401, 401, 401]);
      expectTooMany(await me(t, a));
      expect((await me(t, b)).status).toBe(401);
    });

    it('believes only the hop the trusted proxy wrote: entries a client prepends do not give it a new bucket', async () => {
      const client = '203.0.113.30';
      for (let i = 0; i < 5; i++) expect((await me(t, `10.0.0.${i}, ${client}`)).status).toBe(401);
      expectTooMany(await me(t, `192.0.2.77, ${client}`));
    });

    it('counts IPv6 clients by /64, so a client cannot rotate through its own prefix', async () => {
      for (let i = 1; i <= 5; i++) expect((await me(t, `2001:db8:1:2::${i.toString(16)}`)).status).toBe(401);
      expectTooMany(await me(t, '2001:db8:1:2:ffff::1'));
      expect((await me(t, '2001:db8:1:3::1')).status).toBe(401);
    });
  });

  describe('TRUST_PROXY unset', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await TestApp.start('rl_address_noproxy', { env: { RATE_LIMIT: '5' } });
    });
    afterAll(() => t?.close());

    it('ignores X-Forwarded-For: rotating it does not give a fresh bucket', async () => {
      const results: number[] = [];
      for (let i = 0; i < 6; i++) results.push((await me(t, nextAddress())).status);
      expect(results).toEqual([401, 401, 401, 401, 401, 429]);
    });
  });
});

const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('the counters are shared through Redis when REDIS_URL is set', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await TestApp.start('rl_redis', { redis: true, role: 'api', env: { RATE_LIMIT: '10' } });
    second = await TestApp.start('rl_redis', {
      redis: true,
      role: 'api',
      database: first.db,
      env: { RATE_LIMIT: '10' },
    });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('two API instances count one client together', async () => {
    const results: number[] = [];
    for (let i = 0; i < 10; i++)
      results.push((await (i % 2 ? second : first).request('GET', '/api/v1/me', { token: null })).status);
    expect(results).toEqual(Array(10).fill(401));
    expectTooMany(await first.request('GET', '/api/v1/me', { token: null }));
    expectTooMany(await second.request('GET', '/api/v1/me', { token: null }));
  });
});

describe('without Redis each instance counts in its own memory', () => {
  let first: TestApp;
  let second: TestApp;
  beforeAll(async () => {
    first = await TestApp.start('rl_memory', { role: 'api', env: { RATE_LIMIT: '3' } });
    second = await TestApp.start('rl_memory', { role: 'api', database: first.db, env: { RATE_LIMIT: '3' } });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
  });

  it('so the second instance still answers after the first refuses', async () => {
    for (let i = 0; i < 3; i++) expect((await first.request('GET', '/api/v1/me', { token: null })).status).toBe(401);
    expectTooMany(await first.request('GET', '/api/v1/me', { token: null }));
    expect((await second.request('GET', '/api/v1/me', { token: null })).status).toBe(401);
  });
});

describe('password hashing under a login flood (HASH_CONCURRENCY)', () => {
  let t: TestApp;
  beforeAll(async () => {
    // one hash at a time, so eight may wait; the login limits are lifted by the test app
    t = await TestApp.start('rl_hashing', { role: 'api', env: { HASH_CONCURRENCY: '1' } });
  });
  afterAll(() => t?.close());

  it('answers the logins beyond the bounded queue with 503 at once, never 500, and keeps serving', async () => {
    const flood = Promise.all(Array.from({ length: 40 }, (_, i) => login(t, `flood-${i}@test.local`, 'wrong')));
    // while the queue drains, requests that hash nothing are answered
    const health = await t.request('GET', '/health', { token: null });
    expect(health.status).toBe(200);
    const results = await flood;
    const byStatus = results.reduce<Record<number, number>>(
      (acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }),
      {},
    );
    // 1 hashing + 8 waiting are answered (a few more as the queue drains while the flood arrives);
    // the rest are refused rather than queued without end
    expect(Object.keys(byStatus).sort()).toEqual(['401', '503']);
    expect(byStatus[401]).toBeGreaterThanOrEqual(9);
    expect(byStatus[503]).toBeGreaterThanOrEqual(20);
    for (const r of results.filter((x) => x.status === 503)) {
      expect(r.body).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: expect.stringMatching(/busy/),
      });
    }
    // and the queue empties again
    expect((await login(t, ADMIN.email, ADMIN.password)).status).toBe(200);
  });
});
