import { parse } from 'csv-parse/sync';
import { referenceAlpha } from '../libs/feedback/src/stats/krippendorff.reference';
import { TestApp } from './support/test-app';

const R = 'rec@example.com';
const HM = 'boss@example.com';
const A = 'alice@example.com';
const B = 'bob@example.com';
const C = 'cleo@example.com';
const D = 'dina@example.com';

const close = (x: number) => expect.closeTo(x, 6);

describe('feedback summaries on a hand-computed data set', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let setId: string;
  let positionId: string;
  let cand1: string;
  let cand2: string;
  let iv1: any;
  let iv2: any;

  const rateAll = async (
    as: string,
    interview: any,
    ratings: Array<[number, number, number | 'na']>,
    recommendation: string,
  ) => {
    const card = (await t.get(`/api/v1/interviews/${interview.id}/scorecards/mine`, as)).body;
    const body = {
      version: card.version,
      overallRecommendation: recommendation,
      ratings: ratings.map(([qi, ci, v]) => ({
        questionId: interview.questions[qi].id,
        criterionId: interview.questions[qi].criteria[ci].id,
        ...(v === 'na' ? { notAssessed: true } : { rating: v }),
      })),
    };
    const saved = await t.request('PUT', `/api/v1/interviews/${interview.id}/scorecards/mine`, { as, body });
    if (saved.status !== 200) throw new Error(`save failed ${saved.status} ${saved.text}`);
    const submitted = await t.post(`/api/v1/interviews/${interview.id}/scorecards/mine/submit`, {}, as);
    if (submitted.status !== 200) throw new Error(`submit failed ${submitted.status} ${submitted.text}`);
  };

  beforeAll(async () => {
    t = await TestApp.start('feedback_summary');
    for (const [email, roles] of [
      [R, ['recruiter']],
      [HM, ['hiring_manager']],
      [A, ['interviewer']],
      [B, ['interviewer']],
      [C, ['interviewer']],
      [D, ['interviewer']],
    ] as const)
      ids[email] = (await t.createUser(email, [...roles])).id;
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Summary set',
        questions: [
          {
            type: 'technical',
            prompt: 'Q1',
            criteria: [{ label: 'c1' }, { label: 'c2' }],
            competencies: ['System design'],
          },
          { type: 'behavioral', prompt: 'Q2', criteria: [{ label: 'c3' }], competencies: ['Communication'] },
        ],
      },
      R,
    );
    setId = set.body.id;
    await t.post(`/api/v1/question-sets/${setId}/publish`, {}, R);
    positionId = (await t.post('/api/v1/positions', { title: 'Analyst, "Data" =SUM(1)', hiringManagerId: ids[HM] }, R))
      .body.id;
    cand1 = (
      await t.post('/api/v1/candidates', { name: 'Zoë, "the" candidate', email: 'z@example.com', positionId }, R)
    ).body.id;
    cand2 = (
      await t.post('/api/v1/candidates', { name: '=HYPERLINK("http://evil")', email: 'e@example.com', positionId }, R)
    ).body.id;
    const schedule = async (candidateId: string, panel: string[], days: number) =>
      (
        await t.post(
          '/api/v1/interviews',
          {
            candidateId,
            stage: 'onsite',
            start: new Date(Date.now() + days * 86_400_000).toISOString(),
            durationMinutes: 60,
            timezone: 'UTC',
            panel: panel.map((email, i) => ({ userId: ids[email], role: i === 0 ? 'lead' : 'shadow' })),
            questions: [{ setId }],
          },
          HM,
        )
      ).body;
    iv1 = await schedule(cand1, [A, B, C], 3);
    iv2 = await schedule(cand2, [A, D], 4);
    // both interviews are over (scorecards are submitted once an interview has started)
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '1 hour', feedback_due_at = now() - interval '2 days', status = 'completed'`,
    );
    await rateAll(
      A,
      iv1,
      [
        [0, 0, 4],
        [0, 1, 2],
        [1, 0, 3],
      ],
      'strong_yes',
    );
    await rateAll(
      B,
      iv1,
      [
        [0, 0, 3],
        [0, 1, 2],
        [1, 0, 1],
      ],
      'yes',
    );
    await rateAll(
      C,
      iv1,
      [
        [0, 0, 3],
        [0, 1, 'na'],
        [1, 0, 2],
      ],
      'no',
    );
    await rateAll(
      A,
      iv2,
      [
        [0, 0, 2],
        [0, 1, 2],
        [1, 0, 2],
      ],
      'no',
    );
    // D never submitted
    await t.db.query(
      `UPDATE scorecards SET interview_ends_at = now() - interval '3 days', submitted_at = now() - interval '3 days' + CASE panelist_id WHEN $1::uuid THEN interval '2 hours' WHEN $2::uuid THEN interval '10 hours' ELSE interval '30 hours' END WHERE status = 'submitted'`,
      [ids[A], ids[B]],
    );
  });
  afterAll(() => t?.close());

  it('per interview: every criterion side by side with mean and spread, recommendations, agreement', async () => {
    const res = await t.get(`/api/v1/interviews/${iv1.id}/feedback-summary`, HM);
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s).toMatchObject({
      expected: 3,
      submitted: 3,
      missing: [],
      recommendations: { strong_no: 0, no: 1, yes: 1, strong_yes: 1 },
    });
    const [c1, c2] = s.questions[0].criteria;
    const [c3] = s.questions[1].criteria;
    expect(c1).toMatchObject({
      label: 'c1',
      mean: close(10 / 3),
      spread: close(Math.sqrt(2 / 9)),
      rated: 3,
      notAssessed: 0,
    });
    expect(c1.ratings.map((r: { userId: string; rating: number }) => [r.userId, r.rating]).sort()).toEqual(
      [
        [ids[A], 4],
        [ids[B], 3],
        [ids[C], 3],
      ].sort(),
    );
    expect(c2).toMatchObject({ mean: close(2), spread: close(0), rated: 2, notAssessed: 1 });
    expect(c3).toMatchObject({ mean: close(2), spread: close(Math.sqrt(2 / 3)), rated: 3 });
    const expected = referenceAlpha(
      [
        [4, 3, 3],
        [2, 2, null],
        [3, 1, 2],
      ],
      'ordinal',
    );
    expect(s.agreement).toMatchObject({
      alpha: close(expected.alpha as number),
      pairableValues: 8,
      units: 3,
      enoughData: false,
    });
  });

  it('keeps the summary from a panelist who has not submitted, and gives it to one who has', async () => {
    expect((await t.get(`/api/v1/interviews/${iv2.id}/feedback-summary`, D)).status).toBe(404);
    expect((await t.get(`/api/v1/interviews/${iv2.id}/feedback-summary`, A)).status).toBe(200);
    const s = (await t.get(`/api/v1/interviews/${iv2.id}/feedback-summary`, R)).body;
    expect(s.missing).toEqual([expect.objectContaining({ userId: ids[D], role: 'shadow', overdue: true })]);
    expect(s.agreement).toMatchObject({ alpha: null, pairableValues: 0, enoughData: false });
  });

  it('per candidate: by competency and question type, recommendations and a timeline', async () => {
    const s = (await t.get(`/api/v1/candidates/${cand1}/feedback-summary`, HM)).body;
    expect(s.byQuestionType).toEqual([
      { key: 'behavioral', mean: close(2), spread: close(Math.sqrt(2 / 3)), count: 3 },
      { key: 'technical', mean: close(14 / 5), spread: close(Math.sqrt(0.56)), count: 5 },
    ]);
    expect(s.byCompetency).toEqual([
      { key: 'Communication', mean: close(2), spread: close(Math.sqrt(2 / 3)), count: 3 },
      { key: 'System design', mean: close(14 / 5), spread: close(Math.sqrt(0.56)), count: 5 },
    ]);
    expect(s.timeline).toEqual([
      expect.objectContaining({ interviewId: iv1.id, stage: 'onsite', status: 'completed', expected: 3, submitted: 3 }),
    ]);
    expect(s.recommendations).toEqual({ strong_no: 0, no: 1, yes: 1, strong_yes: 1 });
    expect((await t.get(`/api/v1/candidates/${cand1}/feedback-summary`, A)).status).toBe(403);
  });

  it('per position: candidates side by side, sortable, and as CSV that a parser reads back', async () => {
    const s = (await t.get(`/api/v1/positions/${positionId}/feedback-summary?sort=overallMean&order=desc`, HM)).body;
    expect(s.rows.map((r: { candidate: { id: string } }) => r.candidate.id)).toEqual([cand1, cand2]);
    expect(s.rows[0]).toMatchObject({
      interviewsDone: 1,
      scorecardsSubmitted: 3,
      scorecardsMissing: 0,
      overallMean: close(20 / 8),
      meanByType: { technical: close(2.8), behavioral: close(2), situational: null },
    });
    expect(s.rows[1]).toMatchObject({
      interviewsDone: 1,
      scorecardsSubmitted: 1,
      scorecardsMissing: 1,
      overallMean: close(2),
      recommendations: { strong_no: 0, no: 1, yes: 0, strong_yes: 0 },
    });
    expect(s.rows[1].missingFrom).toEqual([
      expect.objectContaining({ userId: ids[D], name: 'dina', interviewId: iv2.id, overdue: true }),
    ]);
    expect(s.rows[0].missingFrom).toEqual([]);
    const asc = (await t.get(`/api/v1/positions/${positionId}/feedback-summary?sort=missing&order=asc`, HM)).body;
    expect(asc.rows.map((r: { candidate: { id: string } }) => r.candidate.id)).toEqual([cand1, cand2]);
    expect((await t.get(`/api/v1/positions/${positionId}/feedback-summary?sort=shoe`, HM)).status).toBe(400);

    const csv = await t.request('GET', `/api/v1/positions/${positionId}/feedback-summary?format=csv`, { as: HM });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('.csv');
    // a UTF-8 byte order mark, so spreadsheets read "Zoë" right (fetch's text() drops it, so read the bytes)
    const raw = await fetch(`${t.url}/api/v1/positions/${positionId}/feedback-summary?format=csv`, {
      headers: { authorization: `Bearer ${await t.tokenFor(HM)}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.text).toContain('\r\n');
    const records: string[][] = parse(csv.text, { bom: true, relax_column_count: false });
    expect(records[0][0]).toBe('Candidate');
    expect(records).toHaveLength(3);
    expect(records[1][0]).toBe('Zoë, "the" candidate');
    expect(records[1][7]).toBe('2.50');
    expect(records[2][0]).toBe(`'=HYPERLINK("http://evil")`);
    expect(records[1][12]).toBe('not enough data');
    expect((await t.request('GET', `/api/v1/positions/${positionId}/feedback-summary`, { as: A })).status).toBe(403);
  });

  it('calibrates interviewers against their panels', async () => {
    const a = (await t.get(`/api/v1/interviewers/${ids[A]}/calibration`, HM)).body;
    // iv1: 4-3, 2-2, 3-1.5 → 1, 0, 1.5; iv2 has nobody else → not compared
    expect(a).toMatchObject({
      leniency: close(2.5 / 3),
      comparedRatings: 3,
      medianHoursToSubmit: close(2),
      submittedScorecards: 2,
      notAssessedShare: close(0),
    });
    // on iv1 the others split yes/no (a tie), on iv2 nobody else submitted: nothing to compare
    expect(a).toMatchObject({ comparableInterviews: 0, disagreementRate: null });
    const c = (await t.get(`/api/v1/interviewers/${ids[C]}/calibration`, C)).body;
    expect(c).toMatchObject({
      comparableInterviews: 1,
      disagreements: 1,
      disagreementRate: 1,
      notAssessedShare: close(1 / 3),
      medianHoursToSubmit: close(30),
    });
    expect((await t.get(`/api/v1/interviewers/${ids[A]}/calibration`, C)).status).toBe(403);
    // a hiring manager calibrates on their own positions' candidates only: another one sees none of these
    await t.createUser('boss2@example.com', ['hiring_manager']);
    expect((await t.get(`/api/v1/interviewers/${ids[A]}/calibration`, 'boss2@example.com')).body).toMatchObject({
      submittedScorecards: 0,
      comparedRatings: 0,
      notAssessedShare: null,
    });
  });

  it('shows recruiters how each question rates, and counts overdue scorecards per interviewer', async () => {
    const stats = (await t.get(`/api/v1/question-sets/${setId}/rating-stats`, R)).body;
    expect(stats.items[0]).toMatchObject({
      interviews: 2,
      ratings: 7,
      notAssessed: 1,
      mean: close(18 / 7),
      distribution: [0, 4, 2, 1],
    });
    expect(stats.items[1]).toMatchObject({ interviews: 2, ratings: 4, distribution: [1, 2, 1, 0] });
    // a hiring manager counts their own positions' candidates: all of them here, none for another one
    expect((await t.get(`/api/v1/question-sets/${setId}/rating-stats`, HM)).body.items[0]).toMatchObject({
      ratings: 7,
    });
    await t.createUser('boss3@example.com', ['hiring_manager']);
    expect(
      (await t.get(`/api/v1/question-sets/${setId}/rating-stats`, 'boss3@example.com')).body.items[0],
    ).toMatchObject({ interviews: 0, ratings: 0 });
    const list = (await t.get('/api/v1/interviewers?limit=50', HM)).body.items;
    const overdue = Object.fromEntries(
      list.map((i: { email: string; overdueScorecards: number }) => [i.email, i.overdueScorecards]),
    );
    expect(overdue).toEqual({ [A]: 0, [B]: 0, [C]: 0, [D]: 1 });
  });
});

