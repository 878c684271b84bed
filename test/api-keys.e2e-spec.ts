import { createHash, randomUUID } from 'node:crypto';
import { TestApp } from './support/test-app';

/** API keys for integrations: issued once, stored hashed, scoped per area, revocable at once, audited by name. */
describe('API keys', () => {
  let t: TestApp;
  let managerId: string;
  let interviewerId: string;
  let positionId: string;

  beforeAll(async () => {
    t = await TestApp.start('api-keys');
    managerId = (await t.createUser('hm.keys@test.local', ['hiring_manager'])).id;
    interviewerId = (await t.createUser('iv.keys@test.local', ['interviewer'])).id;
    await t.createUser('rec.keys@test.local', ['recruiter']);
    positionId = (await t.post('/api/v1/positions', { title: 'Key position', hiringManagerId: managerId }, 'admin'))
      .body.id;
  });
  afterAll(() => t?.close());

  const createKey = async (body: Record<string, unknown>) => {
    const res = await t.post('/api/v1/api-keys', body, 'admin');
    if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
    return res.body as { apiKey: { id: string; name: string; lastUsedAt: string | null }; secret: string };
  };
  const withKey = (secret: string, method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
    t.request(method, path, { token: secret, body, headers });
  const candidateBody = (email: string) => ({ name: 'Kim Key', email, positionId });

  describe('managing keys', () => {
    it('creates a key whose secret is shown once, recognisable and high-entropy, and stored only as its SHA-256', async () => {
      const { apiKey, secret } = await createKey({ name: 'Greenhouse sync', scopes: ['interviews:read'] });
      expect(secret).toMatch(/^sk_live_[A-Za-z0-9_-]{43}$/);
      expect(apiKey).toMatchObject({
        name: 'Greenhouse sync',
        scopes: ['interviews:read'],
        prefix: secret.slice(0, 12),
        last4: secret.slice(-4),
        expiresAt: null,
        revokedAt: null,
      });
      expect(JSON.stringify(apiKey)).not.toContain(secret.slice(8));
      const rows = await t.db.query<Record<string, unknown>>('SELECT * FROM api_keys WHERE id = $1', [apiKey.id]);
      expect(rows[0].secret_hash).toBe(createHash('sha256').update(secret).digest('hex'));
      expect(JSON.stringify(rows)).not.toContain(secret.slice(8));

      const list = await t.get('/api/v1/api-keys', 'admin');
      expect(list.status).toBe(200);
      expect(list.body.items.find((k: { id: string }) => k.id === apiKey.id)).toMatchObject({
        name: 'Greenhouse sync',
      });
      expect(list.text).not.toContain(secret.slice(8));
      expect(list.body.items[0]).not.toHaveProperty('secret');
      expect(list.body.items[0]).not.toHaveProperty('secretHash');
    });

    it('refuses bad input with 400 naming the field, and non-admins with 403', async () => {
      for (const [body, field] of [
        [{ name: '', scopes: ['interviews:read'] }, 'name'],
        [{ name: 'x', scopes: [] }, 'scopes'],
        [{ name: 'x', scopes: ['interviews:admin'] }, 'scope'],
        [{ name: 'x', scopes: ['scorecards:write'] }, 'scope'],
        [{ name: 'x', scopes: ['interviews:read'], expiresAt: 'tomorrow' }, 'expiresAt'],
        [{ name: 'x', scopes: ['interviews:read'], expiresAt: '2001-01-01T00:00:00Z' }, 'expiresAt'],
      ] as const) {
        const res = await t.post('/api/v1/api-keys', body, 'admin');
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
        expect(res.text).toContain(field);
      }
      expect(
        (await t.post('/api/v1/api-keys', { name: 'x', scopes: ['interviews:read'] }, 'rec.keys@test.local')).status,
      ).toBe(403);
      expect((await t.get('/api/v1/api-keys', 'hm.keys@test.local')).status).toBe(403);
      expect((await t.post(`/api/v1/api-keys/${randomUUID()}/revoke`, {}, 'admin')).status).toBe(404);
    });

    // Week and ordinal dates and `+2031` years are ISO 8601 to a syntax check but an Invalid Date to
    // `new Date()`, which went on into the INSERT: Postgres refused it with a 400 naming no field.
    it('reads expiresAt in week-date form, and refuses one naming no real instant with a 400 naming it, storing nothing', async () => {
      const stored = async () =>
        (
          await t.db.query<{ keys: number; audits: number }>(
            `SELECT (SELECT count(*)::int FROM api_keys) AS keys,
                    (SELECT count(*)::int FROM audit_events WHERE entity_type = 'api_key') AS audits`,
          )
        )[0];
      const before = await stored();
      for (const [expiresAt, message] of [
        ['2031-W53-1T10:00:00Z', 'expiresAt week 53 does not exist in 2031'],
        ['+2031-12-01T10:00:00Z', 'expiresAt must be an ISO 8601 date-time with a four-digit year'],
      ]) {
        const res = await t.post(
          '/api/v1/api-keys',
          { name: 'Odd expiry', scopes: ['interviews:read'], expiresAt },
          'admin',
        );
        expect({ expiresAt, status: res.status }).toEqual({ expiresAt, status: 400 });
        expect(res.body.message).toContain(message);
        expect(res.body.details).toEqual([{ field: 'expiresAt', messages: [expect.stringContaining(message)] }]);
      }
      expect(await stored()).toEqual(before);

      const { apiKey } = await createKey({
        name: 'Week expiry',
        scopes: ['interviews:read'],
        expiresAt: '2031-W49-2T10:00:00Z',
      });
      expect(apiKey).toMatchObject({ name: 'Week expiry', expiresAt: '2031-12-02T10:00:00.000Z' });
      const [row] = await t.db.query<{ expires_at: Date }>('SELECT expires_at FROM api_keys WHERE id = $1', [
        apiKey.id,
      ]);
      expect(row.expires_at.toISOString()).toBe('2031-12-02T10:00:00.000Z');
    });

    it('revokes a key at once: the next request with it is 401', async () => {
      const { apiKey, secret } = await createKey({ name: 'Short-lived', scopes: ['interviews:read'] });
      expect((await withKey(secret, 'GET', '/api/v1/interviews')).status).toBe(200);
      const revoked = await t.post(`/api/v1/api-keys/${apiKey.id}/revoke`, {}, 'admin');
      expect(revoked.status).toBe(200);
      expect(revoked.body.revokedAt).toEqual(expect.any(String));
      const after = await withKey(secret, 'GET', '/api/v1/interviews');
      expect(after.status).toBe(401);
      expect(after.body.message).toMatch(/API key/);
    });

    it('refuses an expired key (401), and unknown or malformed keys (401)', async () => {
      const { apiKey, secret } = await createKey({
        name: 'Expiring',
        scopes: ['interviews:read'],
        expiresAt: new Date(Date.now() + 3600_000).toISOString(),
      });
      expect((await withKey(secret, 'GET', '/api/v1/interviews')).status).toBe(200);
      // the hour passes
      await t.db.query(`UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`, [apiKey.id]);
      expect((await withKey(secret, 'GET', '/api/v1/interviews')).status).toBe(401);
      const unknown = 'sk_live_' + 'A'.repeat(43);
      expect((await withKey(unknown, 'GET', '/api/v1/interviews')).status).toBe(401);
      expect((await withKey('sk_live_short', 'GET', '/api/v1/interviews')).status).toBe(401);
      expect((await withKey(secret.slice(0, -1) + '!', 'GET', '/api/v1/interviews')).status).toBe(401);
    });

    it('records the last use, at most once a minute', async () => {
      const { apiKey, secret } = await createKey({ name: 'Usage', scopes: ['interviews:read'] });
      expect(apiKey.lastUsedAt).toBeNull();
      await withKey(secret, 'GET', '/api/v1/interviews');
      const lastUsed = async () =>
        (
          await t.db.query<{ at: string | null }>('SELECT last_used_at::text AS at FROM api_keys WHERE id = $1', [
            apiKey.id,
          ])
        )[0].at;
      const first = await lastUsed();
      expect(first).not.toBeNull();
      await withKey(secret, 'GET', '/api/v1/interviews');
      expect(await lastUsed()).toBe(first);
      await t.db.query(`UPDATE api_keys SET last_used_at = now() - interval '2 minutes' WHERE id = $1`, [apiKey.id]);
      const moved = await lastUsed();
      await withKey(secret, 'GET', '/api/v1/interviews');
      expect(await lastUsed()).not.toBe(moved);
      const listed = (await t.get('/api/v1/api-keys', 'admin')).body.items.find(
        (k: { id: string }) => k.id === apiKey.id,
      );
      expect(listed.lastUsedAt).toEqual(expect.any(String));
    });
  });

  describe('what a key may do', () => {
    let reader: string;
    let writer: string;

    beforeAll(async () => {
      reader = (await createKey({ name: 'Reader', scopes: ['interviews:read', 'summaries:read'] })).secret;
      writer = (
        await createKey({
          name: 'ATS writer',
          scopes: ['interviews:read', 'interviews:write', 'question_sets:write', 'scorecards:read'],
        })
      ).secret;
    });

    it('reads organisation-wide within its scopes, and is 403 naming the scope outside them', async () => {
      expect((await withKey(reader, 'GET', '/api/v1/candidates')).status).toBe(200);
      expect((await withKey(reader, 'GET', `/api/v1/positions/${positionId}`)).status).toBe(200);
      const write = await withKey(reader, 'POST', '/api/v1/candidates', candidateBody('no.write@example.com'));
      expect(write.status).toBe(403);
      expect(write.body.message).toContain('interviews:write');
      const qs = await withKey(reader, 'GET', '/api/v1/question-sets');
      expect(qs.status).toBe(403);
      expect(qs.body.message).toContain('question_sets:read');
      const cards = await withKey(reader, 'GET', `/api/v1/interviews/${randomUUID()}/scorecards`);
      expect(cards.status).toBe(403);
      expect(cards.body.message).toContain('scorecards:read');
    });

    it('never reaches admin routes, personal routes or other keys (403), whatever its scopes', async () => {
      for (const [method, path] of [
        ['GET', '/api/v1/users'],
        ['GET', '/api/v1/audit-events'],
        ['GET', '/api/v1/api-keys'],
        ['POST', '/api/v1/api-keys'],
        ['GET', '/api/v1/interviews/upcoming'],
        ['GET', '/api/v1/me'],
        ['GET', `/api/v1/interviews/${randomUUID()}/scorecards/mine`],
        ['POST', `/api/v1/interviews/${randomUUID()}/scorecards/mine/submit`],
        ['GET', '/api/v1/settings/reminders'],
      ] as const) {
        const res = await withKey(
          writer,
          method,
          path,
          method === 'POST' ? { name: 'x', scopes: ['interviews:read'] } : undefined,
        );
        expect({ method, path, status: res.status }).toEqual({ method, path, status: 403 });
      }
      const keys = await t.db.query('SELECT id FROM api_keys WHERE name = $1', ['x']);
      expect(keys).toEqual([]);
    });

    it('creates candidates, interviews and question sets, each in the audit trail under the key name', async () => {
      const candidate = await withKey(writer, 'POST', '/api/v1/candidates', candidateBody('kim.key@example.com'));
      expect(candidate.status).toBe(201);
      const set = await withKey(writer, 'POST', '/api/v1/question-sets', {
        name: 'ATS set',
        questions: [{ type: 'technical', prompt: 'Explain a B-tree', criteria: [{ label: 'Pages' }] }],
      });
      expect(set.status).toBe(201);
      const interview = await withKey(writer, 'POST', '/api/v1/interviews', {
        candidateId: candidate.body.id,
        stage: 'technical',
        start: new Date(Date.now() + 48 * 3600_000).toISOString(),
        durationMinutes: 45,
        timezone: 'Europe/Berlin',
        panel: [{ userId: interviewerId, role: 'lead' }],
        allowConflicts: true,
      });
      expect(interview.status).toBe(201);
      const kit = await withKey(writer, 'GET', `/api/v1/interviews/${interview.body.id}`);
      expect(kit.status).toBe(200);
      const cards = await withKey(writer, 'GET', `/api/v1/interviews/${interview.body.id}/scorecards`);
      expect(cards.status).toBe(200);
      expect(cards.body.items).toEqual([]);

      const trail = await t.get('/api/v1/audit-events?limit=100', 'admin');
      expect(trail.status).toBe(200);
      const byKey = trail.body.items.filter((e: { actorName: string | null }) => e.actorName === 'ATS writer');
      expect(byKey.map((e: { entityType: string }) => e.entityType).sort()).toEqual(
        expect.arrayContaining(['candidate', 'interview', 'question_set']),
      );
      for (const e of byKey) expect(e.actorKind).toBe('api_key');
      const created = trail.body.items.find((e: { entityType: string; action: string }) => e.entityType === 'api_key');
      expect(created).toMatchObject({ actorKind: 'user', actorName: null });
      const rows = await t.db.query<{ actor_kind: string; actor_name: string }>(
        `SELECT actor_kind, actor_name FROM audit_events WHERE entity_id = $1`,
        [candidate.body.id],
      );
      expect(rows).toEqual([{ actor_kind: 'api_key', actor_name: 'ATS writer' }]);
    });

    it('may not decide on candidates, answer invitations or reopen scorecards (no such scope)', async () => {
      const res = await withKey(writer, 'POST', `/api/v1/candidates/${randomUUID()}/decisions`, {});
      expect(res.status).toBe(403);
    });

    it('a retried POST with the same Idempotency-Key through a key creates one row; keys are scoped per API key', async () => {
      const idem = randomUUID();
      const body = candidateBody('idem.key@example.com');
      const first = await withKey(writer, 'POST', '/api/v1/candidates', body, { 'idempotency-key': idem });
      const second = await withKey(writer, 'POST', '/api/v1/candidates', body, { 'idempotency-key': idem });
      expect([first.status, second.status]).toEqual([201, 201]);
      expect(second.headers.get('idempotent-replayed')).toBe('true');
      expect(second.body.id).toBe(first.body.id);
      const n = await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM candidates WHERE email = $1`, [
        'idem.key@example.com',
      ]);
      expect(n[0].n).toBe('1');
      const records = await t.db.query<{ user_id: string }>('SELECT user_id FROM idempotency_keys WHERE key = $1', [
        idem,
      ]);
      const writerId = (await t.db.query<{ id: string }>(`SELECT id FROM api_keys WHERE name = 'ATS writer'`))[0].id;
      expect(records).toEqual([{ user_id: writerId }]);
      // another caller's same key is its own
      const other = await t.request('POST', '/api/v1/candidates', {
        as: 'admin',
        body: candidateBody('idem.admin@example.com'),
        headers: { 'idempotency-key': idem },
      });
      expect(other.status).toBe(201);
      expect(other.headers.get('idempotent-replayed')).toBeNull();
    });
  });

  describe('updatedSince', () => {
    let key: string;
    beforeAll(async () => {
      key = (await createKey({ name: 'Sync', scopes: ['interviews:read', 'interviews:write'] })).secret;
    });

    it('lists candidates updated at or after the instant, oldest change first, paging with the cursor', async () => {
      const created: string[] = [];
      for (let i = 0; i < 5; i++)
        created.push((await withKey(key, 'POST', '/api/v1/candidates', candidateBody(`sync${i}@example.com`))).body.id);
      // three were changed at known instants; the rest before the mark
      await t.db.query(`UPDATE candidates SET updated_at = '2020-01-01T00:00:00Z' WHERE id <> ALL($1)`, [
        created.slice(2),
      ]);
      await t.db.query(`UPDATE candidates SET updated_at = '2030-01-03T00:00:00Z' WHERE id = $1`, [created[2]]);
      await t.db.query(`UPDATE candidates SET updated_at = '2030-01-01T00:00:00Z' WHERE id = $1`, [created[3]]);
      await t.db.query(`UPDATE candidates SET updated_at = '2030-01-02T00:00:00Z' WHERE id = $1`, [created[4]]);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `updatedSince=2030-01-01T00:00:00Z&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = await withKey(key, 'GET', `/api/v1/candidates?${qs}`);
        expect(page.status).toBe(200);
        seen.push(...page.body.items.map((c: { id: string }) => c.id));
        cursor = page.body.page.nextCursor;
      } while (cursor);
      expect(seen).toEqual([created[3], created[4], created[2]]);
      const later = await withKey(key, 'GET', '/api/v1/candidates?updatedSince=2030-01-02T00:00:00%2B00:00');
      expect(later.body.items.map((c: { id: string }) => c.id)).toEqual([created[4], created[2]]);
      // the same instant as a week date and as an ordinal date
      for (const since of ['2030-W01-3T00:00:00Z', '2030-002T00:00:00Z']) {
        const res = await withKey(key, 'GET', `/api/v1/candidates?updatedSince=${since}`);
        expect({ since, status: res.status }).toEqual({ since, status: 200 });
        expect(res.body.items.map((c: { id: string }) => c.id)).toEqual([created[4], created[2]]);
      }
      // a "since ever" before the 1970 floor of interview times still reads, as it did
      const ever = await withKey(key, 'GET', '/api/v1/candidates?updatedSince=1900-01-01T00:00:00Z&limit=100');
      expect(ever.status).toBe(200);
      expect(ever.body.items.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining(created));
    });

    it('lists interviews updated at or after the instant, oldest change first, paging with the cursor', async () => {
      const candidate = (await withKey(key, 'POST', '/api/v1/candidates', candidateBody('sync.iv@example.com'))).body
        .id;
      const ids: string[] = [];
      for (let i = 0; i < 3; i++)
        ids.push(
          (
            await withKey(key, 'POST', '/api/v1/interviews', {
              candidateId: candidate,
              stage: 'technical',
              start: new Date(Date.now() + (100 + i) * 3600_000).toISOString(),
              durationMinutes: 30,
              timezone: 'UTC',
              panel: [{ userId: interviewerId, role: 'lead' }],
              allowConflicts: true,
            })
          ).body.id,
        );
      await t.db.query(`UPDATE interviews SET updated_at = '2020-01-01T00:00:00Z'`);
      await t.db.query(`UPDATE interviews SET updated_at = '2031-01-02T00:00:00Z' WHERE id = $1`, [ids[0]]);
      await t.db.query(`UPDATE interviews SET updated_at = '2031-01-01T00:00:00Z' WHERE id = $1`, [ids[2]]);
      const first = await withKey(key, 'GET', '/api/v1/interviews?updatedSince=2031-01-01T00:00:00Z&limit=1');
      expect(first.body.items.map((i: { id: string }) => i.id)).toEqual([ids[2]]);
      expect(first.body.items[0].updatedAt).toBe('2031-01-01T00:00:00.000Z');
      const second = await withKey(
        key,
        'GET',
        `/api/v1/interviews?updatedSince=2031-01-01T00:00:00Z&limit=1&cursor=${first.body.page.nextCursor}`,
      );
      expect(second.body.items.map((i: { id: string }) => i.id)).toEqual([ids[0]]);
      expect(second.body.page.nextCursor).toBeNull();
    });

    it("filters an interview's submitted scorecards by updatedSince; a key never sees drafts", async () => {
      const cards = (await createKey({ name: 'Cards', scopes: ['interviews:write', 'scorecards:read'] })).secret;
      const candidate = (await withKey(key, 'POST', '/api/v1/candidates', candidateBody('sync.sc@example.com'))).body
        .id;
      const second = (await t.createUser('iv2.keys@test.local', ['interviewer'])).id;
      const interview = await withKey(cards, 'POST', '/api/v1/interviews', {
        candidateId: candidate,
        stage: 'technical',
        start: new Date(Date.now() + 200 * 3600_000).toISOString(),
        durationMinutes: 30,
        timezone: 'UTC',
        panel: [
          { userId: interviewerId, role: 'lead' },
          { userId: second, role: 'shadow' },
        ],
        allowConflicts: true,
      });
      expect(interview.status).toBe(201);
      const id = interview.body.id;
      // the interview took place
      await t.db.query(
        `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
        [id],
      );
      const IV = 'iv.keys@test.local';
      const draft = (await t.get(`/api/v1/interviews/${id}/scorecards/mine`, IV)).body;
      await t.request('PUT', `/api/v1/interviews/${id}/scorecards/mine`, {
        as: IV,
        body: { version: draft.version, overallRecommendation: 'yes' },
      });
      expect((await t.post(`/api/v1/interviews/${id}/scorecards/mine/submit`, {}, IV)).status).toBe(200);
      // the second panelist's draft exists, and is nobody's business but theirs
      expect((await t.get(`/api/v1/interviews/${id}/scorecards/mine`, 'iv2.keys@test.local')).status).toBe(200);

      const all = await withKey(cards, 'GET', `/api/v1/interviews/${id}/scorecards`);
      expect(all.status).toBe(200);
      expect(
        all.body.items.map((c: { panelist: { id: string }; status: string }) => [c.panelist.id, c.status]),
      ).toEqual([[interviewerId, 'submitted']]);
      const since = encodeURIComponent(new Date(Date.now() - 60_000).toISOString());
      const recent = await withKey(cards, 'GET', `/api/v1/interviews/${id}/scorecards?updatedSince=${since}`);
      expect(recent.body.items).toHaveLength(1);
      const future = await withKey(
        cards,
        'GET',
        `/api/v1/interviews/${id}/scorecards?updatedSince=2099-01-01T00:00:00Z`,
      );
      expect(future.body.items).toEqual([]);
      const bad = await withKey(cards, 'GET', `/api/v1/interviews/${id}/scorecards?updatedSince=soon`);
      expect(bad.status).toBe(400);
      expect(bad.text).toContain('updatedSince');
      // reading is all: a key has no scorecard of its own to write
      const write = await withKey(cards, 'PUT', `/api/v1/interviews/${id}/scorecards/mine`, {
        overallRecommendation: 'no',
      });
      expect(write.status).toBe(403);
    });

    it('answers 400 naming updatedSince when it is not an instant', async () => {
      // the last two pass a syntax check, but no Date reads them (2030 has 52 weeks)
      for (const bad of [
        'yesterday',
        '2030-01-01',
        '2030-01-01T10:00',
        '2030-13-01T00:00:00Z',
        '',
        '2030-W53-1T00:00:00Z',
        '+2030-01-01T00:00:00Z',
      ]) {
        for (const path of ['/api/v1/candidates', '/api/v1/interviews']) {
          const res = await withKey(key, 'GET', `${path}?updatedSince=${encodeURIComponent(bad)}`);
          expect({ bad, path, status: res.status }).toEqual({ bad, path, status: 400 });
          expect(res.text).toContain('updatedSince');
        }
      }
      // and the same for people
      expect((await t.get('/api/v1/candidates?updatedSince=nope', 'admin')).status).toBe(400);
    });
  });
});
