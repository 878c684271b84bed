import { expect } from '@jest/globals';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { APP_CLIENT, TestOidcProvider } from '../support/oidc-provider';
import {
  apiCalls,
  apiToken,
  assertNoPageErrors,
  checkPage,
  closeAppInBrowser,
  openAppInBrowser,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

interface Received {
  headers: IncomingHttpHeaders;
  raw: string;
}

/** An ATS's webhook endpoint: a real HTTP server on loopback, answering 202 (not 200) to show the log shows its code. */
async function startReceiver(): Promise<{ server: Server; url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, raw: Buffer.concat(chunks).toString('utf8') });
      // a slow ATS: the page shows the delivery pending before it has the answer
      setTimeout(() => {
        res.statusCode = 202;
        res.end('accepted');
      }, 3000);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/ats-hook`, received };
}

/** What a receiver checks: `t=<unix>,v1=<hex>`, the HMAC-SHA256 of "<t>.<raw body>" with the secret. */
function signedWith(header: string | string[] | undefined, raw: string, secret: string): boolean {
  const parts = String(header).split(',');
  const t = parts.find((p) => p.startsWith('t='))?.slice(2);
  if (!t) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${raw}`).digest();
  return parts
    .filter((p) => p.startsWith('v1='))
    .map((p) => Buffer.from(p.slice(3), 'hex'))
    .some((s) => s.length === expected.length && timingSafeEqual(s, expected));
}

const CALLBACK = '/api/v1/auth/sso/callback';

/**
 * The admin pages of the integrations (webhooks, API keys) and single sign-on, as an admin and a
 * colleague use them, against one app started as `npm start` does, with a real receiver and a real
 * OpenID Connect provider.
 */
