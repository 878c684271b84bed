import { queriesOf } from './support/queries';
import { TestApp } from './support/test-app';

const RECRUITER = 'rita@example.com';
const RECRUITER2 = 'ravi@example.com';
const MANAGER = 'hank@example.com';
const INTERVIEWER = 'ian@example.com';

const question = (over: Record<string, unknown> = {}) => ({
  type: 'technical',
  prompt: 'How would you shard a table that outgrew one database server?',
  followUps: [
    { prompt: 'How do you pick the shard key?', checks: 'understanding of hot spots' },
    { prompt: 'How do you rebalance?' },
  ],
  criteria: [
    { label: 'Chooses a shard key from access patterns' },
    { label: 'Plans for rebalancing', description: 'Moves data without downtime' },
  ],
  guidance: { whyAsked: 'Scaling data is part of the job.' },
  competencies: ['System design'],
  timeboxMinutes: 15,
  ...over,
});

// Written for this test: the sectioned shape with a title, marketing around it and a type-less tail.
const TEXT_GUIDE = [
  'Site Reliability Engineer Interview Questions', // 1
  'Questions for SREs on incidents, capacity and automation.', // 2
  '', // 3
  'Technical Questions', // 4
  'How do you decide what to alert on for a new service?', // 5
  'Follow-up questions', // 6
  '- What makes an alert actionable?', // 7
  '- How do you avoid alert fatigue?', // 8
  'What to look for', // 9
  'Symptom-based alerting, clear ownership, and a habit of pruning noisy alerts.', // 10
  'Behavioral Questions', // 11
  'Tell me about a time you led an incident response.', // 12
  'Follow-up questions', // 13
  '- What did the post-mortem change?', // 14
  'What to look for', // 15
  'Calm coordination and blameless learning.', // 16
  'Situational Questions', // 17
  'Disk usage on the primary database grows 5% a day. How do you respond?', // 18
  'Follow-up questions', // 19
  '- What do you do in the next hour?', // 20
  '- And in the next month?', // 21
  'What to look for', // 22
  'Triage first, then capacity planning.', // 23
  'Try our interview platform free for 14 days', // 24
].join('\n');

