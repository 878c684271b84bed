import { expect } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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

const SECRET = 'private-5e4d3c2b1a-basic';

/** Tomorrow 15:00–16:00 UTC: inside the eight weeks the app keeps. */
function feed(): string {
  const d = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10).replace(/-/g, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//test//EN',
    'BEGIN:VEVENT',
    'UID:dentist@test',
    'DTSTAMP:20270101T000000Z',
    `DTSTART:${d}T150000Z`,
    `DTEND:${d}T160000Z`,
    'SUMMARY:Dentist',
    'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
}

describe('an interviewer sets their availability and connects a calendar in the browser', () => {
  let app: RunningApp;
  let browser: Browser;
  let page: Page;
  let server: Server;
  let port = 0;
  const saved = { allow: process.env.OUTBOUND_ALLOWLIST, level: process.env.TEST_LOG_LEVEL };

  beforeAll(async () => {
    server = createServer((req, res) =>
      req.url?.includes(SECRET)
        ? res.writeHead(200, { 'content-type': 'text/calendar', etag: '"1"' }).end(feed())
        : res.writeHead(404).end(),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    // the app reads its feed from this loopback server; every log line is kept to look for the address
    process.env.OUTBOUND_ALLOWLIST = '127.0.0.1';
    process.env.TEST_LOG_LEVEL = 'debug';
    ({ app, browser, page } = await openAppInBrowser());
  }, 240_000);
  afterAll(async () => {
    process.env.OUTBOUND_ALLOWLIST = saved.allow;
    process.env.TEST_LOG_LEVEL = saved.level;
    if (saved.allow === undefined) delete process.env.OUTBOUND_ALLOWLIST;
    if (saved.level === undefined) delete process.env.TEST_LOG_LEVEL;
    await closeAppInBrowser({ app, browser });
    await new Promise((r) => server?.close(r));
  }, 60_000);

  it('saves working hours and a day off, connects the feed, and never shows or logs its address', async () => {
    await signInAs(page, app.url, 'interviewer');
    await page.goto(`${app.url}/profile`);
    const hours = page.getByRole('form', { name: 'Working hours' });
    await hours.waitFor();
    // Friday off entirely, a split Monday, a day off and a buffer
    await hours.getByRole('button', { name: 'Remove Friday window 1' }).click();
    await hours.getByLabel('Monday window 1 until').fill('12:00');
    await hours.locator('tr', { hasText: 'Monday' }).getByRole('button', { name: 'Add hours' }).click();
    await hours.getByLabel('Monday window 2 from').fill('13:00');
    await hours.getByLabel('Days off').fill('2031-01-06');
    await hours.getByRole('button', { name: 'Add day off' }).click();
    await hours.getByLabel('Buffer between interviews (minutes)').fill('15');
    await hours.getByRole('button', { name: 'Save working hours' }).click();
    await page.getByText('Working hours saved').waitFor();

    const feedForm = page.getByRole('form', { name: 'Calendar feed' });
    await feedForm.getByLabel('Secret iCal address').fill(`http://127.0.0.1:${port}/calendar/ical/${SECRET}/basic.ics`);
    await feedForm.getByRole('button', { name: 'Connect calendar' }).click();
    await page.getByText(/Calendar feed saved/).waitFor();
    await feedForm.getByText(/Connected to/).waitFor();
    // read in the background: reload until the status says so
    for (let i = 0; i < 40 && !(await feedForm.getByText(/1 busy time/).count()); i++) {
      await page.waitForTimeout(500);
      await page.reload();
      await feedForm.waitFor();
    }
    expect(await feedForm.innerText()).toMatch(/Connected to 127\.0\.0\.1 · read .* · 1 busy time/);
    expect(await page.content()).not.toContain(SECRET);
    expect(await feedForm.getByLabel('Replace with another address').inputValue()).toBe('');
    await checkPage(page, 'profile-availability');

    // what a scheduler reads: the windows as saved, the busy hour, no feed
    const hm = await apiToken(app.url, 'hiring_manager');
    const ines = (
      await (
        await fetch(`${app.url}/api/v1/interviewers?q=Ines`, { headers: { authorization: `Bearer ${hm}` } })
      ).json()
    ).items[0];
    const from = new Date().toISOString();
    const to = new Date(Date.now() + 14 * 86_400_000).toISOString();
    const res = await fetch(`${app.url}/api/v1/interviewers/${ines.userId}/availability?from=${from}&to=${to}`, {
      headers: { authorization: `Bearer ${hm}` },
    });
    const a = await res.json();
    expect(a.workingHours['1']).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ]);
    expect(a.workingHours['5']).toBeUndefined();
    expect(a).toMatchObject({ daysOff: ['2031-01-06'], bufferMinutes: 15 });
    expect(a.calendarFeed).toBeUndefined();
    expect(a.busy.filter((b: { source: string }) => b.source === 'calendar')).toHaveLength(1);
    expect(JSON.stringify(a)).not.toContain(SECRET);
    expect(app.output()).not.toContain(SECRET);
  }, 120_000);
});
