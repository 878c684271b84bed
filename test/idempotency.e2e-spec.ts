import { randomUUID } from 'node:crypto';
import { IdempotencyCleanupService } from '@app/idempotency';
import { TestApp } from './support/test-app';

/** Idempotency-Key on creating POSTs: a retry replays the first answer and creates nothing twice. */
describe('Idempotency-Key', () => {
  let t: TestApp;
  let managerId: string;
  let interviewerId: string;
  const HM = 'hm.idem@test.local';

  beforeAll(async () => {
    t = await TestApp.start('idempotency');
    managerId = (await t.createUser(HM, ['hiring_manager'], { timezone: 'Europe/Berlin' })).id;
    await t.createUser('admin2.idem@test.local', ['admin']);
    interviewerId = (await t.createUser('iv.idem@test.local', ['interviewer'])).id;
  });
  afterAll(() => t?.close());

  const post = (path: string, body: unknown, key: string | null, as = 'admin') =>
    t.request('POST', path, { as, body, headers: key === null ? {} : { 'idempotency-key': key } });
  const count = async (sql: string, params: unknown[]) =>
    Number((await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${sql}`, params))[0].n);

  async function twice(path: string, body: unknown, as = 'admin') {
    const key = randomUUID();
    const first = await post(path, body, key, as);
    const second = await post(path, body, key, as);
    if (first.status !== 201) throw new Error(first.text);
    expect(second.status).toBe(first.status);
    expect(second.text).toBe(first.text);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    return first.body;
  }

  const questionSet = (name: string) => ({
    name,
    questions: [{ type: 'technical', prompt: 'Explain consistent hashing', criteria: [{ label: 'Ring' }] }],
  });

  async function candidateFor(label: string) {
    const position = await post('/api/v1/positions', { title: `Pos ${label}`, hiringManagerId: managerId }, null);
    const candidate = await post(
      '/api/v1/candidates',
      { name: 'Robin Reed', email: `${label}@example.com`, positionId: position.body.id },
      null,
    );
    return { positionId: position.body.id as string, candidateId: candidate.body.id as string };
  }

  it('creates a question set, a position, a candidate and an interview once when each is sent twice with one key', async () => {
    const set = await twice('/api/v1/question-sets', questionSet('Idem set'));
    expect(await count('question_sets WHERE name = $1', ['Idem set'])).toBe(1);
    await post(`/api/v1/question-sets/${set.id}/publish`, {}, null);

    const position = await twice('/api/v1/positions', { title: 'Idem position', hiringManagerId: managerId });
    expect(await count('positions WHERE title = $1', ['Idem position'])).toBe(1);

    const candidate = await twice('/api/v1/candidates', {
      name: 'Ida Dem',
      email: 'ida.dem@example.com',
      positionId: position.id,
    });
    expect(await count('candidates WHERE email = $1', ['ida.dem@example.com'])).toBe(1);

    const interview = await twice(
      '/api/v1/interviews',
      {
        candidateId: candidate.id,
        stage: 'technical',
        start: new Date(Date.now() + 48 * 3600_000).toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: [{ userId: interviewerId, role: 'lead' }],
        questions: [{ setId: set.id }],
        allowConflicts: true,
      },
      HM,
    );
    expect(interview.id).toEqual(expect.any(String));
    expect(await count('interviews WHERE candidate_id = $1', [candidate.id])).toBe(1);
  });

  it('without the header every POST creates (no change for clients that do not send it)', async () => {
    expect((await post('/api/v1/question-sets', questionSet('No key set'), null)).status).toBe(201);
    expect((await post('/api/v1/question-sets', questionSet('No key set'), null)).status).toBe(201);
    expect(await count('question_sets WHERE name = $1', ['No key set'])).toBe(2);
  });

  it('answers 422 for the same key with another body or on another route, and creates nothing more', async () => {
    const key = randomUUID();
    expect((await post('/api/v1/question-sets', questionSet('Body A'), key)).status).toBe(201);
    const other = await post('/api/v1/question-sets', questionSet('Body B'), key);
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({
      statusCode: 422,
      error: 'Unprocessable Entity',
      message: expect.stringContaining('Idempotency-Key'),
      requestId: expect.any(String),
    });
    const elsewhere = await post('/api/v1/positions', { title: 'Body A', hiringManagerId: managerId }, key);
    expect(elsewhere.status).toBe(422);
    expect(await count('question_sets WHERE name = ANY($1)', [['Body A', 'Body B']])).toBe(1);
    expect(await count('positions WHERE title = $1', ['Body A'])).toBe(0);
  });

  it('takes the same body in another key order as the same request', async () => {
    const key = randomUUID();
    const a = await post('/api/v1/positions', { title: 'Key order', hiringManagerId: managerId }, key);
    const b = await t.request('POST', '/api/v1/positions', {
      as: 'admin',
      raw: JSON.stringify({ hiringManagerId: managerId, title: 'Key order' }),
      headers: { 'idempotency-key': key },
    });
    expect(b.status).toBe(201);
    expect(b.body.id).toBe(a.body.id);
  });

  it('keeps the keys of different users apart', async () => {
    const key = randomUUID();
    const mine = await post('/api/v1/question-sets', questionSet('Two users'), key, 'admin');
    const theirs = await post('/api/v1/question-sets', questionSet('Two users'), key, 'admin2.idem@test.local');
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(await count('question_sets WHERE name = $1', ['Two users'])).toBe(2);
  });

  it('creates exactly one when concurrent duplicates race; the others get 409 or the replayed answer', async () => {
    const key = randomUUID();
    const { candidateId } = await candidateFor('race');
    const body = {
      candidateId,
      stage: 'technical',
      start: new Date(Date.now() + 72 * 3600_000).toISOString(),
      durationMinutes: 30,
      timezone: 'Europe/Berlin',
      panel: [{ userId: interviewerId, role: 'lead' }],
      allowConflicts: true,
    };
    const answers = await Promise.all(Array.from({ length: 12 }, () => post('/api/v1/interviews', body, key)));
    expect(answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.text)).toEqual([]);
    const created = answers.filter((a) => a.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
    for (const c of answers.filter((a) => a.status === 409)) expect(c.body.message).toContain('in progress');
    expect(await count('interviews WHERE candidate_id = $1', [candidateId])).toBe(1);
    // once the first has finished, a retry replays it
    const retry = await post('/api/v1/interviews', body, key);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(created[0].body.id);
    expect(await count('interviews WHERE candidate_id = $1', [candidateId])).toBe(1);
  });

  it('stores a 4xx answer and replays it; a refused request leaves nothing behind', async () => {
    const key = randomUUID();
    const bad = { title: '', hiringManagerId: managerId };
    const first = await post('/api/v1/positions', bad, key);
    expect(first.status).toBe(400);
    const again = await post('/api/v1/positions', bad, key);
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect({ ...again.body, requestId: undefined }).toEqual({ ...first.body, requestId: undefined });
    expect(again.body.requestId).not.toBe(first.body.requestId);
    // a 404 is stored the same way
    const missing = {
      candidateId: randomUUID(),
      stage: 'technical',
      start: new Date(Date.now() + 3600_000).toISOString(),
      durationMinutes: 30,
      timezone: 'UTC',
      panel: [{ userId: interviewerId, role: 'lead' }],
    };
    const k2 = randomUUID();
    const m1 = await post('/api/v1/interviews', missing, k2);
    expect(m1.status).toBeGreaterThanOrEqual(400);
    expect(m1.status).toBeLessThan(500);
    const m2 = await post('/api/v1/interviews', missing, k2);
    expect(m2.status).toBe(m1.status);
    expect(m2.headers.get('idempotent-replayed')).toBe('true');
  });

  it.each([
    ['too long', 'k'.repeat(201)],
    ['a control character', 'a\tb'],
    ['a character outside ASCII', 'clé'],
    ['only spaces', ' '],
  ])('refuses a key with %s with a 400 naming the header, and creates nothing', async (_what, key) => {
    const name = `Bad key ${_what}`;
    const res = await post('/api/v1/question-sets', questionSet(name), key);
    // (HTTP strips surrounding spaces: the key of only spaces arrives empty)
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ field: 'Idempotency-Key', message: expect.any(String) }]);
    expect(await count('question_sets WHERE name = $1', [name])).toBe(0);
  });

  it('accepts a 200-character key of any printable characters', async () => {
    const key = ('~!@#$%^&*()_+{}|:"<>?`-=[];\',./ ' + 'x'.repeat(200)).slice(0, 200);
    const a = await post('/api/v1/positions', { title: 'Long key', hiringManagerId: managerId }, key);
    const b = await post('/api/v1/positions', { title: 'Long key', hiringManagerId: managerId }, key);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.id).toBe(a.body.id);
  });

  it('forgets a key after 24 hours: an expired key starts afresh, and the cleanup deletes expired rows', async () => {
    const key = randomUUID();
    const first = await post('/api/v1/positions', { title: 'Expiring 1', hiringManagerId: managerId }, key);
    await t.db.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    const second = await post('/api/v1/positions', { title: 'Expiring 2', hiringManagerId: managerId }, key);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
    const rows = await t.db.query<{ expires_at: Date }>(`SELECT expires_at FROM idempotency_keys WHERE key = $1`, [
      key,
    ]);
    expect(new Date(rows[0].expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3600_000);
    await t.db.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE key = $1`, [key]);
    expect(await t.app.get(IdempotencyCleanupService).runOnce()).toBeGreaterThanOrEqual(1);
    expect(await count('idempotency_keys WHERE key = $1', [key])).toBe(0);
  });

  it('leaves the unauthenticated sign-in alone', async () => {
    const key = randomUUID();
    const a = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'admin@test.local', password: 'admin-password' },
      token: null,
      headers: { 'idempotency-key': key },
    });
    const b = await t.request('POST', '/api/v1/auth/login', {
      body: { email: 'admin@test.local', password: 'admin-password' },
      token: null,
      headers: { 'idempotency-key': key },
    });
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('idempotency_keys WHERE key = $1', [key])).toBe(0);
  });
});
