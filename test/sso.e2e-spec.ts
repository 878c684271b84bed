import { ADMIN, TestApp, USER_PASSWORD } from './support/test-app';
import { APP_CLIENT, CookieJar, TestOidcProvider, type TestAccount } from './support/oidc-provider';

const CALLBACK = '/api/v1/auth/sso/callback';

/** The provider's people. Only ada, leo and ian have accounts in the app before they sign in. */
const ACCOUNTS: Record<string, TestAccount> = {
  ada: { email: 'ada@acme.test', name: 'Ada Existing' },
  newbie: { email: 'Nia.New@ACME.test', name: 'Nia New' },
  rita: { email: 'rita@acme.test', name: 'Rita Recruiter', groups: ['recruiting', 'not-mapped'] },
  leo: { email: 'leo@acme.test', name: 'Leo Lead', groups: ['eng-leads'] },
  eve: { email: 'eve@elsewhere.test', name: 'Eve Outsider' },
  ian: { email: 'ian@acme.test', name: 'Ian Inactive' },
  una: { email: 'una@acme.test', name: 'Una Unverified', emailVerified: false },
  // in a group mapped to recruiter: the break-glass admin keeps admin all the same
  boss: { email: ADMIN.email, name: 'Break Glass', groups: ['recruiting'] },
};

