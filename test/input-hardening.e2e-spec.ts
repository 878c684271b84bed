import { TestApp } from './support/test-app';

/**
 * Issue 13, "input hardening in one place": hostile input answers a 400 naming the field (never a
 * 500), checked before class-transformer; nested DTOs are objects; emails are plain; times are
 * read by one Temporal-based rule; duplicates in one save are refused; the guide import is linear.
 */
const R = 'rae@example.com';
const HM = 'hugh@example.com';
const I1 = 'lead@example.com';
const I2 = 'second@example.com';

describe('input hardening', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let candidateId: string;
  let setId: string;
  let questionIds: string[];

  const field = (res: { body: any }) => res.body?.details?.[0]?.field;
  const raw = (method: string, path: string, body: string, as?: string, type = 'application/json') =>
    t.request(method, path, { raw: body, as, token: as ? undefined : null, headers: { 'content-type': type } });

  beforeAll(async () => {
    t = await TestApp.start('input_hardening');
    ids[R] = (await t.createUser(R, ['recruiter'])).id;
    ids[HM] = (await t.createUser(HM, ['hiring_manager'])).id;
    ids[I1] = (await t.createUser(I1, ['interviewer'], { timezone: 'Europe/Berlin' })).id;
    ids[I2] = (await t.createUser(I2, ['interviewer'])).id;
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Loop',
        questions: [
          { type: 'technical', prompt: 'Q1', criteria: [{ label: 'C1a' }, { label: 'C1b' }] },
          { type: 'behavioral', prompt: 'Q2', criteria: [{ label: 'C2' }] },
        ],
      },
      R,
    );
    expect(set.status).toBe(201);
    setId = set.body.id;
    questionIds = set.body.questions.map((q: { id: string }) => q.id);
    expect((await t.post(`/api/v1/question-sets/${setId}/publish`, {}, R)).status).toBeLessThan(300);
    const position = await t.post('/api/v1/positions', { title: 'Engineer', hiringManagerId: ids[HM] }, R);
    const candidate = await t.post(
      '/api/v1/candidates',
      { name: 'Cand', email: 'cand@example.com', positionId: position.body.id },
      R,
    );
    candidateId = candidate.body.id;
  });
  afterAll(() => t?.close());

  let slot = 0;
  /** A new interview; each gets its own day so that panels never clash. */
  const schedule = (over: Record<string, unknown>) =>
    t.post(
      '/api/v1/interviews',
      {
        candidateId,
        stage: 'technical',
        start: new Date(Date.now() + (10 + slot++) * 86_400_000).toISOString(),
        durationMinutes: 60,
        timezone: 'Europe/Berlin',
        panel: [{ userId: ids[I1], role: 'lead' }],
        allowConflicts: true,
        ...over,
      },
      HM,
    );

  describe('NUL bytes and lone surrogates', () => {
    it('refuses a NUL in a text field, a nested field and a key with a 400 naming it', async () => {
      const top = await t.post('/api/v1/question-sets', { name: 'a\u0000b' }, R);
      expect(top.status).toBe(400);
      expect(field(top)).toBe('name');
      expect(top.body).toMatchObject({ statusCode: 400, error: expect.any(String), requestId: expect.any(String) });
      const nested = await t.post(
        '/api/v1/question-sets',
        { name: 'ok', questions: [{ type: 'technical', prompt: 'Q', criteria: [{ label: 'x\u0000' }] }] },
        R,
      );
      expect(nested.status).toBe(400);
      expect(field(nested)).toBe('questions.0.criteria.0.label');
      const key = await t.post('/api/v1/question-sets', { name: 'ok', ['bad\u0000key']: 1 }, R);
      expect(key.status).toBe(400);
      expect(field(key)).toBe('bad\\u0000key');
    });

    it('refuses a NUL in a query string and in path parameters with 400, and answers unmatched paths with 404', async () => {
      const query = await t.get('/api/v1/interviewers?q=a%00b', R);
      expect(query.status).toBe(400);
      expect(field(query)).toBe('q');
      expect((await t.get('/api/v1/interviews?status=%00', R)).status).toBe(400);
      for (const path of [
        '/api/v1/question-sets/%00',
        `/api/v1/question-sets/${setId}%00`,
        '/api/v1/interviews/abc%00def',
        '/api/v1/candidates/%00',
      ]) {
        expect({ path, status: (await t.get(path, R)).status }).toEqual({ path, status: 400 });
      }
      for (const path of ['/api/v1/nowhere%00', '/%00', '/assets/%00.js']) {
        expect((await t.get(path, R)).status).toBeLessThan(500);
      }
    });

    it('refuses a lone surrogate (high or low) in any field, including the unauthenticated login', async () => {
      const login = await raw('POST', '/api/v1/auth/login', '{"email":"a\\ud800@example.com","password":"x"}');
      expect(login.status).toBe(400);
      expect(field(login)).toBe('email');
      const low = await raw('POST', '/api/v1/auth/login', '{"email":"ok@example.com","password":"\\udc00"}');
      expect(low.status).toBe(400);
      expect(field(low)).toBe('password');
      const candidate = await raw(
        'POST',
        '/api/v1/candidates',
        `{"name":"x\\ud83d","email":"c2@example.com","positionId":"${ids[HM]}"}`,
        R,
      );
      expect(candidate.status).toBe(400);
      expect(field(candidate)).toBe('name');
      // a valid pair (an emoji) is fine
      const fine = await raw('POST', '/api/v1/question-sets', '{"name":"Loop \\ud83d\\ude80"}', R);
      expect(fine.status).toBe(201);
      expect(fine.body.name).toBe('Loop 🚀');
    });

    it('never answers 500 for a hand-made page cursor carrying a NUL, a lone surrogate or wrong types', async () => {
      const cursors = [
        ['\u0000', '00000000-0000-4000-8000-000000000000'],
        ['\ud800', 'x'],
        ['not a date', 'not a uuid'],
        [{ a: [1] }, null],
        'not an array',
      ];
      for (const list of [
        '/api/v1/interviews',
        '/api/v1/question-sets',
        '/api/v1/candidates',
        '/api/v1/interviewers',
        '/api/v1/users',
        '/api/v1/positions',
        '/api/v1/notifications',
      ]) {
        for (const c of cursors) {
          const cursor = Buffer.from(JSON.stringify(c)).toString('base64url');
          const res = await t.get(`${list}?cursor=${cursor}`, 'admin');
          expect({ list, c, serverError: res.status >= 500 }).toEqual({ list, c, serverError: false });
        }
      }
    });

    // The delivery log read its cursor's time with `new Date()`, and sent the Invalid Date into its query.
    it('refuses a notifications cursor that is not one of its own with a 400 naming cursor; its own pages on', async () => {
      const reader = await t.createUser('notices@example.com', ['interviewer']);
      for (const [i, createdAt] of ['2030-01-01T00:00:03Z', '2030-01-01T00:00:02Z', '2030-01-01T00:00:01Z'].entries())
        await t.db.query(
          `INSERT INTO deliveries (reminder_id, due_at, channel, recipient_id, interview_id, kind, subject, created_at)
           VALUES (gen_random_uuid(), now(), 'log', $1, gen_random_uuid(), 'prep', $2, $3)`,
          [reader.id, `Notice ${i}`, createdAt],
        );
      const subjects = (res: { body: { items: { subject: string }[] } }) => res.body.items.map((d) => d.subject);
      const first = await t.get('/api/v1/notifications?limit=2', reader.email);
      expect(subjects(first)).toEqual(['Notice 0', 'Notice 1']);
      const next = await t.get(`/api/v1/notifications?limit=2&cursor=${first.body.page.nextCursor}`, reader.email);
      expect(subjects(next)).toEqual(['Notice 2']);
      expect(next.body.page.nextCursor).toBeNull();
      for (const c of [['not a date'], ['2030-13-01T00:00:00Z'], [1]]) {
        const cursor = Buffer.from(JSON.stringify(c)).toString('base64url');
        const res = await t.get(`/api/v1/notifications?cursor=${cursor}`, reader.email);
        expect({ c, status: res.status }).toEqual({ c, status: 400 });
        expect(res.body.message).toBe('cursor is not a nextCursor of this list');
      }
    });

    it('keeps a NUL or a lone surrogate inside an imported guide a 422 from the importer, never a 500', async () => {
      const nul = await t.post('/api/v1/question-sets/import/preview', { content: '1. What?\u0000' }, R);
      expect(nul.status).toBe(422);
      const surrogate = await raw(
        'POST',
        '/api/v1/question-sets/import/preview',
        '{"content":"1. What is \\ud800 here?"}',
        R,
      );
      expect(surrogate.status).toBe(422);
      expect(surrogate.body.message).toMatch(/Unicode/);
      const json = await t.post(
        '/api/v1/question-sets/import/preview',
        {
          content: JSON.stringify({
            format: 'scorecards.question-set',
            version: 1,
            set: { name: 'S\u0000' },
            questions: [{ type: 'technical', prompt: 'Q' }],
          }),
        },
        R,
      );
      expect(json.status).toBe(422);
      expect(json.body.message).toMatch(/NUL/);
      const name = await t.post('/api/v1/question-sets/import/preview', { content: '1. What?', name: 'n\u0000' }, R);
      expect(name.status).toBe(400);
      expect(field(name)).toBe('name');
    });
  });

  describe('depth and size before transformation', () => {
    it('refuses JSON nested 10,000 deep with a 400, not a stack overflow', async () => {
      const deep = `{"name":"x","questions":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      const res = await raw('POST', '/api/v1/question-sets', deep, R);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/nested too deeply \(at most 32 levels\)/);
      expect(field(res)).toMatch(/^questions(\.0)+$/);
      const objects = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
      expect((await raw('POST', '/api/v1/auth/login', objects)).status).toBe(400);
      const guide = `{"content":"x","format":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
      expect((await raw('POST', '/api/v1/question-sets/import/preview', guide, R)).status).toBe(400);
    });

    it('refuses more keys and elements than the cap', async () => {
      const res = await raw(
        'POST',
        '/api/v1/question-sets',
        `{"name":"x","tags":[${new Array(60_000).fill('0').join(',')}]}`,
        R,
      );
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/too many values/);
    });
  });

  describe('nested DTOs are objects', () => {
    it.each([
      [
        { questions: [[{ type: 'technical', prompt: 'Q' }]] },
        'questions',
        /questions\.0 must be an object, not an array/,
      ],
      [{ questions: ['Q'] }, 'questions', /questions\.0 must be an object, not a string/],
      [{ questions: [7] }, 'questions', /questions\.0 must be an object, not a number/],
      [{ questions: { type: 'technical', prompt: 'Q' } }, 'questions', /questions must be an array/],
      [
        { questions: [{ type: 'technical', prompt: 'Q', guidance: [{ whyAsked: 'x' }] }] },
        'questions.0.guidance',
        /guidance must be an object, not an array/,
      ],
      [
        { questions: [{ type: 'technical', prompt: 'Q', criteria: [['C']] }] },
        'questions.0.criteria',
        /criteria\.0 must be an object/,
      ],
      [
        { questions: [{ type: 'technical', prompt: 'Q', followUps: 'F' }] },
        'questions.0.followUps',
        /followUps must be an array/,
      ],
    ])('question set %j: 400 naming %s', async (over, name, message) => {
      const res = await t.post('/api/v1/question-sets', { name: 'Shapes', ...over }, R);
      expect(res.status).toBe(400);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain(name);
      expect(res.body.message).toMatch(message);
    });

    it('refuses an array where a panel member belongs, and an array where a question object belongs in an added question', async () => {
      const panel = await schedule({ panel: [[{ userId: ids[I1], role: 'lead' }]] });
      expect(panel.status).toBe(400);
      expect(panel.body.message).toMatch(/panel\.0 must be an object, not an array/);
      const set = await t.post('/api/v1/question-sets', { name: 'Draft' }, R);
      const added = await t.post(
        `/api/v1/question-sets/${set.body.id}/questions`,
        { revision: set.body.revision, type: 'technical', prompt: 'Q', criteria: [[{ label: 'x' }]] },
        R,
      );
      expect(added.status).toBe(400);
    });
  });

  describe('emails', () => {
    it.each([
      ['"a b"@example.com', /whitespace/],
      ['"ab"@example.com', /local part/],
      ['Ada <ada@example.com>', /whitespace/],
      ['a@b@example.com', /plain address/],
      ['ada@localhost', /domain/],
      [`${'a'.repeat(60)}@${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(63)}.com`, /at most 254/],
    ])('refuses %s for a candidate, a user and the login with a 400 naming email', async (email, why) => {
      const candidate = await t.post('/api/v1/candidates', { name: 'X', email, positionId: candidateId }, R);
      expect(candidate.status).toBe(400);
      expect(field(candidate)).toBe('email');
      expect(candidate.body.message).toMatch(why);
      const user = await t.request('POST', '/api/v1/users', {
        as: 'admin',
        body: { email, name: 'X', password: 'long-enough-1', roles: ['interviewer'] },
      });
      expect(user.status).toBe(400);
      expect(field(user)).toBe('email');
      const login = await t.login(email, 'x');
      expect(login.status).toBe(400);
    });

    it('still documents email fields as emails, required only where they are', async () => {
      const { schemas } = (await t.get('/api/docs-json')).body.components;
      for (const name of ['CreateCandidateDto', 'UpdateCandidateDto', 'LoginDto', 'CreateUserDto']) {
        expect({ name, email: schemas[name].properties.email }).toEqual({
          name,
          email: expect.objectContaining({ type: 'string', format: 'email', maxLength: 254 }),
        });
      }
      expect(schemas.CreateCandidateDto.required).toContain('email');
      expect(schemas.UpdateCandidateDto.required ?? []).not.toContain('email');
    });

    it('lower-cases an address', async () => {
      const user = await t.createUser('Mixed.Case@Example.COM', ['interviewer']);
      expect(user.email).toBe('mixed.case@example.com');
      expect((await t.login('MIXED.case@example.com', 'user-password-1')).status).toBe(200);
    });

    it('keeps the invite working for a stored panelist whose address has a quoted local part', async () => {
      const created = await schedule({
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I2], role: 'shadow' },
        ],
      });
      expect(created.status).toBe(201);
      await t.db.query(`UPDATE users SET email = '"odd user"@example.com' WHERE id = $1`, [ids[I2]]);
      try {
        const ics = await t.request('GET', `/api/v1/interviews/${created.body.id}/invite.ics`, { as: HM });
        expect(ics.status).toBe(200);
        expect(ics.text.replace(/\r\n[ \t]/g, '')).toContain('mailto:%22odd%20user%22@example.com');
        expect(ics.text).toContain('BEGIN:VEVENT');
      } finally {
        await t.db.query(`UPDATE users SET email = $2 WHERE id = $1`, [ids[I2], I2]);
      }
    });
  });

  describe('times', () => {
    const startOf = (res: { body: any }) => new Date(res.body.start).toISOString();

    it.each([
      ['2027-12-01T10', 'Europe/Berlin', '2027-12-01T09:00:00.000Z'],
      ['2027-12-01T10:00:00+01', 'America/New_York', '2027-12-01T09:00:00.000Z'],
      ['2027-W49-2T10:00', 'Europe/Berlin', '2027-12-07T09:00:00.000Z'],
      ['2027-12-02T10:00:00.250Z', 'Europe/Berlin', '2027-12-02T10:00:00.250Z'],
      ['20271203T1000-0500', 'Europe/Berlin', '2027-12-03T15:00:00.000Z'],
      // skipped by the spring-forward change: moves forward by the gap, in both zones
      ['2027-03-28T02:30', 'Europe/Berlin', '2027-03-28T01:30:00.000Z'],
      ['2027-03-14T02:30', 'America/New_York', '2027-03-14T07:30:00.000Z'],
      // repeated by the fall-back change: the earlier one
      ['2027-10-31T02:30', 'Europe/Berlin', '2027-10-31T00:30:00.000Z'],
      ['2027-11-07T01:30', 'America/New_York', '2027-11-07T05:30:00.000Z'],
    ])('schedules start %s in %s at %s', async (start, timezone, expected) => {
      const res = await schedule({ start, timezone });
      expect(res.status).toBe(201);
      expect(startOf(res)).toBe(expected);
    });

    it.each([
      '2027-12-01T25:00',
      '2027-02-30T10:00',
      '2027-W54-1T10:00',
      '2027-12-01T10:00+25:00',
      'next tuesday',
      '1969-07-20T20:17Z',
    ])('refuses start %s with a 400 naming start', async (start) => {
      const res = await schedule({ start });
      expect(res.status).toBe(400);
      expect(field(res)).toBe('start');
    });

    it('reads feedbackDueAt, reschedules and list filters by the same rule', async () => {
      const created = await schedule({ start: '2027-06-01T10', feedbackDueAt: '2027-W22-3T09' });
      expect(created.status).toBe(201);
      expect(new Date(created.body.feedbackDueAt).toISOString()).toBe('2027-06-02T07:00:00.000Z');
      const moved = await t.request('PATCH', `/api/v1/interviews/${created.body.id}`, {
        as: HM,
        body: { revision: created.body.revision, start: '2027-06-01T11:00:00+01' },
      });
      expect(moved.status).toBe(200);
      expect(startOf(moved)).toBe('2027-06-01T10:00:00.000Z');
      const listed = await t.get('/api/v1/interviews?from=2027-W22-1&to=2027-06-01T23', HM);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((i: { id: string }) => i.id)).toContain(created.body.id);
      const bad = await t.get('/api/v1/interviews?from=2027-13-01', HM);
      expect(bad.status).toBe(400);
      expect(field(bad)).toBe('from');
      const available = await t.get(
        '/api/v1/interviewers?availableFrom=2027-W22-2T09&availableTo=2027-06-01T12:00Z',
        HM,
      );
      expect(available.status).toBe(200);
    });
  });

  describe('duplicates in one save', () => {
    let interviewId: string;
    let kit: any;

    beforeAll(async () => {
      const created = await schedule({ questions: [{ setId }] });
      expect(created.status).toBe(201);
      interviewId = created.body.id;
      kit = (await t.get(`/api/v1/interviews/${interviewId}`, HM)).body;
    });

    it('refuses a scorecard save naming one criterion twice, naming both places, and stores nothing', async () => {
      const mine = await t.get(`/api/v1/interviews/${interviewId}/scorecards/mine`, I1);
      expect(mine.status).toBe(200);
      const q = kit.questions[0];
      const rating = { questionId: q.id, criterionId: q.criteria[0].id };
      const res = await t.request('PUT', `/api/v1/interviews/${interviewId}/scorecards/mine`, {
        as: I1,
        body: {
          version: mine.body.version,
          ratings: [
            { ...rating, rating: 3 },
            { questionId: q.id, criterionId: q.criteria[1].id, rating: 2 },
            { ...rating, rating: 1 },
          ],
        },
      });
      expect(res.status).toBe(400);
      expect(field(res)).toBe('ratings');
      expect(res.body.message).toMatch(/ratings\.2 names questionId\/criterionId .* twice \(also ratings\.0\)/);
      expect((await t.get(`/api/v1/interviews/${interviewId}/scorecards/mine`, I1)).body.version).toBe(
        mine.body.version,
      );
      const notes = await t.request('PUT', `/api/v1/interviews/${interviewId}/scorecards/mine`, {
        as: I1,
        body: {
          version: mine.body.version,
          questions: [
            { questionId: q.id, notes: 'a' },
            { questionId: q.id, notes: 'b' },
          ],
        },
      });
      expect(notes.status).toBe(400);
      expect(notes.body.message).toMatch(/twice/);
      const ok = await t.request('PUT', `/api/v1/interviews/${interviewId}/scorecards/mine`, {
        as: I1,
        body: { version: mine.body.version, ratings: [{ ...rating, rating: 3 }] },
      });
      expect(ok.status).toBe(200);
    });

    it('refuses the same question twice in an assignment, the same interviewer twice in a panel, and a reorder repeating an id', async () => {
      const questions = await t.post(
        `/api/v1/interviews/${interviewId}/questions`,
        { questions: [{ questionId: questionIds[0] }, { questionId: questionIds[0] }] },
        HM,
      );
      expect(questions.status).toBe(400);
      expect(questions.body.message).toMatch(/questions\.1 names .* twice/);
      const panel = await schedule({
        panel: [
          { userId: ids[I1], role: 'lead' },
          { userId: ids[I1], role: 'shadow' },
        ],
      });
      expect(panel.status).toBe(400);
      expect(panel.body.message).toMatch(/twice/);
      const draft = await t.post(
        '/api/v1/question-sets',
        {
          name: 'Order',
          questions: [
            { type: 'technical', prompt: 'A' },
            { type: 'technical', prompt: 'B' },
          ],
        },
        R,
      );
      const [a] = draft.body.questions.map((q: { id: string }) => q.id);
      const reorder = await t.request('POST', `/api/v1/question-sets/${draft.body.id}/questions/reorder`, {
        as: R,
        body: { revision: draft.body.revision, questionIds: [a, a] },
      });
      expect(reorder.status).toBe(400);
      expect(reorder.body.message).toMatch(/twice/);
      const competencies = await t.post(
        '/api/v1/question-sets',
        { name: 'C', questions: [{ type: 'technical', prompt: 'A', competencies: ['SQL', 'sql '] }] },
        R,
      );
      expect(competencies.status).toBe(400);
      expect(competencies.body.message).toMatch(/competency/);
    });
  });

  describe('JSON_MAX_DEPTH', () => {
    let shallow: TestApp;
    beforeAll(async () => {
      shallow = await TestApp.start('input_depth', { env: { JSON_MAX_DEPTH: '4' } });
    });
    afterAll(() => shallow?.close());

    it('is the depth the API accepts', async () => {
      const four = await shallow.post(
        '/api/v1/question-sets',
        { name: 'Four', questions: [{ type: 'technical', prompt: 'Q', criteria: [] }] },
        'admin',
      );
      expect(four.status).toBe(201);
      const five = await shallow.post(
        '/api/v1/question-sets',
        { name: 'Five', questions: [{ type: 'technical', prompt: 'Q', criteria: [{ label: 'C' }] }] },
        'admin',
      );
      expect(five.status).toBe(400);
      expect(five.body.message).toBe('questions.0.criteria.0 is nested too deeply (at most 4 levels)');
      expect(five.body.details).toEqual([{ field: 'questions.0.criteria.0', messages: [five.body.message] }]);
    });
  });

  describe('the guide import is linear', () => {
    const preview = (body: string) => raw('POST', '/api/v1/question-sets/import/preview', body, R, 'text/markdown');

    it.each([
      ['one 1 MB line', () => `<!-- ${'scorecards.question-set '.repeat(40_000)}`.slice(0, 1_000_000), 422],
      [
        '1 MB of pathological lines',
        () => `${`<!-- ${'scorecards.question-set '.repeat(40)}\n`.repeat(1_000)}`.slice(0, 1_000_000),
        422,
      ],
      // since issue 16 an overlong prompt is cut and reported instead of failing the import
      ['1 MB of one word', () => `1. What? ${'a'.repeat(999_000)}`, 200],
    ])(
      'previews %s within seconds while /health keeps answering',
      async (_name, make, status) => {
        const body = make();
        await t.get('/health');
        const started = Date.now();
        const importing = preview(body);
        await new Promise((r) => setTimeout(r, 50));
        const healthSent = Date.now();
        const health = await t.get('/health');
        const healthTook = Date.now() - healthSent;
        const res = await importing;
        // the parser ran on the whole megabyte: an answer from it, not a refusal of the body
        expect(res.status).toBe(status);
        if (status === 422) expect(res.body.message).toMatch(/No interview questions/);
        else
          expect(res.body.report.warnings).toContainEqual({
            line: 1,
            message: 'Question 1 (line 1) prompt was 999006 characters; cut to 2000',
          });
        expect(Date.now() - started).toBeLessThan(10_000);
        expect(health.status).toBeLessThan(600);
        expect(healthTook).toBeLessThan(5_000);
      },
      60_000,
    );
  });
});
