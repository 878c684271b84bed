import { HiringFixture } from './support/hiring-fixture';
import { TestApp } from './support/test-app';

/**
 * Every list that takes `?cursor=` reads it against the shape of its own `nextCursor`: the next page
 * for one of its own, and a 400 naming `cursor` for anything else, whatever part is wrong and however.
 */
const HM = 'hana@example.com';
const A = 'ada@example.com';
const B = 'ben@example.com';
const LONG = 'x'.repeat(300);

/** A part's kind, as the list writes it; an array: the only values it may take. */
type Kind = 'instant' | 'uuid' | 'text' | 'integer' | 'number or null' | readonly string[];

/** Values that a nextCursor never holds in a part of each kind. */
const WRONG: Record<Exclude<Kind, readonly string[]>, unknown[]> = {
  instant: ['not a date', '2030-02-30 10:00:00+00', '1', 1, null, '', LONG, 'a\u0000b', '\ud800', { at: 1 }],
  uuid: ['not-a-uuid', '0b9f5c2e8a4d4c1e9f3a2d7e6b1a5c40', 1, null, '', LONG, 'a\u0000b', ['x']],
  text: [1, null, true, '', LONG, 'a\u0000b', '\udc00', ['nested']],
  integer: [1.5, '1', null, LONG],
  'number or null': ['1', true, LONG, 'a\u0000b'],
};

const wrongFor = (kind: Kind): unknown[] =>
  typeof kind === 'string'
    ? WRONG[kind]
    : ['asc', 'desc', 'name', 'overallMean', 1, null, LONG].filter((v) => !kind.includes(v as string));

const b64 = (text: string) => Buffer.from(text).toString('base64url');
const encode = (parts: unknown[]) => b64(JSON.stringify(parts));

/** Cursors that are not the list's own: broken as a whole, then one part at a time. */
function hostile(parts: unknown[], shape: readonly Kind[]): string[] {
  const whole = [
    'not*base64!',
    b64('not json'),
    b64('{"a":1}'),
    b64('"a string"'),
    b64('null'),
    encode([]),
    encode(parts.slice(0, -1)),
    encode([...parts, parts[parts.length - 1]]),
    encode([parts]),
  ];
  const byPart = shape.flatMap((kind, i) => wrongFor(kind).map((v) => encode(parts.map((p, j) => (j === i ? v : p)))));
  return [...whole, ...byPart];
}

interface List {
  name: string;
  path: () => string;
  shape: readonly Kind[];
  as?: string;
}

