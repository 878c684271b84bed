import { Client } from 'pg';
import type { Page } from 'playwright-core';
import {
  apiCalls,
  apiToken,
  checkPage,
  closeAppInBrowser,
  databaseUrl,
  openAppInBrowser,
  screenshot,
  signInAs,
  type Browser,
  type RunningApp,
} from './support';

const PASSWORD = 'panel-password-1';
const INES_NOTES = 'Walked through the retry path and the idempotency key without prompting; solid on failure modes.';
const THEO_NOTES = 'Needed hints for the idempotency key; unsure what happens when the capture times out.';
const SUMMARY: Record<string, string> = {
  strong_yes: 'Would hire: clear on failure modes, pragmatic about retries, asked good questions back.',
  yes: 'Leaning yes: solid basics and ownership, but needed hints on idempotency.',
  no: 'Not yet: could not explain the retry path.',
};
const OVERRIDE = 'Theo is on leave for two weeks; Ines’s evidence is enough to say no.';

interface Panelist {
  id: string;
  name: string;
  token: string;
}

describe('the debrief and the decision in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let hm: string;
  let ines: Panelist;
  let theo: Panelist;
  let stages: Array<{ id: string; name: string }>;
  let avery: { id: string; name: string };
  let blake: { id: string; name: string };
  let averyInterview: string;

  const { ok, login } = apiCalls(() => app.url);

  /** Criteria rated 2, 3, 4 in turn (the first one `first`), notes on the first question, one follow-up asked, then submitted. */
  const submit = async (who: Panelist, interviewId: string, first: number, notes: string, recommendation: string) => {
    const card = await ok<any>(who.token, 'GET', `/interviews/${interviewId}/scorecards/mine`);
    const ratings = card.questions.flatMap((q: any, qi: number) =>
      q.criteria.map((c: any, ci: number) => ({
        questionId: q.questionId,
        criterionId: c.criterionId,
        rating: qi === 0 && ci === 0 ? first : [2, 3, 4][(qi + ci) % 3],
      })),
    );
    const q0 = card.questions[0];
    const questions = [
      { questionId: q0.questionId, notes, followUpsAsked: q0.followUps.slice(0, 1).map((f: any) => f.id) },
    ];
    const saved = await ok<any>(who.token, 'PUT', `/interviews/${interviewId}/scorecards/mine`, {
      version: card.version,
      ratings,
      questions,
      overallRecommendation: recommendation,
      summary: SUMMARY[recommendation],
    });
    await ok(who.token, 'POST', `/interviews/${interviewId}/scorecards/mine/submit`, { version: saved.version });
  };

  /** Interviews are booked in the future only: book, then move into the past (ended, awaiting feedback) as the clock would. */
  const intoThePast = async (interviewId: string, feedbackDue: string) => {
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET status = 'awaiting_feedback', starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours', feedback_due_at = now() + $2::interval WHERE id = $1`,
        [interviewId, feedbackDue],
      );
    } finally {
      await db.end();
    }
  };

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    hm = await apiToken(app.url, 'hiring_manager');
    const admin = await apiToken(app.url, 'admin');
    const inesUser = (await ok<any>(hm, 'GET', '/interviewers?q=Ines')).items[0];
    ines = { id: inesUser.userId, name: inesUser.name, token: await apiToken(app.url, 'interviewer') };
    const theoUser = await ok<{ id: string }>(admin, 'POST', '/users', {
      email: 'theo.debrief@example.com',
      name: 'Theo Okonkwo',
      password: PASSWORD,
      roles: ['interviewer'],
      timezone: 'Europe/London',
    });
    theo = { id: theoUser.id, name: 'Theo Okonkwo', token: await login('theo.debrief@example.com', PASSWORD) };
    const coreSetId = (await ok<any>(hm, 'GET', `/question-sets?status=published&q=${encodeURIComponent('core loop')}`))
      .items[0].id;

    // a position of the hiring manager's with a two-stage plan
    const position = await ok<{ id: string }>(hm, 'POST', '/positions', { title: 'Staff Payments Engineer' });
    const plan = await ok<any>(hm, 'GET', `/positions/${position.id}/plan`);
    const saved = await ok<any>(hm, 'PUT', `/positions/${position.id}/plan`, {
      revision: plan.revision,
      competencies: [{ name: 'System design' }, { name: 'Ownership' }],
      stages: [
        {
          name: 'Technical',
          templates: [
            {
              title: 'Technical interview',
              durationMinutes: 60,
              panelSize: 2,
              questionSetIds: [coreSetId],
              competencyNames: ['System design', 'Ownership'],
            },
          ],
        },
        {
          name: 'Onsite',
          templates: [
            {
              title: 'Onsite',
              durationMinutes: 90,
              panelSize: 2,
              questionSetIds: [coreSetId],
              competencyNames: ['System design', 'Ownership'],
            },
          ],
        },
      ],
    });
    stages = [...saved.stages].sort((a: any, b: any) => a.order - b.order);

    avery = await ok(hm, 'POST', '/candidates', {
      positionId: position.id,
      name: 'Avery Lindqvist',
      email: 'avery@example.com',
    });
    blake = await ok(hm, 'POST', '/candidates', {
      positionId: position.id,
      name: 'Blake Moreau',
      email: 'blake@example.com',
    });
    // both start the Technical stage (no interview yet, so nothing is missing)
    for (const c of [avery, blake])
      await ok(hm, 'POST', `/candidates/${c.id}/decisions`, { decision: 'advance', toStageId: stages[0].id });

    const book = async (candidateId: string, hoursAhead: number) =>
      (
        await ok<{ id: string }>(hm, 'POST', '/interviews', {
          candidateId,
          planStageId: stages[0].id,
          stage: 'technical',
          title: 'Technical interview',
          start: new Date(Date.now() + hoursAhead * 3_600_000).toISOString(),
          timezone: 'Europe/Berlin',
          durationMinutes: 60,
          panel: [
            { userId: ines.id, role: 'lead' },
            { userId: theo.id, role: 'shadow' },
          ],
          questions: [{ setId: coreSetId }],
          allowConflicts: true,
        })
      ).id;
    averyInterview = await book(avery.id, 48);
    const blakeInterview = await book(blake.id, 50);
    await intoThePast(averyInterview, '1 day');
    await intoThePast(blakeInterview, '-1 hour'); // Theo's scorecard for Blake is overdue
    // Ines and Theo are two points apart on the first criterion
    await submit(ines, averyInterview, 4, INES_NOTES, 'strong_yes');
    await submit(theo, averyInterview, 2, THEO_NOTES, 'yes');
    await submit(ines, blakeInterview, 2, 'Could not explain the retry path.', 'no');
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('lands the hiring manager on Home: decisions waiting, overdue scorecards', async () => {
    await signInAs(page, app.url, 'hiring_manager');
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Home' }).waitFor();
    const waiting = page.getByRole('list', { name: 'Decisions waiting' });
    await waiting.getByRole('link', { name: /Avery Lindqvist/ }).waitFor();
    expect(await waiting.getByRole('link', { name: /Blake Moreau/ }).count()).toBe(0);
    await page
      .getByRole('list', { name: 'Overdue scorecards' })
      .getByRole('link', { name: /Theo Okonkwo[\s\S]*Blake Moreau/ })
      .waitFor();
    await checkPage(page, 'hiring-home');
  }, 120_000);

  it('shows the interview’s submitted scorecards on the interview page', async () => {
    await page.goto(`${app.url}/hiring/interviews/${averyInterview}`);
    const feedback = page.getByRole('region', { name: /^Feedback/ });
    await feedback.getByText(INES_NOTES).waitFor();
    await feedback.getByText(THEO_NOTES).waitFor();
    await feedback.getByRole('link', { name: /debrief/ }).waitFor();
  }, 60_000);

  it('reads both scorecards by interviewer, sees the disagreement by criterion, prints, and advances the candidate', async () => {
    await page.goto(`${app.url}/home`);
    await page
      .getByRole('list', { name: 'Decisions waiting' })
      .getByRole('link', { name: /Avery Lindqvist/ })
      .click();
    await page.waitForURL(new RegExp(`/candidates/${avery.id}/debrief`));
    await page.getByRole('heading', { level: 1, name: 'Debrief: Avery Lindqvist' }).waitFor();

    const byInterviewer = page.getByRole('tabpanel', { name: 'By interviewer' });
    const inesCard = byInterviewer.getByRole('article', { name: `${ines.name}’s scorecard` });
    const theoCard = byInterviewer.getByRole('article', { name: 'Theo Okonkwo’s scorecard' });
    await inesCard.getByText(INES_NOTES).waitFor();
    await theoCard.getByText(THEO_NOTES).waitFor();
    expect(await inesCard.innerText()).toMatch(/Strong yes/);
    expect(await inesCard.innerText()).toMatch(/On time|Late/);
    expect(await page.getByRole('tab', { name: 'By interviewer' }).getAttribute('aria-selected')).toBe('true');
    await checkPage(page, 'debrief-by-interviewer');

    // arrow keys move between the tabs, as tabs do
    await page.getByRole('tab', { name: 'By interviewer' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'By criterion' }).getAttribute('aria-selected')).toBe('true');
    const byCriterion = page.getByRole('tabpanel', { name: 'By criterion' });
    const table = byCriterion.getByRole('table');
    await table.waitFor();
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(
      expect.arrayContaining([ines.name, 'Theo Okonkwo']),
    );
    const flagged = table.locator('tr.is-disagreement');
    expect(await flagged.count()).toBeGreaterThan(0);
    expect(await flagged.first().innerText()).toMatch(/4 · Strong yes[\s\S]*2 · No[\s\S]*Disagreement: 2 points apart/);
    expect(await table.getByRole('row', { name: /Recommendation/ }).innerText()).toMatch(/Strong yes[\s\S]*Yes/);
    expect(await byInterviewer.isHidden()).toBe(true);
    const agreement = page.getByRole('complementary', { name: 'Decision and agreement' });
    expect(await agreement.innerText()).toMatch(/Recommendations\s*(α -?\d\.\d\d|not enough data|no variation)/i);
    await page.getByRole('heading', { level: 1 }).click(); // the screenshot without the tab's focus ring
    await checkPage(page, 'debrief');

    // printed: no navigation or buttons, both views one after the other
    await page.emulateMedia({ media: 'print' });
    const shown = (selector: string) => page.$eval(selector, (el) => getComputedStyle(el).display !== 'none');
    expect(await shown('#panel-interviewer')).toBe(true);
    expect(await shown('#panel-criterion')).toBe(true);
    expect(await shown('.sidebar')).toBe(false);
    expect(await shown('.db-decide')).toBe(false);
    await screenshot(page, 'debrief-print');
    await page.emulateMedia({ media: 'screen' });

    // on a phone nothing widens the page (the criterion table scrolls inside its own box)
    await page.setViewportSize({ width: 375, height: 812 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await page.getByRole('tab', { name: 'By interviewer' }).click();
    await inesCard.getByText(INES_NOTES).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(page, 'debrief-phone');
    await page.setViewportSize({ width: 1360, height: 900 });

    const decide = page.getByRole('region', { name: 'Decision', exact: true });
    await decide.getByRole('button', { name: 'Advance', exact: true }).click();
    await decide.getByRole('button', { name: `Advance to ${stages[1].name}` }).click();
    const history = page.getByRole('list', { name: 'Decision history' });
    await history.getByText(`Advanced: ${stages[0].name} → ${stages[1].name}`).waitFor();
    const decisions = await ok<any>(hm, 'GET', `/candidates/${avery.id}/decisions`);
    expect(decisions.items[0]).toMatchObject({ decision: 'advance', toStageId: stages[1].id, override: null });
    expect(decisions.items[0].decidedBy.name).toBe('Hugo Hiring-Manager');
  }, 120_000);

  it('rejects another candidate with a reason, overriding the missing scorecard with a reason', async () => {
    await page.goto(`${app.url}/candidates/${blake.id}/debrief`);
    await page.getByRole('heading', { level: 1, name: 'Debrief: Blake Moreau' }).waitFor();
    await page.getByRole('list', { name: 'Missing scorecards' }).getByText('Theo Okonkwo').waitFor();
    const decide = page.getByRole('region', { name: 'Decision', exact: true });
    await decide.getByRole('button', { name: 'Reject', exact: true }).click();
    // the reason is required
    await decide.getByRole('button', { name: 'Reject candidate' }).click();
    await decide.getByText('Choose a reason for rejecting.').waitFor();
    const reasons = await ok<any>(hm, 'GET', '/settings/rejection-reasons');
    const reason = reasons.items.find((r: any) => r.label === 'Skills gap') ?? reasons.items[0];
    await decide.getByLabel('Reason', { exact: true }).selectOption(reason.id);
    await decide.getByRole('button', { name: 'Reject candidate' }).click();

    const alert = decide.getByRole('alert').filter({ hasText: 'Scorecards missing from' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('Theo Okonkwo (Technical interview)');
    await alert.getByRole('button', { name: 'Decide anyway' }).click();
    await decide.getByRole('button', { name: 'Decide anyway: Reject candidate' }).click();
    await decide.getByText('Say why you decide before every scorecard is in.').waitFor();
    await decide.getByLabel('Why decide without them?').fill(OVERRIDE);
    await decide.getByRole('button', { name: 'Decide anyway: Reject candidate' }).click();

    const history = page.getByRole('list', { name: 'Decision history' });
    await history.getByText(/^Rejected/).waitFor();
    expect(await history.locator('li').first().innerText()).toMatch(
      new RegExp(`Reason: ${reason.label}[\\s\\S]*scorecards missing from Theo Okonkwo[\\s\\S]*Override: ${OVERRIDE}`),
    );
    const decisions = await ok<any>(hm, 'GET', `/candidates/${blake.id}/decisions`);
    expect(decisions.items[0]).toMatchObject({
      decision: 'reject',
      toStatus: 'rejected',
      reason: { id: reason.id },
      override: { reason: OVERRIDE },
    });
    expect(decisions.items[0].missingAtDecision.map((m: any) => m.userId)).toEqual([theo.id]);
    // the candidate page shows the same history, the override visible
    await page.goto(`${app.url}/candidates/${blake.id}`);
    await page
      .getByRole('list', { name: 'Decision history' })
      .getByText(`Override: ${OVERRIDE}`, { exact: false })
      .waitFor();
    await checkPage(page, 'candidate-decisions');
  }, 120_000);
});
