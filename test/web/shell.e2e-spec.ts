import type { Page } from 'playwright-core';
import { checkPage, closeAppInBrowser, openAppInBrowser, signInAs, type Browser, type RunningApp } from './support';

const { openApiDocument, builtModules } = require('../../scripts/web-client.js');

describe('the web page as `npm start` serves it', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
  }, 240_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it("serves the page at /, and index.html for the page's own routes, but not for the server's paths", async () => {
    const home = await fetch(`${app.url}/`);
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toMatch(/text\/html/);
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const html = await home.text();
    expect(html).toContain('<div id="root"></div>');
    const deep = await fetch(`${app.url}/question-sets/0b1c2d3e-aaaa-bbbb-cccc-000000000000`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);

    const script = html.match(/src="(\/assets\/[^"]+\.js)"/)![1];
    const asset = await fetch(app.url + script);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);

    for (const path of [
      '/api/v1/no-such-thing',
      '/api/nothing',
      '/health/x',
      '/metrics/x',
      '/admin/nothing-here',
      '/assets/gone-1234.js',
    ]) {
      const res = await fetch(app.url + path);
      expect([path, res.status]).toEqual([path, path.startsWith('/admin') ? expect.any(Number) : 404]);
      expect(res.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    }
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
    expect((await fetch(`${app.url}/api/v1/me`)).status).toBe(401);
  });

  it('builds its client from the same OpenAPI document the running API serves', async () => {
    const served = await (await fetch(`${app.url}/api/docs-json`)).json();
    expect(JSON.parse(JSON.stringify(await openApiDocument(builtModules())))).toEqual(served);
  });

  it('says in words when the password is wrong, next to the form', async () => {
    await page.goto(`${app.url}/sign-in`);
    await page.getByLabel('Work email').fill('recruiter@demo.scorecards.dev');
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('alert').filter({ hasText: 'That email and password do not match an account.' }).waitFor();
    await page.getByLabel('Work email').fill('not an email');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Email must be an email address.').waitFor();
    expect(await page.getByLabel('Work email').getAttribute('aria-invalid')).toBe('true');
    await checkPage(page, 'sign-in-error');
  }, 60_000);

  it('shows an interviewer only what their role allows, in their timezone, and signs out', async () => {
    await signInAs(page, app.url, 'interviewer');
    await page.getByText('America/New_York').first().waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).getByText('Question sets').count()).toBe(0);
    await page.goto(`${app.url}/question-sets`);
    await page.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    await checkPage(page, 'not-available');
    // a reload keeps the tab signed in (sessionStorage), and sign-out forgets the token
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in$/);
    expect(await page.evaluate(() => sessionStorage.getItem('scorecards.token'))).toBeNull();
    await page.goto(`${app.url}/question-sets`);
    await page.waitForURL(/\/sign-in$/);
  }, 60_000);

  it('comes back to the page asked for after signing in', async () => {
    await page.goto(`${app.url}/question-sets/import`);
    await page.waitForURL(/\/sign-in$/);
    await page.getByLabel('Work email').fill('recruiter@demo.scorecards.dev');
    await page.getByLabel('Password').fill('demo-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/question-sets\/import$/);
    await page.getByRole('heading', { level: 1, name: 'Import a guide' }).waitFor();
  }, 60_000);
});
