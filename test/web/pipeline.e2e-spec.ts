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

/** A Thursday 15–21 days ahead: a working day, clear of anything else booked. */
function futureThursday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + 15);
  while (d.getUTCDay() !== 4) d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

describe('the interview plan and the pipeline board in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let hm: string;
  let recruiter: string;
  let positionId: string;
  let setId: string;
  let interviewer: { id: string; name: string };
  let avery: { id: string; name: string };
  let blake: { id: string; name: string };
  let casey: { id: string; name: string };
  let dana: { id: string; name: string };

  const { ok } = apiCalls(() => app.url);
  const stageNames = () =>
    page
      .getByRole('list', { name: 'Stages' })
      .getByLabel('Stage name', { exact: true })
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    hm = await apiToken(app.url, 'hiring_manager');
    recruiter = await apiToken(app.url, 'recruiter');
    const me = await ok<{ id: string; name: string }>(await apiToken(app.url, 'interviewer'), 'GET', '/me');
    interviewer = { id: me.id, name: me.name };

    // what the test needs, made here rather than taken from the demo data: a published set, a position, candidates
    const set = await ok<{ id: string; revision: number }>(recruiter, 'POST', '/question-sets', {
      name: 'Platform loop (pipeline test)',
      questions: [
        {
          prompt: 'Design a rate limiter for a public API.',
          type: 'technical',
          competencies: ['System design'],
          criteria: [{ label: 'Names the trade-offs' }],
        },
        {
          prompt: 'Tell me about an outage you owned end to end.',
          type: 'behavioral',
          competencies: ['Ownership'],
          criteria: [{ label: 'Owns the follow-up' }],
        },
      ],
    });
    setId = (
      await ok<{ id: string }>(recruiter, 'POST', `/question-sets/${set.id}/publish`, { revision: set.revision })
    ).id;
    positionId = (await ok<{ id: string }>(hm, 'POST', '/positions', { title: 'Platform Engineer' })).id;
    avery = await ok(hm, 'POST', '/candidates', {
      positionId,
      name: 'Avery Lindqvist',
      email: 'avery.pipeline@example.com',
    });
    blake = await ok(hm, 'POST', '/candidates', {
      positionId,
      name: 'Blake Moreau',
      email: 'blake.pipeline@example.com',
    });
    casey = await ok(hm, 'POST', '/candidates', {
      positionId,
      name: 'Casey Nguyen',
      email: 'casey.pipeline@example.com',
    });
    dana = await ok(hm, 'POST', '/candidates', { positionId, name: 'Dana Okafor', email: 'dana.pipeline@example.com' });
  }, 300_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  it('a hiring manager builds a three-stage plan, reorders a stage with the keyboard and sees a coverage warning', async () => {
    await signInAs(page, app.url, 'hiring_manager');
    await page.goto(`${app.url}/positions/${positionId}`);
    await page.getByRole('link', { name: 'Interview plan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Interview plan' }).waitFor();

    const competencies = page.getByRole('list', { name: 'Competencies' });
    for (const [i, name] of ['System design', 'Ownership', 'Communication'].entries()) {
      await page.getByRole('button', { name: 'Add competency' }).click();
      await competencies.getByLabel('Competency', { exact: true }).nth(i).fill(name);
    }

    const plan = [
      { stage: 'Recruiter screen', title: 'Recruiter call', minutes: '30', panel: '1', assesses: ['Communication'] },
      { stage: 'Onsite', title: 'System design deep dive', minutes: '90', panel: '2', assesses: ['System design'] },
      { stage: 'Technical', title: 'Coding interview', minutes: '60', panel: '2', assesses: ['System design'] },
    ];
    const stages = page.getByRole('list', { name: 'Stages' });
    for (const [i, s] of plan.entries()) {
      await page.getByRole('button', { name: 'Add stage' }).click();
      await stages.getByLabel('Stage name', { exact: true }).nth(i).fill(s.stage);
      await stages.getByRole('button', { name: `Add interview to ${s.stage}` }).click();
      const template = stages.getByRole('region', { name: new RegExp(`, ${s.stage}$`) });
      await template.getByLabel('Interview title', { exact: true }).fill(s.title);
      await template.getByLabel('Minutes', { exact: true }).fill(s.minutes);
      await template.getByLabel('Interviewers', { exact: true }).fill(s.panel);
      await template.getByLabel('Question sets', { exact: true }).selectOption(setId);
      await template
        .getByRole('list', { name: `Question sets of ${s.title}` })
        .getByText('Platform loop (pipeline test)')
        .waitFor();
      for (const c of s.assesses) await template.getByRole('checkbox', { name: c }).check();
    }

    // Onsite comes after Technical: Alt+↑ in its name moves it up, and the focus stays in it
    expect(await stageNames()).toEqual(['Recruiter screen', 'Onsite', 'Technical']);
    await stages.getByLabel('Stage name', { exact: true }).nth(2).focus();
    await page.keyboard.press('Alt+ArrowUp');
    expect(await stageNames()).toEqual(['Recruiter screen', 'Technical', 'Onsite']);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Technical');
    await page.getByText('Technical moved to position 2 of 3.').waitFor();

    // Ownership is assessed nowhere and Communication by one interviewer: both listed before saving
    const warnings = page.getByRole('list', { name: 'Plan warnings' });
    await warnings.getByText(/Ownership/).waitFor();
    await page.getByRole('button', { name: 'Save plan' }).click();
    await page.getByText('Plan saved').waitFor();
    await page.getByText(/^Saved/).waitFor();

    const saved = await ok<any>(hm, 'GET', `/positions/${positionId}/plan`);
    expect([...saved.stages].sort((a: any, b: any) => a.order - b.order).map((s: any) => s.name)).toEqual([
      'Recruiter screen',
      'Technical',
      'Onsite',
    ]);
    expect(saved.competencies.map((c: any) => c.name)).toEqual(['System design', 'Ownership', 'Communication']);
    const ownership = saved.competencies.find((c: any) => c.name === 'Ownership');
    expect(saved.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ code: 'competency_not_assessed', competencyId: ownership.id }),
      ]),
    );
    const onsite = saved.stages.find((s: any) => s.name === 'Onsite');
    expect(onsite.templates[0]).toMatchObject({
      title: 'System design deep dive',
      durationMinutes: 90,
      panelSize: 2,
      questionSetIds: [setId],
    });

    // the API's warnings, in words at the top; the matrix marks the row and counts the interviewers
    for (const w of saved.warnings) await warnings.getByText(w.message, { exact: true }).waitFor();
    const matrix = page.getByRole('table');
    expect(await matrix.getByRole('columnheader').allInnerTexts()).toEqual([
      'Competency',
      '1 Recruiter screen',
      '2 Technical',
      '3 Onsite',
      'Whole loop',
    ]);
    expect(await matrix.getByRole('row', { name: /^System design/ }).innerText()).toMatch(
      /1 interview · 2 interviewers[\s\S]*1 interview · 2 interviewers[\s\S]*4 interviewers/,
    );
    expect(await matrix.getByRole('row', { name: /^Ownership/ }).innerText()).toMatch(/Not assessed/);

    // someone else saves meanwhile: a friendly 409, and the reload shows their version
    await ok(hm, 'PUT', `/positions/${positionId}/plan`, {
      revision: saved.revision,
      competencies: saved.competencies.map((c: any) => ({
        id: c.id,
        name: c.name === 'Communication' ? 'Clear communication' : c.name,
      })),
      stages: saved.stages.map((s: any) => ({
        id: s.id,
        name: s.name,
        templates: s.templates.map((t: any) => ({
          id: t.id,
          title: t.title,
          durationMinutes: t.durationMinutes,
          panelSize: t.panelSize,
          questionSetIds: t.questionSetIds,
          competencyIds: t.competencyIds,
        })),
      })),
    });
    await competencies.getByLabel('Competency', { exact: true }).nth(1).fill('Ownership and follow-through');
    await page.getByRole('button', { name: 'Save plan' }).click();
    const stale = page.getByRole('alert').filter({ hasText: 'Someone else changed the plan' });
    await stale.waitFor();
    await stale.getByRole('button', { name: 'Reload the plan' }).click();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLInputElement>('input')].some((i) => i.value === 'Clear communication'),
    );
    expect(await competencies.getByLabel('Competency', { exact: true }).nth(1).inputValue()).toBe('Ownership');
    await page.getByText('Plan saved').waitFor({ state: 'detached' }); // the toast would cover the screenshot
    await checkPage(page, 'plan-editor');
  }, 180_000);

  it('a recruiter opens the pipeline board, moves through it with the keyboard, filters it, and schedules from a card', async () => {
    const saved = await ok<any>(hm, 'GET', `/positions/${positionId}/plan`);
    const [screen, technical, onsite] = [...saved.stages].sort((a: any, b: any) => a.order - b.order);
    // Avery has not started; Casey has a recruiter call booked; Blake is in Technical; Dana is on hold after the onsite
    await ok(hm, 'POST', `/candidates/${casey.id}/decisions`, { decision: 'advance', toStageId: screen.id });
    await ok(hm, 'POST', '/interviews', {
      candidateId: casey.id,
      planStageId: screen.id,
      stage: 'screening',
      title: 'Recruiter call',
      start: `${futureThursday()}T14:00`,
      timezone: 'Europe/London',
      durationMinutes: 30,
      panel: [{ userId: interviewer.id, role: 'lead' }],
      allowConflicts: true,
    });
    await ok(hm, 'POST', `/candidates/${blake.id}/decisions`, { decision: 'advance', toStageId: technical.id });
    await ok(hm, 'POST', `/candidates/${dana.id}/decisions`, { decision: 'advance', toStageId: onsite.id });
    await ok(hm, 'POST', `/candidates/${dana.id}/decisions`, {
      decision: 'hold',
      rationale: 'Waiting for the headcount review',
    });

    page = await browser.newPage(); // a tab of its own: the session is per tab
    await signInAs(page, app.url, 'recruiter');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Positions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Positions' }).waitFor();
    await page
      .locator('.pb-position', { hasText: 'Platform Engineer' })
      .getByRole('link', { name: 'Pipeline', exact: true })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Pipeline' }).waitFor();

    const board = page.getByRole('group', { name: 'Pipeline board' });
    const column = (name: string) => board.getByRole('region', { name, exact: true });
    const averyCard = column('Not started').getByRole('article', { name: avery.name });
    const blakeCard = column('Technical').getByRole('article', { name: blake.name });
    await averyCard.waitFor();
    await blakeCard.waitFor();
    await column('Recruiter screen')
      .getByRole('article', { name: casey.name })
      .getByText(/^Scheduled /)
      .waitFor();
    await column('Onsite').getByRole('article', { name: dana.name }).getByText('On hold').first().waitFor();
    expect(await board.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual([
      'Not started',
      'Recruiter screen',
      'Technical',
      'Onsite',
    ]);
    const pipeline = await ok<any>(recruiter, 'GET', `/positions/${positionId}/pipeline`);
    const averyLabel = pipeline.stages.flatMap((s: any) => s.candidates).find((c: any) => c.id === avery.id).label;
    await averyCard.getByText(averyLabel, { exact: true }).waitFor();

    // the names are the cards' stops for the arrow keys: → goes to the next column that has a card
    const focused = () => page.evaluate(() => document.activeElement?.textContent);
    await averyCard.getByRole('link', { name: avery.name, exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(casey.name);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(blake.name);
    await page.keyboard.press('ArrowDown'); // Blake is alone in Technical: the focus stays
    expect(await focused()).toBe(blake.name);
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe(dana.name);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    expect(await focused()).toBe(casey.name);
    await checkPage(page, 'pipeline-board');

    // the status filter: only Dana is on hold
    await page.getByLabel('Candidate status').selectOption('on_hold');
    await page.waitForURL(/status=on_hold/);
    await averyCard.waitFor({ state: 'detached' });
    expect(await board.getByRole('article').count()).toBe(1);
    await column('Onsite').getByRole('article', { name: dana.name }).waitFor();
    await page.getByLabel('Candidate status').selectOption('');
    await averyCard.waitFor();

    await page.getByLabel('Filter candidates').fill('Blake');
    await page.waitForURL(/q=Blake/);
    await averyCard.waitFor({ state: 'detached' });
    await blakeCard.waitFor();
    expect(await board.getByRole('article').count()).toBe(1);
    await page.getByLabel('Filter candidates').fill('');
    await averyCard.waitFor();

    // "Schedule" fills the form from the interview of Blake's stage
    expect(await blakeCard.getByText('Not scheduled', { exact: true }).count()).toBe(1);
    await blakeCard.getByRole('link', { name: /^Schedule/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Schedule an interview' }).waitFor();
    expect(await page.getByLabel('Plan stage').inputValue()).toBe(technical.id);
    await page.waitForFunction(
      () => (document.getElementById('title') as HTMLInputElement | null)?.value === 'Coding interview',
    );
    expect(await page.getByLabel('Duration').inputValue()).toBe('60');
    await page.getByText('2 questions from the plan’s “Coding interview”', { exact: false }).waitFor();
    await page.getByLabel('Date', { exact: true }).fill(futureThursday());
    await page.getByLabel('Start time', { exact: true }).fill('10:00');
    await page.getByRole('checkbox', { name: new RegExp(interviewer.name) }).check();
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Coding interview' }).waitFor();
    const booked = (await ok<any>(recruiter, 'GET', `/interviews?candidateId=${blake.id}`)).items;
    expect(booked).toHaveLength(1);
    const kit = await ok<any>(recruiter, 'GET', `/interviews/${booked[0].id}`);
    expect(kit).toMatchObject({ planStageId: technical.id, title: 'Coding interview', durationMinutes: 60 });
    expect(kit.questions).toHaveLength(2);

    // back on the board, Blake's card says when
    await page.goto(`${app.url}/positions/${positionId}/pipeline`);
    const card = column('Technical').getByRole('article', { name: blake.name });
    await card.getByText(/^Scheduled /).waitFor();
    const after = (await ok<any>(recruiter, 'GET', `/positions/${positionId}/pipeline`)).stages
      .flatMap((s: any) => s.candidates)
      .find((c: any) => c.id === blake.id);
    expect(after.state).toBe('scheduled');
    await card.getByText(after.label, { exact: true }).waitFor();
  }, 180_000);

  it('a recruiter marks a no-show on the interview page, after confirming', async () => {
    // Casey's call is booked ahead (the API takes future times only): move it to an hour ago, as if it had started
    const call = (await ok<any>(recruiter, 'GET', `/interviews?candidateId=${casey.id}`)).items[0];
    const db = new Client({ connectionString: databaseUrl(app) });
    await db.connect();
    try {
      await db.query(
        `UPDATE interviews SET starts_at = now() - interval '1 hour', ends_at = now() + interval '1 hour' WHERE id = $1`,
        [call.id],
      );
    } finally {
      await db.end();
    }
    await page.goto(`${app.url}/hiring/interviews/${call.id}`);
    await page.getByRole('heading', { level: 1, name: 'Recruiter call' }).waitFor();
    await page.getByRole('button', { name: 'Mark no-show' }).click();
    const dialog = page.getByRole('dialog', { name: 'Mark as a no-show?' });
    await dialog.getByLabel('Note').fill('Did not join; the recruiter will rebook.');
    await dialog.getByRole('button', { name: 'Mark no-show' }).click();
    await page.getByText('The candidate did not show up.').waitFor();
    await page.locator('.page-header').getByText('No show', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Mark no-show' }).count()).toBe(0);
    expect((await ok<any>(recruiter, 'GET', `/interviews/${call.id}`)).status).toBe('no_show');
    await page.getByText('Marked as a no-show').waitFor({ state: 'detached' }); // the toast would cover the screenshot
    await checkPage(page, 'interview-no-show');
  }, 120_000);
});
