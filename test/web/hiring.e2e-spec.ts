import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  apiCalls,
  apiToken,
  checkPage,
  closeAppInBrowser,
  databaseUrl,
  openAppInBrowser,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

const PASSWORD = 'panel-password-1';
const HM_TZ = 'Europe/Berlin'; // the demo hiring manager's timezone

interface Panelist {
  id: string;
  name: string;
  email: string;
  token: string;
}

/** A date 15–21 days ahead on a Wednesday: clear of the demo interview (next Tuesday) and of weekends. */
function futureWednesday(offsetWeeks = 0): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 14 + 7 * offsetWeeks);
  while (d.getUTCDay() !== 3) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Polls until the condition holds (the page re-sorts after the API answers). */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** How the page shows a time (the browser runs with the en-GB locale, the user in Berlin). */
const shown = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: HM_TZ }).format(new Date(iso));

describe('the hiring manager journey in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let hm: string;
  let admin: string;
  let ines: Panelist;
  let theo: Panelist;
  let priya: Panelist;
  let positionId: string;
  let jordanId: string;
  let samId: string;
  let coreSetId: string;
  let scheduledId: string;
  const day = futureWednesday();

  const { ok, login } = apiCalls(() => app.url);
  const newInterviewer = async (name: string, email: string): Promise<Panelist> => {
    const u = await ok<{ id: string }>(admin, 'POST', '/users', {
      email,
      name,
      password: PASSWORD,
      roles: ['interviewer'],
      timezone: 'Europe/London',
    });
    return { id: u.id, name, email, token: await login(email, PASSWORD) };
  };

  /** A panelist fills every criterion of their scorecard (a rating per question type) and submits it. */
  const fillAndSubmit = async (
    who: Panelist,
    interviewId: string,
    byType: Record<string, number>,
    recommendation: string,
  ) => {
    const card = await ok<any>(who.token, 'GET', `/interviews/${interviewId}/scorecards/mine`);
    const ratings = card.questions.flatMap((q: any) =>
      q.criteria.map((c: any, i: number) => ({
        questionId: q.questionId,
        criterionId: c.criterionId,
        rating: Math.max(1, Math.min(4, byType[q.type] - (i % 3 === 2 ? 1 : 0))),
      })),
    );
    const saved = await ok<any>(who.token, 'PUT', `/interviews/${interviewId}/scorecards/mine`, {
      version: card.version,
      ratings,
      overallRecommendation: recommendation,
      summary: `${who.name}'s summary`,
    });
    await ok(who.token, 'POST', `/interviews/${interviewId}/scorecards/mine/submit`, { version: saved.version });
  };

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    hm = await apiToken(app.url, 'hiring_manager');
    admin = await apiToken(app.url, 'admin');
    const inesUser = (await ok<any>(hm, 'GET', '/interviewers?q=Ines')).items[0];
    ines = {
      id: inesUser.userId,
      name: inesUser.name,
      email: inesUser.email,
      token: await apiToken(app.url, 'interviewer'),
    };
    theo = await newInterviewer('Theo Okonkwo', 'theo@example.com');
    priya = await newInterviewer('Priya Raman', 'priya@example.com');
    const candidates = (await ok<any>(hm, 'GET', '/candidates?limit=50')).items as Array<{
      id: string;
      name: string;
      positionId: string;
    }>;
    jordanId = candidates.find((c) => c.name === 'Jordan Rivera')!.id;
    samId = candidates.find((c) => c.name === 'Sam Okafor')!.id;
    positionId = candidates.find((c) => c.name === 'Jordan Rivera')!.positionId;
    coreSetId = (await ok<any>(hm, 'GET', `/question-sets?status=published&q=${encodeURIComponent('core loop')}`))
      .items[0].id;
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('signs in and lands on the home page, then opens the positions from the hiring navigation', async () => {
    await signInAs(page, app.url, 'hiring_manager');
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Positions' }).click();
    await page.waitForURL(/\/positions$/);
    await page.getByRole('heading', { level: 1, name: 'Positions' }).waitFor();
    await page.getByRole('link', { name: /Senior Backend Engineer/ }).waitFor();
    const nav = page.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('link').allTextContents()).toEqual(
      expect.arrayContaining(['Home', 'Positions', 'Candidates', 'Schedule interview']),
    );
    await checkPage(page, 'positions');

    await page.getByRole('link', { name: /Senior Backend Engineer/ }).click();
    const jordan = page.getByRole('region', { name: 'Jordan Rivera' });
    await jordan.getByRole('link', { name: /Technical interview/ }).waitFor();
    // the demo's five candidates: Jordan, Sam, Alex, Morgan and Casey
    expect(await page.getByRole('list', { name: 'Candidates' }).getByRole('region').count()).toBe(5);
    await page.getByRole('region', { name: 'Morgan Lee' }).waitFor();
  }, 120_000);

  it('journey A: schedules with a panel of two and split questions, after a clash warning', async () => {
    // someone else's interview for Theo at 14:00 Berlin that day
    const clash = await ok<any>(hm, 'POST', '/interviews', {
      candidateId: samId,
      stage: 'technical',
      start: `${day}T14:00`,
      timezone: HM_TZ,
      durationMinutes: 60,
      panel: [{ userId: theo.id, role: 'lead' }],
      questions: [{ setId: coreSetId }],
    });

    await page
      .getByRole('region', { name: 'Jordan Rivera' })
      .getByRole('link', { name: 'Schedule', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Schedule an interview' }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill(day);
    await page.getByLabel('Start time', { exact: true }).fill('14:30');
    expect(await page.getByLabel('Timezone', { exact: true }).inputValue()).toBe(HM_TZ);
    await page.getByLabel('Meeting link').fill('https://meet.example.com/jordan-onsite');

    await page.getByRole('checkbox', { name: /Ines Interviewer/ }).check();
    await page.getByRole('checkbox', { name: /Theo Okonkwo/ }).check();
    // the load of the interview's week next to each name; Theo is busy at 14:30 (his 14:00–15:00 interview)
    const theoRow = page.locator('.hm-person-row').filter({ hasText: 'Theo Okonkwo' });
    expect(await theoRow.innerText()).toMatch(/\d+ of \d+ (this week|in the week of )/);
    await theoRow.getByText(/Already booked for “Technical interview” with Sam Okafor/).waitFor();
    // the first ticked leads, the second is a full panelist (shadowing is chosen explicitly)
    expect(await page.getByRole('radio', { name: 'Lead' }).first().isChecked()).toBe(true);
    expect(await theoRow.getByRole('radio', { name: 'Panelist' }).isChecked()).toBe(true);
    // Ines works 09:00–17:00 in New York: her local time of the slot, and a warning when it is outside
    const inesRow = page.locator('.hm-person-row').filter({ hasText: 'Ines Interviewer' });
    const slot = new Date(
      Date.parse(`${day}T14:30:00Z`) -
        (Date.parse(new Date(`${day}T14:30:00Z`).toLocaleString('en-US', { timeZone: HM_TZ })) -
          Date.parse(new Date(`${day}T14:30:00Z`).toLocaleString('en-US', { timeZone: 'UTC' }))),
    );
    const inesLocal = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'America/New_York',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).format(slot);
    await inesRow.getByText(`${inesLocal} in New York`).first().waitFor();
    if (Number(inesLocal.slice(-5, -3)) < 9) await inesRow.getByText(/Outside their working hours/).waitFor();
    await theoRow.locator('label.hm-role__opt', { hasText: 'Shadow' }).click();
    expect(await theoRow.getByRole('radio', { name: 'Shadow' }).isChecked()).toBe(true);

    const setValue = await page
      .locator('#question-set option', { hasText: 'Backend Engineer — core loop' })
      .getAttribute('value');
    await page.getByLabel('Question set').selectOption(setValue!);
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByRole('button', { name: 'Split evenly' }).click();
    const askers = page.locator('.hm-split__row select');
    expect(await askers.count()).toBe(4);
    expect(
      await askers.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).selectedOptions[0].textContent)),
    ).toEqual(['Ines Interviewer', 'Theo Okonkwo', 'Ines Interviewer', 'Theo Okonkwo']);

    // the API refuses the clash in words, naming the interviewer and the interview
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'That time clashes with another interview' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Theo Okonkwo is already booked for “Technical interview”');
    await alert.getByRole('button', { name: 'Schedule anyway' }).waitFor();
    const summary = page.getByRole('complementary', { name: 'Summary' });
    expect(await summary.innerText()).toMatch(/Theo Okonkwo\s*shadow\s*2 questions/i);
    await checkPage(page, 'schedule-interview');

    // another time answers it
    await page.getByLabel('Start time', { exact: true }).fill('16:00');
    await alert.waitFor({ state: 'detached' });
    await theoRow.getByText(/Already booked/).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.waitForURL(/\/hiring\/interviews\/[0-9a-f-]{36}$/);
    scheduledId = page.url().split('/').pop()!;
    expect(scheduledId).not.toBe(clash.id);

    await page.getByRole('heading', { level: 1, name: 'Technical interview' }).waitFor();
    const questions = page.getByRole('list', { name: 'Questions' });
    expect(await questions.getByText('Asked by Theo Okonkwo').count()).toBe(2);
    expect(await questions.getByText('Asked by Ines Interviewer').count()).toBe(2);
    const kit = await ok<any>(hm, 'GET', `/interviews/${scheduledId}`);
    expect(kit.scheduled.start.slice(0, 16)).toBe(`${day}T16:00`);
    expect(await page.getByTestId('interview-local-time').innerText()).toContain(shown(kit.start));
  }, 180_000);

  it('journey A: shows the reminders, reschedules, and the reminders move', async () => {
    const reminders = page.getByRole('list', { name: 'Reminders' });
    await reminders.waitFor();
    const before = await ok<any>(hm, 'GET', `/interviews/${scheduledId}/reminders`);
    expect(before.items.length).toBeGreaterThan(0);
    const prep = before.items.find((r: any) => r.kind === 'prep' && r.recipientId === theo.id) ?? before.items[0];
    await reminders
      .getByText(`Due ${shown(prep.dueAt)}`)
      .first()
      .waitFor();
    expect(await reminders.innerText()).toMatch(/Prep with the kit[\s\S]*To Theo Okonkwo/);
    await checkPage(page, 'interview-hm');

    // someone else changes the interview meanwhile: a friendly 409, then the latest version
    const current = await ok<any>(hm, 'GET', `/interviews/${scheduledId}`);
    await ok(hm, 'PATCH', `/interviews/${scheduledId}`, {
      revision: current.revision,
      location: 'Berlin office, room 4.2',
    });
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const form = page.getByRole('form', { name: 'Reschedule' });
    await form.getByLabel('New start time').fill('18:00');
    await form.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Someone else changed this interview' });
    await stale.waitFor();
    await stale.getByRole('button', { name: 'Load latest' }).click();
    await page.getByText('Berlin office, room 4.2').waitFor();

    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await form.getByLabel('New start time').fill('18:00');
    await form.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await page.getByText(/Rescheduled to .*; reminders moved/).waitFor();
    const after = await ok<any>(hm, 'GET', `/interviews/${scheduledId}/reminders`);
    const moved = after.items.find(
      (r: any) => r.kind === prep.kind && r.recipientId === prep.recipientId && r.status === 'scheduled',
    );
    expect(new Date(moved.dueAt).getTime() - new Date(prep.dueAt).getTime()).toBe(2 * 3_600_000);
    await reminders
      .getByText(`Due ${shown(moved.dueAt)}`)
      .first()
      .waitFor();
    expect(await reminders.getByText(`Due ${shown(prep.dueAt)}`).count()).toBe(0);
  }, 120_000);

  it('journey B: the candidate summary charts the submitted scorecards and names who owes one', async () => {
    // a panel of three for Jordan, starting now (an interview cannot be booked in the past) and
    // marked done once started, so feedback is owed: Ines and Theo submit, Priya has not yet
    const startsAt = new Date(Date.now() + 4000);
    const onsite = await ok<any>(hm, 'POST', '/interviews', {
      candidateId: jordanId,
      stage: 'onsite',
      title: 'Onsite: system design and collaboration',
      start: startsAt.toISOString(),
      timezone: HM_TZ,
      durationMinutes: 90,
      panel: [
        { userId: ines.id, role: 'lead' },
        { userId: theo.id, role: 'shadow' },
        { userId: priya.id, role: 'shadow' },
      ],
      questions: [{ setId: coreSetId }],
    });
    await new Promise((r) => setTimeout(r, Math.max(0, startsAt.getTime() - Date.now() + 500)));
    await ok(hm, 'POST', `/interviews/${onsite.id}/complete`, {});
    await fillAndSubmit(ines, onsite.id, { technical: 4, behavioral: 3, situational: 3 }, 'strong_yes');
    await fillAndSubmit(theo, onsite.id, { technical: 4, behavioral: 3, situational: 2 }, 'yes');
    // the interview scheduled in journey A and Sam's (Theo alone, for the comparison) are held by now, as the
    // clock would have it: scorecards are submitted once an interview has started
    const samInterview = (await ok<any>(hm, 'GET', `/interviews?candidateId=${samId}`)).items[0];
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours', feedback_due_at = now() + interval '1 day' WHERE id = ANY($1::uuid[])`,
        [[scheduledId, samInterview.id]],
      );
    } finally {
      await db.end();
    }
    // the interview scheduled in journey A: both submit
    await fillAndSubmit(ines, scheduledId, { technical: 3, behavioral: 4, situational: 3 }, 'yes');
    await fillAndSubmit(theo, scheduledId, { technical: 3, behavioral: 3, situational: 2 }, 'no');
    // Sam's interview (Theo alone) for the comparison
    await fillAndSubmit(theo, samInterview.id, { technical: 2, behavioral: 3, situational: 2 }, 'no');

    const api = await ok<any>(hm, 'GET', `/candidates/${jordanId}/feedback-summary`);
    await page.goto(`${app.url}/candidates/${jordanId}/summary`);
    await page.getByRole('heading', { level: 1, name: 'Jordan Rivera: feedback' }).waitFor();

    const byType = page.locator('svg#chart-by-type');
    await byType.waitFor();
    const typeLabel = (await byType.getAttribute('aria-label'))!;
    for (const g of api.byQuestionType.filter((x: any) => x.count > 0)) {
      const name = g.key[0].toUpperCase() + g.key.slice(1);
      expect(typeLabel).toContain(`${name} ${g.mean.toFixed(1)} of 4`);
      expect(await byType.locator(`rect.hm-bar[data-key="${g.key}"]`).getAttribute('data-value')).toBe(
        g.mean.toFixed(2),
      );
    }
    expect(api.byQuestionType.find((x: any) => x.key === 'technical').mean).toBeGreaterThan(
      api.byQuestionType.find((x: any) => x.key === 'situational').mean,
    );

    const byCompetency = page.locator('svg#chart-by-competency');
    const rated = api.byCompetency.filter((x: any) => x.count > 0);
    expect(rated.length).toBeGreaterThan(3);
    expect(await byCompetency.locator('rect.hm-bar').count()).toBe(rated.length);
    expect(await byCompetency.getAttribute('aria-label')).toContain('Ratings by competency');

    const recs = page.locator('svg#chart-recommendations');
    expect(await recs.getAttribute('aria-label')).toBe(
      'Overall recommendations: Strong no 0, No 1, Yes 2, Strong yes 1.',
    );
    expect(await recs.locator('rect[data-key="yes"]').getAttribute('data-value')).toBe('2');

    const agreement = page.locator('svg#chart-agreement');
    expect(await agreement.getAttribute('aria-label')).toMatch(/Krippendorff's alpha/);

    const missing = page.getByRole('list', { name: 'Missing scorecards' });
    expect(await missing.innerText()).toMatch(/Priya Raman[\s\S]*shadow[\s\S]*Onsite: system design/);
    expect(await missing.locator('li').count()).toBe(api.missing.length);
    expect(await page.getByRole('list', { name: 'Interviews in order' }).locator('li').count()).toBe(
      api.timeline.length,
    );
    await page.getByText('1 still to come').waitFor();
    await checkPage(page, 'candidate-summary');

    await page.setViewportSize({ width: 375, height: 812 });
    await page.reload();
    await page.locator('svg#chart-by-competency').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(page, 'candidate-summary-phone');
    await page.setViewportSize({ width: 1360, height: 900 });
  }, 180_000);

  it("journey B: compares the position's candidates, sorts them, and downloads the CSV", async () => {
    await page.goto(`${app.url}/positions/${positionId}/compare`);
    await page.getByRole('heading', { level: 1, name: 'Compare candidates' }).waitFor();
    const table = page.getByRole('table');
    await table.getByRole('link', { name: 'Jordan Rivera' }).waitFor();
    const names = async () => (await table.locator('tbody th a').allTextContents()).map((t) => t.trim());
    // by overall mean, highest first; Casey Nguyen has no scorecards yet, so comes last
    expect(await names()).toEqual(['Alex Chen', 'Morgan Lee', 'Jordan Rivera', 'Sam Okafor', 'Casey Nguyen']);
    await table.locator('th[aria-sort="descending"]', { hasText: 'Overall' }).waitFor();

    await table.getByRole('button', { name: /^Candidate/ }).click();
    await page.waitForURL(/sort=name&order=asc/);
    await table.locator('th[aria-sort="ascending"]', { hasText: 'Candidate' }).waitFor();
    await table.getByRole('button', { name: /^Candidate/ }).click();
    await table.locator('th[aria-sort="descending"]', { hasText: 'Candidate' }).waitFor();
    await until(async () => (await names()).join() === 'Sam Okafor,Morgan Lee,Jordan Rivera,Casey Nguyen,Alex Chen');
    await checkPage(page, 'position-comparison');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('senior-backend-engineer-feedback.csv');
    const csv = readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe(
      'Candidate,Interviews done,Scorecards submitted,Scorecards missing,Mean technical,Mean behavioral,Mean situational,Mean overall,' +
        'Strong no,No,Yes,Strong yes,Agreement (alpha),Pairable ratings,Agreement on recommendations (alpha),Pairable recommendations,' +
        '"Agreement on competencies (alpha, interval)",Pairable competency means',
    );
    const api = await ok<any>(hm, 'GET', `/positions/${positionId}/feedback-summary`);
    const jordan = api.rows.find((r: any) => r.candidate.name === 'Jordan Rivera');
    const row = lines.find((l) => l.startsWith('Jordan Rivera,'))!;
    expect(row.split(',').slice(0, 8)).toEqual([
      'Jordan Rivera',
      String(jordan.interviewsDone),
      '4',
      String(jordan.scorecardsMissing),
      jordan.meanByType.technical.toFixed(2),
      jordan.meanByType.behavioral.toFixed(2),
      jordan.meanByType.situational.toFixed(2),
      jordan.overallMean.toFixed(2),
    ]);
    expect(lines).toHaveLength(6);
  }, 120_000);
});
