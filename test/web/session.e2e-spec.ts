import type { Page, Request } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/config';
import {
  apiToken,
  checkPage,
  closeAppInBrowser,
  DEMO,
  openAppInBrowser,
  signInAs,
  watchErrors,
  type Browser,
  type RunningApp,
} from './support';

/**
 * Sessions in the browser: the access token lives in the page's memory only, and the HttpOnly
 * refresh cookie opens new tabs, reloads and reminder links signed in. The app runs with 8-second
 * access tokens, so that every step below also goes through the 401 → refresh → retry path.
 */
describe('web sessions', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let tab: Page;
  let deepLink: string;
  const previousTtl = process.env.JWT_TTL;

  beforeAll(async () => {
    process.env.JWT_TTL = '8'; // inherited by the app process
    ({ app, browser, page } = await openAppInBrowser());
    const token = await apiToken(app.url, 'interviewer');
    const upcoming = await (
      await fetch(`${app.url}/api/v1/interviews/upcoming?limit=1`, { headers: { authorization: `Bearer ${token}` } })
    ).json();
    deepLink = upcoming.items?.[0] ? `/interviews/${upcoming.items[0].id}` : '/my-interviews';
  }, 240_000);
  afterAll(async () => {
    if (previousTtl === undefined) delete process.env.JWT_TTL;
    else process.env.JWT_TTL = previousTtl;
    await closeAppInBrowser({ app, browser });
  }, 60_000);

  const webStorage = (p: Page) =>
    p.evaluate(() => {
      const dump = (s: Storage) =>
        Object.fromEntries(Array.from({ length: s.length }, (_, i) => s.key(i)!).map((k) => [k, s.getItem(k)]));
      return { local: dump(localStorage), session: dump(sessionStorage), cookies: document.cookie };
    });
  const refreshStatus = (p: Page) =>
    p.evaluate(
      async () =>
        (await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'x-requested-with': 'fetch' } })).status,
    );
  const countRefreshes = (p: Page) => {
    const seen: string[] = [];
    const on = (r: Request) => new URL(r.url()).pathname === '/api/v1/auth/refresh' && seen.push(r.url());
    p.on('request', on);
    return {
      get count() {
        return seen.length;
      },
      stop: () => p.off('request', on),
    };
  };

  it('signs in, keeps no token in web storage, and opens a second tab on a reminder link signed in', async () => {
    await signInAs(page, app.url, 'interviewer');
    const stored = await webStorage(page);
    expect(JSON.stringify(stored)).not.toMatch(/eyJ[A-Za-z0-9_-]+\./); // no JWT anywhere
    expect(stored.session).toEqual({});
    expect(stored.cookies).not.toContain('scorecards_refresh'); // HttpOnly: scripts cannot read it

    tab = await page.context().newPage();
    watchErrors(tab);
    await tab.goto(app.url + deepLink);
    await tab.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(new URL(tab.url()).pathname).toBe(deepLink);
    await tab.getByRole('heading', { level: 1 }).waitFor();
    expect(await tab.getByRole('heading', { level: 1 }).textContent()).not.toMatch(/Sign in|Not available|not found/i);
    await checkPage(tab, 'session-deep-link');
  }, 90_000);

  it('stays signed in across a reload, and renews an expired access token once for many calls', async () => {
    await page.reload();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(page.url()).not.toContain('/sign-in');
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await page.waitForTimeout(9_000); // the 8-second access token has expired
    const refreshes = countRefreshes(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My interviews' }).click();
    await page.getByRole('heading', { level: 1, name: /interviews/i }).waitFor();
    await page.waitForLoadState('networkidle');
    refreshes.stop();
    // the page's calls all met the 401 together; one refresh served them (none if a background call renewed first)
    expect(refreshes.count).toBeLessThanOrEqual(1);
    expect(await page.locator('.notice--error').count()).toBe(0);
    // the other tab renews on its own too: the refresh cookie they share rotates in turn, without reuse
    await tab.waitForTimeout(1_000);
    await tab.reload();
    await tab.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(tab.url()).not.toContain('/sign-in');
  }, 90_000);

  it('signs out: the refresh cookie no longer works, drafts are gone, and the reminder link asks to sign in', async () => {
    await page.evaluate(() => {
      localStorage.setItem(
        'scorecards.draft.11111111-1111-1111-1111-111111111111.22222222-2222-2222-2222-222222222222',
        JSON.stringify({ v: 1, baseVersion: 1, editedAt: Date.now(), values: { summary: 'Strong on caching' } }),
      );
      localStorage.setItem('unrelated.setting', 'kept');
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    const stored = await webStorage(page);
    expect(Object.keys(stored.local).filter((k) => k.startsWith('scorecards.'))).toEqual([]);
    expect(stored.local['unrelated.setting']).toBe('kept');
    expect(await refreshStatus(page)).toBe(401);
    // the other tab is told at once, and a reload of the reminder link asks to sign in
    await tab.waitForURL(/\/sign-in$/);
    await tab.goto(app.url + deepLink);
    await tab.waitForURL(/\/sign-in$/);
    await tab.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    // and signing in there comes back to the link
    await tab.getByLabel('Work email').fill(DEMO.interviewer);
    await tab.getByLabel('Password').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL((u) => u.pathname === deepLink);
    await tab.getByRole('button', { name: 'Sign out' }).click();
    await tab.waitForURL(/\/sign-in$/);
    await tab.close();
  }, 90_000);

  it('changes the password on the account page; the old one stops working', async () => {
    await signInAs(page, app.url, 'recruiter');
    await page.getByRole('link', { name: 'Your profile' }).click();
    const form = page.getByRole('form', { name: 'Change password' });
    await form.waitFor();
    await form.getByLabel('Current password').fill('not-the-password');
    await form.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
    await form.getByLabel('New password again').fill('a-brand-new-passphrase');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('This is not your current password.').waitFor();

    await form.getByLabel('Current password').fill(DEMO_PASSWORD);
    await form.getByLabel('New password', { exact: true }).fill('short');
    await form.getByLabel('New password again').fill('short');
    await form.getByRole('button', { name: 'Change password' }).click();
    await form.getByText('The new password must be at least 12 characters').waitFor();

    await form.getByLabel('New password', { exact: true }).fill('a-brand-new-passphrase');
    await form.getByLabel('New password again').fill('a-brand-new-passphrase');
    await form.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Password changed.').waitFor();
    expect(await form.getByLabel('Current password').inputValue()).toBe('');
    await checkPage(page, 'account-password');

    const login = (password: string) =>
      fetch(`${app.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: DEMO.recruiter, password }),
      });
    expect((await login(DEMO_PASSWORD)).status).toBe(401);
    expect((await login('a-brand-new-passphrase')).status).toBe(200);
    // this tab stays signed in through the change
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
  }, 90_000);
});
