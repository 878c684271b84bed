import ICAL from 'ical.js';
import * as nodeIcal from 'node-ical';
import type { ParsedMail } from 'mailparser';
import { getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { InvitationDeliveryService } from '../libs/reminders/src/invitations/invitation-delivery.service';
import { InvitationPlannerService } from '../libs/reminders/src/invitations/invitation-planner.service';
import { HiringFixture } from './support/hiring-fixture';
import { TestSmtp } from './support/smtp';
import { eventually, startWorker, TestApp } from './support/test-app';

const backends: Array<'postgres' | 'redis'> = process.env.REDIS_URL ? ['postgres', 'redis'] : ['postgres'];
const HM = 'hannah@example.com';
const TOKYO = 'kenji@example.com';
const LONDON = 'lucy@example.com';
const DENVER = 'dora@example.com';
const BASE = 'https://scorecards.example.com';
const CANDIDATE = 'robin@example.com';
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Invite {
  mail: ParsedMail;
  method: string;
  /** The `method` parameter of the text/calendar alternative's Content-Type. */
  partMethod: string | undefined;
  uid: string;
  sequence: number;
  start: Date;
  tzid: string | null;
  attendees: Array<{ email: string; partstat: string; rsvp: string }>;
  organizer: string;
  summary: string;
  description: string;
  filename: string | undefined;
  raw: string;
}

/** The calendar in a mail, read by ical.js with the VTIMEZONEs it carries (not the project's code). */
function readInvite(mail: ParsedMail): Invite {
  const part = mail.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  const file = mail.attachments.find((a) => a.contentType === 'application/ics');
  if (!part || !file) throw new Error(`no calendar part and attachment in "${mail.subject}"`);
  const raw = part.content.toString('utf8');
  expect(file.content.toString('utf8')).toBe(raw);
  ICAL.TimezoneService.reset();
  const cal = new ICAL.Component(ICAL.parse(raw));
  for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevents = cal.getAllSubcomponents('vevent');
  expect(vevents).toHaveLength(1);
  const ev = new ICAL.Event(vevents[0]);
  const ctype = part.headers.get('content-type') as { value: string; params: Record<string, string> } | undefined;
  return {
    mail,
    method: String(cal.getFirstPropertyValue('method')),
    partMethod: ctype?.params?.method,
    uid: ev.uid,
    sequence: ev.sequence,
    start: ev.startDate.toJSDate(),
    tzid: (vevents[0].getFirstProperty('dtstart')!.getParameter('tzid') as string | undefined) ?? null,
    attendees: vevents[0].getAllProperties('attendee').map((p) => ({
      email: String(p.getFirstValue()).replace(/^mailto:/i, ''),
      partstat: String(p.getParameter('partstat')),
      rsvp: String(p.getParameter('rsvp')),
    })),
    organizer: String(vevents[0].getFirstPropertyValue('organizer')).replace(/^mailto:/i, ''),
    summary: ev.summary,
    description: ev.description,
    filename: file.filename,
    raw,
  };
}

describe.each(backends)('calendar invitations on %s', (backend) => {
  let smtp: TestSmtp;
  let t: TestApp;
  let f: HiringFixture;
  /** Every calendar mail (invitation, update, removal, cancellation) about one interview for one person. */
  const calendarMails = (email: string, interviewId: string) =>
    smtp
      .to(email)
      .filter((m) =>
        m.attachments.some(
          (a) =>
            a.contentType.startsWith('text/calendar') && a.content.toString().includes(`UID:${interviewId}@scorecards`),
        ),
      );
  const invitesFor = (email: string, interviewId: string) => calendarMails(email, interviewId).map(readInvite);
  /** Waits until each person has `count` calendar mails for the interview, then a little longer to catch extras. */
  const settle = async (interviewId: string, counts: Record<string, number>) => {
    await eventually(
      async () => Object.entries(counts).every(([email, n]) => calendarMails(email, interviewId).length >= n),
      30_000,
      150,
    );
    await sleep(1200);
    for (const [email, n] of Object.entries(counts))
      expect([email, calendarMails(email, interviewId).length]).toEqual([email, n]);
  };
  const schedule = async (panel: string[], body: Record<string, unknown> = {}) => {
    const res = await t.post(
      '/api/v1/interviews',
      {
        candidateId: f.candidateId,
        stage: 'technical',
        start: new Date(Math.ceil((Date.now() + 2 * DAY) / 3_600_000) * 3_600_000).toISOString(),
        durationMinutes: 45,
        timezone: 'America/New_York',
        meetingUrl: 'https://meet.example.com/abc-defg-hij',
        panel: panel.map((p, i) => ({ userId: f.ids[p], role: i === 0 ? 'lead' : 'shadow' })),
        questions: [{ setId: f.setId }],
        allowConflicts: true,
        ...body,
      },
      HM,
    );
    if (res.status !== 201) throw new Error(`schedule: ${res.status} ${res.text}`);
    return res.body;
  };
  const patch = async (id: string, body: Record<string, unknown>) => {
    const current = (await t.get(`/api/v1/interviews/${id}`, HM)).body;
    const res = await t.request('PATCH', `/api/v1/interviews/${id}`, {
      as: HM,
      body: { revision: current.revision, allowConflicts: true, ...body },
    });
    expect(res.status).toBe(200);
    return res.body;
  };
  const rows = (interviewId: string) =>
    t.db.query<{
      id: string;
      recipient_id: string;
      sequence: number;
      method: string;
      status: string;
      reason: string | null;
    }>(
      'SELECT id, recipient_id, sequence, method, status, reason FROM invitations WHERE interview_id = $1 ORDER BY sequence, recipient_id',
      [interviewId],
    );

  beforeAll(async () => {
    smtp = await TestSmtp.start();
    t = await TestApp.start(`invitations_${backend}`, {
      redis: backend === 'redis',
      env: { SMTP_URL: smtp.url, PUBLIC_URL: BASE },
    });
    f = await HiringFixture.create(t, HM, [
      { email: TOKYO, timezone: 'Asia/Tokyo' },
      { email: LONDON, timezone: 'Europe/London' },
      { email: DENVER, timezone: 'America/Denver' },
    ]);
    // no reminders in the way: only the calendar mails are under test
    await f.policy({ prepLeadMinutes: [], feedbackDueEnabled: false, overdueMaxCount: 0, escalateAfterMinutes: null });
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  it('sends each panelist one REQUEST, reschedules with SEQUENCE raised, updates and removes on a panel change, cancels for all', async () => {
    const kit = await schedule([TOKYO, LONDON]);
    await settle(kit.id, { [TOKYO]: 1, [LONDON]: 1, [HM]: 0 });
    const first = [...invitesFor(TOKYO, kit.id), ...invitesFor(LONDON, kit.id)];
    const n = kit.sequence as number;
    for (const inv of first) {
      expect(inv).toMatchObject({
        method: 'REQUEST',
        partMethod: 'REQUEST',
        uid: `${kit.id}@scorecards`,
        sequence: n,
        tzid: 'America/New_York',
        organizer: HM,
      });
      // the wall time in New York, through the calendar's own VTIMEZONE, is the instant scheduled
      expect(inv.start.toISOString()).toBe(new Date(kit.start).toISOString());
      expect(inv.raw).toContain('BEGIN:VTIMEZONE');
      expect(inv.raw).toContain('TZID:America/New_York');
      expect(inv.attendees.map((a) => a.email).sort()).toEqual([LONDON, TOKYO].sort());
      expect(inv.attendees.every((a) => a.partstat === 'NEEDS-ACTION' && a.rsvp === 'TRUE')).toBe(true);
      expect(inv.description).toContain(`${BASE}/interviews/${kit.id}`);
      expect(inv.description).toContain('https://meet.example.com/abc-defg-hij');
      expect(inv.filename).toBe('Technical interview - Robin Reed.ics');
      expect(inv.mail.subject).toMatch(/^Invitation: Technical interview: Robin Reed/);
      expect(inv.mail.text).toContain(`${BASE}/interviews/${kit.id}`);
    }
    // each sees the time in their own zone in the mail
    expect(invitesFor(TOKYO, kit.id)[0].mail.text).toContain('(Asia/Tokyo)');
    expect(invitesFor(LONDON, kit.id)[0].mail.text).toContain('(Europe/London)');

    // reschedule: the same UID, SEQUENCE n+1, the new time, to both
    const later = new Date(new Date(kit.start).getTime() + DAY + 30 * 60_000);
    const moved = await patch(kit.id, { start: later.toISOString() });
    expect(moved.sequence).toBe(n + 1);
    await settle(kit.id, { [TOKYO]: 2, [LONDON]: 2 });
    for (const email of [TOKYO, LONDON]) {
      const update = invitesFor(email, kit.id)[1];
      expect(update).toMatchObject({ method: 'REQUEST', uid: `${kit.id}@scorecards`, sequence: n + 1 });
      expect(update.start.toISOString()).toBe(later.toISOString());
      expect(update.mail.subject).toMatch(/^Updated invitation:/);
    }

    // replace London by Denver: CANCEL to London, REQUEST to Denver, an updated REQUEST to Tokyo
    await patch(kit.id, {
      panel: [
        { userId: f.ids[TOKYO], role: 'lead' },
        { userId: f.ids[DENVER], role: 'shadow' },
      ],
    });
    await settle(kit.id, { [TOKYO]: 3, [LONDON]: 3, [DENVER]: 1 });
    const removed = invitesFor(LONDON, kit.id)[2];
    expect(removed).toMatchObject({
      method: 'CANCEL',
      partMethod: 'CANCEL',
      uid: `${kit.id}@scorecards`,
      sequence: n + 2,
    });
    expect(removed.attendees.map((a) => a.email)).toEqual([LONDON]);
    expect(removed.raw).toContain('STATUS:CANCELLED');
    for (const email of [TOKYO, DENVER]) {
      const req = invitesFor(email, kit.id).at(-1)!;
      expect(req).toMatchObject({ method: 'REQUEST', sequence: n + 2 });
      expect(req.attendees.map((a) => a.email).sort()).toEqual([DENVER, TOKYO].sort());
      expect(req.start.toISOString()).toBe(later.toISOString());
    }
    expect(invitesFor(DENVER, kit.id)[0].mail.subject).toMatch(/^Invitation:/);

    // a place-only edit is a change calendars must see too
    await patch(kit.id, { meetingUrl: 'https://meet.example.com/new-room' });
    await settle(kit.id, { [TOKYO]: 4, [DENVER]: 2, [LONDON]: 3 });
    expect(invitesFor(DENVER, kit.id)[1]).toMatchObject({ method: 'REQUEST', sequence: n + 3 });
    expect(invitesFor(DENVER, kit.id)[1].description).toContain('https://meet.example.com/new-room');

    // cancel: one CANCEL to everyone on the panel, nothing more to the one removed before
    expect((await t.post(`/api/v1/interviews/${kit.id}/cancel`, { reason: 'Candidate withdrew' }, HM)).status).toBe(
      200,
    );
    await settle(kit.id, { [TOKYO]: 5, [DENVER]: 3, [LONDON]: 3 });
    for (const email of [TOKYO, DENVER]) {
      const c = invitesFor(email, kit.id).at(-1)!;
      expect(c).toMatchObject({ method: 'CANCEL', partMethod: 'CANCEL', uid: `${kit.id}@scorecards` });
      expect(c.sequence).toBeGreaterThan(n + 3);
    }

    // the delivery log lists each, with its kind
    const log = (await t.get('/api/v1/notifications?limit=100', 'admin')).body.items.filter(
      (d: { interviewId: string }) => d.interviewId === kit.id,
    );
    const entries = log.map(
      (d: { kind: string; recipientId: string; channel: string; status: string }) =>
        `${d.kind}:${d.recipientId}:${d.channel}:${d.status}`,
    );
    const count = (kind: string, who: string) =>
      entries.filter((e: string) => e === `${kind}:${f.ids[who]}:email:sent`).length;
    expect([count('invitation', TOKYO), count('invitation', LONDON), count('invitation', DENVER)]).toEqual([4, 2, 2]);
    expect([count('cancellation', TOKYO), count('cancellation', LONDON), count('cancellation', DENVER)]).toEqual([
      1, 1, 1,
    ]);
    // a panelist sees their own entries only
    const mine = (await t.get('/api/v1/notifications?limit=100', DENVER)).body.items;
    expect(mine.every((d: { recipientId: string }) => d.recipientId === f.ids[DENVER])).toBe(true);
  });

  it('never sends twice: a second worker, repeated deliveries, a replayed job or event', async () => {
    let second: INestApplicationContext | undefined;
    try {
      second = await startWorker(t, { redis: backend === 'redis', env: { SMTP_URL: smtp.url, PUBLIC_URL: BASE } });
      const kit = await schedule([LONDON, DENVER]);
      const delivery = t.app.get(InvitationDeliveryService);
      // race both workers with direct deliveries of the same rows
      const planned = await rows(kit.id);
      expect(planned).toHaveLength(2);
      const outcomes = await Promise.all(
        planned.flatMap((r) => [
          delivery.deliver(r.id),
          delivery.deliver(r.id),
          second!.get(InvitationDeliveryService).deliver(r.id),
        ]),
      );
      expect(outcomes.filter((o) => o === 'sent').length).toBeLessThanOrEqual(2);
      await settle(kit.id, { [LONDON]: 1, [DENVER]: 1 });
      for (const r of await rows(kit.id)) {
        expect(r.status).toBe('sent');
        expect(await delivery.deliver(r.id)).toBe('duplicate');
      }
      // the event again, and a duplicate job under another id: nothing new
      expect(await t.app.get(InvitationPlannerService).plan(kit.id)).toEqual([]);
      const queue = t.app.get<Queue>(getQueueToken('invitations'), { strict: false });
      for (const r of planned) await queue.add('deliver', { invitationId: r.id }, { jobId: `dup.${r.id}` });
      await eventually(
        async () =>
          (await Promise.all(planned.map(async (r) => (await queue.getJob(`dup.${r.id}`))?.getState()))).every(
            (s) => s === 'completed',
          ),
        20_000,
        200,
      );
      // the deterministic job id: adding it again adds nothing
      const job = await queue.getJob(`inv.${planned[0].id}`);
      expect(job).toBeDefined();
      await sleep(1000);
      expect([calendarMails(LONDON, kit.id).length, calendarMails(DENVER, kit.id).length]).toEqual([1, 1]);
      const log = (await t.get('/api/v1/notifications?limit=100', 'admin')).body.items.filter(
        (d: { interviewId: string }) => d.interviewId === kit.id,
      );
      expect(log).toHaveLength(2);
    } finally {
      await second?.close();
    }
  });

  it("re-reads state: a superseded sequence and a cancelled interview's request are not sent", async () => {
    const kit = await schedule([TOKYO]);
    await settle(kit.id, { [TOKYO]: 1 });
    await patch(kit.id, { durationMinutes: 60 });
    await settle(kit.id, { [TOKYO]: 2 });
    const delivery = t.app.get(InvitationDeliveryService);
    // a row for an older version that was never sent (as if its job ran late)
    const [old] = await t.db.query<{ id: string }>(
      `INSERT INTO invitations (interview_id, recipient_id, sequence, method) VALUES ($1, $2, $3, 'REQUEST') RETURNING id`,
      [kit.id, f.ids[DENVER], kit.sequence],
    );
    expect(await delivery.deliver(old.id)).toBe('skipped');
    expect((await rows(kit.id)).find((r) => r.id === old.id)).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('superseded'),
    });
    expect((await t.post(`/api/v1/interviews/${kit.id}/cancel`, { reason: 'Filled' }, HM)).status).toBe(200);
    const seq = (await t.get(`/api/v1/interviews/${kit.id}`, HM)).body.sequence;
    const [late] = await t.db.query<{ id: string }>(
      `INSERT INTO invitations (interview_id, recipient_id, sequence, method) VALUES ($1, $2, $3, 'REQUEST') RETURNING id`,
      [kit.id, f.ids[TOKYO], seq],
    );
    expect(await delivery.deliver(late.id)).toBe('skipped');
    expect((await rows(kit.id)).find((r) => r.id === late.id)?.reason).toContain('cancelled');
    // the cancellation itself is one CANCEL, no further REQUEST
    await settle(kit.id, { [TOKYO]: 3, [DENVER]: 0 });
    expect(invitesFor(TOKYO, kit.id).map((i) => i.method)).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
  });

  it('adds back the job of a pending invitation that the queue never got (reconciliation)', async () => {
    const kit = await schedule([DENVER]);
    await settle(kit.id, { [DENVER]: 1 });
    // as if the enqueue after a change had failed: a new version with its row stored and no job
    await t.db.query('UPDATE interviews SET sequence = sequence + 1 WHERE id = $1', [kit.id]);
    await t.db.query(
      `INSERT INTO invitations (interview_id, recipient_id, sequence, method) VALUES ($1, $2, $3, 'REQUEST')`,
      [kit.id, f.ids[DENVER], kit.sequence + 1],
    );
    await sleep(500);
    expect(calendarMails(DENVER, kit.id)).toHaveLength(1);
    const planner = t.app.get(InvitationPlannerService);
    expect(await planner.requeuePending()).toBe(1);
    await settle(kit.id, { [DENVER]: 2 });
    expect(invitesFor(DENVER, kit.id)[1]).toMatchObject({ method: 'REQUEST', sequence: kit.sequence + 1 });
    expect(await planner.requeuePending()).toBe(0);
  });

  it("invites the candidate when asked, with the admins' text and nothing internal", async () => {
    const bad = await f.policy({ candidateInvitationText: 'x'.repeat(2001) }).catch((e: Error) => e.message);
    expect(bad).toMatch(/^policy: 400 .*candidateInvitationText/);
    await f.policy({
      prepLeadMinutes: [],
      feedbackDueEnabled: false,
      overdueMaxCount: 0,
      escalateAfterMinutes: null,
      candidateInvitationText: 'Please bring a photo ID.\nText-Q7 from the admins.',
    });
    expect((await t.get('/api/v1/settings/reminders', 'admin')).body.candidateInvitationText).toBe(
      'Please bring a photo ID.\nText-Q7 from the admins.',
    );
    const refused = await t.post(
      '/api/v1/interviews',
      {
        candidateId: f.candidateId,
        stage: 'technical',
        start: new Date(Date.now() + DAY).toISOString(),
        durationMinutes: 30,
        timezone: 'UTC',
        panel: [{ userId: f.ids[TOKYO], role: 'lead' }],
        inviteCandidate: 'yes',
      },
      HM,
    );
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('inviteCandidate');

    const kit = await schedule([TOKYO, LONDON], { inviteCandidate: true, location: 'Office, 3rd floor' });
    expect(kit.inviteCandidate).toBe(true);
    await settle(kit.id, { [CANDIDATE]: 1, [TOKYO]: 1, [LONDON]: 1 });
    const inv = invitesFor(CANDIDATE, kit.id)[0];
    expect(inv).toMatchObject({
      method: 'REQUEST',
      partMethod: 'REQUEST',
      uid: `${kit.id}@scorecards`,
      sequence: kit.sequence,
      organizer: HM,
    });
    expect(inv.attendees).toEqual([{ email: CANDIDATE, partstat: 'NEEDS-ACTION', rsvp: 'TRUE' }]);
    expect(inv.start.toISOString()).toBe(new Date(kit.start).toISOString());
    expect(inv.description).toContain('Text-Q7 from the admins.');
    expect(inv.description).toContain('https://meet.example.com/abc-defg-hij');
    expect(inv.mail.text).toContain('Text-Q7 from the admins.');
    // no kit, no scorecard, no panel addresses, anywhere in the mail
    const everything = [inv.raw, inv.mail.text ?? '', String(inv.mail.html), inv.mail.subject ?? ''].join('\n');
    for (const secret of [BASE, '/interviews/', `${kit.id}/scorecard`, 'interview kit', TOKYO, LONDON, 'kenji', 'lucy'])
      expect(everything.toLowerCase()).not.toContain(secret);
    // the panel's invitation does not name the candidate as an attendee either way
    expect(invitesFor(TOKYO, kit.id)[0].attendees.map((a) => a.email)).not.toContain(CANDIDATE);

    // no longer invited: a CANCEL to the candidate; the panel's calendars get the new SEQUENCE
    await patch(kit.id, { inviteCandidate: false });
    await settle(kit.id, { [CANDIDATE]: 2, [TOKYO]: 2, [LONDON]: 2 });
    expect(invitesFor(CANDIDATE, kit.id)[1]).toMatchObject({ method: 'CANCEL', sequence: kit.sequence + 1 });
    // invited again, then the interview is cancelled: a REQUEST, then one CANCEL
    await patch(kit.id, { inviteCandidate: true });
    await settle(kit.id, { [CANDIDATE]: 3, [TOKYO]: 3, [LONDON]: 3 });
    expect((await t.post(`/api/v1/interviews/${kit.id}/cancel`, { reason: 'Filled' }, HM)).status).toBe(200);
    await settle(kit.id, { [CANDIDATE]: 4, [TOKYO]: 4, [LONDON]: 4 });
    expect(invitesFor(CANDIDATE, kit.id).map((i) => `${i.method}:${i.sequence}`)).toEqual([
      `REQUEST:${kit.sequence}`,
      `CANCEL:${kit.sequence + 1}`,
      `REQUEST:${kit.sequence + 2}`,
      `CANCEL:${kit.sequence + 3}`,
    ]);
    const log = (await t.get('/api/v1/notifications?limit=100', 'admin')).body.items.filter(
      (d: { interviewId: string; recipientId: string }) => d.interviewId === kit.id && d.recipientId === f.candidateId,
    );
    expect(log.map((d: { kind: string }) => d.kind).sort()).toEqual([
      'cancellation',
      'cancellation',
      'invitation',
      'invitation',
    ]);
  });

  it('keeps a hostile title and place a valid calendar with one event', async () => {
    const title = `Panel; round 2, "final"\r\nMETHOD:CANCEL\r\nATTENDEE:mailto:evil@example.org \\ 🧑🏽‍💻 \u202Eevil\u202C e\u0301 ${'ü'.repeat(90)}`;
    const kit = await schedule([TOKYO], {
      title,
      location: 'Room 4; floor 2, "A"\r\nEND:VEVENT',
      meetingUrl: undefined,
    });
    await settle(kit.id, { [TOKYO]: 1 });
    const inv = invitesFor(TOKYO, kit.id)[0];
    expect(inv.method).toBe('REQUEST');
    expect(inv.summary).toBe(`${kit.title}: Robin Reed`.replace(/\r\n/g, '\n'));
    expect(inv.attendees.map((a) => a.email)).toEqual([TOKYO]);
    expect(inv.start.toISOString()).toBe(new Date(kit.start).toISOString());
    for (const line of inv.raw.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    // a second parser agrees: one event, one attendee
    const parsed = nodeIcal.sync.parseICS(inv.raw);
    const events = Object.values(parsed).filter((c) => c?.type === 'VEVENT') as nodeIcal.VEvent[];
    expect(events).toHaveLength(1);
    expect(new Date(events[0].start as unknown as Date).toISOString()).toBe(new Date(kit.start).toISOString());
    // the attachment's name keeps no line break, quote or slash
    expect(inv.filename).toBeDefined();
    expect(inv.filename!).not.toMatch(/[\r\n"\\/:\u202e]/);
    expect(inv.filename!.endsWith('.ics')).toBe(true);
    expect(inv.mail.subject).not.toMatch(/[\r\n]/);
    // the download is named the same way, in a header that stays valid
    const file = await t.request('GET', `/api/v1/interviews/${kit.id}/invite.ics`, { as: HM });
    expect(file.status).toBe(200);
    const disposition = file.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''[A-Za-z0-9%._~!$&+^`|-]+$/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1])).toBe(inv.filename);
  });
});
