import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@app/config';
import {
  apiToken,
  checkPage,
  closeAppInBrowser,
  openAppInBrowser,
  watchErrors,
  type Browser,
  type RunningApp,
} from './support';

const DEMO_EMAILS = [
  'admin@demo.scorecards.dev',
  'recruiter@demo.scorecards.dev',
  'manager@demo.scorecards.dev',
  'interviewer@demo.scorecards.dev',
  'kai.becker@demo.scorecards.dev',
  'priya.shah@demo.scorecards.dev',
];

/**
 * A newcomer's first run of `npm start`: the sign-in page lists the demo users and signs in with one
 * click, and the link a reminder email carries (the interview kit) opens signed in, in a new tab as
 * after a sign-in that the link itself asked for.
 */
describe('the first run: demo logins on the sign-in page, and reminder links', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  /** The interview kit link of Ines's upcoming demo interview, as the reminder email writes it. */
  let reminderLink: string;

  beforeAll(async () => {
    ({ app, browser, page } = await openAppInBrowser());
    const token = await apiToken(app.url, 'interviewer');
    const headers = { authorization: `Bearer ${token}` };
    const upcoming = await (await fetch(`${app.url}/api/v1/interviews/upcoming?limit=1`, { headers })).json();
    reminderLink = `/interviews/${upcoming.items[0].id}`;
  }, 240_000);
  afterAll(() => closeAppInBrowser({ app, browser }), 60_000);

  const demoButton = (p: Page, name: string) =>
    p.getByRole('region', { name: 'Demo accounts' }).getByRole('button', { name: new RegExp(`^${name}`) });

  it('lists every demo user with the password, and one click signs in', async () => {
    await page.goto(`${app.url}/sign-in`);
    const section = page.getByRole('region', { name: 'Demo accounts' });
    await section.waitFor();
    expect(await section.innerText()).toContain(DEMO_PASSWORD);
    const listed = await section.getByRole('listitem').allInnerTexts();
    // the form's button is still the one "Sign in" button (the shared signInAs helper finds it by that name)
    expect(await page.getByRole('button', { name: 'Sign in' }).count()).toBe(1);
    for (const email of DEMO_EMAILS) expect(listed.join('\n')).toContain(email);
    expect(listed.join('\n')).toMatch(/Interviewer, New York[\s\S]*Interviewer, Berlin[\s\S]*Interviewer, Kolkata/);
    await checkPage(page, 'sign-in-demo-logins');

    await demoButton(page, 'Hugo Hiring-Manager').click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(new URL(page.url()).pathname).not.toBe('/sign-in');
    const me = await page.evaluate(async () => {
      const r = await fetch('/api/v1/auth/refresh', { method: 'POST', headers: { 'x-requested-with': 'fetch' } });
      return ((await r.json()) as { user: { email: string } }).user.email;
    });
    expect(me).toBe('manager@demo.scorecards.dev');
  }, 90_000);

  it('opens a reminder link signed out: sign-in, then the kit; a new tab and a reload stay signed in', async () => {
    const fresh = await browser.newPage(); // a browser profile of its own: nobody is signed in
    await fresh.goto(app.url + reminderLink);
    await fresh.waitForURL((u) => u.pathname === '/sign-in');
    await demoButton(fresh, 'Ines Interviewer').click();
    await fresh.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(new URL(fresh.url()).pathname).toBe(reminderLink);
    await fresh.getByRole('heading', { level: 1, name: /Jordan Rivera/ }).waitFor();

    const tab = await fresh.context().newPage();
    watchErrors(tab);
    await tab.goto(app.url + reminderLink);
    await tab.getByRole('heading', { level: 1, name: /Jordan Rivera/ }).waitFor();
    expect(new URL(tab.url()).pathname).toBe(reminderLink);
    await tab.reload();
    await tab.getByRole('heading', { level: 1, name: /Jordan Rivera/ }).waitFor();
    await checkPage(tab, 'reminder-link-new-tab');
  }, 90_000);
});