describe('list cursors', () => {
  let t: TestApp;
  let f: HiringFixture;
  let positionId: string;
  let webhookId: string;

  const LISTS: List[] = [
    { name: 'question sets', path: () => '/api/v1/question-sets', shape: ['instant', 'uuid'] },
    {
      name: 'question sets since',
      path: () => '/api/v1/question-sets?updatedSince=2000-01-01T00:00:00Z',
      shape: ['instant', 'uuid'],
    },
    { name: 'users', path: () => '/api/v1/users', shape: ['text'] },
    { name: 'interviewers', path: () => '/api/v1/interviewers', shape: ['text', 'uuid'] },
    {
      name: 'pending scorecards',
      path: () => `/api/v1/interviewers/${f.ids[A]}/pending-scorecards`,
      shape: ['instant', 'uuid'],
    },
    { name: 'api keys', path: () => '/api/v1/api-keys', shape: ['instant', 'uuid'] },
    { name: 'audit events', path: () => '/api/v1/audit-events', shape: ['instant', 'uuid'] },
    { name: 'webhook deliveries', path: () => `/api/v1/webhooks/${webhookId}/deliveries`, shape: ['instant', 'uuid'] },
    { name: 'candidates', path: () => '/api/v1/candidates', shape: ['instant', 'uuid'] },
    {
      name: 'candidates since',
      path: () => '/api/v1/candidates?updatedSince=2000-01-01T00:00:00Z',
      shape: ['instant', 'uuid'],
    },
    { name: 'interviews', path: () => '/api/v1/interviews', shape: ['instant', 'uuid'] },
    {
      name: 'interviews since',
      path: () => '/api/v1/interviews?updatedSince=2000-01-01T00:00:00Z',
      shape: ['instant', 'uuid'],
    },
    { name: 'upcoming interviews', path: () => '/api/v1/interviews/upcoming', shape: ['instant', 'uuid'], as: A },
    { name: 'positions', path: () => '/api/v1/positions', shape: ['instant', 'uuid'] },
    { name: 'notifications', path: () => '/api/v1/notifications', shape: ['instant', 'uuid'] },
    {
      name: 'position summary',
      path: () => `/api/v1/positions/${positionId}/feedback-summary`,
      shape: [['overallMean'], ['desc'], 'number or null', 'text', 'uuid'],
    },
    {
      name: 'position summary by name',
      path: () => `/api/v1/positions/${positionId}/feedback-summary?sort=name`,
      shape: [['name'], ['asc'], 'text', 'text', 'uuid'],
    },
    {
      name: 'position summary by strong yes',
      path: () => `/api/v1/positions/${positionId}/feedback-summary?sort=strongYes&order=asc`,
      shape: [['strongYes'], ['asc'], 'integer', 'text', 'uuid'],
    },
  ];

  const page = (list: List, query: string) => {
    const path = list.path();
    return t.get(`${path}${path.includes('?') ? '&' : '?'}${query}`, list.as ?? 'admin');
  };
  const rowsOf = (body: { items?: unknown[]; rows?: unknown[] }) => body.items ?? body.rows;

  beforeAll(async () => {
    t = await TestApp.start('cursors');
    f = await HiringFixture.create(t, HM, [
      { email: A, timezone: 'UTC' },
      { email: B, timezone: 'UTC' },
    ]);
    // a second of everything the lists show
    positionId = (await t.get(`/api/v1/candidates/${f.candidateId}`, 'admin')).body.positionId;
    const made = await Promise.all([
      t.post('/api/v1/question-sets', { name: 'Second kit' }, 'admin'),
      t.post('/api/v1/positions', { title: 'Frontend Engineer', hiringManagerId: f.ids[HM] }, 'admin'),
      t.post('/api/v1/candidates', { name: 'Sam Second', email: 'sam@example.com', positionId }, 'admin'),
      t.post('/api/v1/api-keys', { name: 'Sync one', scopes: ['interviews:read'] }, 'admin'),
      t.post('/api/v1/api-keys', { name: 'Sync two', scopes: ['interviews:read'] }, 'admin'),
      t.post('/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['candidate.hired'] }, 'admin'),
    ]);
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    webhookId = made[5].body.id;
    await f.schedule(24 * 3600_000, [A]);
    await f.schedule(25 * 3600_000, [A]);
    const over = [await f.schedule(26 * 3600_000, [A]), await f.schedule(27 * 3600_000, [A])];
    // over and owing a scorecard, as the clock would have it
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '3 hours', ends_at = now() - interval '2 hours',
              feedback_due_at = now() + interval '1 day' WHERE id = ANY($1)`,
      [over.map((i) => i.id)],
    );
    // a second row of each log
    for (const minutes of [1, 2]) {
      await t.db.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, status, created_at)
         VALUES (gen_random_uuid(), $1, gen_random_uuid(), 'ping', '{}', 'succeeded', now() - make_interval(mins => $2))`,
        [webhookId, minutes],
      );
      await t.db.query(
        `INSERT INTO deliveries (reminder_id, due_at, channel, recipient_id, interview_id, kind, subject, created_at)
         VALUES (gen_random_uuid(), now(), 'log', $1, gen_random_uuid(), 'prep', 'Notice', now() - make_interval(mins => $2))`,
        [f.ids[A], minutes],
      );
    }
  });
  afterAll(() => t?.close());

  it.each(LISTS)('$name: its own nextCursor gives the next page', async (list) => {
    const first = await page(list, 'limit=1');
    expect(first.status).toBe(200);
    expect(first.body.page.nextCursor).toEqual(expect.any(String));
    const next = await page(list, `limit=1&cursor=${first.body.page.nextCursor}`);
    expect(next.status).toBe(200);
    expect(rowsOf(next.body)).toHaveLength(1);
    expect(rowsOf(next.body)).not.toEqual(rowsOf(first.body));
  });

  it.each(LISTS)('$name: any other cursor is a 400 naming cursor', async (list) => {
    const first = await page(list, 'limit=1');
    const parts: unknown[] = JSON.parse(Buffer.from(first.body.page.nextCursor, 'base64url').toString('utf8'));
    expect(parts).toHaveLength(list.shape.length);
    const cursors = hostile(parts, list.shape);
    const answers = [];
    for (const cursor of cursors) {
      const res = await page(list, `limit=1&cursor=${encodeURIComponent(cursor)}`);
      answers.push({
        cursor: Buffer.from(cursor, 'base64url').toString('utf8').slice(0, 80),
        status: res.status,
        field: res.body?.details?.[0]?.field,
      });
    }
    expect(answers.filter((a) => a.status !== 400 || a.field !== 'cursor')).toEqual([]);
  });

  it('answers a cursor refused by its shape with the one error body', async () => {
    const res = await t.get(`/api/v1/question-sets?cursor=${encode(['not a date', f.setId])}`, 'admin');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: 'cursor is not a nextCursor of this list',
      details: [{ field: 'cursor', messages: ['cursor is not a nextCursor of this list'] }],
      requestId: expect.any(String),
    });
  });

  it('starts at the first page with an empty cursor, as without one', async () => {
    const list = LISTS[0];
    const first = await page(list, 'limit=1');
    expect(rowsOf((await page(list, 'limit=1&cursor=')).body)).toEqual(rowsOf(first.body));
  });

  it('pages on with the longest cursor a list writes: two 200-character names in three-byte characters', async () => {
    const candidates = (await t.get(`/api/v1/candidates?positionId=${positionId}`, 'admin')).body.items;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    for (const [i, c] of candidates.entries()) {
      const renamed = await t.request('PATCH', `/api/v1/candidates/${c.id}`, {
        body: { name: `${'漢'.repeat(199)}${i}` },
        as: 'admin',
      });
      expect(renamed.status).toBe(200);
    }
    const list = LISTS.find((l) => l.name === 'position summary by name')!;
    const first = await page(list, 'limit=1');
    expect(first.body.page.nextCursor.length).toBeGreaterThan(1500);
    const next = await page(list, `limit=1&cursor=${first.body.page.nextCursor}`);
    expect(next.status).toBe(200);
    expect(rowsOf(next.body)).toHaveLength(1);
    expect(rowsOf(next.body)).not.toEqual(rowsOf(first.body));
  });

  // The logs wrote their cursor's time with toISOString(): the next page lost the rest of the millisecond.
  describe('rows of one instant and of one millisecond', () => {
    /** Newest first, as the logs show them: the id breaks the ties. */
    const ROWS: ReadonlyArray<readonly [createdAt: string, id: string]> = [
      ['2031-01-01 00:00:00.123999+00', '00000000-0000-4000-8000-000000000006'],
      ['2031-01-01 00:00:00.123457+00', '00000000-0000-4000-8000-000000000005'],
      ['2031-01-01 00:00:00.123456+00', '00000000-0000-4000-8000-000000000004'],
      ['2031-01-01 00:00:00.123456+00', '00000000-0000-4000-8000-000000000003'],
      ['2031-01-01 00:00:00.123456+00', '00000000-0000-4000-8000-000000000002'],
      ['2031-01-01 00:00:00.123001+00', '00000000-0000-4000-8000-000000000001'],
    ];
    const IDS = ROWS.map(([, id]) => id);
    const LOGS = [
      { name: 'webhook deliveries', path: () => `/api/v1/webhooks/${webhookId}/deliveries`, as: 'admin' },
      { name: "everyone's notifications", path: () => '/api/v1/notifications', as: 'admin' },
      { name: "a recipient's notifications", path: () => '/api/v1/notifications', as: B },
    ];

    beforeAll(async () => {
      const times = ROWS.map(([at]) => at);
      await t.db.query(
        `INSERT INTO webhook_deliveries (id, subscription_id, event_id, event_type, body, status, created_at)
         SELECT id, $1, gen_random_uuid(), 'ping', '{}', 'succeeded', at FROM unnest($2::uuid[], $3::timestamptz[]) AS r(id, at)`,
        [webhookId, IDS, times],
      );
      await t.db.query(
        `INSERT INTO deliveries (id, reminder_id, due_at, channel, recipient_id, interview_id, kind, subject, created_at)
         SELECT id, gen_random_uuid(), now(), 'log', $1, gen_random_uuid(), 'prep', 'Notice', at
           FROM unnest($2::uuid[], $3::timestamptz[]) AS r(id, at)`,
        [f.ids[B], IDS, times],
      );
    });

    /** Every id the log shows, a page at a time with its own nextCursor. */
    async function readAll(log: (typeof LOGS)[number], limit: number): Promise<string[]> {
      const ids: string[] = [];
      let cursor: string | null = '';
      for (let pages = 0; pages < 50 && cursor !== null; pages++) {
        const url: string = `${log.path()}?limit=${limit}&cursor=${cursor}`;
        const res = await t.get(url, log.as);
        expect(res.status).toBe(200);
        ids.push(...res.body.items.map((item: { id: string }) => item.id));
        cursor = res.body.page.nextCursor;
      }
      expect(cursor).toBeNull();
      return ids;
    }

    it.each(LOGS.flatMap((log) => [1, 2].map((limit) => ({ ...log, limit }))))(
      '$name, $limit a page: shows each row once, in order',
      async ({ limit, ...log }) => {
        // the log's other rows are older: these are its first, and shown once each
        const seen = (await readAll(log, limit)).filter((id) => IDS.includes(id));
        expect(seen).toEqual(IDS);
      },
    );
  });
});