describe('question sets', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start('question_sets');
    await t.createUser(RECRUITER, ['recruiter']);
    await t.createUser(RECRUITER2, ['recruiter']);
    await t.createUser(MANAGER, ['hiring_manager']);
    await t.createUser(INTERVIEWER, ['interviewer']);
  });
  afterAll(() => t?.close());

  const create = async (body: Record<string, unknown>, as = RECRUITER) => {
    const res = await t.post('/api/v1/question-sets', { name: 'Backend loop', ...body }, as);
    if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
    return res.body;
  };
  const countSets = async () =>
    Number((await t.db.query<{ n: string }>('SELECT count(*)::text AS n FROM question_sets'))[0].n);

  describe('creating and reading', () => {
    it('creates a draft with ordered questions, ids on follow-ups and criteria, and counts', async () => {
      const set = await create({
        description: 'Core loop',
        positionFamily: 'Backend Engineer',
        level: 'Senior',
        tags: ['Backend', 'scaling', 'backend'],
        questions: [
          question(),
          question({ type: 'behavioral', prompt: 'Tell me about a time you disagreed with a design.' }),
        ],
      });
      expect(set).toMatchObject({
        status: 'draft',
        version: 1,
        revision: 1,
        tags: ['backend', 'scaling'],
        questionCount: 2,
        questionsByType: { technical: 1, behavioral: 1, situational: 0 },
      });
      expect(set.questions.map((q: { position: number }) => q.position)).toEqual([0, 1]);
      expect(set.questions[0].criteria[1]).toEqual({
        id: expect.any(String),
        label: 'Plans for rebalancing',
        description: 'Moves data without downtime',
      });
      expect(set.questions[0].followUps[0]).toEqual({
        id: expect.any(String),
        prompt: 'How do you pick the shard key?',
        checks: 'understanding of hot spots',
      });
      const got = await t.get(`/api/v1/question-sets/${set.id}`, RECRUITER2);
      expect(got.status).toBe(200);
      expect(got.body.questions[1].type).toBe('behavioral');
    });

    it('hides drafts from hiring managers and interviewers (404) and refuses their writes (403)', async () => {
      const set = await create({ questions: [question()] });
      expect((await t.get(`/api/v1/question-sets/${set.id}`, INTERVIEWER)).status).toBe(404);
      expect((await t.get(`/api/v1/question-sets/${set.id}`, MANAGER)).status).toBe(404);
      expect((await t.post('/api/v1/question-sets', { name: 'Mine' }, INTERVIEWER)).status).toBe(403);
      expect(
        (await t.request('PATCH', `/api/v1/question-sets/${set.id}`, { as: MANAGER, body: { revision: 1, name: 'x' } }))
          .status,
      ).toBe(403);
      const list = await t.get('/api/v1/question-sets?limit=100', INTERVIEWER);
      expect(list.body.items.find((s: { id: string }) => s.id === set.id)).toBeUndefined();
    });

    it.each([
      [{ questions: [question({ prompt: '   ' })] }, 'questions.0.prompt'],
      [{ questions: [question({ type: 'trivia' })] }, 'questions.0.type'],
      [
        { questions: [question({ followUps: Array.from({ length: 101 }, (_, i) => ({ prompt: `f${i}` })) })] },
        'questions.0.followUps',
      ],
      [
        { questions: [question({ criteria: Array.from({ length: 101 }, (_, i) => ({ label: `c${i}` })) })] },
        'questions.0.criteria',
      ],
      [{ questions: [question({ prompt: 'x'.repeat(2001) })] }, 'questions.0.prompt'],
      [{ questions: [question({ criteria: [{ label: '' }] })] }, 'questions.0.criteria.0.label'],
      [{ name: '' }, 'name'],
      [{ questions: [question({ timeboxMinutes: 0 })] }, 'questions.0.timeboxMinutes'],
      [{ questions: [{ ...question(), secret: 1 }] }, 'questions.0.secret'],
    ])('refuses %# with a 400 naming %s, storing nothing', async (body, field) => {
      const before = await countSets();
      const res = await t.post('/api/v1/question-sets', { name: 'Bad', ...body }, RECRUITER);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
      expect(await countSets()).toBe(before);
    });
  });

  describe('editing', () => {
    it('adds, edits, moves, reorders and removes questions, bumping the revision each time', async () => {
      const set = await create({ questions: [question({ prompt: 'Q1' }), question({ prompt: 'Q2' })] });
      const added = await t.post(
        `/api/v1/question-sets/${set.id}/questions`,
        { revision: 1, ...question({ type: 'situational', prompt: 'Q0' }), position: 0 },
        RECRUITER,
      );
      expect(added.status).toBe(201);
      expect(added.body.revision).toBe(2);
      expect(added.body.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['Q0', 'Q1', 'Q2']);

      const q2 = added.body.questions[2];
      const keptCriterion = q2.criteria[0];
      const edited = await t.request('PATCH', `/api/v1/question-sets/${set.id}/questions/${q2.id}`, {
        as: RECRUITER,
        body: {
          revision: 2,
          prompt: 'Q2 edited',
          criteria: [{ label: keptCriterion.label }, { label: 'New criterion' }],
          position: 0,
        },
      });
      expect(edited.status).toBe(200);
      expect(edited.body.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['Q2 edited', 'Q0', 'Q1']);
      // an unchanged criterion keeps its id, so ratings made against it still line up
      expect(edited.body.questions[0].criteria[0].id).toBe(keptCriterion.id);

      const ids = edited.body.questions.map((q: { id: string }) => q.id);
      const reordered = await t.post(
        `/api/v1/question-sets/${set.id}/questions/reorder`,
        { revision: 3, questionIds: [ids[2], ids[0], ids[1]] },
        RECRUITER,
      );
      expect(reordered.status).toBe(200);
      expect(reordered.body.questions.map((q: { prompt: string }) => q.prompt)).toEqual(['Q1', 'Q2 edited', 'Q0']);

      const badOrder = await t.post(
        `/api/v1/question-sets/${set.id}/questions/reorder`,
        { revision: 4, questionIds: [ids[0], ids[0], ids[1]] },
        RECRUITER,
      );
      expect(badOrder.status).toBe(400);

      const removed = await t.request('DELETE', `/api/v1/question-sets/${set.id}/questions/${ids[0]}?revision=4`, {
        as: RECRUITER,
      });
      expect(removed.status).toBe(200);
      expect(removed.body.questions.map((q: { prompt: string; position: number }) => [q.position, q.prompt])).toEqual([
        [0, 'Q1'],
        [1, 'Q0'],
      ]);
      expect(removed.body.revision).toBe(5);
    });

    it("gives the second of two writers with the same revision a 409 and keeps the first one's change", async () => {
      const set = await create({ questions: [question()] });
      const [a, b] = await Promise.all([
        t.request('PATCH', `/api/v1/question-sets/${set.id}`, {
          as: RECRUITER,
          body: { revision: 1, name: 'Name from A' },
        }),
        t.request('PATCH', `/api/v1/question-sets/${set.id}`, {
          as: RECRUITER2,
          body: { revision: 1, name: 'Name from B' },
        }),
      ]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      const winner = a.status === 200 ? a : b;
      expect(loser.body.details).toEqual({ currentRevision: 2 });
      const now = await t.get(`/api/v1/question-sets/${set.id}`, RECRUITER);
      expect(now.body.name).toBe(winner.body.name);
      expect(now.body.revision).toBe(2);
    });

    it('answers a stale revision on a question edit with 409, changing nothing', async () => {
      const set = await create({ questions: [question({ prompt: 'Original' })] });
      const res = await t.request('PATCH', `/api/v1/question-sets/${set.id}/questions/${set.questions[0].id}`, {
        as: RECRUITER,
        body: { revision: 7, prompt: 'Lost' },
      });
      expect(res.status).toBe(409);
      expect((await t.get(`/api/v1/question-sets/${set.id}`, RECRUITER)).body.questions[0].prompt).toBe('Original');
    });

    it('answers unknown sets and questions with 404 and malformed ids with 400', async () => {
      const set = await create({ questions: [question()] });
      expect((await t.get('/api/v1/question-sets/00000000-0000-4000-8000-000000000000', RECRUITER)).status).toBe(404);
      expect((await t.get('/api/v1/question-sets/nope', RECRUITER)).status).toBe(400);
      const res = await t.request(
        'PATCH',
        `/api/v1/question-sets/${set.id}/questions/00000000-0000-4000-8000-000000000000`,
        { as: RECRUITER, body: { revision: 1, prompt: 'x' } },
      );
      expect(res.status).toBe(404);
    });
  });

  describe('publishing and versions', () => {
    it('refuses to publish while a question has no criteria, naming it (422)', async () => {
      const set = await create({ questions: [question(), question({ prompt: 'No criteria here', criteria: [] })] });
      const res = await t.post(`/api/v1/question-sets/${set.id}/publish`, { revision: 1 }, RECRUITER);
      expect(res.status).toBe(422);
      expect(res.body.message).toContain('#2');
      expect(res.body.details.questionsWithoutCriteria).toEqual([
        expect.objectContaining({ position: 1, prompt: 'No criteria here' }),
      ]);
      expect((await t.get(`/api/v1/question-sets/${set.id}`, RECRUITER)).body.status).toBe('draft');
      const empty = await create({});
      expect((await t.post(`/api/v1/question-sets/${empty.id}/publish`, {}, RECRUITER)).status).toBe(422);
    });

    it('freezes a published set: an edit starts version 2 as a draft and version 1 stays as it was', async () => {
      const set = await create({ name: 'Frozen', questions: [question({ prompt: 'Original prompt' })] });
      const stale = await t.post(`/api/v1/question-sets/${set.id}/publish`, { revision: 2 }, RECRUITER);
      expect(stale.status).toBe(409);
      expect(stale.body.details).toEqual({ currentRevision: 1 });
      const published = await t.post(`/api/v1/question-sets/${set.id}/publish`, { revision: 1 }, RECRUITER);
      expect(published.status).toBe(200);
      expect(published.body).toMatchObject({ status: 'published', revision: 2, publishedAt: expect.any(String) });
      expect((await t.get(`/api/v1/question-sets/${set.id}`, INTERVIEWER)).status).toBe(200);

      const edit = await t.request('PATCH', `/api/v1/question-sets/${set.id}/questions/${set.questions[0].id}`, {
        as: RECRUITER,
        body: { revision: 2, prompt: 'Better prompt' },
      });
      expect(edit.status).toBe(200);
      expect(edit.body).toMatchObject({ status: 'draft', version: 2, lineageId: set.lineageId, revision: 1 });
      expect(edit.body.id).not.toBe(set.id);
      expect(edit.body.questions[0].prompt).toBe('Better prompt');
      expect(edit.body.questions[0].criteria.map((c: { id: string }) => c.id)).toEqual(
        set.questions[0].criteria.map((c: { id: string }) => c.id),
      );

      const v1 = await t.get(`/api/v1/question-sets/${set.id}`, MANAGER);
      expect(v1.body).toMatchObject({ status: 'published', version: 1 });
      expect(v1.body.questions[0].prompt).toBe('Original prompt');

      // a second edit of version 1 points at the open draft instead of forking again
      const again = await t.request('PATCH', `/api/v1/question-sets/${set.id}`, {
        as: RECRUITER,
        body: { revision: 2, name: 'Fork' },
      });
      expect(again.status).toBe(409);
      expect(again.body.details).toMatchObject({ draftId: edit.body.id, draftVersion: 2 });

      const v2 = await t.post(`/api/v1/question-sets/${edit.body.id}/publish`, {}, RECRUITER);
      expect(v2.status).toBe(200);
      const old = await t.get(`/api/v1/question-sets/${set.id}`, RECRUITER);
      expect(old.body).toMatchObject({ status: 'archived', supersededById: edit.body.id });
      expect(
        (
          await t.request('PATCH', `/api/v1/question-sets/${set.id}`, {
            as: RECRUITER,
            body: { revision: old.body.revision, name: 'x' },
          })
        ).status,
      ).toBe(409);
      const trail = await t.get(`/api/v1/audit-events?entityType=question_set&entityId=${edit.body.id}`, 'admin');
      expect(trail.body.items.map((e: { action: string }) => e.action)).toEqual(['published', 'new_version']);
      const v1Trail = await t.get(`/api/v1/audit-events?entityType=question_set&entityId=${set.id}`, 'admin');
      expect(v1Trail.body.items.map((e: { action: string }) => e.action)).toEqual(['published', 'created']);
    });

    it('deletes drafts but not published sets', async () => {
      const draft = await create({ questions: [question()] });
      expect((await t.request('DELETE', `/api/v1/question-sets/${draft.id}`, { as: RECRUITER })).status).toBe(204);
      expect((await t.get(`/api/v1/question-sets/${draft.id}`, RECRUITER)).status).toBe(404);
      const pub = await create({ questions: [question()] });
      await t.post(`/api/v1/question-sets/${pub.id}/publish`, {}, RECRUITER);
      const res = await t.request('DELETE', `/api/v1/question-sets/${pub.id}`, { as: RECRUITER });
      expect(res.status).toBe(409);
      expect(res.body.message).toMatch(/archive/);
    });
  });

  describe('listing', () => {
    let l: TestApp;
    beforeAll(async () => {
      l = await TestApp.start('question_sets_list');
      await l.createUser(RECRUITER, ['recruiter']);
      await l.createUser(INTERVIEWER, ['interviewer']);
      const make = (body: Record<string, unknown>) =>
        l.post('/api/v1/question-sets', body, RECRUITER).then((r) => r.body);
      const a = await make({
        name: 'Frontend basics',
        positionFamily: 'Frontend Engineer',
        tags: ['ui'],
        questions: [question({ prompt: 'Explain the event loop', criteria: [{ label: 'Knows microtasks' }] })],
      });
      await make({
        name: 'Data pipelines',
        positionFamily: 'Data Engineer',
        tags: ['data'],
        questions: [question({ type: 'situational', prompt: 'A pipeline is late. What do you do?' })],
      });
      await make({
        name: 'Leadership',
        positionFamily: 'Engineering Manager',
        tags: ['people', 'ui'],
        questions: [question({ type: 'behavioral', prompt: 'Tell me about a hard conversation.' })],
      });
      await l.post(`/api/v1/question-sets/${a.id}/publish`, {}, RECRUITER);
      for (let i = 0; i < 57; i++)
        await make({
          name: `Bulk ${String(i).padStart(2, '0')}`,
          questions: [question({ prompt: `Bulk question ${i}` }), question({ type: 'behavioral' })],
        });
    });
    afterAll(() => l?.close());

    const names = (res: { body: { items: Array<{ name: string }> } }) => res.body.items.map((s) => s.name);

    it('filters by status, position family, tag, question type and text in prompts and criteria', async () => {
      expect(names(await l.get('/api/v1/question-sets?status=published', RECRUITER))).toEqual(['Frontend basics']);
      expect(names(await l.get('/api/v1/question-sets?positionFamily=data%20engineer', RECRUITER))).toEqual([
        'Data pipelines',
      ]);
      expect(names(await l.get('/api/v1/question-sets?tag=ui', RECRUITER)).sort()).toEqual([
        'Frontend basics',
        'Leadership',
      ]);
      expect(names(await l.get('/api/v1/question-sets?type=situational', RECRUITER))).toEqual(['Data pipelines']);
      expect(names(await l.get('/api/v1/question-sets?q=microtasks', RECRUITER))).toEqual(['Frontend basics']);
      expect(names(await l.get('/api/v1/question-sets?q=hard%20conversation', RECRUITER))).toEqual(['Leadership']);
      expect(names(await l.get('/api/v1/question-sets?q=100%25', RECRUITER))).toEqual([]);
      expect(names(await l.get('/api/v1/question-sets', INTERVIEWER))).toEqual(['Frontend basics']);
      expect((await l.get('/api/v1/question-sets?status=bogus', RECRUITER)).status).toBe(400);
      expect((await l.get('/api/v1/question-sets?limit=500', RECRUITER)).status).toBe(400);
    });

    it('pages with a cursor, every set exactly once', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { body: { items: Array<{ id: string }>; page: { nextCursor: string | null } } } = await l.get(
          `/api/v1/question-sets?limit=25${cursor ? `&cursor=${cursor}` : ''}`,
          RECRUITER,
        );
        seen.push(...res.body.items.map((s) => s.id));
        cursor = res.body.page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(60);
      expect(new Set(seen).size).toBe(60);
    });

    it('lists 50 sets with their question counts in one SQL query (plus the auth lookup)', async () => {
      const { queries, result: res } = await queriesOf(() => l.get('/api/v1/question-sets?limit=50', RECRUITER));
      expect(res.body.items).toHaveLength(50);
      expect(res.body.items.find((s: { name: string }) => s.name === 'Bulk 10')).toMatchObject({
        questionCount: 2,
        questionsByType: { technical: 1, behavioral: 1, situational: 0 },
      });
      expect(queries).toBeLessThanOrEqual(2);
    });

    it('lists the sets updated at or after updatedSince, newest first, paging with the cursor', async () => {
      type Item = { id: string; updatedAt: string; status: string };
      const all: Item[] = (await l.get('/api/v1/question-sets?limit=100', RECRUITER)).body.items;
      expect(all).toHaveLength(60);
      const since = all[22].updatedAt;
      // the response's instants are whole milliseconds; the stored ones finer: compare as the API shows them
      const expected = all.filter((s) => s.updatedAt >= since).map((s) => s.id);
      expect(expected.length).toBeGreaterThanOrEqual(23);
      expect(expected.length).toBeLessThan(60);
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const res: { status: number; body: { items: Item[]; page: { nextCursor: string | null } } } = await l.get(
          `/api/v1/question-sets?limit=7&updatedSince=${encodeURIComponent(since)}${cursor ? `&cursor=${cursor}` : ''}`,
          RECRUITER,
        );
        expect(res.status).toBe(200);
        seen.push(...res.body.items.map((s) => s.id));
        cursor = res.body.page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(expected);
      // the same instant written with an offset
      const shifted = new Date(Date.parse(since) + 2 * 3600_000).toISOString().replace('Z', '+02:00');
      const withOffset = await l.get(
        `/api/v1/question-sets?limit=100&updatedSince=${encodeURIComponent(shifted)}`,
        RECRUITER,
      );
      expect(withOffset.body.items.map((s: Item) => s.id)).toEqual(expected);
      // combined with the other filters, and with what the caller may see
      const published = await l.get(`/api/v1/question-sets?updatedSince=2000-01-01T00:00:00Z`, INTERVIEWER);
      expect(published.body.items.map((s: Item) => s.status)).toEqual(['published']);
      const future = await l.get('/api/v1/question-sets?updatedSince=2999-01-01T00:00:00.000Z', RECRUITER);
      expect(future.status).toBe(200);
      expect(future.body).toEqual({ items: [], page: { limit: 20, nextCursor: null } });
    });

    it('refuses a malformed updatedSince with a 400 naming it', async () => {
      for (const bad of [
        'yesterday',
        '2026-11-30',
        '2026-11-30T12:00:00', // a wall-clock time: which zone?
        '2026-02-30T12:00:00Z',
        '2026-11-30T25:00:00Z',
        '2026-11-30T12:00:00+2',
        "2026-11-30T12:00:00Z' OR 1=1",
        '',
      ]) {
        const res = await l.get(`/api/v1/question-sets?updatedSince=${encodeURIComponent(bad)}`, RECRUITER);
        expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
        expect(res.body.message).toContain('updatedSince');
        expect(res.body.requestId).toEqual(expect.any(String));
      }
      const twice = await l.get('/api/v1/question-sets?updatedSince=2026-11-30T12:00:00Z&updatedSince=x', RECRUITER);
      expect(twice.status).toBe(400);
    });
  });

  describe('import and export', () => {
    it('imports a pasted text guide as a draft with a report, by line', async () => {
      const res = await t.request('POST', '/api/v1/question-sets/import', {
        as: RECRUITER,
        raw: TEXT_GUIDE,
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.status).toBe(201);
      const { set, report } = res.body;
      expect(set).toMatchObject({
        status: 'draft',
        name: 'Site Reliability Engineer Interview Questions',
        positionFamily: 'Site Reliability Engineer',
        questionCount: 3,
      });
      expect(set.questions.map((q: { type: string }) => q.type)).toEqual(['technical', 'behavioral', 'situational']);
      expect(report).toMatchObject({ format: 'text', questions: 3, followUps: 5, criteria: 6 });
      expect(set.questions[0].criteria.map((c: { label: string }) => c.label)).toEqual([
        'Symptom-based alerting',
        'Clear ownership',
        'A habit of pruning noisy alerts',
      ]);
      expect(report.skipped).toEqual([expect.objectContaining({ line: 24 })]);
      expect(report.warnings).toEqual([]);
    });

    it('previews an import: the questions and the report, by line, and stores nothing', async () => {
      const before = await countSets();
      const res = await t.request('POST', '/api/v1/question-sets/import/preview', {
        as: RECRUITER,
        raw: TEXT_GUIDE,
        headers: { 'content-type': 'text/plain' },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'Site Reliability Engineer Interview Questions',
        positionFamily: 'Site Reliability Engineer',
      });
      expect(
        res.body.questions.map((q: { line: number; type: string; typeInferred: boolean }) => [
          q.line,
          q.type,
          q.typeInferred,
        ]),
      ).toEqual([
        [5, 'technical', false],
        [12, 'behavioral', false],
        [18, 'situational', false],
      ]);
      expect(res.body.questions[0].followUps.map((f: { prompt: string }) => f.prompt)).toEqual([
        'What makes an alert actionable?',
        'How do you avoid alert fatigue?',
      ]);
      expect(res.body.report).toMatchObject({
        format: 'text',
        questions: 3,
        followUps: 5,
        criteria: 6,
        skipped: [expect.objectContaining({ line: 24 })],
      });
      const json = await t.post(
        '/api/v1/question-sets/import/preview',
        { content: '1. What is a race condition?', name: 'Screen' },
        RECRUITER,
      );
      expect(json.status).toBe(200);
      expect(json.body).toMatchObject({
        name: 'Screen',
        questions: [{ type: 'technical', typeInferred: true, criteria: [] }],
      });
      expect(json.body.report.warnings).toEqual([expect.objectContaining({ line: 1 })]);
      expect(await countSets()).toBe(before);
      const empty = await t.post('/api/v1/question-sets/import/preview', { content: '' }, RECRUITER);
      expect(empty.status).toBe(400);
      expect(empty.body.message).toMatch(/content/);
      expect(
        (
          await t.post(
            '/api/v1/question-sets/import/preview',
            { content: '{"not": "an export"}', format: 'json' },
            RECRUITER,
          )
        ).status,
      ).toBe(422);
      expect((await t.post('/api/v1/question-sets/import/preview', { content: TEXT_GUIDE }, INTERVIEWER)).status).toBe(
        403,
      );
    });

    it('imports JSON {content} and reports inferred types and missing criteria', async () => {
      const content =
        '1. Tell me about a time you missed a deadline.\n2. What would you do if a teammate kept missing reviews?\n3. What is a race condition?';
      const res = await t.post('/api/v1/question-sets/import', { content, name: 'Screening' }, RECRUITER);
      expect(res.status).toBe(201);
      expect(res.body.set.name).toBe('Screening');
      expect(res.body.set.questions.map((q: { type: string }) => q.type)).toEqual([
        'behavioral',
        'situational',
        'technical',
      ]);
      expect(res.body.report.inferred).toHaveLength(3);
      expect(res.body.report.warnings).toHaveLength(3);
      const publish = await t.post(`/api/v1/question-sets/${res.body.set.id}/publish`, {}, RECRUITER);
      expect(publish.status).toBe(422);
    });

    it('round-trips through the JSON and Markdown exports', async () => {
      const set = await create({
        name: 'Round trip',
        description: 'Everything a set can hold.',
        positionFamily: 'Platform Engineer',
        level: 'Staff',
        tags: ['platform'],
        questions: [
          question({
            guidance: {
              whyAsked: 'Why',
              framework: 'STAR',
              frameworkDescription: 'Situation, task, action, result.',
              exampleAnswer: 'An example.',
            },
          }),
          question({
            type: 'situational',
            prompt: 'The build is red and the release is today. What now?',
            followUps: [],
            competencies: [],
            timeboxMinutes: undefined,
          }),
        ],
      });
      const strip = (s: {
        name: string;
        description: string;
        positionFamily: string;
        level: string;
        tags: string[];
        questions: Array<Record<string, any>>;
      }) => ({
        name: s.name,
        description: s.description,
        positionFamily: s.positionFamily,
        level: s.level,
        tags: s.tags,
        questions: s.questions.map((q) => ({
          type: q.type,
          prompt: q.prompt,
          followUps: q.followUps.map((f: Record<string, unknown>) => ({ prompt: f.prompt, checks: f.checks })),
          criteria: q.criteria.map((c: Record<string, unknown>) => ({ label: c.label, description: c.description })),
          guidance: q.guidance,
          competencies: q.competencies,
          timeboxMinutes: q.timeboxMinutes,
        })),
      });
      for (const format of ['json', 'markdown']) {
        const exported = await t.request('GET', `/api/v1/question-sets/${set.id}/export?format=${format}`, {
          as: RECRUITER,
        });
        expect(exported.status).toBe(200);
        expect(exported.headers.get('content-disposition')).toContain(
          format === 'json' ? 'round-trip-v1.json' : 'round-trip-v1.md',
        );
        const again = await t.post('/api/v1/question-sets/import', { content: exported.text }, RECRUITER);
        expect(again.status).toBe(201);
        expect(again.body.report.format).toBe(format);
        expect(strip(again.body.set)).toEqual(strip(set));
      }
    });

    it('refuses bad guides with a 4xx naming the problem, storing nothing', async () => {
      const before = await countSets();
      const cases: Array<[Parameters<TestApp['request']>[2], number, RegExp]> = [
        [{ body: { content: '' } }, 400, /content/],
        [{ body: { content: 'x', format: 'docx' } }, 400, /format/],
        [{ body: { content: 'x', extra: 1 } }, 400, /extra/],
        [{ body: { content: '\u0000\u0001\u0002\u0003binary\u0000junk\u0000'.repeat(20) } }, 422, /binary|text/i],
        [
          {
            body: {
              content: JSON.stringify({
                format: 'scorecards.question-set',
                version: 1,
                set: { name: 'X', tags: [] },
                questions: [
                  { type: 'trivia', prompt: 'Q', followUps: [], criteria: [], guidance: {}, competencies: [] },
                ],
              }),
            },
          },
          422,
          /questions\[0\]\.type/,
        ],
        [{ body: { content: JSON.stringify({ hello: 'world' }), format: 'json' } }, 422, /format/],
        [{ body: { content: 'Just some words with no question at all' } }, 422, /question/i],
        [{ raw: 'x'.repeat(20 * 1024 * 1024), headers: { 'content-type': 'text/plain' } }, 413, /too large/],
        [{ raw: TEXT_GUIDE, headers: { 'content-type': 'text/plain' } }, 201, /./],
      ];
      for (const [options, status, message] of cases.slice(0, -1)) {
        const res = await t.request('POST', '/api/v1/question-sets/import', { as: RECRUITER, ...options });
        expect({ status: res.status, message: res.body.message }).toEqual({
          status,
          message: expect.stringMatching(message),
        });
      }
      expect(await countSets()).toBe(before);
      const badQuery = await t.request('POST', '/api/v1/question-sets/import?format=pdf', {
        as: RECRUITER,
        raw: TEXT_GUIDE,
        headers: { 'content-type': 'text/plain' },
      });
      expect(badQuery.status).toBe(400);
      expect(await countSets()).toBe(before);
    });

    it('refuses imports from interviewers', async () => {
      expect((await t.post('/api/v1/question-sets/import', { content: TEXT_GUIDE }, INTERVIEWER)).status).toBe(403);
    });
  });
});

