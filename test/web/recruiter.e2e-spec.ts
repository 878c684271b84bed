import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  apiToken,
  checkPage,
  closeAppInBrowser,
  openAppInBrowser,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

// written for this test in the shape of the sectioned guides recruiters paste: question 2 (line 10)
// has no "what to look for", and the last line is marketing
const GUIDE = readFileSync(join(__dirname, 'fixtures/mobile-engineer-guide.txt'), 'utf8');
const SET_NAME = 'Mobile Engineer Interview Questions';

/** The prompts in the editor, in their order on the page. */
const prompts = async (page: Page) =>
  (await page.locator('.question-card__prompt').allTextContents()).map((t) =>
    t.replace(/^Question \d+: /, '').slice(0, 20),
  );

describe('the recruiter journey in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let setUrl: string;

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
  }, 240_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('signs in and lands on the question sets, with the recruiting and hiring navigation (recruiters schedule)', async () => {
    await page.goto(app.url);
    await page.waitForURL(/\/sign-in$/);
    await checkPage(page, 'sign-in');
    await signInAs(page, app.url, 'recruiter');
    await page.waitForURL(/\/question-sets$/);
    await page.getByRole('heading', { level: 1, name: 'Question sets' }).waitFor();
    await page.getByRole('link', { name: /Backend Engineer — core loop/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual([
      'Question sets',
      'Import a guide',
      'Interviewer pools',
      'Positions',
      'Candidates',
      'Schedule interview',
    ]);
    expect(await nav.getByRole('heading').allTextContents()).toEqual(['Recruiting', 'Hiring']);
    await expect(page.getByText('Europe/London').isVisible()).resolves.toBe(true);
    await checkPage(page, 'question-sets');
  }, 120_000);

  it('previews a pasted guide: counts, questions with their lines, warnings and skipped lines', async () => {
    await page.getByRole('link', { name: 'Import a guide' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Import a guide' }).waitFor();
    await checkPage(page, 'import-empty');
    await page.getByLabel('Guide', { exact: true }).fill(GUIDE);
    await page.getByRole('button', { name: 'Preview import' }).click();
    const report = page.getByRole('region', { name: 'Import report' });
    await report.waitFor();
    expect(await report.locator('.stats dd').allTextContents()).toEqual(['4', '7', '9']);
    expect(await report.getByText(SET_NAME).count()).toBe(1);
    const found = report.locator('.found-list > li');
    expect(await found.count()).toBe(4);
    expect(await found.nth(1).innerText()).toMatch(/Line 10[\s\S]*four seconds[\s\S]*Technical[\s\S]*No criteria/);
    expect(await found.nth(2).innerText()).toContain('Behavioral');
    expect(await found.nth(3).innerText()).toContain('Situational');
    expect(await report.getByText('One question has no “what to look for” criteria').count()).toBe(1);
    const warnings = report.locator('.report-lines--warn');
    expect(await warnings.innerText()).toMatch(/Line 10\s*Question 2 has no "what to look for" criteria/);
    await report.getByText('Lines skipped').click();
    expect(await report.locator('.report-lines--muted').innerText()).toMatch(/Line 27\s*Skipped: "Book a demo/);
    // a line number puts the caret on that line of the guide
    await warnings.getByRole('button', { name: 'Line 10' }).click();
    const selected = await page
      .getByLabel('Guide', { exact: true })
      .evaluate((el: HTMLTextAreaElement) => el.value.slice(el.selectionStart, el.selectionEnd));
    expect(selected).toMatch(/^An app takes four seconds/);
    await checkPage(page, 'import-preview');
  }, 120_000);

  it('saves the guide as a draft and opens it in the editor', async () => {
    await page.getByRole('button', { name: /Save as draft \(4 questions\)/ }).click();
    await page.waitForURL(/\/question-sets\/[0-9a-f-]{36}$/);
    setUrl = page.url();
    await page.getByRole('heading', { level: 1, name: SET_NAME }).waitFor();
    await page.getByText(`Saved "${SET_NAME}" as a draft with 4 questions`).waitFor();
    expect(await prompts(page)).toEqual([
      'How would you design',
      'An app takes four se',
      'Tell me about a rele',
      'A designer hands you',
    ]);
    await checkPage(page, 'question-set-draft');
  }, 60_000);

  it('refuses to publish while a question lacks criteria, and says which one', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Not published yet' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('one question needs “what to look for” criteria');
    await checkPage(page, 'publish-blocked');
    await alert.getByRole('button', { name: /Question 2: An app takes four seconds/ }).click();
    const form = page.getByRole('form', { name: 'Edit question' });
    await form.getByLabel('Criterion 1', { exact: true }).fill('Measures before optimising');
    await form.getByRole('button', { name: 'Add criterion' }).click();
    await form.getByLabel('Criterion 2', { exact: true }).fill('Defers work that is not needed for the first frame');
    await checkPage(page, 'question-edit');
    await form.getByRole('button', { name: 'Save question' }).click();
    await page.getByText('Question saved').waitFor();
    await alert.waitFor({ state: 'detached' });
    const second = page.locator('.question-card').nth(1);
    expect(await second.innerText()).toMatch(/Measures before optimising[\s\S]*Defers work/);
  }, 60_000);

  it('reorders by keyboard and by drag, and keeps the order after a reload', async () => {
    const handle = page.getByRole('button', { name: /^Question 1 of 4\./ });
    await handle.focus();
    const reordered = page.waitForResponse((r) => r.url().endsWith('/questions/reorder') && r.status() === 200);
    await page.keyboard.press('Alt+ArrowDown');
    await reordered;
    expect(await prompts(page)).toEqual([
      'An app takes four se',
      'How would you design',
      'Tell me about a rele',
      'A designer hands you',
    ]);
    // focus follows the moved question, so it can be moved again
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Question 2 of 4\./);

    // tall enough that source and target are both on screen: a drag does not scroll the page
    await page.setViewportSize({ width: 1360, height: 2000 });
    const dragged = page.waitForResponse((r) => r.url().endsWith('/questions/reorder') && r.status() === 200);
    await page
      .locator('.question-card')
      .nth(3)
      .dragTo(page.locator('.question-card').nth(0), {
        sourcePosition: { x: 20, y: 20 },
        targetPosition: { x: 200, y: 30 },
      });
    await dragged;
    await page.setViewportSize({ width: 1360, height: 900 });
    expect(await prompts(page)).toEqual([
      'A designer hands you',
      'An app takes four se',
      'How would you design',
      'Tell me about a rele',
    ]);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: SET_NAME }).waitFor();
    expect(await prompts(page)).toEqual([
      'A designer hands you',
      'An app takes four se',
      'How would you design',
      'Tell me about a rele',
    ]);
  }, 60_000);

  it('says so when someone else changed the set meanwhile (409), and reloads their change', async () => {
    const token = await apiToken(app.url, 'recruiter');
    const id = setUrl.split('/').pop()!;
    const auth = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const current = (await (await fetch(`${app.url}/api/v1/question-sets/${id}`, { headers: auth })).json()) as {
      revision: number;
    };
    const patched = await fetch(`${app.url}/api/v1/question-sets/${id}`, {
      method: 'PATCH',
      headers: auth,
      body: JSON.stringify({ revision: current.revision, level: 'Senior' }),
    });
    expect(patched.status).toBe(200);

    await page.getByRole('button', { name: 'Move question 1 down' }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'Someone else changed this set' });
    await banner.waitFor();
    // the optimistic move is undone: the page shows the order the server has
    expect((await prompts(page))[0]).toBe('A designer hands you');
    await checkPage(page, 'question-set-conflict');
    await banner.getByRole('button', { name: 'Reload latest' }).click();
    await banner.waitFor({ state: 'detached' });
    await page.getByText('Mobile Engineer · Senior').first().waitFor();
  }, 60_000);

  it('publishes, and the set shows as published in the list', async () => {
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Published: hiring managers can now use this set').waitFor();
    await page.getByRole('button', { name: 'Edit as version 2' }).waitFor();
    expect(await page.locator('.page-header .badge').innerText()).toBe('Published');
    await checkPage(page, 'question-set-published');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Question sets' }).click();
    await page.getByLabel('Search question sets').fill('offline sync');
    await page.waitForURL(/q=offline\+sync/);
    const rows = page.getByRole('list', { name: 'question sets' }).getByRole('link');
    await rows.first().filter({ hasText: SET_NAME }).waitFor();
    // the unfiltered list (newest set first) stays up until the search answers
    await rows.nth(1).waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/Published[\s\S]*v1[\s\S]*Mobile Engineer/);
    await checkPage(page, 'question-sets-search');
  }, 60_000);

  it('shows which interviews use a set', async () => {
    await page.getByLabel('Search question sets').fill('');
    await page.getByRole('link', { name: /Backend Engineer — core loop/ }).click();
    const usedBy = page
      .locator('section.card')
      .filter({ has: page.getByRole('heading', { name: 'Used by interviews' }) });
    await usedBy.getByText('Jordan Rivera').waitFor();
    // Jordan's technical interview is at 10:00 in New York: 15:00 for a recruiter in London
    const text = await usedBy.innerText();
    expect(text).toMatch(
      /Jordan Rivera\s*scheduled\s*Senior Backend Engineer · Technical interview\s*\d+ \w+ \d{4}, 15:00/i,
    );
    // the demo's held interviews use the set too, done and with their scorecards in
    expect(text).toMatch(
      /Alex Chen\s*completed\s*Senior Backend Engineer · Technical interview\s*\d+ \w+ \d{4}, 10:00/i,
    );
    expect(text).toMatch(/Morgan Lee\s*completed/i);
    await checkPage(page, 'question-set-used-by');
  }, 60_000);

  it('works at phone width: the list, and the navigation behind the menu button', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(`${app.url}/question-sets`);
    await page.getByRole('heading', { level: 1, name: 'Question sets' }).waitFor();
    await page.getByRole('link', { name: /Backend Engineer — core loop/ }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await checkPage(page, 'question-sets-phone');
    await page.getByRole('button', { name: 'Open menu' }).click();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Import a guide' })
      .waitFor({ state: 'visible' });
    await checkPage(page, 'navigation-phone');
    await page.goto(setUrl);
    await page.getByRole('heading', { level: 1, name: SET_NAME }).waitFor();
    await checkPage(page, 'question-set-phone');
  }, 60_000);
});
