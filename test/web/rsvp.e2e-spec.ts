import { expect } from '@jest/globals';
import type { Page } from 'playwright-core';
import { apiToken, checkPage, launchBrowser, signInAs, startApp, type Browser, type RunningApp } from './support';

const THEO = { email: 'theo.rsvp@example.com', name: 'Theo Panelist', password: 'theo-password-42' };
const QUINN = { email: 'quinn.rsvp@example.com', name: 'Quinn Reyes', password: 'quinn-password-42' };
const NOTE = 'On parental leave that week, sorry!';

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

describe('RSVP in the browser: a panelist declines, the recruiter replaces them', () => {
  let app: RunningApp;
  let theo: Browser;
  let recruiter: Browser;
  let interviewId: string;
  let quinnId: string;
  let recruiterToken: string;

  beforeAll(async () => {
    app = await startApp();
    const admin = await apiToken(app.url, 'admin');
    recruiterToken = await apiToken(app.url, 'recruiter');
    const theoUser = await apiCall<{ id: string }>(app.url, admin, 'POST', '/users', {
      email: THEO.email,
      name: THEO.name,
      password: THEO.password,
      roles: ['interviewer'],
      timezone: 'Europe/Paris',
    });
    quinnId = (
      await apiCall<{ id: string }>(app.url, admin, 'POST', '/users', {
        email: QUINN.email,
        name: QUINN.name,
        password: QUINN.password,
        roles: ['interviewer'],
        timezone: 'Europe/London',
      })
    ).id;
    const ines = (
      await apiCall<{ items: Array<{ userId: string; name: string }> }>(
        app.url,
        recruiterToken,
        'GET',
        '/interviewers?q=ines',
      )
    ).items[0];
    const sam = (
      await apiCall<{ items: Array<{ id: string; name: string }> }>(
        app.url,
        recruiterToken,
        'GET',
        '/candidates?limit=50',
      )
    ).items.find((c) => c.name === 'Sam Okafor')!;
    const setId = (
      await apiCall<{ items: Array<{ id: string; name: string }> }>(
        app.url,
        recruiterToken,
        'GET',
        '/question-sets?status=published&limit=50',
      )
    ).items.find((s) => s.name.startsWith('Backend Engineer'))!.id;
    // a Tuesday 15:00 UTC three weeks ahead: clear of the demo's own interviews
    const start = new Date(Date.now() + 21 * 86_400_000);
    start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 5) % 7));
    start.setUTCHours(15, 0, 0, 0);
    const kit = await apiCall<{ id: string; questions: Array<{ competencies: string[] }> }>(
      app.url,
      recruiterToken,
      'POST',
      '/interviews',
      {
        candidateId: sam.id,
        stage: 'technical',
        title: 'Systems interview',
        start: start.toISOString(),
        durationMinutes: 60,
        timezone: 'Europe/Berlin',
        panel: [
          { userId: ines.userId, role: 'lead' },
          { userId: theoUser.id, role: 'shadow' },
        ],
        questions: [{ setId }],
        allowConflicts: true,
      },
    );
    interviewId = kit.id;
    // Quinn assesses what the interview asks about: the best suggestion
    const competencies = [...new Set(kit.questions.flatMap((q) => q.competencies))];
    await apiCall(app.url, admin, 'PATCH', `/interviewers/${quinnId}`, { competencies });
    theo = await launchBrowser();
    recruiter = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await theo?.close();
    await recruiter?.close();
    await app?.stop();
  }, 60_000);

  it('the panelist declines from the kit page with a note', async () => {
    const page = await theo.newPage();
    await signInWith(page, app.url, THEO.email, THEO.password);
    await page.goto(`${app.url}/interviews/${interviewId}`);
    const card = page.getByRole('region', { name: 'Your answer' });
    await card.waitFor();
    expect(await card.getByTestId('rsvp-chip').innerText()).toBe('No answer yet');
    await card.getByLabel('Note (optional)').fill(NOTE);
    await card.getByRole('button', { name: 'Decline' }).click();
    await card.locator('[data-rsvp="declined"]').waitFor();
    expect(await card.getByRole('button', { name: 'Decline' }).getAttribute('aria-pressed')).toBe('true');
    expect(await card.innerText()).toContain(NOTE);
    const panel = page.getByRole('region', { name: 'Panel' });
    expect(await panel.innerText()).toMatch(/Theo Panelist \(you\)[\s\S]*Declined/);
    await checkPage(page, 'rsvp-kit-declined');
    // the answer is the server's: a reload shows it
    await page.reload();
    await page.getByRole('region', { name: 'Your answer' }).locator('[data-rsvp="declined"]').waitFor();
  }, 120_000);

  it('the recruiter sees the decline and replaces the panelist in one click', async () => {
    const page = await recruiter.newPage();
    await signInAs(page, app.url, 'recruiter');
    await page.goto(`${app.url}/hiring/interviews/${interviewId}`);
    const notice = page.getByTestId('needs-replacement');
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/Theo Panelist declined:\s+“On parental leave that week, sorry!”/);
    const suggestions = notice.getByRole('list', { name: 'Suggested replacements' });
    await suggestions.waitFor();
    const first = suggestions.getByRole('listitem').first();
    expect(await first.innerText()).toMatch(/Quinn Reyes[\s\S]*Assesses/);
    expect(await first.innerText()).toMatch(/\w{3} \d\d:\d\d their time \(/);
    expect(await suggestions.innerText()).not.toContain('Theo Panelist');
    const panel = page.getByRole('list', { name: 'Panel' });
    expect(await panel.innerText()).toMatch(/Theo Panelist[\s\S]*Declined[\s\S]*On parental leave/);
    await checkPage(page, 'rsvp-needs-replacement');
    await notice.getByRole('button', { name: 'Replace Theo Panelist with Quinn Reyes' }).click();
    await notice.waitFor({ state: 'detached' });
    await panel.getByText('Quinn Reyes').waitFor();
    expect(await panel.innerText()).not.toContain('Theo Panelist');
    expect(await page.getByTestId(`rsvp-${quinnId}`).innerText()).toContain('No answer yet');
    await checkPage(page, 'rsvp-replaced');
    const kit = await apiCall<{ needsReplacement: boolean; panel: Array<{ userId: string; role: string }> }>(
      app.url,
      recruiterToken,
      'GET',
      `/interviews/${interviewId}`,
    );
    expect(kit.needsReplacement).toBe(false);
    expect(kit.panel.find((p) => p.userId === quinnId)?.role).toBe('shadow');
  }, 120_000);
});
