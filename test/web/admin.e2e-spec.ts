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

const NEW_USER = { name: 'Priya Natarajan', email: 'priya.natarajan@demo.scorecards.dev', password: 'long-enough-1' };

/** The chips of the lead times on the reminder policy page, in their order. */
const leadChips = async (page: Page) => (await page.locator('.lead-chip').allInnerTexts()).map((t) => t.trim());

describe('the admin pages and the profile page in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;

  const api = async (
    role: 'admin' | 'hiring_manager' | 'interviewer',
    method: string,
    path: string,
    body?: unknown,
  ) => {
    const token = await apiToken(app.url, role);
    const res = await fetch(`${app.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json().catch(() => null)) as any };
  };

  // a failing webhook gives up after two quick attempts, so the log shows a failure within the test
  const env = { REMINDER_ATTEMPTS: process.env.REMINDER_ATTEMPTS, REMINDER_RETRY_MS: process.env.REMINDER_RETRY_MS };

  beforeAll(async () => {
    process.env.REMINDER_ATTEMPTS = '2';
    process.env.REMINDER_RETRY_MS = '200';
    ({ app, browser, page } = await openAppInBrowser());
  }, 240_000);
  afterAll(async () => {
    await closeAppInBrowser({ app, browser });
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }, 60_000);

  it('shows the admin the Admin section and the users, with their roles as chips', async () => {
    await signInAs(page, app.url, 'admin');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('heading', { name: 'Admin' }).waitFor();
    const admin = nav.locator('.nav-section').filter({ has: page.getByRole('heading', { name: 'Admin' }) });
    expect(await admin.getByRole('link').allTextContents()).toEqual([
      'Users and roles',
      'Reminder policy',
      'Rejection reasons',
      'Delivery log',
      'Webhooks',
      'API keys',
    ]);
    await admin.getByRole('link', { name: 'Users and roles' }).click();
    await page.getByRole('heading', { level: 1, name: 'Users and roles' }).waitFor();
    const users = page.getByRole('list', { name: 'users' });
    const ines = users.getByRole('listitem').filter({ hasText: 'interviewer@demo.scorecards.dev' });
    await ines.waitFor();
    expect(await ines.innerText()).toMatch(/Ines Interviewer[\s\S]*Interviewer[\s\S]*America\/New York[\s\S]*Active/);
    expect(await users.getByRole('listitem').filter({ hasText: 'admin@demo.scorecards.dev' }).innerText()).toContain(
      'You',
    );
  }, 120_000);

  it('creates a user: a taken email is named next to the field, then the user is created', async () => {
    await page.getByRole('button', { name: 'New user' }).click();
    const form = page.getByRole('form', { name: 'New user' });
    await form.getByLabel('Full name').fill(NEW_USER.name);
    await form.getByLabel('Work email').fill('Interviewer@demo.scorecards.dev');
    await form.getByLabel('First password').fill(NEW_USER.password);
    await form.getByRole('checkbox', { name: /Hiring manager/ }).check();
    await form.getByLabel('Timezone').selectOption('Europe/Paris');
    await form.getByRole('button', { name: 'Create user' }).click();
    const email = form.getByLabel('Work email');
    await form.getByText('Someone already has an account with this email.').waitFor();
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    // the message is tied to the field, so a screen reader reads it with the field
    const describedBy = (await email.getAttribute('aria-describedby'))!;
    expect(await page.locator(`#${describedBy}`).innerText()).toContain(
      'Someone already has an account with this email.',
    );
    await checkPage(page, 'admin-users-error');

    await email.fill(NEW_USER.email);
    await form.getByRole('button', { name: 'Create user' }).click();
    await page.getByText(`Created ${NEW_USER.name}.`).waitFor();
    await form.waitFor({ state: 'detached' });
    const row = page.getByRole('list', { name: 'users' }).getByRole('listitem').filter({ hasText: NEW_USER.email });
    await row.waitFor();
    expect(await row.locator('.role-chip').allTextContents()).toEqual(['Hiring manager', 'Interviewer']);
    expect(await row.innerText()).toContain('Europe/Paris');
    const login = await fetch(`${app.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: NEW_USER.email, password: NEW_USER.password }),
    });
    expect(login.status).toBe(200);
    await checkPage(page, 'admin-users');
  }, 60_000);

  it('searches, edits roles, deactivates and reactivates a user', async () => {
    await page.getByLabel('Search users').fill('natarajan');
    await page.waitForURL(/q=natarajan/);
    const users = page.getByRole('list', { name: 'users' });
    await users.getByRole('listitem').filter({ hasText: 'Ines Interviewer' }).waitFor({ state: 'detached' });
    expect(await users.getByRole('listitem').count()).toBe(1);
    const row = users.getByRole('listitem').first();

    await row.getByRole('button', { name: `Edit ${NEW_USER.name}` }).click();
    const edit = row.getByRole('form', { name: `Edit ${NEW_USER.name}` });
    await edit.getByRole('checkbox', { name: /Hiring manager/ }).uncheck();
    await edit.getByRole('checkbox', { name: /Recruiter/ }).check();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText(`Saved ${NEW_USER.name}`).waitFor();
    expect(await row.locator('.role-chip').allTextContents()).toEqual(['Recruiter', 'Interviewer']);

    // no roles at all is refused, in words, next to the roles
    await row.getByRole('button', { name: `Edit ${NEW_USER.name}` }).click();
    await edit.getByRole('checkbox', { name: /Recruiter/ }).uncheck();
    await edit.getByRole('checkbox', { name: /Interviewer/ }).uncheck();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.getByText('Roles must name at least one role.').waitFor();
    await edit.getByRole('button', { name: 'Cancel' }).click();

    const token = await (
      await fetch(`${app.url}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: NEW_USER.email, password: NEW_USER.password }),
      })
    ).json();
    await row.getByRole('button', { name: `Deactivate ${NEW_USER.name}` }).click();
    const confirm = row.getByRole('group', { name: `Deactivate ${NEW_USER.name}` });
    expect(await confirm.innerText()).toContain('signed out at once');
    await confirm.getByRole('button', { name: 'Deactivate' }).click();
    await page.getByText(`${NEW_USER.name} is deactivated`).waitFor();
    await row.locator('.badge', { hasText: 'Deactivated' }).waitFor();
    expect(
      (await fetch(`${app.url}/api/v1/me`, { headers: { authorization: `Bearer ${token.accessToken}` } })).status,
    ).toBe(401);
    await checkPage(page, 'admin-users-deactivated');

    await row.getByRole('button', { name: `Reactivate ${NEW_USER.name}` }).click();
    await page.getByText(`${NEW_USER.name} can sign in again`).waitFor();
    await row.locator('.badge', { hasText: 'Active' }).waitFor();
    expect((await api('admin', 'GET', `/users?q=natarajan`)).body.items[0]).toMatchObject({
      roles: ['recruiter', 'interviewer'],
      active: true,
    });

    // an admin cannot deactivate themselves: the button says why
    await page.getByLabel('Search users').fill('admin@demo');
    const me = users.getByRole('listitem').filter({ hasText: 'admin@demo.scorecards.dev' });
    await me.waitFor();
    expect(await me.getByRole('button', { name: 'Deactivate Ada Admin' }).isDisabled()).toBe(true);
  }, 60_000);

  it('changes the reminder policy in hours and days, names a bad value next to its field, and keeps the change after a reload', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reminder policy' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reminder policy' }).waitFor();
    await page.locator('.lead-chip').first().waitFor();
    expect(await leadChips(page)).toEqual(['1 day before', '1 hour before']);
    expect(await page.getByLabel('Repeat every', { exact: true }).inputValue()).toBe('1');
    expect(await page.getByLabel('Repeat every: unit').inputValue()).toBe('days');
    expect(await page.getByText('All changes saved').count()).toBe(1);

    await page.getByRole('button', { name: 'Remove the reminder 1 hour before' }).click();
    await page.getByLabel('Add a reminder', { exact: true }).fill('30');
    await page.getByLabel('Add a reminder: unit').selectOption('minutes');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByLabel('Add a reminder', { exact: true }).fill('1');
    await page.getByLabel('Add a reminder: unit').selectOption('days');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('There is already a reminder 1 day before.').waitFor();
    expect(await leadChips(page)).toEqual(['1 day before', '30 minutes before']);

    await page.getByLabel('Repeat every', { exact: true }).fill('0');
    await page.getByLabel('At most').fill('2');
    await page.getByRole('radio', { name: 'Never escalate' }).check();
    await page.getByLabel('From').fill('22:00');
    await page.getByText('Unsaved changes').waitFor();
    await page.getByRole('button', { name: 'Save policy' }).click();
    const every = page.getByLabel('Repeat every', { exact: true });
    await page.getByText('Repeat every 1 minute to 7 days, as a whole number.').waitFor();
    expect(await every.getAttribute('aria-invalid')).toBe('true');
    expect((await api('admin', 'GET', '/settings/reminders')).body.prepLeadMinutes).toEqual([1440, 60]);

    await every.fill('12');
    await page.getByLabel('Repeat every: unit').selectOption('hours');
    // decisions: recruiters stay informed, the panel no longer hears outcomes
    const tellPanel = page.getByRole('switch', { name: 'Tell the panel the outcome (without the rationale)' });
    expect(await tellPanel.isChecked()).toBe(true);
    expect(
      await page.getByRole('switch', { name: /Tell recruiters when a candidate is advanced, rejected/ }).isChecked(),
    ).toBe(true);
    await tellPanel.uncheck();
    await page.getByRole('button', { name: 'Save policy' }).click();
    await page.getByText('Reminder policy saved').waitFor();
    await page.getByText('All changes saved').waitFor();
    expect((await api('admin', 'GET', '/settings/reminders')).body).toEqual({
      prepLeadMinutes: [1440, 30],
      feedbackDueEnabled: true,
      overdueEveryMinutes: 720,
      overdueMaxCount: 2,
      escalateAfterMinutes: null,
      quietHours: { start: '22:00', end: '08:00' },
      notifyDecisions: { recruiters: true, panel: false },
      candidateInvitationText: expect.stringContaining('We look forward'),
    });
    expect((await api('admin', 'GET', '/settings/reminders')).body.notifyDecisions.panel).toBe(false);

    await page.reload();
    await page.locator('.lead-chip').first().waitFor();
    expect(await leadChips(page)).toEqual(['1 day before', '30 minutes before']);
    expect(await page.getByLabel('Repeat every', { exact: true }).inputValue()).toBe('12');
    expect(await page.getByLabel('Repeat every: unit').inputValue()).toBe('hours');
    expect(await page.getByLabel('At most').inputValue()).toBe('2');
    expect(await page.getByRole('radio', { name: 'Never escalate' }).isChecked()).toBe(true);
    expect(await page.getByLabel('From').inputValue()).toBe('22:00');
    expect(
      await page.getByRole('switch', { name: 'Tell the panel the outcome (without the rationale)' }).isChecked(),
    ).toBe(false);
    expect(await page.getByRole('switch', { name: /Tell recruiters/ }).isChecked()).toBe(true);
    const preview = page.getByRole('complementary', { name: 'What people receive' });
    expect(await preview.innerText()).toMatch(
      /1 day before[\s\S]*30 minutes before[\s\S]*Interview[\s\S]*Every 12 hours[\s\S]*2 overdue reminders/,
    );
    expect(await preview.innerText()).not.toContain('hiring manager hears');
    expect(await preview.innerText()).toContain('After a decision, recruiters are told; the panel is not.');
    await checkPage(page, 'admin-reminder-policy');
  }, 60_000);

  it('keeps the rejection reasons: adds one, renames with a bad label named by its field, deactivates one, and saves', async () => {
    const seeded = [
      'Skills gap',
      'Experience level',
      'Culture add / values',
      'Compensation',
      'Position filled',
      'Candidate withdrew',
      'Other',
    ];
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Rejection reasons' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rejection reasons' }).waitFor();
    const list = page.getByRole('list', { name: 'Reasons' });
    await list.getByRole('listitem').first().waitFor();
    const labels = () =>
      list.getByRole('listitem').evaluateAll((items) => items.map((li) => li.querySelector('input')!.value));
    expect(await labels()).toEqual(seeded);
    expect(await page.getByText('All changes saved').count()).toBe(1);

    // a reason already listed is named next to the field, and not added twice
    const add = page.getByLabel('Add a reason');
    await add.fill('compensation');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.getByText('"Compensation" is already in the list.').waitFor();
    expect(await add.getAttribute('aria-invalid')).toBe('true');
    await add.fill('Relocation not possible');
    await add.press('Enter');
    expect(await labels()).toEqual([...seeded, 'Relocation not possible']);
    expect(await add.inputValue()).toBe('');
    const compensation = list.getByRole('listitem').nth(3);
    await compensation.getByRole('button', { name: 'Deactivate Compensation' }).click();
    await compensation.getByText('Inactive').waitFor();
    await compensation.getByRole('button', { name: 'Reactivate Compensation' }).waitFor();

    // a blank label is refused by the API and shown by that reason's field; nothing is saved
    const other = page.getByLabel('Reason 7', { exact: true });
    await other.fill('   ');
    await page.getByRole('button', { name: 'Save reasons' }).click();
    await page.getByText('Not saved: fix the highlighted reasons below.').waitFor();
    expect(await other.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator(`#${await other.getAttribute('aria-describedby')}`).innerText()).toBe(
      'Give the reason a label.',
    );
    expect((await api('admin', 'GET', '/settings/rejection-reasons')).body.items.map((r: any) => r.label)).toEqual(
      seeded,
    );
    await checkPage(page, 'rejection-reasons-error');

    await other.fill('Other');
    await page.getByRole('button', { name: 'Save reasons' }).click();
    await page.getByText('Rejection reasons saved').waitFor();
    await page.getByText('All changes saved').waitFor();
    expect(await other.getAttribute('aria-invalid')).toBeNull();
    const saved = (await api('admin', 'GET', '/settings/rejection-reasons')).body.items;
    expect(saved.map((r: any) => [r.label, r.active])).toEqual([
      ...seeded.map((l) => [l, l !== 'Compensation']),
      ['Relocation not possible', true],
    ]);
    // the one that went inactive keeps its id, so past decisions still point at it
    expect(saved.find((r: any) => r.label === 'Compensation').id).toBeTruthy();

    await page.reload();
    await list.getByRole('listitem').first().waitFor();
    expect(await labels()).toEqual([...seeded, 'Relocation not possible']);
    await list.getByRole('button', { name: 'Reactivate Compensation' }).waitFor();
    expect(await list.getByRole('listitem').filter({ hasText: 'New' }).count()).toBe(0);
    await checkPage(page, 'rejection-reasons');
  }, 60_000);

  it("lists what was sent in the delivery log, in the admin's timezone", async () => {
    // cancelling the demo's upcoming interview (Jordan's: Ines leads, Kai Becker sits on the panel) sends its
    // panel a cancellation notice at once; Ines's webhook names a host that never resolves, so that channel fails
    const ines = (await api('interviewer', 'GET', '/me')).body;
    expect(
      (
        await api('interviewer', 'PATCH', `/interviewers/${ines.id}`, {
          webhookUrl: 'https://scorecards.invalid/closed',
        })
      ).status,
    ).toBe(200);
    const interviews = await api('hiring_manager', 'GET', '/interviews?status=scheduled');
    expect(interviews.body.items.map((i: any) => i.candidate.name)).toEqual(['Jordan Rivera']);
    const demo = interviews.body.items[0];
    expect(
      (await api('hiring_manager', 'POST', `/interviews/${demo.id}/cancel`, { reason: 'The candidate withdrew' }))
        .status,
    ).toBe(200);
    const deadline = Date.now() + 60_000;
    let all: any[] = [];
    let sent: any[] = [];
    while (sent.length < 3 && Date.now() < deadline) {
      all = (await api('admin', 'GET', '/notifications')).body.items;
      sent = all.filter((n) => n.kind === 'cancellation');
      if (sent.length < 3) await new Promise((r) => setTimeout(r, 500));
    }
    // besides the cancellation, only the demo decision's notices (Alex Chen advanced to the onsite): the
    // held interviews' reminders were in the past and were dropped
    expect(sent.every((n) => n.interviewId === demo.id)).toBe(true);
    // (the demo interviews' calendar invitations, sent when they were scheduled, are left aside)
    const others = all.filter((n) => n.kind !== 'cancellation' && n.kind !== 'invitation');
    expect(others.length).toBeGreaterThan(0);
    expect(
      others.every((n) => n.interviewId === null && ['decision_recruiter', 'decision_panel'].includes(n.kind)),
    ).toBe(true);
    expect(sent.map((n) => [n.recipientId === ines.id ? 'ines' : 'kai', n.channel, n.status]).sort()).toEqual([
      ['ines', 'log', 'sent'],
      ['ines', 'webhook', 'failed'],
      ['kai', 'log', 'sent'],
    ]);
    expect((await api('interviewer', 'PATCH', `/interviewers/${ines.id}`, { webhookUrl: null })).status).toBe(200);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Delivery log' }).click();
    await page.getByRole('heading', { level: 1, name: 'Delivery log' }).waitFor();
    const rows = page.getByRole('table').getByRole('row').filter({ hasText: 'Cancellation' });
    await rows.filter({ hasText: 'Kai Becker' }).getByText('kai.becker@demo.scorecards.dev').waitFor();
    const inesRows = rows.filter({ hasText: 'Ines Interviewer' });
    const sentRow = inesRows.filter({ hasText: 'Server log' });
    const failedRow = inesRows.filter({ hasText: 'Webhook' });
    const text = await sentRow.innerText();
    const logged = sent.find((n) => n.channel === 'log' && n.recipientId === ines.id);
    expect(text).toMatch(/Ines Interviewer\s*interviewer@demo.scorecards.dev/);
    expect(text).toContain(logged.subject);
    expect(text).toContain('Sent');
    // the admin's timezone is UTC: the time is the instant as written in UTC
    const at = new Date(logged.createdAt);
    expect(text).toContain(
      `${String(at.getUTCHours()).padStart(2, '0')}:${String(at.getUTCMinutes()).padStart(2, '0')}`,
    );
    expect(await page.getByText('Times are in your timezone (UTC)').count()).toBe(1);
    // a failure says so, with the error
    const failure = sent.find((n) => n.status === 'failed');
    expect(failure.error).toBeTruthy();
    expect(await failedRow.innerText()).toMatch(/Failed/);
    expect(await failedRow.innerText()).toContain(failure.error.slice(0, 30));

    await page.getByRole('radio', { name: /Failed/ }).check();
    await sentRow.waitFor({ state: 'detached' });
    expect(await rows.count()).toBe(1);
    await page.getByRole('radio', { name: 'Sent' }).check();
    await failedRow.waitFor({ state: 'detached' });
    await page.getByRole('radio', { name: 'All' }).check();
    await failedRow.waitFor();
    await checkPage(page, 'admin-delivery-log');
  }, 90_000);

  it('opens the queue dashboard in a new tab, signed in by a cookie', async () => {
    expect((await fetch(`${app.url}/admin/queues`)).status).toBe(401);
    const response = browser.context.waitForEvent('response', (r) => new URL(r.url()).pathname === '/admin/queues');
    const [tab] = await Promise.all([
      browser.context.waitForEvent('page'),
      page.getByRole('button', { name: /Queue dashboard/ }).click(),
    ]);
    expect((await response).status()).toBe(200);
    await tab.waitForLoadState();
    expect(new URL(tab.url()).pathname).toBe('/admin/queues');
    await tab.getByText('Scorecards queues').first().waitFor();
    await tab.close();

    // the admin's own profile: details and timezone, no interviewer settings
    await page.getByRole('link', { name: 'Your profile' }).click();
    await page.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await page.getByRole('form', { name: 'Your details' }).getByLabel('Timezone').inputValue()).toBe('UTC');
    expect(await page.getByRole('heading', { name: 'Notifications' }).count()).toBe(0);
  }, 60_000);

  it('shows a non-admin no Admin section, and a not-allowed page at an admin address', async () => {
    const other = await browser.newPage();
    await signInAs(other, app.url, 'interviewer');
    const nav = other.getByRole('navigation', { name: 'Main' });
    expect(await nav.getByRole('heading', { name: 'Admin' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Users and roles' }).count()).toBe(0);
    for (const path of [
      '/settings/users',
      '/settings/reminders',
      '/settings/rejection-reasons',
      '/settings/delivery-log',
    ]) {
      await other.goto(app.url + path);
      await other.getByRole('heading', { level: 1, name: 'Not available' }).waitFor();
      await other.getByText('Your account cannot open this page').waitFor();
    }
    // and the API refuses as well, so the page is not the only guard
    expect(
      (await api('interviewer', 'PATCH', `/users/${(await api('admin', 'GET', '/me')).body.id}`, { active: false }))
        .status,
    ).toBe(403);
    expect((await api('hiring_manager', 'PUT', '/settings/rejection-reasons', { reasons: [] })).status).toBe(403);
    await other.close();
  }, 60_000);

  it('lets an interviewer change their timezone and notification preferences on their profile', async () => {
    const me = await browser.newPage();
    await signInAs(me, app.url, 'interviewer');
    await me.getByRole('link', { name: 'Your profile' }).click();
    await me.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    const details = me.getByRole('form', { name: 'Your details' });
    expect(await details.getByLabel('Timezone').inputValue()).toBe('America/New_York');
    await details.getByLabel('Timezone').selectOption('Asia/Tokyo');
    await details.getByRole('button', { name: 'Save details' }).click();
    await me.getByText('Saved. Times now show in Asia/Tokyo.').waitFor();
    // the whole app follows at once: the sidebar shows the new zone
    await me.locator('.sidebar__tz', { hasText: 'Asia/Tokyo' }).waitFor();

    const notifications = me.getByRole('form', { name: 'Notifications' });
    const emailSwitch = notifications.getByRole('switch', { name: /Email me reminders/ });
    expect(await emailSwitch.isChecked()).toBe(true);
    await emailSwitch.uncheck();
    await notifications.getByText('you will not be reminded at all').waitFor();
    const webhook = notifications.getByLabel('Webhook URL');
    await webhook.fill('hooks.example.com/not-a-url');
    await notifications.getByRole('button', { name: 'Save notifications' }).click();
    await notifications.getByText('Enter a full web address that starts with https://').waitFor();
    expect(await webhook.getAttribute('aria-invalid')).toBe('true');
    // the cloud metadata address: the server refuses it and the page says why, not "enter a web address"
    await webhook.fill('http://169.254.169.254/latest/meta-data');
    await notifications.getByRole('button', { name: 'Save notifications' }).click();
    await notifications.getByText('Refused: the address is internal.').waitFor();
    await webhook.fill('https://hooks.example.com/scorecards/ines');
    await notifications.getByRole('button', { name: 'Save notifications' }).click();
    await me.getByText('Notification preferences saved').waitFor();

    const interviewing = me.getByRole('form', { name: 'What you interview for' });
    await interviewing.getByLabel('Competencies you assess').fill('System Design');
    await me.keyboard.press('Enter');
    await interviewing.locator('label', { hasText: 'Behavioral' }).click();
    expect(await interviewing.getByRole('checkbox', { name: 'Behavioral' }).isChecked()).toBe(true);
    await interviewing.getByLabel('Interviews per week').fill('3');
    await interviewing.getByRole('button', { name: 'Save preferences' }).click();
    await me.getByText('Interviewing preferences saved').waitFor();

    const saved = (await api('interviewer', 'GET', `/interviewers/${(await api('interviewer', 'GET', '/me')).body.id}`))
      .body;
    expect(saved).toMatchObject({
      timezone: 'Asia/Tokyo',
      notifications: { email: false, webhookUrl: 'https://hooks.example.com/scorecards/ines' },
      weeklyLimit: 3,
    });
    expect(saved.competencies).toContain('system design');
    expect(saved.questionTypes).toContain('behavioral');

    await me.reload();
    await me.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    await me.getByRole('switch', { name: /Email me reminders/ }).waitFor();
    expect(await me.getByRole('form', { name: 'Your details' }).getByLabel('Timezone').inputValue()).toBe('Asia/Tokyo');
    expect(await me.getByRole('switch', { name: /Email me reminders/ }).isChecked()).toBe(false);
    expect(await me.getByLabel('Webhook URL').inputValue()).toBe('https://hooks.example.com/scorecards/ines');
    await checkPage(me, 'profile');

    await me.setViewportSize({ width: 375, height: 812 });
    await me.getByRole('heading', { level: 1, name: 'Your profile' }).waitFor();
    expect(await me.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await checkPage(me, 'profile-phone');
    await me.close();
  }, 90_000);

  it('works at phone width: the users and the delivery log', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    for (const [path, heading, shot] of [
      ['/settings/users', 'Users and roles', 'admin-users-phone'],
      ['/settings/delivery-log', 'Delivery log', 'admin-delivery-log-phone'],
      ['/settings/reminders', 'Reminder policy', 'admin-reminder-policy-phone'],
      ['/settings/rejection-reasons', 'Rejection reasons', 'rejection-reasons-phone'],
    ] as const) {
      await page.goto(app.url + path);
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      await page.locator('.user-row, .log-table, .lead-chip, .reason-row').first().waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(
        0,
      );
      await checkPage(page, shot);
    }
  }, 90_000);
});