describe('agreement computed in SQL matches a plain reference implementation on random data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start('alpha_random');
  });
  afterAll(() => t?.close());

  // mulberry32: a small seeded PRNG, so a failure can be reproduced
  function prng(seed: number) {
    return () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  it('for 12 random candidates with missing and "not assessed" ratings', async () => {
    const hm = await t.createUser('hm-alpha@example.com', ['hiring_manager']);
    const raters = await Promise.all([1, 2, 3, 4, 5].map((i) => t.createUser(`r${i}@example.com`, ['interviewer'])));
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Alpha',
        questions: [0, 1, 2].map((i) => ({
          type: 'technical',
          prompt: `P${i}`,
          criteria: [0, 1, 2].map((k) => ({ label: `L${i}${k}` })),
        })),
      },
      'admin',
    );
    await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, 'admin');
    const position = (await t.post('/api/v1/positions', { title: 'Alpha', hiringManagerId: hm.id }, 'admin')).body;
    const rand = prng(20261123);
    for (let c = 0; c < 12; c++) {
      const candidate = (
        await t.post(
          '/api/v1/candidates',
          { name: `C${c}`, email: `c${c}@example.com`, positionId: position.id },
          'admin',
        )
      ).body;
      const units: Array<Array<number | null>> = [];
      for (let iv = 0; iv < 2; iv++) {
        const panelSize = 2 + Math.floor(rand() * 4);
        const panel = raters.slice(0, panelSize);
        const interview = (
          await t.post(
            '/api/v1/interviews',
            {
              candidateId: candidate.id,
              stage: 'onsite',
              start: new Date(Date.now() + (c * 2 + iv + 1) * 86_400_000).toISOString(),
              durationMinutes: 60,
              timezone: 'UTC',
              panel: panel.map((p, i) => ({ userId: p.id, role: i === 0 ? 'lead' : 'shadow' })),
              questions: [{ setId: set.body.id }],
              allowConflicts: true,
            },
            'admin',
          )
        ).body;
        const values: Array<Array<number | null>> = interview.questions.flatMap(() =>
          [0, 1, 2].map(() => panel.map(() => null as number | null)),
        );
        for (const [pi, p] of panel.entries()) {
          const [card] = await t.db.query<{ id: string }>(
            `INSERT INTO scorecards (interview_id, panelist_id, candidate_id, position_id, status, overall_recommendation, interview_ends_at, submitted_at)
             VALUES ($1, $2, $3, $4, 'submitted', 'yes', now(), now()) RETURNING id`,
            [interview.id, p.id, candidate.id, position.id],
          );
          // one statement per scorecard, as a save writes them: the aggregate triggers run per statement
          const rows: Array<[string, string, number | null, boolean]> = [];
          let u = 0;
          for (const q of interview.questions) {
            for (const cr of q.criteria) {
              const roll = rand();
              const unit = u++;
              if (roll < 0.2) continue; // missing: no row at all
              const notAssessed = roll < 0.3;
              const rating = notAssessed ? null : 1 + Math.floor(rand() * 4);
              values[unit][pi] = rating;
              rows.push([q.id, cr.id, rating, notAssessed]);
            }
          }
          if (rows.length > 0) {
            await t.db.query(
              `INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id, rating, not_assessed, question_type)
               SELECT $1, r.question, r.criterion, $2, $3, r.rating, r.not_assessed, 'technical'
                 FROM unnest($4::uuid[], $5::varchar[], $6::smallint[], $7::boolean[]) AS r(question, criterion, rating, not_assessed)`,
              [
                card.id,
                interview.id,
                p.id,
                rows.map((r) => r[0]),
                rows.map((r) => r[1]),
                rows.map((r) => r[2]),
                rows.map((r) => r[3]),
              ],
            );
          }
        }
        units.push(...values);
      }
      const summary = (await t.get(`/api/v1/candidates/${candidate.id}/feedback-summary`, 'admin')).body;
      const expected = referenceAlpha(units, 'ordinal');
      expect({ c, pairable: summary.agreement.pairableValues }).toEqual({ c, pairable: expected.n });
      if (expected.alpha === null) expect(summary.agreement.alpha).toBeNull();
      else expect(summary.agreement.alpha).toBeCloseTo(expected.alpha, 9);
    }
  });
});
