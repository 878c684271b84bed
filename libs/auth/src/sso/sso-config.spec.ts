import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '@app/config';
import { openPending, sealPending } from './sso-state-cookie';

const PRODUCTION = {
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://app:pw@db:5432/scorecards',
  REDIS_URL: 'redis://redis:6379',
  SMTP_URL: 'smtp://mail:1025',
  JWT_SECRET: 'q7Vw2Lr9Zk4Tn8Bf3Hs6Jd1Xp5Mc0Ge-Ua_Yt7Rk2Wn',
  WEBHOOK_SECRET: '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
  PUBLIC_URL: 'https://scorecards.example.org',
};
const OIDC = {
  OIDC_ISSUER: 'https://login.acme.example',
  OIDC_CLIENT_ID: 'scorecards',
  OIDC_CLIENT_SECRET: 'kR3vT9qZ2mW7xL5pN8bJ4cY6',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sso-cfg-')), ...env });
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
}

describe('single sign-on configuration', () => {
  it('reads the provider, domains, default role and group mapping', () => {
    const c = loadConfig({
      ...PRODUCTION,
      ...OIDC,
      OIDC_ISSUER: 'https://login.acme.example/',
      OIDC_PROVIDER_NAME: 'Acme',
      OIDC_ALLOWED_DOMAINS: 'Acme.example, labs.acme.example',
      OIDC_GROUP_ROLES: 'leads=hiring_manager, leads=interviewer,hr=recruiter',
      PASSWORD_LOGIN: 'false',
      BREAK_GLASS_EMAIL: 'Ops@Acme.example',
    });
    expect(c.oidc).toEqual({
      issuer: 'https://login.acme.example',
      clientId: 'scorecards',
      clientSecret: OIDC.OIDC_CLIENT_SECRET,
      providerName: 'Acme',
      allowedDomains: ['acme.example', 'labs.acme.example'],
      defaultRole: 'interviewer',
      groupsClaim: 'groups',
      groupRoles: { leads: ['hiring_manager', 'interviewer'], hr: ['recruiter'] },
    });
    expect(c).toMatchObject({ passwordLogin: false, breakGlassEmail: 'ops@acme.example' });
    expect(loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'sso-cfg-')) })).toMatchObject({
      oidc: undefined,
      passwordLogin: true,
    });
  });

  it('refuses an http issuer and a missing or short client secret in production', () => {
    expect(problems({ ...PRODUCTION, ...OIDC, OIDC_ISSUER: 'http://login.acme.example' })).toEqual([
      'OIDC_ISSUER must be an https:// URL in production',
    ]);
    expect(problems({ ...PRODUCTION, ...OIDC, OIDC_CLIENT_SECRET: '' })).toEqual([
      'OIDC_CLIENT_SECRET is required in production when OIDC_ISSUER is set',
    ]);
    expect(problems({ ...PRODUCTION, ...OIDC, OIDC_CLIENT_SECRET: 'short' })).toEqual([
      'OIDC_CLIENT_SECRET must be at least 16 characters',
    ]);
    // outside production a local provider may be plain http and a public client
    expect(problems({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'dev' })).toEqual([]);
  });

  it('refuses combinations that would lock everyone out or do nothing, and unknown roles', () => {
    expect(problems({ OIDC_ISSUER: 'https://x.example' })).toEqual([
      'OIDC_CLIENT_ID is required when OIDC_ISSUER is set',
    ]);
    expect(problems({ OIDC_CLIENT_ID: 'x' })).toEqual([
      'OIDC_ISSUER is required when OIDC_CLIENT_ID or OIDC_CLIENT_SECRET is set',
    ]);
    expect(problems({ PASSWORD_LOGIN: 'false' })).toEqual([
      'PASSWORD_LOGIN=false needs OIDC_ISSUER: otherwise nobody could sign in',
    ]);
    expect(problems({ BREAK_GLASS_EMAIL: 'a@b.example' })).toEqual([
      'BREAK_GLASS_EMAIL only applies with PASSWORD_LOGIN=false',
    ]);
    const bad = problems({ ...OIDC, OIDC_GROUP_ROLES: 'a=owner,=admin,b', OIDC_DEFAULT_ROLE: 'root' });
    expect(bad).toHaveLength(4);
    expect(bad.join('\n')).toContain('OIDC_DEFAULT_ROLE must be one of admin, recruiter, hiring_manager, interviewer');
    expect(bad.join('\n')).toContain('OIDC_GROUP_ROLES: "a=owner" is not group=role');
  });
});

describe('the pending sign-in cookie', () => {
  const secret = 'test-secret-test-secret-test-secret-0123456789';
  const pending = { state: 's', nonce: 'n', codeVerifier: 'v'.repeat(43), expires: Date.now() + 60_000 };

  it('opens what it sealed, and nothing else: another key, a flipped byte, expiry, garbage', () => {
    const sealed = sealPending(pending, secret);
    expect(sealed).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain(Buffer.from(pending.codeVerifier).toString('base64url').slice(0, 20));
    expect(openPending(sealed, secret)).toEqual(pending);
    expect(openPending(sealed, secret + 'x')).toBeNull();
    const flipped = Buffer.from(sealed, 'base64url');
    flipped[flipped.length - 1] ^= 1;
    expect(openPending(flipped.toString('base64url'), secret)).toBeNull();
    expect(openPending(sealed, secret, pending.expires + 1)).toBeNull();
    for (const bad of [null, '', 'A', 'not base64!', 'A'.repeat(5000)]) expect(openPending(bad, secret)).toBeNull();
  });
});
