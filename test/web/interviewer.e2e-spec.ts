import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { Client } from 'pg';
import {
  apiToken,
  checkPage,
  databaseUrl,
  DEMO,
  launchBrowser,
  signInAs,
  startApp,
  type Browser,
  type RunningApp,
} from './support';

const THEO = { email: 'theo.panelist@example.com', name: 'Theo Panelist', password: 'theo-password-42' };
const INES_SUMMARY = 'Clear thinker on failure modes; would like more depth on query planning.';
const THEO_Q3_NOTES = 'Told the story of a bad migration: owned it, wrote the postmortem, added a canary stage.';
const THEO_SUMMARY = 'Strong ownership and sensible trade-offs, typed while the network was down.';

interface ServerScorecard {
  status: string;
  overallRecommendation: string | null;
  summary: string | null;
  questions: Array<{
    questionId: string;
    prompt: string;
    notes: string | null;
    criteria: Array<{ label: string; rating: number | null }>;
    followUps: Array<{ prompt: string; asked: boolean }>;
  }>;
}

async function login(url: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function apiCall<T>(url: string, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${url}/api/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

async function signInWith(page: Page, url: string, email: string, password: string): Promise<void> {
  await page.goto(`${url}/sign-in`);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('navigation', { name: 'Main' }).waitFor();
}

const status = (page: Page) => page.locator('.iv-savebar .iv-status');
/** Waits until every change is acknowledged by the server ("Saved 10:42"). */
async function saved(page: Page): Promise<void> {
  await page.waitForFunction(
    () => /^Saved \d/.test(document.querySelector('.iv-savebar .iv-status')?.textContent ?? ''),
    undefined,
    { timeout: 20_000 },
  );
}
const criterion = (page: Page, label: string) => page.getByRole('radiogroup', { name: label, exact: true });
const rate = (page: Page, label: string, option: string) =>
  criterion(page, label).getByRole('radio', { name: option, exact: true }).click();
const checked = async (page: Page, label: string) =>
  criterion(page, label).locator('[aria-checked="true"]').getAttribute('aria-label');

describe('the interviewer journey in the browser', () => {
  let app: RunningApp;
  let ines: Browser;
  let theo: Browser;
  let inesPage: Page;
  let theoPage: Page;
  let interviewId: string;
  let theoToken: string;
  let inesId: string;
  let samId: string;
  let jordanId: string;

  beforeAll(async () => {
    app = await startApp();
    const admin = await apiToken(app.url, 'admin');
    const manager = await apiToken(app.url, 'hiring_manager');
    // a second interviewer, and an interview whose questions are split between the two
    const theoUser = await apiCall<{ id: string }>(app.url, admin, 'POST', '/users', {
      email: THEO.email,
      name: THEO.name,
      password: THEO.password,
      roles: ['interviewer'],
      timezone: 'Europe/Paris',
    });
    inesId = (
      await apiCall<{ items: Array<{ userId: string; email: string }> }>(
        app.url,
        manager,
        'GET',
        '/interviewers?q=ines',
      )
    ).items.find((i) => i.email === DEMO.interviewer)!.userId;
    const candidates = (
      await apiCall<{ items: Array<{ id: string; name: string }> }>(app.url, manager, 'GET', '/candidates?limit=50')
    ).items;
    const sam = candidates.find((c) => c.name === 'Sam Okafor')!;
    samId = sam.id;
    jordanId = candidates.find((c) => c.name === 'Jordan Rivera')!.id;
    const setId = (
      await apiCall<{ items: Array<{ id: string; name: string }> }>(
        app.url,
        manager,
        'GET',
        '/question-sets?status=published&limit=50',
      )
    ).items.find((s) => s.name.startsWith('Backend Engineer'))!.id;
    const questions = (
      await apiCall<{ questions: Array<{ id: string }> }>(app.url, manager, 'GET', `/question-sets/${setId}`)
    ).questions;
    const start = new Date(Date.now() + 2 * 3_600_000);
    start.setUTCMinutes(0, 0, 0);
    const interview = await apiCall<{ id: string }>(app.url, manager, 'POST', '/interviews', {
      candidateId: sam.id,
      stage: 'onsite',
      title: 'Onsite interview',
      start: start.toISOString(),
      durationMinutes: 60,
      timezone: 'Europe/Berlin',
      meetingUrl: 'https://meet.example.com/sam-onsite',
      panel: [
        { userId: inesId, role: 'lead' },
        { userId: theoUser.id, role: 'shadow' },
      ],
      questions: questions.map((q, i) => ({ questionId: q.id, askedBy: i < 2 ? inesId : theoUser.id })),
      allowConflicts: true,
    });
    interviewId = interview.id;
    // scorecards are submitted once the interview has started: it began a few minutes ago, as the clock would have it
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '55 minutes' WHERE id = $1`,
        [interviewId],
      );
    } finally {
      await db.end();
    }
    theoToken = await login(app.url, THEO.email, THEO.password);
    ines = await launchBrowser();
    theo = await launchBrowser();
    inesPage = await ines.newPage();
    theoPage = await theo.newPage();
  }, 300_000);
  afterAll(async () => {
    await ines?.close();
    await theo?.close();
    await app?.stop();
  }, 60_000);

  it('lands on My interviews: the next interview first, in my timezone, with only the interviewing navigation', async () => {
    await signInAs(inesPage, app.url, 'interviewer');
    await inesPage.waitForURL(/\/my-interviews$/);
    await inesPage.getByRole('heading', { level: 1, name: 'My interviews' }).waitFor();
    const nav = inesPage.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(['My interviews']);
    const next = inesPage.getByRole('article', { name: /^Next: Onsite interview with Sam Okafor/ });
    await next.waitFor();
    // Ines is in New York: the time shown is in her zone, not in Berlin's
    expect(await next.innerText()).toMatch(/E[SD]T|GMT-[45]/);
    await inesPage.getByRole('list', { name: 'Later interviews' }).getByText('Jordan Rivera').waitFor();
    await inesPage.getByText('You are all caught up').waitFor();
    await checkPage(inesPage, 'my-interviews');
  }, 120_000);

  it('opens the kit: questions in order with follow-ups, criteria, the panel and my role', async () => {
    await inesPage
      .getByRole('article', { name: /^Next:/ })
      .getByRole('link', { name: 'Open interview kit' })
      .click();
    await inesPage.waitForURL(new RegExp(`/interviews/${interviewId}$`));
    await inesPage.getByRole('heading', { level: 1, name: 'Sam Okafor · Onsite interview' }).waitFor();
    const questions = inesPage.locator('.iv-kit__questions > li');
    expect(await questions.count()).toBe(4);
    expect(await questions.nth(0).innerText()).toMatch(
      /You ask this[\s\S]*idempotent payment-capture[\s\S]*Follow-ups[\s\S]*idempotency key[\s\S]*What to look for[\s\S]*Defines idempotency precisely/i,
    );
    expect(await questions.nth(2).innerText()).toContain('Theo Panelist asks');
    const panel = inesPage.getByRole('region', { name: 'Panel' });
    expect(await panel.innerText()).toMatch(
      /Ines Interviewer \(you\)[\s\S]*2 questions[\s\S]*Lead[\s\S]*Theo Panelist[\s\S]*2 questions[\s\S]*Shadow/,
    );
    await inesPage.getByRole('link', { name: /Join the call/ }).waitFor();
    const download = inesPage.waitForEvent('download');
    await inesPage.getByRole('button', { name: 'Add to calendar' }).click();
    expect((await download).suggestedFilename()).toBe('interview-sam-okafor.ics');
    await checkPage(inesPage, 'interview-kit');
  }, 60_000);

  it('fills the scorecard with the mouse and with keyboard shortcuts, and autosaves', async () => {
    await inesPage.getByRole('link', { name: 'Open scorecard' }).click();
    await inesPage.waitForURL(/\/scorecard$/);
    await inesPage.getByRole('heading', { level: 1, name: 'Scorecard · Sam Okafor' }).waitFor();
    // the mouse
    await rate(inesPage, 'Defines idempotency precisely', '4 Strong yes');
    await rate(inesPage, 'Handles concurrent duplicates', '3 Yes');
    await rate(inesPage, 'Considers failure between steps', '2 No');
    await inesPage.getByLabel('Where do you store the idempotency key, and for how long?').check();
    await inesPage.getByLabel('Notes on question 1').fill('Reached for a unique constraint straight away.');
    // the keyboard: a digit rates the focused criterion, arrows move along the scale
    await criterion(inesPage, 'Starts from evidence').getByRole('radio').first().focus();
    await inesPage.keyboard.press('3');
    expect(await checked(inesPage, 'Starts from evidence')).toBe('3 Yes');
    await inesPage.keyboard.press('ArrowRight');
    expect(await checked(inesPage, 'Starts from evidence')).toBe('4 Strong yes');
    await inesPage.keyboard.press('Tab'); // the N/A button
    await inesPage.keyboard.press('Tab'); // the next criterion
    await inesPage.keyboard.press('2');
    expect(await checked(inesPage, 'Knows index and planner basics')).toBe('2 No');
    await inesPage.keyboard.press('Tab');
    await inesPage.keyboard.press('Tab');
    await inesPage.keyboard.press('3');
    expect(await checked(inesPage, 'Prevents recurrence')).toBe('3 Yes');
    await inesPage.getByLabel('Summary for the hiring team').fill(INES_SUMMARY);
    await saved(inesPage);
    expect(await status(inesPage).innerText()).toMatch(/^Saved \d{1,2}:\d{2}/);
  }, 60_000);

  it('lists what is missing before submitting, next to the items', async () => {
    await inesPage
      .getByRole('region', { name: 'Scorecard status' })
      .getByRole('button', { name: 'Submit scorecard' })
      .click();
    const alert = inesPage.getByRole('alert').filter({ hasText: 'Still missing' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Still missing one item\s*Overall recommendation/);
    await inesPage.getByText('Choose a recommendation before submitting.').waitFor();
    // the server was not asked to submit: the scorecard is still a draft
    const ines = await apiToken(app.url, 'interviewer');
    expect(
      (await apiCall<ServerScorecard>(app.url, ines, 'GET', `/interviews/${interviewId}/scorecards/mine`)).status,
    ).toBe('draft');
    await rate(inesPage, 'Your recommendation', '3 Yes');
    await alert.waitFor({ state: 'detached' });
    await saved(inesPage);
    await checkPage(inesPage, 'scorecard');
  }, 60_000);

  it('submits; the panel stays hidden until the other panelist submits too', async () => {
    await inesPage
      .getByRole('region', { name: 'Scorecard status' })
      .getByRole('button', { name: 'Submit scorecard' })
      .click();
    await inesPage
      .locator('.iv-done__banner')
      .getByText(/^Submitted \d/)
      .waitFor();
    await inesPage.getByRole('article', { name: 'Your scorecard' }).getByText(INES_SUMMARY).waitFor();
    await inesPage.getByText('Not submitted yet · hidden until they do').waitFor();
    expect(await inesPage.getByRole('article', { name: 'Theo Panelist’s scorecard' }).count()).toBe(0);
  }, 60_000);

  it('the second interviewer fills on a phone, loses the network mid-way, and nothing is lost', async () => {
    await signInWith(theoPage, app.url, THEO.email, THEO.password);
    await theoPage
      .getByRole('article', { name: /^Next: Onsite interview with Sam Okafor/ })
      .getByRole('link', { name: 'Scorecard' })
      .click();
    await theoPage.getByRole('heading', { level: 1, name: 'Scorecard · Sam Okafor' }).waitFor();
    await theoPage.setViewportSize({ width: 375, height: 812 });
    // blind: Ines has submitted, but Theo sees nothing of hers before he submits
    expect(await theoPage.getByText(INES_SUMMARY).count()).toBe(0);
    const board = await apiCall<{ blind: boolean; items: unknown[] }>(
      app.url,
      theoToken,
      'GET',
      `/interviews/${interviewId}/scorecards`,
    );
    expect(board.blind).toBe(true);
    expect(await theoPage.getByRole('radiogroup', { name: 'Defines idempotency precisely' }).count()).toBe(0); // Ines's question, folded away

    await rate(theoPage, 'Owns the mistake', '4 Strong yes');
    await saved(theoPage);

    await theo.context.setOffline(true);
    await rate(theoPage, 'Structured incident response', '3 Yes');
    await criterion(theoPage, 'Lasting improvement').getByRole('radio').first().focus();
    await theoPage.keyboard.press('4');
    await theoPage.getByLabel('What did you change in how you work afterwards?').check();
    await theoPage.getByLabel('Notes on question 3').pressSequentially(THEO_Q3_NOTES, { delay: 2 });
    await criterion(theoPage, 'Makes the trade-offs explicit').getByRole('radio').first().focus();
    await theoPage.keyboard.press('3');
    await rate(theoPage, 'Proposes options instead of a flat no', '4 Strong yes');
    await rate(theoPage, 'Involves the right people early', '2 No');
    await rate(theoPage, 'Your recommendation', '4 Strong yes');
    await theoPage.getByLabel('Summary for the hiring team').fill(THEO_SUMMARY);
    await theoPage.waitForFunction(
      () =>
        document
          .querySelector('.iv-savebar .iv-status')
          ?.textContent?.startsWith('Offline — your changes are kept on this device'),
      undefined,
      { timeout: 20_000 },
    );
    // kept on the device until the server has it
    const stored = await theoPage.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith('scorecards.draft.'))
        .map((k) => localStorage.getItem(k) ?? ''),
    );
    expect(stored.join('')).toContain('added a canary stage');
    await checkPage(theoPage, 'scorecard-offline-phone');

    await theo.context.setOffline(false);
    await saved(theoPage);
    const card = await apiCall<ServerScorecard>(
      app.url,
      theoToken,
      'GET',
      `/interviews/${interviewId}/scorecards/mine`,
    );
    const ratings = Object.fromEntries(card.questions.flatMap((q) => q.criteria.map((c) => [c.label, c.rating])));
    expect(ratings).toMatchObject({
      'Owns the mistake': 4,
      'Structured incident response': 3,
      'Lasting improvement': 4,
      'Makes the trade-offs explicit': 3,
      'Proposes options instead of a flat no': 4,
      'Involves the right people early': 2,
    });
    const q3 = card.questions.find((q) => q.prompt.startsWith('Tell me about a time'))!;
    expect(q3.notes).toBe(THEO_Q3_NOTES);
    expect(q3.followUps.filter((f) => f.asked).map((f) => f.prompt)).toEqual([
      'What did you change in how you work afterwards?',
    ]);
    expect(card.summary).toBe(THEO_SUMMARY);
    expect(card.overallRecommendation).toBe('strong_yes');
    expect(
      await theoPage.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('scorecards.draft.')).length),
    ).toBe(0);
    const overflow = await theoPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    // the longest scale word ("Strong yes") fits its button on a phone
    const clipped = await theoPage.$$eval('.iv-scale__opt', (els) =>
      els.filter((b) => b.scrollWidth > b.clientWidth + 1).map((b) => b.getAttribute('aria-label')),
    );
    expect(clipped).toEqual([]);
    await checkPage(theoPage, 'scorecard-phone');
  }, 120_000);

  it('after both submitted, each sees the other’s scorecard', async () => {
    await theoPage
      .getByRole('region', { name: 'Scorecard status' })
      .getByRole('button', { name: 'Submit scorecard' })
      .click();
    await theoPage
      .locator('.iv-done__banner')
      .getByText(/^Submitted \d/)
      .waitFor();
    await theoPage.getByRole('article', { name: 'Ines Interviewer’s scorecard' }).getByText(INES_SUMMARY).waitFor();
    await theoPage.setViewportSize({ width: 1360, height: 900 });

    await inesPage.reload();
    const theirs = inesPage.getByRole('article', { name: 'Theo Panelist’s scorecard' });
    await theirs.waitFor().catch(async (e) => {
      throw new Error(`${e}\n${inesPage.url()}\n${await inesPage.locator('body').innerText()}`);
    });
    expect(await theirs.innerText()).toMatch(/Strong yes[\s\S]*Owns the mistake\s*4 · Strong yes/);
    await theirs.getByText(THEO_Q3_NOTES).waitFor();
    await checkPage(inesPage, 'scorecard-submitted');
  }, 60_000);

  it('lists the scorecards I owe from one request, overdue ones first with their badge, however old', async () => {
    const manager = await apiToken(app.url, 'hiring_manager');
    const schedule = (candidateId: string, title: string, hoursAhead: number) =>
      apiCall<{ id: string }>(app.url, manager, 'POST', '/interviews', {
        candidateId,
        stage: 'technical',
        title,
        start: new Date(Date.now() + hoursAhead * 3_600_000).toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: [{ userId: inesId, role: 'lead' }],
        allowConflicts: true,
      });
    // the API schedules only in the future: schedule, then move the times into the past as the clock would
    const old = await schedule(jordanId, 'Architecture deep dive', 50);
    const recent = await schedule(samId, 'Pairing session', 51);
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '70 days 45 minutes', ends_at = now() - interval '70 days', feedback_due_at = now() - interval '69 days' WHERE id = $1`,
        [old.id],
      );
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '75 minutes', feedback_due_at = now() + interval '2 days' WHERE id = $1`,
        [recent.id],
      );
    } finally {
      await db.end();
    }

    const requests: string[] = [];
    inesPage.on('request', (r) => {
      if (r.url().includes('scorecards')) requests.push(r.url());
    });
    await inesPage.goto(`${app.url}/my-interviews`);
    const list = inesPage.getByRole('list', { name: 'Scorecards to write' });
    await list.waitFor();
    const rows = list.getByRole('listitem');
    expect(await rows.count()).toBe(2);
    // most urgent first: the 70-day-old one (beyond the old 60-day look-back), with its badge
    expect(await rows.nth(0).innerText()).toMatch(
      /Jordan Rivera\s*· Architecture deep dive[\s\S]*Overdue · was due 2 months ago[\s\S]*Not started/,
    );
    expect(await rows.nth(0).locator('.iv-pill--danger').innerText()).toMatch(/^Overdue/);
    expect(await rows.nth(1).innerText()).toMatch(/Sam Okafor\s*· Pairing session[\s\S]*Due in 2 days/);
    expect(await rows.nth(1).locator('.iv-pill--danger').count()).toBe(0);
    const section = inesPage.getByRole('region', { name: /Scorecards to write/ });
    expect(await inesPage.locator('#owed-title .count').innerText()).toBe('2');
    await section.getByText('1 overdue').waitFor();
    // one request for the list, none per interview
    expect(requests.filter((u) => u.includes('/pending-scorecards'))).toHaveLength(1);
    expect(requests.filter((u) => /\/interviews\/[^/]+\/scorecards/.test(u))).toHaveLength(0);
    await checkPage(inesPage, 'my-interviews-owed');

    await rows
      .nth(0)
      .getByRole('link', { name: /^Write scorecard for Jordan Rivera/ })
      .click();
    await inesPage.waitForURL(new RegExp(`/interviews/${old.id}/scorecard$`));
    await inesPage.getByRole('heading', { level: 1, name: 'Scorecard · Jordan Rivera' }).waitFor();
    await inesPage.goBack();
    // opening it created the draft: the row says so
    await list.getByRole('link', { name: /^Finish scorecard for Jordan Rivera/ }).waitFor();
    expect(await list.getByRole('listitem').nth(0).innerText()).toMatch(/Draft saved/);
  }, 120_000);
});