describe('webhooks, API keys and single sign-on in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let idp: TestOidcProvider;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const api = apiCalls(() => app.url);

  beforeAll(async () => {
    receiver = await startReceiver();
    // the issuer (its port) must be known before the app starts; it answers once the app's URL is known
    idp = await TestOidcProvider.listen();
    ({ app, browser, page } = await openAppInBrowser((url) => ({
      // the receiver listens on loopback, which the outbound guard refuses unless allowed (as test/support/test-app.ts does)
      OUTBOUND_ALLOWLIST: '127.0.0.1,::1,localhost',
      // outside production a loopback http issuer is accepted; production demands https (libs/config)
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: APP_CLIENT.id,
      OIDC_CLIENT_SECRET: APP_CLIENT.secret,
      OIDC_PROVIDER_NAME: 'Acme Login',
      OIDC_ALLOWED_DOMAINS: 'acme.test',
      // the redirect URI's base: the app's own URL, port included
      PUBLIC_URL: url,
    })));
    idp.serve(app.url + CALLBACK, {
      nia: { email: 'nia@acme.test', name: 'Nia Newcomer' },
      eve: { email: 'eve@elsewhere.test', name: 'Eve Outsider' },
    });
  }, 300_000);
  afterAll(async () => {
    await closeAppInBrowser({ app, browser });
    await idp?.close();
    await new Promise((r) => receiver?.server.close(r));
  }, 60_000);

  it('lets an admin add a webhook, see its secret once, send a test and read the answer in the delivery log', async () => {
    await signInAs(page, app.url, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { level: 1, name: 'Webhooks' }).waitFor();
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Description').fill('Greenhouse');
    await form.getByLabel('Scorecard submitted').check();
    await form.getByRole('button', { name: 'Add webhook' }).click();

    const notice = page.getByRole('status').filter({ hasText: 'shown this once' });
    const secret = (await notice.locator('code').innerText()).trim();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{40,}$/);
    const row = page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem').filter({ hasText: receiver.url });
    await row.getByText('Active').waitFor();
    await checkPage(page, 'webhooks-secret-once');
    await notice.getByRole('button', { name: 'I have stored it' }).click();
    await notice.waitFor({ state: 'detached' });
    // the secret is in no read of the subscription, nor on the page any more
    const admin = await apiToken(app.url, 'admin');
    expect(JSON.stringify(await api.ok(admin, 'GET', '/webhooks'))).not.toContain(secret);
    expect(await page.content()).not.toContain(secret);

    await row.getByRole('button', { name: 'Send test' }).click();
    await page.getByText('Test sent').waitFor();
    // the log opens by itself after a test, and follows the delivery (pending, then the receiver's answer)
    expect(await row.getByRole('button', { name: 'Delivery log' }).getAttribute('aria-expanded')).toBe('true');
    const log = row.getByRole('list', { name: 'Deliveries, newest first' });
    // the worker sends it within moments; the open log follows it to the receiver's answer
    await log.getByText('pending').waitFor();
    await log.getByText('HTTP 202').waitFor({ timeout: 30_000 });
    await log.getByText('succeeded').waitFor();
    expect(receiver.received).toHaveLength(1);
    const [ping] = receiver.received;
    expect(JSON.parse(ping.raw).type).toBe('ping');
    expect(signedWith(ping.headers['x-scorecards-signature'], ping.raw, secret)).toBe(true);
    expect(signedWith(ping.headers['x-scorecards-signature'], ping.raw, `${secret}x`)).toBe(false);
    await checkPage(page, 'webhooks-delivery-log');
  }, 120_000);

  it('lets an admin create a scoped, expiring API key whose secret works once within its scope, until revoked', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'New key' }).click();
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Name').fill('Warehouse export');
    await form.getByLabel('Expires').selectOption({ label: 'In 30 days' });
    // interviews:read is preselected; one read scope only
    await expect(form.getByRole('checkbox', { name: /Interviews: read/ }).isChecked()).resolves.toBe(true);
    for (const other of [/Interviews: write/, /Question sets: read/, /Question sets: write/, /Scorecards/, /Summaries/])
      expect(await form.getByRole('checkbox', { name: other }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Create key' }).click();

    const shown = page.getByRole('region', { name: 'The secret of Warehouse export' });
    await shown.getByText('It is shown only this once').waitFor();
    const secret = (await shown.getByLabel('API key secret').innerText()).trim();
    expect(secret.length).toBeGreaterThanOrEqual(32);
    const row = page
      .getByRole('list', { name: 'API keys' })
      .getByRole('listitem')
      .filter({ hasText: 'Warehouse export' });
    await row.getByText('interviews:read').waitFor();
    const expires = await row.getByText(/^Expires /).innerText();
    const in30 = new Date(Date.now() + 30 * 86_400_000).toLocaleDateString('en-GB', { day: 'numeric' });
    expect(expires).toContain(in30);
    await checkPage(page, 'api-key-secret-once');
    await shown.getByRole('button', { name: 'I have copied it' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    // within its scope, outside it, and anonymous compared with it
    const candidates = await api.request(secret, 'GET', '/candidates?limit=5');
    expect(candidates.status).toBe(200);
    expect(candidates.body.items.length).toBeGreaterThan(0);
    expect((await api.request(secret, 'GET', '/question-sets?limit=5')).status).toBe(403);
    expect((await api.request(secret, 'POST', '/candidates', { name: 'Not allowed' })).status).toBe(403);
    expect((await api.request(`${secret}x`, 'GET', '/candidates?limit=5')).status).toBe(401);

    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('group', { name: 'Revoke Warehouse export' }).getByRole('button', { name: 'Revoke' }).click();
    await row.getByText(/^Revoked /).waitFor();
    // the question is answered: it closes, and a revoked key offers no second revocation
    await row.getByRole('group', { name: 'Revoke Warehouse export' }).waitFor({ state: 'detached' });
    expect(await row.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    expect((await api.request(secret, 'GET', '/candidates?limit=5')).status).toBe(401);
    await checkPage(page, 'api-key-revoked');
  }, 90_000);

  it("offers sign-in with the company's provider, and lands a colleague signed in after its login form", async () => {
    page = await browser.newPage();
    await page.goto(`${app.url}/sign-in`);
    const button = page.getByRole('link', { name: 'Sign in with Acme Login' });
    await button.waitFor();
    // password sign-in stays for the break-glass admin, since PASSWORD_LOGIN is not false
    await page.getByText('Or with your password:').waitFor();
    await page.getByLabel('Work email').waitFor();
    await checkPage(page, 'sign-in-sso');
    await button.click();

    // the provider's own pages: its login form, then its consent
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('nia');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    const consent = page.getByRole('button', { name: 'Continue' });
    const nav = page.getByRole('navigation', { name: 'Main' });
    await consent.or(nav).waitFor();
    if (await consent.isVisible()) await consent.click();
    await nav.waitFor();
    expect(new URL(page.url()).origin).toBe(app.url);
    expect(new URL(page.url()).pathname).not.toBe('/sign-in');
    expect(page.url()).not.toContain('sso_error');
    // a session of its own: the account made just in time, with the default role
    await page.getByText('Nia Newcomer').first().waitFor();
    await checkPage(page, 'signed-in-with-sso');
    // an interviewer made by SSO is no admin: the integrations pages are not hers
    await page.goto(`${app.url}/settings/webhooks`);
    await page.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    assertNoPageErrors(page);
  }, 90_000);

  it('sends someone from a domain without accounts back to the sign-in page, saying why', async () => {
    page = await browser.newPage();
    await page.goto(`${app.url}/sign-in`);
    await page.getByRole('link', { name: 'Sign in with Acme Login' }).click();
    await page.waitForURL((u) => u.origin === idp.issuer);
    await page.locator('input[name="login"]').fill('eve');
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    const consent = page.getByRole('button', { name: 'Continue' });
    const refused = page.getByRole('alert').filter({ hasText: 'There is no account for your email address' });
    await consent.or(refused).waitFor();
    if (await consent.isVisible()) await consent.click();
    await refused.waitFor();
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await checkPage(page, 'sign-in-sso-refused');
  }, 60_000);
});