describe('single sign-on with a real OpenID Connect provider', () => {
  let t: TestApp;
  let idp: TestOidcProvider;

  beforeAll(async () => {
    idp = await TestOidcProvider.listen();
    t = await TestApp.start('sso', {
      env: {
        OIDC_ISSUER: idp.issuer,
        OIDC_CLIENT_ID: APP_CLIENT.id,
        OIDC_CLIENT_SECRET: APP_CLIENT.secret,
        OIDC_PROVIDER_NAME: 'Acme Login',
        OIDC_ALLOWED_DOMAINS: 'acme.test, acme-labs.test',
        OIDC_DEFAULT_ROLE: 'interviewer',
        OIDC_GROUP_ROLES: 'recruiting=recruiter,eng-leads=hiring_manager,eng-leads=interviewer,admins=admin',
        PASSWORD_LOGIN: 'false',
        BREAK_GLASS_EMAIL: ADMIN.email,
      },
    });
    // the app listens on a port chosen at start; its PUBLIC_URL (the redirect URI's base) follows it
    (t.config as { publicUrl: string }).publicUrl = t.url;
    idp.serve(t.url + CALLBACK, ACCOUNTS);
    await t.createUser('ada@acme.test', ['recruiter']);
    await t.createUser('leo@acme.test', ['interviewer']);
    const ian = await t.createUser('ian@acme.test', ['interviewer']);
    expect((await t.request('PATCH', `/api/v1/users/${ian.id}`, { as: 'admin', body: { active: false } })).status).toBe(
      200,
    );
  });

  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  /** A browser that starts at the app: returns its jar and the provider's authorization URL. */
  async function begin(): Promise<{ jar: CookieJar; authorizationUrl: URL }> {
    const jar = new CookieJar();
    const res = await jar.fetch(`${t.url}/api/v1/auth/sso/start`);
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('scorecards_sso='))!;
    expect(cookie).toMatch(/HttpOnly; SameSite=Lax; Max-Age=600/);
    expect(cookie).toContain('Path=/api/v1/auth/sso');
    return { jar, authorizationUrl: new URL(res.headers.get('location')!) };
  }

  /** The app's answer to the browser coming back from the provider. */
  async function land(jar: CookieJar, callbackUrl: string) {
    const res = await jar.fetch(callbackUrl);
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    const refresh = res.headers.getSetCookie().find((c) => c.startsWith('scorecards_refresh='));
    return { location, refresh, jar };
  }

  async function signIn(accountId: string) {
    const { jar, authorizationUrl } = await begin();
    return land(jar, await idp.authorize(authorizationUrl.href, accountId));
  }

  /** What the web page does on load: the refresh cookie for an access token and the user. */
  async function session(refreshCookie: string) {
    const res = await t.request('POST', '/api/v1/auth/refresh', {
      token: null,
      headers: { 'x-requested-with': 'fetch', cookie: refreshCookie.slice(0, refreshCookie.indexOf(';')) },
    });
    expect(res.status).toBe(200);
    return res.body as { accessToken: string; user: { id: string; email: string; roles: string[] } };
  }

  const userRow = async (email: string) =>
    (
      await t.db.query<{ id: string; roles: string[]; active: boolean }>(
        'SELECT id, roles, active FROM users WHERE email = $1',
        [email],
      )
    )[0];
  const actions = async (entityId: string) =>
    (
      await t.db.query<{ action: string }>('SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY created_at', [
        entityId,
      ])
    ).map((r) => r.action);
  /** Why the last refused sign-in was refused, as the audit trail has it. */
  const lastFailure = async () =>
    (
      await t.db.query<{ changes: { reason: string; detail?: string } }>(
        `SELECT changes FROM audit_events WHERE action = 'login_failed' ORDER BY created_at DESC LIMIT 1`,
      )
    )[0]?.changes;
  const refusedAs = (location: string, code: string) => expect(location).toBe(`/sign-in?sso_error=${code}`);

  it('tells the sign-in page that SSO is on, its name, and that password sign-in is off', async () => {
    const res = await t.request('GET', '/api/v1/auth/sso', { token: null });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ enabled: true, providerName: 'Acme Login', passwordLogin: false });
  });

  it('starts the code flow with PKCE (S256), state and nonce at the discovered authorization endpoint', async () => {
    const { authorizationUrl: u } = await begin();
    expect(u.origin + u.pathname).toBe(`${idp.issuer}/auth`);
    expect(u.searchParams.get('client_id')).toBe(APP_CLIENT.id);
    expect(u.searchParams.get('response_type')).toBe('code');
    expect(u.searchParams.get('redirect_uri')).toBe(t.url + CALLBACK);
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    for (const p of ['state', 'nonce', 'code_challenge']) expect(u.searchParams.get(p)).toMatch(/^[A-Za-z0-9_-]{20,}$/);
  });

  it('signs in an existing user and opens a session as the password login does', async () => {
    const { location, refresh } = await signIn('ada');
    expect(location).toBe('/');
    expect(refresh).toMatch(/HttpOnly; SameSite=Strict/);
    const s = await session(refresh!);
    expect(s.user.email).toBe('ada@acme.test');
    expect(s.user.roles).toEqual(['recruiter']); // no mapped group: roles kept
    expect((await t.request('GET', '/api/v1/me', { token: s.accessToken })).body.email).toBe('ada@acme.test');
    expect(await actions(s.user.id)).toContain('sso_login');
  });

  it('links the account to the provider identity, and refuses its email presented by another identity', async () => {
    await signIn('ada');
    const linked = await t.db.query<{ oidc_issuer: string; oidc_subject: string }>(
      'SELECT oidc_issuer, oidc_subject FROM users WHERE email = $1',
      ['ada@acme.test'],
    );
    expect(linked[0]).toEqual({ oidc_issuer: idp.issuer, oidc_subject: 'ada' });
    // the address reassigned at the provider: its new holder is another subject, and is refused
    await t.db.query(`UPDATE users SET oidc_subject = 'someone-before' WHERE email = 'ada@acme.test'`);
    const { location, refresh } = await signIn('ada');
    refusedAs(location, 'identity');
    expect(refresh).toBeUndefined();
    expect(await lastFailure()).toMatchObject({ reason: 'identity_mismatch' });
    await t.db.query(`UPDATE users SET oidc_subject = 'ada' WHERE email = 'ada@acme.test'`);
    expect((await signIn('ada')).location).toBe('/');
  });

  it('creates an account just in time for an allowed domain, with the default role, and audits it', async () => {
    const { location, refresh } = await signIn('newbie');
    expect(location).toBe('/');
    const s = await session(refresh!);
    expect(s.user).toMatchObject({ email: 'nia.new@acme.test', roles: ['interviewer'] });
    expect(await actions(s.user.id)).toEqual(['sso_user_created', 'sso_login']);
    // the new account has no password: password sign-in cannot reach it even if it were on
    const row = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      s.user.id,
    ]);
    expect(row[0].password_hash).not.toMatch(/^\$argon2/);
    // a second sign-in finds the same account
    const again = await session((await signIn('newbie')).refresh!);
    expect(again.user.id).toBe(s.user.id);
  });

  it('maps groups to roles: at creation, and replacing the roles of an existing user', async () => {
    const rita = await session((await signIn('rita')).refresh!);
    expect(rita.user.roles).toEqual(['recruiter']);
    const leoBefore = await userRow('leo@acme.test');
    expect(leoBefore.roles).toEqual(['interviewer']);
    const leo = await session((await signIn('leo')).refresh!);
    expect(leo.user.roles).toEqual(['hiring_manager', 'interviewer']);
    expect(await actions(leo.user.id)).toContain('roles_changed');
  });

  it('refuses a new person from a domain not allowed, creating nothing', async () => {
    const { location, refresh } = await signIn('eve');
    refusedAs(location, 'domain');
    expect(refresh).toBeUndefined();
    expect(await userRow('eve@elsewhere.test')).toBeUndefined();
  });

  it('refuses a deactivated user and an email the provider has not verified', async () => {
    const ian = await signIn('ian');
    refusedAs(ian.location, 'inactive');
    expect(ian.refresh).toBeUndefined();
    const una = await signIn('una');
    refusedAs(una.location, 'email');
    expect(await userRow('una@acme.test')).toBeUndefined();
  });

  it('refuses an ID token whose nonce is not the one this browser was given', async () => {
    const { jar, authorizationUrl } = await begin();
    authorizationUrl.searchParams.set('nonce', 'a-nonce-the-attacker-chose-0123456789');
    const { location, refresh } = await land(jar, await idp.authorize(authorizationUrl.href, 'ada'));
    refusedAs(location, 'failed');
    expect(refresh).toBeUndefined();
    expect(await lastFailure()).toEqual({
      reason: 'verification',
      via: 'sso',
      detail: expect.stringContaining('unexpected ID Token "nonce" claim value'),
    });
  });

  it('refuses a validly signed ID token issued to another client (wrong audience)', async () => {
    const { jar, authorizationUrl } = await begin();
    const nonce = authorizationUrl.searchParams.get('nonce')!;
    idp.substituteIdToken = await idp.idTokenForOtherClient(t.url + CALLBACK, 'ada', nonce);
    const { location, refresh } = await land(jar, await idp.authorize(authorizationUrl.href, 'ada'));
    expect(idp.substituteIdToken).toBeUndefined(); // the token endpoint did hand it out
    refusedAs(location, 'failed');
    expect(refresh).toBeUndefined();
    expect(await lastFailure()).toEqual({
      reason: 'verification',
      via: 'sso',
      detail: expect.stringContaining('unexpected JWT "aud" (audience) claim value'),
    });
  });

  it('refuses a tampered state, a missing or forged state cookie, and a reused one', async () => {
    const tampered = await begin();
    const back = new URL(await idp.authorize(tampered.authorizationUrl.href, 'ada'));
    back.searchParams.set('state', 'x' + back.searchParams.get('state'));
    refusedAs((await land(tampered.jar, back.href)).location, 'state');

    const noCookie = await begin();
    const code = await idp.authorize(noCookie.authorizationUrl.href, 'ada');
    refusedAs((await land(new CookieJar(), code)).location, 'state');

    const forged = await fetch(code, {
      redirect: 'manual',
      headers: { cookie: 'scorecards_sso=AAAA' + 'A'.repeat(60) },
    });
    expect(forged.headers.get('location')).toBe('/sign-in?sso_error=state');

    // the callback clears the cookie: the browser cannot replay the same attempt
    const ok = await begin();
    const first = await land(ok.jar, await idp.authorize(ok.authorizationUrl.href, 'ada'));
    expect(first.location).toBe('/');
    expect(ok.jar.get(t.url, 'scorecards_sso')).toBeUndefined();
  });

  it('lands on the sign-in page when the provider reports an error, and for a bare callback', async () => {
    const { jar, authorizationUrl } = await begin();
    const back = new URL(t.url + CALLBACK);
    back.searchParams.set('error', 'access_denied');
    back.searchParams.set('state', authorizationUrl.searchParams.get('state')!);
    back.searchParams.set('iss', idp.issuer);
    refusedAs((await land(jar, back.href)).location, 'provider');
    const bare = await fetch(t.url + CALLBACK + '?code[]=1&state=%00', { redirect: 'manual' });
    expect(bare.status).toBe(302);
    expect(bare.headers.get('location')).toBe('/sign-in?sso_error=state');
  });

  it('turns password sign-in off for everyone but the break-glass admin', async () => {
    await t.createUser('pat@acme.test', ['interviewer']).catch(() => undefined);
    const refused = await t.login('pat@acme.test', USER_PASSWORD);
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('Password sign-in is turned off: use "Sign in with Acme Login"');
    // the same answer for an email with no account: it reveals nothing
    expect((await t.login('nobody@acme.test', 'whatever-password')).status).toBe(403);
    expect((await t.login(ADMIN.email.toUpperCase(), ADMIN.password)).status).toBe(200);
    expect((await t.login(ADMIN.email, 'wrong-password')).status).toBe(401);
    // and the break-glass admin may use single sign-on too, keeping admin whatever its groups map to
    expect((await session((await signIn('boss')).refresh!)).user.roles).toEqual(['admin']);
  });
});