describe('the demo data', () => {
  let d: TestApp;
  beforeAll(async () => {
    d = await TestApp.start('question_sets_demo', { env: { DEMO: 'true' } });
  });
  afterAll(() => d?.close());

  it('is published in demo mode, with every question type, follow-ups and criteria', async () => {
    const token = (await d.login('interviewer@demo.scorecards.dev', 'demo-password')).body.accessToken;
    const list = await d.request('GET', '/api/v1/question-sets', { token });
    // two mixed loops, and a set devoted to each question type
    const byFamily = new Map(list.body.items.map((s: any) => [s.positionFamily, s]));
    for (const family of ['Backend Engineer', 'Product Manager']) {
      const mixed = byFamily.get(family) as any;
      expect(mixed.questionsByType.technical).toBeGreaterThan(0);
      expect(mixed.questionsByType.behavioral).toBeGreaterThan(0);
      expect(mixed.questionsByType.situational).toBeGreaterThan(0);
    }
    for (const type of ['technical', 'behavioral', 'situational']) {
      const devoted = list.body.items.filter((s: any) =>
        Object.entries(s.questionsByType).every(([t, n]) => (t === type ? (n as number) > 0 : n === 0)),
      );
      expect(devoted.length).toBeGreaterThan(0);
    }
    expect(list.body.items.length).toBe(5);
    for (const summary of list.body.items) {
      expect(summary.status).toBe('published');
      const set = (await d.request('GET', `/api/v1/question-sets/${summary.id}`, { token })).body;
      for (const q of set.questions) {
        expect(q.criteria.length).toBeGreaterThan(0);
        expect(q.followUps.length).toBeGreaterThan(0);
      }
    }
  });

  it('includes an upcoming interview for the demo interviewer, with the Backend Engineer questions', async () => {
    const token = (await d.login('interviewer@demo.scorecards.dev', 'demo-password')).body.accessToken;
    const upcoming = await d.request('GET', '/api/v1/interviews/upcoming', { token });
    expect(upcoming.body.items).toHaveLength(1);
    const kit = await d.request('GET', `/api/v1/interviews/${upcoming.body.items[0].id}`, { token });
    expect(kit.body).toMatchObject({
      candidate: { name: 'Jordan Rivera' },
      position: { title: 'Senior Backend Engineer' },
      status: 'scheduled',
    });
    // 10:00 in New York (Ines's zone): 15:00 in London, 16:00 in Berlin, inside every panelist's day
    expect(kit.body.scheduled.start).toMatch(/T10:00:00-0[45]:00$/);
    expect(kit.body.questions.length).toBeGreaterThan(0);
    expect(new Date(kit.body.start).getTime()).toBeGreaterThan(Date.now());
  });
});
