import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  apiCalls,
  apiToken,
  checkPage,
  closeAppInBrowser,
  openAppInBrowser,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

/** The admin's API keys page: create with scopes and expiry, the secret once, the list, revoke with confirm. */
describe('API keys in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const api = apiCalls(() => app.url);

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('creates a key, shows its secret once with a warning, lists it, and revokes it after a confirmation', async () => {
    await signInAs(page, app.url, 'admin');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API keys' }).click();
    await page.getByRole('heading', { level: 1, name: 'API keys' }).waitFor();
    await page.getByRole('button', { name: 'New key' }).click();
    const form = page.getByRole('form', { name: 'New API key' });
    await form.getByLabel('Name').fill('Browser ATS');
    // the box is drawn over the visually hidden input
    await form.getByRole('checkbox', { name: /Summaries: read/ }).check({ force: true });
    await form.getByRole('button', { name: 'Create key' }).click();

    const secretBox = page.getByRole('region', { name: 'The secret of Browser ATS' });
    await secretBox.getByText('It is shown only this once').waitFor();
    const secret = (await secretBox.getByLabel('API key secret').textContent()) ?? '';
    expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
    await secretBox.getByRole('button', { name: 'Copy' }).waitFor();
    await checkPage(page, 'api-key-created');

    // the secret works, within its scopes
    const withKey = await api.request(secret, 'GET', '/candidates');
    expect(withKey.status).toBe(200);
    await secretBox.getByRole('button', { name: 'I have copied it' }).click();
    await secretBox.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);

    const row = page.getByRole('list', { name: 'API keys' }).getByRole('listitem').filter({ hasText: 'Browser ATS' });
    await row.getByText(secret.slice(-4)).waitFor();
    await row.getByText('interviews:read, summaries:read').waitFor();
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('group', { name: 'Revoke Browser ATS' }).getByRole('button', { name: 'Revoke' }).click();
    await page
      .getByRole('list', { name: 'API keys' })
      .getByRole('listitem')
      .filter({ hasText: 'Browser ATS' })
      .getByText(/^Revoked /)
      .waitFor();
    await checkPage(page, 'api-keys');
    expect((await api.request(secret, 'GET', '/candidates')).status).toBe(401);
    // the admin's own token still works, and others do not see the page
    expect((await api.request(await apiToken(app.url, 'admin'), 'GET', '/api-keys')).status).toBe(200);
  }, 120_000);
});
