import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@app/config';
import {
  apiCalls,
  apiToken,
  assertNoPageErrors,
  checkPage,
  closeAppInBrowser,
  databaseUrl,
  DEMO,
  openAppInBrowser,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

/**
 * The pages over API operations that had none: the audit trail, interviewer calibration, question
 * statistics, set export, reopening a scorecard; and the queue dashboard opened directly.
 */
describe('the audit trail, calibration, statistics, export, reopening and the queue dashboard in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const api = apiCalls(() => app.url);
  let setId: string;
  let interviewId: string;

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    const manager = await apiToken(app.url, 'hiring_manager');
    const ines = (await api.ok(manager, 'GET', '/interviewers?limit=50')).items.find(
      (i: { email: string }) => i.email === DEMO.interviewer,
    );
    const candidates = (await api.ok(manager, 'GET', '/candidates?limit=50')).items as Array<{ id: string }>;
    setId = (await api.ok(manager, 'GET', '/question-sets?status=published&limit=50')).items.find(
      (s: { name: string }) => s.name.startsWith('Backend Engineer'),
    ).id;
    const start = new Date(Date.now() + 3 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    // Ines's own interview, held now and without questions: her scorecard needs only a recommendation
    interviewId = (
      await api.ok(manager, 'POST', '/interviews', {
        candidateId: candidates[0].id,
        stage: 'onsite',
        title: 'Reopen me',
        start: start.toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: [{ userId: ines.userId, role: 'lead' }],
        allowConflicts: true,
      })
    ).id;
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '40 minutes' WHERE id = $1`,
        [interviewId],
      );
    } finally {
      await db.end();
    }
    const inesToken = await apiToken(app.url, 'interviewer');
    const mine = await api.ok(inesToken, 'GET', `/interviews/${interviewId}/scorecards/mine`);
    await api.ok(inesToken, 'PUT', `/interviews/${interviewId}/scorecards/mine`, {
      version: mine.version,
      overallRecommendation: 'yes',
      summary: 'Reopen test',
    });
    await api.ok(inesToken, 'POST', `/interviews/${interviewId}/scorecards/mine/submit`, {});
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('lets the author reopen a submitted scorecard, and shows it as a draft again', async () => {
    await signInAs(page, app.url, 'interviewer');
    await page.goto(`${app.url}/interviews/${interviewId}/scorecard`);
    await page
      .locator('.iv-done__banner')
      .getByText(/^Submitted \d/)
      .waitFor();
    await page.getByRole('button', { name: 'Reopen scorecard' }).click();
    await page.getByRole('button', { name: 'Reopen', exact: true }).click();
    await page.getByRole('radiogroup', { name: 'Your recommendation' }).waitFor();
    expect(
      await page
        .getByRole('radiogroup', { name: 'Your recommendation' })
        .locator('[aria-checked="true"]')
        .getAttribute('aria-label'),
    ).toBe('3 Yes');
    const ines = await apiToken(app.url, 'interviewer');
    expect((await api.ok(ines, 'GET', `/interviews/${interviewId}/scorecards/mine`)).status).toBe('draft');
    await checkPage(page, 'reopened-scorecard');
    // submitted again, for the admin's turn below
    await page.locator('button:visible', { hasText: 'Submit scorecard' }).first().click();
    await page
      .locator('.iv-done__banner')
      .getByText(/^Submitted \d/)
      .waitFor();
  }, 90_000);

  it('shows a hiring manager interviewer calibration from the navigation, and hides the admin pages', async () => {
    page = await browser.newPage();
    await signInAs(page, app.url, 'hiring_manager');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Calibration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviewer calibration' }).waitFor();
    const table = page.getByRole('region', { name: 'Calibration per interviewer' });
    // the demo's panelists have submitted scorecards: their leniency and disagreement are figures
    await table
      .getByText(/ratings? compared/)
      .first()
      .waitFor();
    await table
      .getByText(/\d+ of \d+ interviews?/)
      .first()
      .waitFor();
    expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(3);
    await checkPage(page, 'calibration');
    await page.goto(`${app.url}/settings/audit-trail`);
    await page.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
  }, 60_000);

  it("gives a recruiter the set's rating statistics and its exports, and calibration from the pools page", async () => {
    page = await browser.newPage();
    await signInAs(page, app.url, 'recruiter');
    await page.goto(`${app.url}/question-sets/${setId}`);
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const jsonFile = await json;
    expect(jsonFile.suggestedFilename()).toMatch(/\.json$/);
    const exported = JSON.parse(readFileSync(await jsonFile.path(), 'utf8'));
    expect(JSON.stringify(exported)).toContain('idempotent');
    const md = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Markdown' }).click();
    expect((await md).suggestedFilename()).toMatch(/\.md$/);

    await page.getByRole('link', { name: 'Rating statistics' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rating statistics' }).waitFor();
    const rows = page.getByRole('region', { name: 'Ratings per question' }).locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(4);
    // the demo's submitted scorecards rated the first question: a count, a mean and a distribution
    expect(await rows.first().innerText()).toMatch(/idempotent[\s\S]*\d+\s+\d+\s+\d\.\d\d\s+\d\.\d\d/);
    await checkPage(page, 'question-stats');

    await page.goto(`${app.url}/settings/interviewer-pools`);
    await page.getByRole('link', { name: 'Interviewer calibration' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interviewer calibration' }).waitFor();
    expect(
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calibration' }).count(),
    ).toBe(0);
  }, 90_000);

  it("shows an admin the audit trail, with the reopening on record, and lets the admin reopen anyone's scorecard", async () => {
    page = await browser.newPage();
    await signInAs(page, app.url, 'admin');
    await page.goto(`${app.url}/settings/delivery-log`);
    await page.getByRole('link', { name: 'Audit trail' }).click();
    await page.getByRole('heading', { level: 1, name: 'Audit trail' }).waitFor();
    const table = page.locator('.audit-table');
    await table.locator('tbody tr').first().waitFor();
    await page.getByLabel('Show changes to').selectOption('scorecard');
    const reopened = table.locator('tbody tr').filter({ hasText: 'Scorecard reopened' }).first();
    await reopened.waitFor();
    // the author's name is looked up after the row renders ("Looking up…" until then)
    await reopened.getByText('Ines', { exact: false }).first().waitFor();
    expect(await reopened.innerText()).toContain('Ines');
    await checkPage(page, 'audit-trail');

    await page.goto(`${app.url}/hiring/interviews/${interviewId}`);
    const card = page.getByRole('article', { name: /Ines.*scorecard/ });
    await card.waitFor();
    await card.getByRole('button', { name: 'Reopen scorecard' }).click();
    await card.getByRole('button', { name: 'Reopen', exact: true }).click();
    await card.waitFor({ state: 'detached' });
    await page.getByTestId('feedback-missing').getByText(/Ines/).waitFor();
    const admin = await apiToken(app.url, 'admin');
    const events = await api.ok(admin, 'GET', `/audit-events?entityType=scorecard&limit=10`);
    expect(events.items.filter((e: { action: string }) => e.action === 'reopened').length).toBe(2);
  }, 90_000);

  it('sends the queue dashboard, opened directly, through sign-in and back, with no CSP error', async () => {
    const direct = await fetch(`${app.url}/admin/queues`, { headers: { accept: 'text/html' }, redirect: 'manual' });
    expect(direct.status).toBe(303);
    expect(direct.headers.get('location')).toBe('/queue-dashboard');
    // scripts calling bull-board's API still get the JSON refusal
    expect((await fetch(`${app.url}/admin/queues/api/queues`)).status).toBe(401);

    const tab = await browser.newPage();
    await tab.goto(`${app.url}/admin/queues`);
    await tab.waitForURL(/\/sign-in$/);
    await tab.getByLabel('Work email').fill(DEMO.admin);
    await tab.getByLabel('Password').fill(DEMO_PASSWORD);
    await tab.getByRole('button', { name: 'Sign in' }).click();
    await tab.waitForURL(/\/admin\/queues$/);
    await tab.getByText('Scorecards queues').first().waitFor();
    await tab.getByText('reminders').first().waitFor();
    const html = await (
      await fetch(`${app.url}/admin/queues`, {
        headers: { authorization: `Bearer ${await apiToken(app.url, 'admin')}` },
      })
    ).text();
    expect(html).not.toContain('fonts.googleapis.com');
    assertNoPageErrors(tab);
    await tab.close();
  }, 90_000);
});
