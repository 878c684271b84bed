import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@app/config';
import {
  apiCalls,
  apiToken,
  checkPage,
  closeAppInBrowser,
  databaseUrl,
  DEMO,
  expectAccessible,
  openAppInBrowser,
  screenshot,
  SCREENSHOTS,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

/** A guide without section headings: every type is guessed, so each type's "guessed" chip shows. */
const GUESSED_GUIDE = [
  'Frontend guide',
  'Describe how you would design a cache for a slow API?',
  'Tell me about a time you disagreed with your manager?',
  'What would you do if a release broke checkout on a Friday evening?',
].join('\n');
const LONG_CRITERION =
  'Tells a retried request from a new one with the same amount, and says where the key lives and for how long';

/** Counts that read wrong: "1 questions", "1 scorecards"... */
const BAD_PLURAL = /\b1 (questions|interviews|scorecards|interviewers|ratings|candidates|criteria|follow-ups)\b/;

describe('the rough edges of the web page, measured in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  const api = apiCalls(() => app.url);
  let positionId: string;
  let heldInterviewId: string;
  let candidateId: string;

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    const manager = await apiToken(app.url, 'hiring_manager');
    positionId = (await api.ok(manager, 'GET', '/positions')).items.find(
      (p: { title: string }) => p.title === 'Senior Backend Engineer',
    ).id;
    const ines = (await api.ok(manager, 'GET', '/interviewers?limit=50')).items.find(
      (i: { email: string }) => i.email === DEMO.interviewer,
    );
    const candidates = (await api.ok(manager, 'GET', '/candidates?limit=50')).items as Array<{
      id: string;
      name: string;
    }>;
    candidateId = candidates[candidates.length - 1].id;
    const set = (await api.ok(manager, 'GET', '/question-sets?status=published&limit=50')).items.find(
      (s: { name: string }) => s.name.startsWith('Backend Engineer'),
    );
    const questions = (await api.ok(manager, 'GET', `/question-sets/${set.id}`)).questions as Array<{ id: string }>;
    const start = new Date(Date.now() + 3 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    // one question only: the kit and the lists say "1 question"; held now, so its scorecard can be filled
    const held = await api.ok(manager, 'POST', '/interviews', {
      candidateId,
      stage: 'onsite',
      title: 'Rough edges interview',
      start: start.toISOString(),
      durationMinutes: 60,
      timezone: 'Europe/Berlin',
      panel: [{ userId: ines.userId, role: 'lead' }],
      questions: [{ questionId: questions[0].id, askedBy: ines.userId }],
      allowConflicts: true,
    });
    heldInterviewId = held.id;
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '55 minutes' WHERE id = $1`,
        [heldInterviewId],
      );
    } finally {
      await db.end();
    }
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  const topBarHeight = (p: Page) => p.locator('.topbar').evaluate((el) => el.getBoundingClientRect().height);

  it('keeps the phone top bar compact on short pages, and Escape closes the phone menu', async () => {
    const phone = await browser.newPage({ width: 375, height: 812 });
    // signInAs waits for the navigation, which is in the closed drawer on a phone
    await phone.goto(`${app.url}/sign-in`);
    await phone.getByLabel('Work email').fill(DEMO.hiring_manager);
    await phone.getByLabel('Password').fill(DEMO_PASSWORD);
    await phone.getByRole('button', { name: 'Sign in' }).click();
    await phone.locator('#main').waitFor();
    for (const path of ['/positions', `/positions/${positionId}/compare`]) {
      await phone.goto(app.url + path);
      await phone.getByRole('heading', { level: 1 }).waitFor();
      expect([path, await topBarHeight(phone)]).toEqual([path, expect.any(Number)]);
      expect(await topBarHeight(phone)).toBeLessThanOrEqual(64);
    }
    await screenshot(phone, 'rough-compare-375');

    const menu = phone.getByRole('button', { name: 'Open menu' });
    await menu.click();
    await phone.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).waitFor();
    expect(await phone.getByRole('button', { name: 'Close menu' }).getAttribute('aria-expanded')).toBe('true');
    await phone.keyboard.press('Escape');
    await phone.getByRole('navigation', { name: 'Main' }).waitFor({ state: 'hidden' });
    expect(await phone.getByRole('button', { name: 'Open menu' }).getAttribute('aria-expanded')).toBe('false');
    expect(await phone.evaluate(() => document.activeElement?.getAttribute('aria-controls'))).toBe('sidebar');
    await phone.close();
  }, 90_000);

  it('shows the comparison table whole at 1280 px, last column included', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await signInAs(page, app.url, 'hiring_manager');
    await page.goto(`${app.url}/positions/${positionId}/compare`);
    const wrap = page.getByRole('region', { name: 'Candidates side by side' });
    await wrap.locator('tbody tr').first().waitFor();
    const m = await wrap.evaluate((el) => {
      const heads = el.querySelectorAll('thead th');
      return {
        scroll: el.scrollWidth,
        client: el.clientWidth,
        last: heads[heads.length - 1].getBoundingClientRect().right,
        right: el.getBoundingClientRect().right,
        viewport: innerWidth,
      };
    });
    expect(m.scroll).toBeLessThanOrEqual(m.client);
    expect(m.last).toBeLessThanOrEqual(m.right);
    expect(m.right).toBeLessThanOrEqual(m.viewport);
    expect(await page.locator('body').innerText()).not.toMatch(BAD_PLURAL);
    await checkPage(page, 'rough-compare-1280');
    await page.setViewportSize({ width: 1360, height: 900 });
  }, 60_000);

  it('has no serious contrast problem on the import report, guessed type chips included', async () => {
    // a browser profile per user: a signed-in profile is taken past the sign-in page
    page = await browser.newPage();
    await signInAs(page, app.url, 'recruiter');
    await page.goto(`${app.url}/question-sets/import`);
    await page.getByLabel('Guide', { exact: true }).fill(GUESSED_GUIDE);
    await page.getByRole('button', { name: 'Preview import' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    for (const type of ['Technical', 'Behavioral', 'Situational'])
      await report.locator('.chip', { hasText: type }).filter({ hasText: 'guessed' }).waitFor();
    await expectAccessible(page, 'the import report');
    await checkPage(page, 'rough-import-report');
  }, 60_000);

  it('edits criteria and follow-ups in textareas that show all their text', async () => {
    await page.getByRole('button', { name: /Save as draft \(3 questions\)/ }).click();
    await page.waitForURL(/\/question-sets\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: /^Edit/ }).first().click();
    await page.getByRole('form', { name: 'Edit question' }).waitFor();
    const criterion = page.getByLabel('Criterion 1', { exact: true });
    if (!(await criterion.count())) await page.getByRole('button', { name: /Add criterion/ }).click();
    await criterion.fill(LONG_CRITERION);
    const box = await criterion.evaluate((el) => ({
      tag: el.tagName,
      scroll: el.scrollHeight,
      client: el.clientHeight,
      width: el.scrollWidth - el.clientWidth,
    }));
    expect(box.tag).toBe('TEXTAREA');
    expect(box.scroll).toBeLessThanOrEqual(box.client + 1);
    expect(box.width).toBeLessThanOrEqual(0);
    expect(box.client).toBeGreaterThan(45); // grew past one line
    await page.getByRole('button', { name: /Add follow-up/ }).click();
    const followUp = page.getByLabel('Follow-up 1', { exact: true });
    expect(await followUp.evaluate((el) => el.tagName)).toBe('TEXTAREA');
    await screenshot(page, 'rough-question-form');
  }, 60_000);

  it('defaults the second panelist to a full panelist, and shows who asks what in full', async () => {
    await page.goto(`${app.url}/hiring/interviews/new?candidateId=${candidateId}`);
    const picks = page.locator('.hm-person-row__pick input');
    await picks.nth(1).waitFor();
    await picks.nth(0).check();
    await picks.nth(1).check();
    const roles = await page
      .locator('.hm-person-row.is-chosen')
      .evaluateAll((rows) => rows.map((r) => r.querySelector('.hm-role__opt.is-on')?.textContent));
    expect(roles).toEqual(['Lead', 'Panelist']);
    const sets = page.locator('#question-set');
    await sets.locator('option').nth(1).waitFor({ state: 'attached' });
    expect(await sets.textContent()).not.toMatch(BAD_PLURAL);
    await sets.selectOption({ index: 1 });
    await page.getByRole('button', { name: 'Select all' }).click();
    const prompts = page.locator('.hm-split__prompt');
    await prompts.first().waitFor();
    const shown = await prompts.evaluateAll((els) =>
      els.map((e) => ({
        text: e.textContent ?? '',
        cut: e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight,
      })),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const p of shown) {
      expect(p.cut).toBe(false);
      expect(p.text.length).toBeGreaterThan(20);
    }
    await screenshot(page, 'rough-schedule');
  }, 60_000);

  it('fits "Strong no" in its button at every width, and lines the missing items up with their bullets on a phone', async () => {
    page = await browser.newPage();
    await signInAs(page, app.url, 'interviewer');
    await page.goto(`${app.url}/interviews/${heldInterviewId}`);
    await page.getByRole('region', { name: 'Panel' }).getByText('1 question', { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(BAD_PLURAL);
    const clipped = () =>
      page
        .locator('.iv-scale__opt')
        .evaluateAll((buttons) =>
          buttons
            .filter((b) => b.scrollWidth > b.clientWidth || [...b.children].some((c) => c.scrollWidth > c.clientWidth))
            .map((b) => b.textContent),
        );
    for (const width of [1360, 1100, 900, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${app.url}/interviews/${heldInterviewId}/scorecard`);
      await page.getByRole('radiogroup', { name: 'Your recommendation' }).waitFor();
      expect([width, await clipped()]).toEqual([width, []]);
    }
    await screenshot(page, 'rough-scorecard-375');
    await page.locator('button:visible', { hasText: 'Submit scorecard' }).first().click();
    const alert = page.getByRole('alert').filter({ hasText: 'Still missing' });
    await alert.waitFor();
    // where a bullet goes: text put at the start of the item sits on its first line, next to the bullet
    const offsets = await alert.locator('.missing-list li').evaluateAll((items) =>
      items.map((li) => {
        const button = li.querySelector('button')!;
        const probe = document.createElement('span');
        probe.textContent = '\u200b';
        li.insertBefore(probe, button);
        const gap = probe.getBoundingClientRect().top - button.getBoundingClientRect().top;
        probe.remove();
        return {
          lines: Math.round(button.getBoundingClientRect().height / parseFloat(getComputedStyle(button).lineHeight)),
          gap,
        };
      }),
    );
    expect(offsets.some((o) => o.lines > 1)).toBe(true);
    for (const o of offsets) expect(Math.abs(o.gap)).toBeLessThan(8);
    await alert.screenshot({ path: `${SCREENSHOTS}/rough-still-missing-375.png` });
    await page.setViewportSize({ width: 1360, height: 900 });
  }, 120_000);

  it('says "1 question" where an interviewer sees their interviews', async () => {
    await page.goto(`${app.url}/my-interviews`);
    await page.getByRole('heading', { level: 1, name: 'My interviews' }).waitFor();
    await page.getByText('Rough edges interview').first().waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(BAD_PLURAL);
    expect(await page.locator('body').innerText()).toMatch(/\b1 question\b/);
  }, 60_000);
});
