import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import {
  apiCalls,
  apiToken,
  checkPage,
  closeAppInBrowser,
  launchBrowser,
  openAppInBrowser,
  signInAs,
  signInWith,
  type Browser,
  type RunningApp,
} from './support';

/**
 * A recruiter finds a time for a panel in three timezones, schedules it from a proposed slot, a
 * panelist declines from their kit page, and the recruiter replaces them with a suggested interviewer.
 * Working hours (Monday to Friday) leave the three of them an hour and a half or two a day in common.
 */
const PASSWORD = 'panel-password-42';
const LENA = {
  email: 'lena.sched@example.com',
  name: 'Lena Vogel',
  timezone: 'Europe/Berlin',
  hours: ['09:00', '17:00'],
};
const MARCUS = {
  email: 'marcus.sched@example.com',
  name: 'Marcus Hale',
  timezone: 'America/New_York',
  hours: ['09:00', '17:00'],
};
const ANJALI = {
  email: 'anjali.sched@example.com',
  name: 'Anjali Rao',
  timezone: 'Asia/Kolkata',
  hours: ['13:00', '21:00'],
};
const PANEL = [LENA, MARCUS, ANJALI];
const NOTE = 'At a conference in Toronto that day, sorry.';

/** Wall-clock date and time of an instant in a timezone. */
function wall(instant: string, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

describe('scheduling across timezones in the browser: find a time, a decline, a replacement', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let panelist: Browser;
  let recruiter: string;
  let recruiterZone: string;
  let noa: { id: string; name: string };
  const ids: Record<string, string> = {};
  let interviewId: string;
  let slot: {
    startsAt: string;
    endsAt: string;
    candidateLocal: string;
    panel: Array<{ userId: string; local: string; timezone: string }>;
  };

  const { ok } = apiCalls(() => app.url);

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    panelist = await launchBrowser();
    const admin = await apiToken(app.url, 'admin');
    const hm = await apiToken(app.url, 'hiring_manager');
    recruiter = await apiToken(app.url, 'recruiter');
    recruiterZone = (await ok<{ timezone: string }>(recruiter, 'GET', '/me')).timezone;
    for (const u of PANEL) {
      ids[u.name] = (
        await ok<{ id: string }>(admin, 'POST', '/users', {
          email: u.email,
          name: u.name,
          password: PASSWORD,
          roles: ['interviewer'],
          timezone: u.timezone,
        })
      ).id;
      const window = [{ start: u.hours[0], end: u.hours[1] }];
      await ok(admin, 'PUT', `/interviewers/${ids[u.name]}/availability`, {
        workingHours: { 1: window, 2: window, 3: window, 4: window, 5: window },
        bufferMinutes: 0,
      });
    }
    const positionId = (await ok<{ id: string }>(hm, 'POST', '/positions', { title: 'Site Reliability Engineer' })).id;
    noa = await ok(hm, 'POST', '/candidates', { positionId, name: 'Noa Levi', email: 'noa.sched@example.com' });
  }, 300_000);
  afterAll(async () => {
    await panelist?.close();
    await closeAppInBrowser({ app, browser });
  }, 60_000);

  it('the recruiter finds a time the three-timezone panel can make and schedules it from a proposed slot', async () => {
    await signInAs(page, app.url, 'recruiter');
    await page.goto(`${app.url}/hiring/interviews/new?candidateId=${noa.id}`);
    await page.getByRole('heading', { level: 1, name: 'Schedule an interview' }).waitFor();
    for (const u of PANEL) await page.getByRole('checkbox', { name: new RegExp(u.name) }).check();
    // the first one ticked leads, the others are full panelists
    const row = (name: string) => page.locator('.hm-person-row').filter({ hasText: name });
    expect(await row(LENA.name).getByRole('radio', { name: 'Lead' }).isChecked()).toBe(true);
    expect(await row(MARCUS.name).getByRole('radio', { name: 'Panelist' }).isChecked()).toBe(true);
    expect(await row(ANJALI.name).getByRole('radio', { name: 'Panelist' }).isChecked()).toBe(true);

    // the finder asks the API for the panel's times; the candidate's timezone defaults to the recruiter's
    const zone = await page.getByLabel("Candidate's timezone").inputValue();
    expect(zone).toBe(recruiterZone);
    const slots = page.getByRole('list', { name: 'Proposed times' });
    await slots.waitFor();
    const from = await page.getByLabel('Earliest day').inputValue();
    const to = await page.getByLabel('Latest day').inputValue();
    const panelIds = PANEL.map((u) => ids[u.name]).join(',');
    const found = await ok<{
      slots: Array<typeof slot>;
      nearMisses: Array<{ candidateLocal: string; reasons: Array<{ message: string }> }>;
    }>(
      recruiter,
      'GET',
      `/interviews/find-times?interviewerIds=${panelIds}&durationMinutes=60&from=${from}&to=${to}&candidateTimeZone=${encodeURIComponent(zone)}`,
    );
    expect(found.slots.length).toBeGreaterThan(0);
    slot = found.slots[0];
    // every panelist's own clock is inside their working hours, on a working day
    for (const u of PANEL) {
      const start = wall(slot.startsAt, u.timezone);
      const end = wall(slot.endsAt, u.timezone);
      expect(start.time >= u.hours[0] && end.time <= u.hours[1]).toBe(true);
      expect([0, 6]).not.toContain(new Date(`${start.date}T12:00:00Z`).getUTCDay());
    }
    // the page shows the API's best slot first: the candidate's time, each panelist's local time and load
    const first = page.getByTestId('slot').first();
    const lines = (
      [
        [LENA, 'Berlin'],
        [MARCUS, 'New York'],
        [ANJALI, 'Kolkata'],
      ] as const
    ).map(([u, city]) => `${slot.panel.find((p) => p.userId === ids[u.name])!.local} in ${city}`);
    // the finder keeps the last panel's result on screen while it asks again: wait for this panel's lines
    for (const line of lines) await first.getByText(line, { exact: false }).first().waitFor();
    const text = await first.innerText();
    expect(text).toContain(slot.candidateLocal);
    for (const line of lines) expect(text).toContain(line);
    expect(text).toMatch(/0 interviews that week/);
    // times that almost work, with why, written for people
    if (found.nearMisses.length)
      await page
        .getByRole('list', { name: 'Times that almost work' })
        .getByText(found.nearMisses[0].reasons[0].message, { exact: false })
        .first()
        .waitFor();

    await first.getByRole('button', { name: `Pick ${slot.candidateLocal}` }).click();
    const picked = wall(slot.startsAt, zone);
    expect(await page.getByLabel('Date', { exact: true }).inputValue()).toBe(picked.date);
    expect(await page.getByLabel('Start time', { exact: true }).inputValue()).toBe(picked.time);
    expect(await page.getByLabel('Timezone', { exact: true }).inputValue()).toBe(zone);
    expect(
      await first.getByRole('button', { name: `Picked ${slot.candidateLocal}` }).getAttribute('aria-pressed'),
    ).toBe('true');
    await page.getByLabel('Invite the candidate too').check();
    await checkPage(page, 'scheduling-finder');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage(page, 'scheduling-finder-phone');
    await page.setViewportSize({ width: 1360, height: 900 });

    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Technical interview' }).waitFor();
    interviewId = page.url().split('/').pop()!;
    const kit = await ok<{
      start: string;
      end: string;
      inviteCandidate: boolean;
      panel: Array<{ userId: string; role: string }>;
    }>(recruiter, 'GET', `/interviews/${interviewId}`);
    expect(kit.start).toBe(slot.startsAt);
    expect(kit.end).toBe(slot.endsAt);
    expect(kit.inviteCandidate).toBe(true);
    expect(kit.panel.map((p) => [p.userId, p.role])).toEqual([
      [ids[LENA.name], 'lead'],
      [ids[MARCUS.name], 'panelist'],
      [ids[ANJALI.name], 'panelist'],
    ]);
  }, 180_000);

  it('a panelist declines from their kit page with a note', async () => {
    const mine = await panelist.newPage();
    await signInWith(mine, app.url, MARCUS.email, PASSWORD);
    await mine.goto(`${app.url}/interviews/${interviewId}`);
    const card = mine.getByRole('region', { name: 'Your answer' });
    await card.waitFor();
    await card.getByLabel('Note (optional)').fill(NOTE);
    await card.getByRole('button', { name: 'Decline' }).click();
    await card.locator('[data-rsvp="declined"]').waitFor();
    await checkPage(mine, 'scheduling-declined');
  }, 120_000);

  it('the recruiter sees the interview needs a replacement and replaces the panelist with a suggested interviewer', async () => {
    await page.goto(`${app.url}/candidates/${noa.id}`);
    const marker = page.getByTestId('needs-replacement-marker');
    await marker.waitFor();
    expect(await marker.innerText()).toContain('Needs a replacement');
    await checkPage(page, 'scheduling-needs-replacement-list');

    await page.getByRole('link', { name: /Technical interview/ }).click();
    const notice = page.getByTestId('needs-replacement');
    await notice.waitFor();
    expect(await notice.innerText()).toContain(`${MARCUS.name} declined`);
    expect(await notice.innerText()).toContain(NOTE);
    const suggested = (
      await ok<{ suggestions: Array<{ userId: string; name: string }> }>(
        recruiter,
        'GET',
        `/interviews/${interviewId}/replacements`,
      )
    ).suggestions[0];
    expect(suggested).toBeDefined();
    const list = notice.getByRole('list', { name: 'Suggested replacements' });
    expect(await list.getByRole('listitem').first().innerText()).toContain(suggested.name);
    await checkPage(page, 'scheduling-needs-replacement');
    await notice.getByRole('button', { name: `Replace ${MARCUS.name} with ${suggested.name}` }).click();
    await notice.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Panel' }).getByText(suggested.name).waitFor();
    await checkPage(page, 'scheduling-replaced');

    const kit = await ok<{ needsReplacement: boolean; start: string; panel: Array<{ userId: string; role: string }> }>(
      recruiter,
      'GET',
      `/interviews/${interviewId}`,
    );
    expect(kit.needsReplacement).toBe(false);
    expect(kit.start).toBe(slot.startsAt);
    expect(kit.panel.map((p) => [p.userId, p.role])).toEqual([
      [ids[LENA.name], 'lead'],
      [suggested.userId, 'panelist'],
      [ids[ANJALI.name], 'panelist'],
    ]);
    // the candidate page no longer flags it
    await page.goto(`${app.url}/candidates/${noa.id}`);
    await page.getByRole('link', { name: /Technical interview/ }).waitFor();
    expect(await page.getByTestId('needs-replacement-marker').count()).toBe(0);
  }, 120_000);

  it("the recruiter reschedules: each panelist's clock warns outside working hours, and the finder does not count the interview's own time as busy", async () => {
    await page.goto(`${app.url}/hiring/interviews/${interviewId}`);
    await page.getByRole('button', { name: 'Reschedule', exact: true }).click();
    const form = page.getByRole('form', { name: 'Reschedule' });
    const fit = form.getByRole('list', { name: 'The panel at this time' });
    await fit.getByText(/in Kolkata/).waitFor();
    // 03:00 where it was scheduled is the middle of the night in Berlin and before work in Kolkata
    await form.getByLabel('New start time').fill('03:00');
    await fit.getByText('Outside their working hours').first().waitFor();
    expect(await fit.locator('li', { hasText: LENA.name }).innerText()).toContain('Outside their working hours');

    await form.getByRole('button', { name: 'Find a time the panel is free' }).click();
    await form.getByTestId('slot').first().waitFor();
    const kit = await ok<{ scheduled: { timezone: string }; panel: Array<{ userId: string }> }>(
      recruiter,
      'GET',
      `/interviews/${interviewId}`,
    );
    const q = `interviewerIds=${kit.panel.map((p) => p.userId).join(',')}&durationMinutes=60&from=${await form.getByLabel('Earliest day').inputValue()}&to=${await form.getByLabel('Latest day').inputValue()}&candidateTimeZone=${encodeURIComponent(kit.scheduled.timezone)}`;
    const found = await ok<{ slots: Array<typeof slot> }>(
      recruiter,
      'GET',
      `/interviews/find-times?${q}&limit=50&excludeInterviewId=${interviewId}`,
    );
    // its own time stays on offer (the interview does not clash with itself); without the exclusion it is busy
    expect(found.slots.map((s) => s.startsAt)).toContain(slot.startsAt);
    const unexcluded = await ok<{ slots: Array<typeof slot> }>(
      recruiter,
      'GET',
      `/interviews/find-times?${q}&limit=50`,
    );
    expect(unexcluded.slots.map((s) => s.startsAt)).not.toContain(slot.startsAt);
    const target = found.slots.slice(0, 4).find((s) => s.startsAt !== slot.startsAt)!;
    await form.getByRole('button', { name: `Pick ${target.candidateLocal}` }).click();
    await fit.getByText('Outside their working hours').first().waitFor({ state: 'detached' });
    await checkPage(page, 'scheduling-reschedule');
    await form.getByRole('button', { name: 'Reschedule', exact: true }).click();
    await page.getByText(/Rescheduled to .*; reminders moved/).waitFor();
    const moved = await ok<{ start: string; end: string }>(recruiter, 'GET', `/interviews/${interviewId}`);
    expect([moved.start, moved.end]).toEqual([target.startsAt, target.endsAt]);
  }, 120_000);

  it('the recruiter sets up a pool with a trainee, and the finder fills a pool seat and offers the trainee as a shadow', async () => {
    await page.goto(`${app.url}/settings/interviewer-pools`);
    await page.getByRole('heading', { level: 1, name: 'Interviewer pools' }).waitFor();
    await page.getByRole('button', { name: 'New pool' }).click();
    const form = page.getByRole('form', { name: 'New pool' });
    await form.getByLabel('Name').fill('Reliability');
    await form.getByLabel('Interviews a day').fill('2');
    await form.getByRole('button', { name: 'Create pool' }).click();
    const pool = page.getByRole('region', { name: /^Reliability/ });
    await pool.waitFor();
    const add = async (who: typeof LENA, trainee: boolean) => {
      await pool
        .getByLabel('Interviewer to add to Reliability')
        .selectOption({ label: `${who.name} · ${who.timezone.replace(/_/g, ' ')}` });
      await pool.getByLabel('As a trainee').setChecked(trainee);
      await pool.getByRole('button', { name: 'Add member' }).click();
      await pool.getByRole('list', { name: 'Members of Reliability' }).getByText(who.name).waitFor();
    };
    await add(LENA, false);
    await add(ANJALI, true);
    const anjali = pool.getByTestId(`member-${ids[ANJALI.name]}`);
    expect(await anjali.innerText()).toMatch(/Shadowing[\s\S]*0 of 2 shadows/);
    expect(await pool.getByTestId(`member-${ids[LENA.name]}`).innerText()).toContain('Qualified');
    expect(await pool.innerText()).toContain(
      'At most 2 a day per member. Trainees qualify after 2 shadows and 2 reverse shadows.',
    );
    await checkPage(page, 'scheduling-pools');
    await page.setViewportSize({ width: 390, height: 844 });
    await checkPage(page, 'scheduling-pools-phone');
    await page.setViewportSize({ width: 1360, height: 900 });
    const saved = (
      await ok<{
        items: Array<{
          id: string;
          name: string;
          dailyLimit: number | null;
          members: Array<{ userId: string; trainee: boolean; stage: string; remaining: number }>;
        }>;
      }>(recruiter, 'GET', '/interviewer-pools')
    ).items.find((p) => p.name === 'Reliability')!;
    expect(saved.dailyLimit).toBe(2);
    expect(saved.members.map((m) => [m.userId, m.trainee, m.stage, m.remaining]).sort()).toEqual(
      [
        [ids[LENA.name], false, 'qualified', 0],
        [ids[ANJALI.name], true, 'shadow', 2],
      ].sort(),
    );

    // a panel of Marcus and one of the pool: the pick fills the seat, the trainee joins as a shadow
    await page.goto(`${app.url}/hiring/interviews/new?candidateId=${noa.id}`);
    // the picker says who trains where; a trainee still shadowing is ticked in as a shadow
    const traineeRow = page.locator('.hm-person-row').filter({ hasText: ANJALI.name });
    await traineeRow.getByText('Pools: Reliability (trainee, shadowing)').waitFor();
    await page.getByRole('checkbox', { name: new RegExp(MARCUS.name) }).check();
    await page.getByRole('checkbox', { name: new RegExp(ANJALI.name) }).check();
    expect(await traineeRow.getByRole('radio', { name: 'Shadow' }).isChecked()).toBe(true);
    await page.getByRole('checkbox', { name: new RegExp(ANJALI.name) }).uncheck();
    await page.getByLabel('Pool to add a seat from').selectOption({ label: 'Reliability (1 qualified)' });
    await page.getByRole('button', { name: 'Add seat' }).click();
    await page.getByRole('list', { name: 'Pool seats' }).getByText('filled when you pick a time below').waitFor();
    expect(await page.getByRole('button', { name: 'Schedule interview' }).isDisabled()).toBe(true);
    const withTrainee = page
      .getByTestId('slot')
      .filter({ has: page.getByRole('button', { name: `Add ${ANJALI.name} as a shadow` }) })
      .first();
    await withTrainee.waitFor();
    const when = (await withTrainee.locator('.hm-slot__when strong').innerText()).split('–')[0];
    expect(await withTrainee.innerText()).toMatch(new RegExp(`${LENA.name}\\s*Reliability`));
    await withTrainee.getByRole('button', { name: `Pick ${when}` }).click();
    await page.getByRole('list', { name: 'Pool seats' }).getByText(`${LENA.name}, with the time picked`).waitFor();
    await page
      .getByTestId('slot')
      .filter({ hasText: when })
      .first()
      .getByRole('button', { name: `Add ${ANJALI.name} as a shadow` })
      .click();
    const anjaliRow = page.locator('.hm-person-row').filter({ hasText: ANJALI.name });
    expect(await anjaliRow.getByRole('radio', { name: 'Shadow' }).isChecked()).toBe(true);
    expect(
      await page
        .locator('.hm-person-row')
        .filter({ hasText: MARCUS.name })
        .getByRole('radio', { name: 'Lead' })
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .locator('.hm-person-row')
        .filter({ hasText: LENA.name })
        .getByRole('radio', { name: 'Panelist' })
        .isChecked(),
    ).toBe(true);
    // the trainee joined the panel: the finder asks again; judge the page once it has its answer
    await page.locator('.hm-finder__results[aria-busy="false"]').waitFor();
    await checkPage(page, 'scheduling-pool-seat');
    await page.getByRole('button', { name: 'Schedule interview' }).click();
    await page.getByRole('heading', { level: 1, name: 'Technical interview' }).waitFor();
    const kit = await ok<{ start: string; panel: Array<{ userId: string; role: string }> }>(
      recruiter,
      'GET',
      `/interviews/${page.url().split('/').pop()}`,
    );
    expect(wall(kit.start, recruiterZone).time).toBe(when.split(', ').pop());
    expect(kit.panel.map((p) => [p.userId, p.role])).toEqual([
      [ids[MARCUS.name], 'lead'],
      [ids[LENA.name], 'panelist'],
      [ids[ANJALI.name], 'shadow'],
    ]);
  }, 180_000);
});
