import { alphaFromCoincidences, figureFromUnits, unitsBy, type AgreementFigure } from '../libs/feedback/src/stats';
import { queriesOf } from './support/queries';
import { TestApp } from './support/test-app';

/**
 * The summaries read maintained aggregates (candidate_feedback_aggregates, candidate_coincidences,
 * scorecard_competency_aggregates; candidate_recommendation_coincidences, candidate_competency_agreement,
 * candidate_interview_counts) instead of scanning the ratings, scorecards and interviews. After random submits, reopens
 * and resubmits through the API, and bulk SQL writes, the maintained rows must equal a fresh
 * computation from the ratings, and the position summary must show what the ratings say.
 */

// mulberry32: a small seeded PRNG, so a failure can be reproduced from the seed
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// From scratch, written independently of the migration's function: what each table must hold.
const FRESH_CANDIDATES = `
  SELECT s.candidate_id, s.position_id, count(DISTINCT s.id)::int AS submitted,
         count(DISTINCT s.id) FILTER (WHERE s.overall_recommendation = 'strong_no')::int AS strong_no,
         count(DISTINCT s.id) FILTER (WHERE s.overall_recommendation = 'no')::int AS no,
         count(DISTINCT s.id) FILTER (WHERE s.overall_recommendation = 'yes')::int AS yes,
         count(DISTINCT s.id) FILTER (WHERE s.overall_recommendation = 'strong_yes')::int AS strong_yes,
         count(r.rating)::int AS ratings, COALESCE(sum(r.rating), 0)::int AS rating_sum, COALESCE(sum(r.rating * r.rating), 0)::int AS rating_squares,
         count(r.rating) FILTER (WHERE r.question_type = 'technical')::int AS technical_count, COALESCE(sum(r.rating) FILTER (WHERE r.question_type = 'technical'), 0)::int AS technical_sum,
         count(r.rating) FILTER (WHERE r.question_type = 'behavioral')::int AS behavioral_count, COALESCE(sum(r.rating) FILTER (WHERE r.question_type = 'behavioral'), 0)::int AS behavioral_sum,
         count(r.rating) FILTER (WHERE r.question_type = 'situational')::int AS situational_count, COALESCE(sum(r.rating) FILTER (WHERE r.question_type = 'situational'), 0)::int AS situational_sum
    FROM scorecards s LEFT JOIN scorecard_ratings r ON r.scorecard_id = s.id
   WHERE s.status = 'submitted'
   GROUP BY s.candidate_id, s.position_id ORDER BY 1, 2`;
const MAINTAINED_CANDIDATES = `
  SELECT candidate_id, position_id, submitted, strong_no, no, yes, strong_yes, ratings, rating_sum, rating_squares,
         technical_count, technical_sum, behavioral_count, behavioral_sum, situational_count, situational_sum
    FROM candidate_feedback_aggregates ORDER BY 1, 2`;
// pairs by brute force: every ordered pair of distinct ratings within a unit, weighted later by 1/(m-1)
const FRESH_PAIRS = `
  WITH v AS (SELECT s.candidate_id, s.position_id, r.interview_question_id q, r.criterion_id c, r.scorecard_id id, r.rating
               FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' WHERE r.rating IS NOT NULL),
       u AS (SELECT candidate_id, position_id, q, c, count(*)::int AS m FROM v GROUP BY 1, 2, 3, 4 HAVING count(*) >= 2),
       p AS (SELECT u.candidate_id, u.position_id, u.m, a.rating ra, b.rating rb
               FROM u JOIN v a USING (candidate_id, position_id, q, c) JOIN v b USING (candidate_id, position_id, q, c) WHERE a.id <> b.id)
  SELECT candidate_id, position_id, m AS panel,
         (SELECT count(*) FROM u u2 WHERE u2.candidate_id = p.candidate_id AND u2.position_id = p.position_id AND u2.m = p.m)::int AS units,
         array_agg(x.n ORDER BY x.i) AS pairs
    FROM (SELECT candidate_id, position_id, m FROM p GROUP BY 1, 2, 3) p
         CROSS JOIN LATERAL (SELECT i, (SELECT count(*) FROM p p2 WHERE p2.candidate_id = p.candidate_id AND p2.position_id = p.position_id AND p2.m = p.m
                                                           AND p2.ra = 1 + i / 4 AND p2.rb = 1 + i % 4)::text AS n
                               FROM generate_series(0, 15) i) x
   GROUP BY candidate_id, position_id, m ORDER BY 1, 2, 3`;
const MAINTAINED_PAIRS = `SELECT candidate_id, position_id, panel, units, pairs::text[] AS pairs FROM candidate_coincidences ORDER BY 1, 2, 3`;
const FRESH_COMPETENCIES = `
  SELECT s.id AS scorecard_id, c.competency, s.interview_id, s.candidate_id, s.position_id, s.panelist_id, count(*)::int AS ratings, sum(r.rating)::int AS rating_sum
    FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' CROSS JOIN LATERAL unnest(r.competencies) c(competency)
   WHERE r.rating IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2`;
// recommendation pairs by brute force: every ordered pair of distinct submitted scorecards of one interview
const FRESH_RECOMMENDATION_PAIRS = `
  WITH v AS (SELECT candidate_id, position_id, interview_id, id,
                    array_position(ARRAY['strong_no', 'no', 'yes', 'strong_yes']::text[], overall_recommendation::text) AS rec
               FROM scorecards WHERE status = 'submitted'),
       u AS (SELECT candidate_id, position_id, interview_id, count(*)::int AS m FROM v WHERE rec IS NOT NULL GROUP BY 1, 2, 3 HAVING count(*) >= 2),
       p AS (SELECT u.candidate_id, u.position_id, u.m, a.rec ra, b.rec rb
               FROM u JOIN v a USING (candidate_id, position_id, interview_id) JOIN v b USING (candidate_id, position_id, interview_id)
              WHERE a.id <> b.id AND a.rec IS NOT NULL AND b.rec IS NOT NULL)
  SELECT candidate_id, position_id, m AS panel,
         (SELECT count(*) FROM u u2 WHERE u2.candidate_id = p.candidate_id AND u2.position_id = p.position_id AND u2.m = p.m)::int AS units,
         array_agg(x.n ORDER BY x.i) AS pairs
    FROM (SELECT candidate_id, position_id, m FROM p GROUP BY 1, 2, 3) p
         CROSS JOIN LATERAL (SELECT i, (SELECT count(*) FROM p p2 WHERE p2.candidate_id = p.candidate_id AND p2.position_id = p.position_id AND p2.m = p.m
                                                           AND p2.ra = 1 + i / 4 AND p2.rb = 1 + i % 4)::text AS n
                               FROM generate_series(0, 15) i) x
   GROUP BY candidate_id, position_id, m ORDER BY 1, 2, 3`;
const MAINTAINED_RECOMMENDATION_PAIRS = `SELECT candidate_id, position_id, panel, units, pairs::text[] AS pairs FROM candidate_recommendation_coincidences ORDER BY 1, 2, 3`;
// competency interval sums from the ratings: each panelist's avg() per (interview, competency), the
// observed disagreement by brute force over ordered pairs of panelists; compared as floats to 1e-9
const FRESH_COMPETENCY_AGREEMENT = `
  WITH x AS (SELECT s.candidate_id, s.position_id, s.interview_id, c.competency, s.panelist_id, avg(r.rating) AS x
               FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' CROSS JOIN LATERAL unnest(r.competencies) c(competency)
              WHERE r.rating IS NOT NULL GROUP BY 1, 2, 3, 4, 5),
       u AS (SELECT candidate_id, position_id, interview_id, competency, count(*) AS m FROM x GROUP BY 1, 2, 3, 4 HAVING count(*) >= 2),
       d AS (SELECT u.candidate_id, u.position_id, u.interview_id, u.competency,
                    (SELECT sum((a.x - b.x) * (a.x - b.x)) FROM x a JOIN x b USING (candidate_id, position_id, interview_id, competency)
                      WHERE a.candidate_id = u.candidate_id AND a.position_id = u.position_id AND a.interview_id = u.interview_id AND a.competency = u.competency
                        AND a.panelist_id <> b.panelist_id) / (u.m - 1) AS observed
               FROM u)
  SELECT u.candidate_id, u.position_id, count(DISTINCT (u.interview_id, u.competency))::int AS units, count(*)::int AS pairable,
         round((SELECT sum(observed) FROM d WHERE d.candidate_id = u.candidate_id AND d.position_id = u.position_id)::numeric, 9)::float AS observed,
         round(sum(x.x), 9)::float AS value_sum, round(sum(x.x * x.x), 9)::float AS value_squares
    FROM u JOIN x USING (candidate_id, position_id, interview_id, competency)
   GROUP BY 1, 2 ORDER BY 1, 2`;
const MAINTAINED_COMPETENCY_AGREEMENT = `
  SELECT candidate_id, position_id, units, pairable, round(observed, 9)::float AS observed, round(value_sum, 9)::float AS value_sum, round(value_squares, 9)::float AS value_squares
    FROM candidate_competency_agreement ORDER BY 1, 2`;
// per held interview: its panel minus the submitted scorecards (a LEFT JOIN, not the trigger's NOT EXISTS)
const FRESH_INTERVIEW_COUNTS = `
  WITH i AS (SELECT i.id, i.candidate_id, i.status, i.ends_at,
                    (SELECT count(*) FROM interview_panelists p LEFT JOIN scorecards s ON s.interview_id = p.interview_id AND s.panelist_id = p.user_id AND s.status = 'submitted'
                      WHERE p.interview_id = i.id AND s.id IS NULL)::int AS owed
               FROM interviews i WHERE i.status IN ('scheduled', 'awaiting_feedback', 'completed'))
  SELECT candidate_id, count(*) FILTER (WHERE status <> 'scheduled')::int AS done, COALESCE(sum(owed) FILTER (WHERE status <> 'scheduled'), 0)::int AS owed,
         COALESCE(array_agg(ends_at ORDER BY ends_at, id) FILTER (WHERE status = 'scheduled'), '{}') AS scheduled_ends,
         COALESCE(array_agg(owed ORDER BY ends_at, id) FILTER (WHERE status = 'scheduled'), '{}') AS scheduled_owed
    FROM i GROUP BY 1 ORDER BY 1`;
const MAINTAINED_INTERVIEW_COUNTS = `SELECT candidate_id, done, owed, scheduled_ends, scheduled_owed FROM candidate_interview_counts ORDER BY 1`;
const MAINTAINED_COMPETENCIES = `SELECT scorecard_id, competency, interview_id, candidate_id, position_id, panelist_id, ratings, rating_sum FROM scorecard_competency_aggregates ORDER BY 1, 2`;

describe('summary aggregates stay equal to a fresh computation', () => {
  let t: TestApp;
  let positionId: string;
  const interviews: any[] = [];
  const candidates: string[] = [];
  const raters: Array<{ id: string; email: string }> = [];

  beforeAll(async () => {
    t = await TestApp.start('summary_aggregates');
    const hm = await t.createUser('hm-agg@example.com', ['hiring_manager']);
    for (let i = 0; i < 4; i++) raters.push(await t.createUser(`agg${i}@example.com`, ['interviewer']));
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Aggregates',
        questions: [
          {
            type: 'technical',
            prompt: 'T',
            criteria: [{ label: 't1' }, { label: 't2' }],
            competencies: ['Design', 'Coding'],
          },
          { type: 'behavioral', prompt: 'B', criteria: [{ label: 'b1' }], competencies: ['Communication'] },
          { type: 'situational', prompt: 'S', criteria: [{ label: 's1' }, { label: 's2' }], competencies: ['Design'] },
        ],
      },
      'admin',
    );
    expect(set.status).toBe(201);
    await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, 'admin');
    positionId = (await t.post('/api/v1/positions', { title: 'Aggregates', hiringManagerId: hm.id }, 'admin')).body.id;
    for (let c = 0; c < 3; c++) {
      const candidate = (
        await t.post('/api/v1/candidates', { name: `Agg ${c}`, email: `agg-c${c}@example.com`, positionId }, 'admin')
      ).body;
      candidates.push(candidate.id);
      for (let k = 0; k < 2; k++) {
        const panel = raters.slice(0, 2 + ((c + k) % 3));
        const iv = await t.post(
          '/api/v1/interviews',
          {
            candidateId: candidate.id,
            stage: 'onsite',
            start: new Date(Date.now() + (c * 2 + k + 1) * 86_400_000).toISOString(),
            durationMinutes: 60,
            timezone: 'UTC',
            panel: panel.map((p, i) => ({ userId: p.id, role: i === 0 ? 'lead' : 'shadow' })),
            questions: [{ setId: set.body.id }],
            allowConflicts: true,
          },
          'admin',
        );
        expect(iv.status).toBe(201);
        interviews.push({ ...iv.body, panelists: panel });
      }
    }
    // all over: scorecards are submitted once an interview has started
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '1 hour', feedback_due_at = now() - interval '2 days', status = 'completed'`,
    );
  });
  afterAll(() => t?.close());

  const expectFresh = async (step: string) => {
    expect({ step, rows: await t.db.query(MAINTAINED_CANDIDATES) }).toEqual({
      step,
      rows: await t.db.query(FRESH_CANDIDATES),
    });
    expect({ step, rows: await t.db.query(MAINTAINED_PAIRS) }).toEqual({ step, rows: await t.db.query(FRESH_PAIRS) });
    expect({ step, rows: await t.db.query(MAINTAINED_COMPETENCIES) }).toEqual({
      step,
      rows: await t.db.query(FRESH_COMPETENCIES),
    });
    expect({ step, rows: await t.db.query(MAINTAINED_RECOMMENDATION_PAIRS) }).toEqual({
      step,
      rows: await t.db.query(FRESH_RECOMMENDATION_PAIRS),
    });
    const competencies = await t.db.query<Record<string, number>>(MAINTAINED_COMPETENCY_AGREEMENT);
    const fresh = await t.db.query<Record<string, number>>(FRESH_COMPETENCY_AGREEMENT);
    expect({ step, rows: competencies.map(({ observed, value_sum, value_squares, ...r }) => r) }).toEqual({
      step,
      rows: fresh.map(({ observed, value_sum, value_squares, ...r }) => r),
    });
    for (const [i, r] of fresh.entries())
      for (const k of ['observed', 'value_sum', 'value_squares']) expect(competencies[i][k]).toBeCloseTo(r[k], 8);
    expect({ step, rows: await t.db.query(MAINTAINED_INTERVIEW_COUNTS) }).toEqual({
      step,
      rows: await t.db.query(FRESH_INTERVIEW_COUNTS),
    });
  };

  /** Every page of the summary, in every order, against one page of all rows. */
  const expectPages = async (step: string) => {
    for (const sort of ['name', 'overallMean', 'agreement', 'missing', 'interviews', 'strongYes']) {
      for (const order of ['asc', 'desc']) {
        const all = await t.get(
          `/api/v1/positions/${positionId}/feedback-summary?sort=${sort}&order=${order}&limit=100`,
          'admin',
        );
        expect(all.status).toBe(200);
        expect(all.body.page.nextCursor).toBeNull();
        const rows: any[] = [];
        let cursor: string | null = null;
        do {
          const res: { status: number; body: any } = await t.get(
            `/api/v1/positions/${positionId}/feedback-summary?sort=${sort}&order=${order}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
            'admin',
          );
          expect(res.status).toBe(200);
          expect(res.body.rows.length).toBeLessThanOrEqual(1);
          expect(res.body.agreementSet).toEqual(all.body.agreementSet);
          rows.push(...res.body.rows);
          cursor = res.body.page.nextCursor;
        } while (cursor && rows.length <= all.body.total);
        expect({ step, sort, order, rows }).toEqual({ step, sort, order, rows: all.body.rows });
        expect(all.body.total).toBe(candidates.length);
      }
    }
  };

  const sameFigure = (step: string, got: AgreementFigure, want: AgreementFigure) => {
    const { alpha, ...rest } = got;
    const { alpha: wantAlpha, ...wantRest } = want;
    expect({ step, ...rest }).toEqual({ step, ...wantRest });
    if (wantAlpha === null) expect(alpha).toBeNull();
    else expect(alpha).toBeCloseTo(wantAlpha, 9);
  };

  /** The position summary against figures computed here from the ratings with avg() and a coincidence matrix built in SQL. */
  const expectSummary = async (step: string) => {
    const res = await t.get(`/api/v1/positions/${positionId}/feedback-summary`, 'admin');
    expect(res.status).toBe(200);
    const means = await t.db.query<Record<string, any>>(
      `SELECT s.candidate_id, avg(r.rating) FILTER (WHERE r.question_type = 'technical')::float AS technical, avg(r.rating) FILTER (WHERE r.question_type = 'behavioral')::float AS behavioral,
              avg(r.rating) FILTER (WHERE r.question_type = 'situational')::float AS situational, avg(r.rating)::float AS overall
         FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' WHERE s.position_id = $1 AND r.rating IS NOT NULL GROUP BY 1`,
      [positionId],
    );
    const recs = await t.db.query<Record<string, any>>(
      `SELECT candidate_id, overall_recommendation AS rec, count(*)::int AS n FROM scorecards WHERE position_id = $1 AND status = 'submitted' GROUP BY 1, 2`,
      [positionId],
    );
    const units = await t.db.query<{ candidate_id: string; values: number[] }>(
      `SELECT s.candidate_id, array_agg(r.rating::int) AS values FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted'
        WHERE s.position_id = $1 AND r.rating IS NOT NULL GROUP BY s.candidate_id, r.interview_question_id, r.criterion_id HAVING count(*) >= 2`,
      [positionId],
    );
    const votes = await t.db.query<{ candidate_id: string; interview_id: string; rec: string }>(
      `SELECT candidate_id, interview_id, overall_recommendation AS rec FROM scorecards WHERE position_id = $1 AND status = 'submitted' ORDER BY interview_id, panelist_id`,
      [positionId],
    );
    const compMeans = await t.db.query<{
      candidate_id: string;
      interview_id: string;
      competency: string;
      mean: number;
    }>(
      `SELECT s.candidate_id, s.interview_id, c.competency, avg(r.rating)::float AS mean
         FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted' CROSS JOIN LATERAL unnest(r.competencies) c(competency)
        WHERE s.position_id = $1 AND r.rating IS NOT NULL GROUP BY 1, 2, 3, s.panelist_id ORDER BY 2, 3, s.panelist_id`,
      [positionId],
    );
    // done interviews (as the list and isDone() saw them) and their panel slots without a submitted scorecard
    const done = await t.db.query<{
      id: string;
      candidate_id: string;
      missing: Array<{ userId: string; role: string }>;
    }>(
      `SELECT i.id, i.candidate_id,
              COALESCE((SELECT json_agg(json_build_object('userId', p.user_id, 'role', p.role) ORDER BY p.role, p.added_at) FROM interview_panelists p
                         WHERE p.interview_id = i.id AND NOT EXISTS (SELECT 1 FROM scorecards s WHERE s.interview_id = i.id AND s.panelist_id = p.user_id AND s.status = 'submitted')), '[]') AS missing
         FROM interviews i JOIN candidates c ON c.id = i.candidate_id
        WHERE c.position_id = $1 AND (i.status IN ('awaiting_feedback', 'completed') OR (i.status = 'scheduled' AND i.ends_at <= now()))
        ORDER BY i.starts_at, i.id`,
      [positionId],
    );
    expect(res.body.rows.length).toBe(candidates.length);
    for (const row of res.body.rows) {
      const id = row.candidate.id;
      const m = means.find((x) => x.candidate_id === id);
      expect({ step, id, means: row.meanByType, overall: row.overallMean }).toEqual({
        step,
        id,
        means: {
          technical: m?.technical ?? null,
          behavioral: m?.behavioral ?? null,
          situational: m?.situational ?? null,
        },
        overall: m?.overall ?? null,
      });
      const counts = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 } as Record<string, number>;
      for (const r of recs.filter((x) => x.candidate_id === id)) counts[r.rec] = r.n;
      expect({ step, id, recs: row.recommendations, submitted: row.scorecardsSubmitted }).toEqual({
        step,
        id,
        recs: counts,
        submitted: Object.values(counts).reduce((a, b) => a + b, 0),
      });
      const mine = units.filter((u) => u.candidate_id === id);
      const o = [1, 2, 3, 4].map(() => [0, 0, 0, 0]);
      for (const u of mine)
        for (const [i, a] of u.values.entries())
          for (const [j, b] of u.values.entries()) if (i !== j) o[a - 1][b - 1] += 1 / (u.values.length - 1);
      const expected = mine.length ? alphaFromCoincidences({ values: [1, 2, 3, 4], o }, 'ordinal') : null;
      expect({ step, id, units: row.agreement.units, pairable: row.agreement.pairableValues }).toEqual({
        step,
        id,
        units: mine.length,
        pairable: expected?.pairableValues ?? 0,
      });
      if (expected?.alpha == null) expect(row.agreement.alpha).toBeNull();
      else expect(row.agreement.alpha).toBeCloseTo(expected.alpha, 9);
      // recommendations and competencies as the former per-scorecard computation gave them
      sameFigure(
        `${step} ${id} recommendations`,
        row.agreementSet.recommendations,
        recFigure(votes.filter((v) => v.candidate_id === id)),
      );
      sameFigure(
        `${step} ${id} competencies`,
        row.agreementSet.competencies,
        competencyFigure(compMeans.filter((v) => v.candidate_id === id)),
      );
      const held = done.filter((d) => d.candidate_id === id);
      expect({
        step,
        id,
        done: row.interviewsDone,
        missing: row.scorecardsMissing,
        from: row.missingFrom.map((m: any) => `${m.interviewId}:${m.userId}:${m.role}`),
      }).toEqual({
        step,
        id,
        done: held.length,
        missing: held.reduce((n, d) => n + d.missing.length, 0),
        from: held.flatMap((d) => d.missing.map((m: any) => `${d.id}:${m.userId}:${m.role}`)),
      });
    }
    sameFigure(`${step} position recommendations`, res.body.agreementSet.recommendations, recFigure(votes));
    sameFigure(`${step} position competencies`, res.body.agreementSet.competencies, competencyFigure(compMeans));
    expect(res.body.agreementSet.criteria.pairable).toBe(
      res.body.rows.reduce((n: number, r: any) => n + r.agreement.pairableValues, 0),
    );
  };
  const REC_VALUES: Record<string, number> = { strong_no: 1, no: 2, yes: 3, strong_yes: 4 };
  const recFigure = (v: Array<{ interview_id: string; rec: string }>) =>
    figureFromUnits(
      'recommendations',
      unitsBy(
        v,
        (x) => x.interview_id,
        (x) => REC_VALUES[x.rec] ?? null,
      ),
    );
  const competencyFigure = (v: Array<{ interview_id: string; competency: string; mean: number }>) =>
    figureFromUnits(
      'competencies',
      unitsBy(
        v,
        (x) => `${x.interview_id}/${x.competency}`,
        (x) => x.mean,
      ),
    );

  it('after random submits, reopens and resubmits by several panelists on several candidates', async () => {
    const rand = prng(20261130);
    const recommendations = ['strong_no', 'no', 'yes', 'strong_yes'];
    const cards = new Map<string, { id: string; submitted: boolean }>();
    for (let step = 0; step < 40; step++) {
      const iv = interviews[Math.floor(rand() * interviews.length)];
      const p = iv.panelists[Math.floor(rand() * iv.panelists.length)];
      const key = `${iv.id}:${p.id}`;
      const state = cards.get(key);
      if (state?.submitted) {
        const reopened = await t.post(
          `/api/v1/interviews/${iv.id}/scorecards/${state.id}/reopen`,
          {},
          rand() < 0.5 ? p.email : 'admin',
        );
        expect(reopened.status).toBe(200);
        state.submitted = false;
      } else {
        const card = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
        const ratings = iv.questions.flatMap((q: any) =>
          q.criteria.map((c: any) =>
            rand() < 0.15
              ? { questionId: q.id, criterionId: c.id, notAssessed: true }
              : { questionId: q.id, criterionId: c.id, rating: 1 + Math.floor(rand() * 4) },
          ),
        );
        const saved = await t.request('PUT', `/api/v1/interviews/${iv.id}/scorecards/mine`, {
          as: p.email,
          body: { version: card.version, overallRecommendation: recommendations[Math.floor(rand() * 4)], ratings },
        });
        expect(saved.status).toBe(200);
        const submitted = await t.post(
          `/api/v1/interviews/${iv.id}/scorecards/mine/submit`,
          { version: saved.body.version },
          p.email,
        );
        expect(submitted.status).toBe(200);
        cards.set(key, { id: card.id, submitted: true });
      }
      if (step % 8 === 7) {
        await expectFresh(`step ${step}`);
        await expectSummary(`step ${step}`);
      }
    }
    expect([...cards.values()].filter((c) => c.submitted).length).toBeGreaterThan(3);
    // the figures compared above are real numbers, not all "not enough data" (checked here: the later
    // tests pick rows by random ids, so what is left after them varies from run to run)
    const set = (await t.get(`/api/v1/positions/${positionId}/feedback-summary`, 'admin')).body.agreementSet;
    expect({
      criteria: set.criteria.alpha,
      recommendations: set.recommendations.alpha,
      competencies: set.competencies.alpha,
    }).toEqual({ criteria: expect.any(Number), recommendations: expect.any(Number), competencies: expect.any(Number) });
  });

  it('after writes by bulk SQL that bypass the API (a rating changed, a scorecard reopened and deleted)', async () => {
    await t.db.query(
      `UPDATE scorecard_ratings SET rating = 5 - rating WHERE rating IS NOT NULL AND scorecard_id IN (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id LIMIT 2)`,
    );
    await expectFresh('ratings updated');
    await t.db.query(
      `UPDATE scorecards SET status = 'draft', submitted_at = NULL WHERE id = (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id LIMIT 1)`,
    );
    await expectFresh('reopened by SQL');
    await t.db.query(
      `DELETE FROM scorecards WHERE id = (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id DESC LIMIT 1)`,
    );
    await expectFresh('deleted');
    await expectSummary('after SQL');
  });

  it('after interviews and panels change by SQL: status, end, panelists added and removed', async () => {
    const [a, b, c, d] = interviews;
    // ended but still "scheduled" (its end job not run): done from its end; another scheduled in the future is not
    await t.db.query(`UPDATE interviews SET status = 'scheduled' WHERE id = $1`, [a.id]);
    await t.db.query(
      `UPDATE interviews SET status = 'scheduled', starts_at = now() + interval '1 day', ends_at = now() + interval '1 day 1 hour' WHERE id = $1`,
      [b.id],
    );
    await expectFresh('scheduled');
    await expectSummary('scheduled');
    await t.db.query(`UPDATE interviews SET status = 'cancelled' WHERE id = $1`, [c.id]);
    await t.db.query(`UPDATE interviews SET status = 'awaiting_feedback' WHERE id = $1`, [d.id]);
    await expectFresh('cancelled');
    const extra = await t.createUser('agg-extra@example.com', ['interviewer']);
    await t.db.query(
      `INSERT INTO interview_panelists (interview_id, user_id, role) VALUES ($1, $2, 'panelist'), ($3, $2, 'shadow')`,
      [d.id, extra.id, a.id],
    );
    await expectFresh('panelist added');
    await t.db.query(`DELETE FROM interview_panelists WHERE interview_id = $1 AND user_id = $2`, [
      d.id,
      d.panelists[0].id,
    ]);
    await expectFresh('panelist removed');
    await t.db.query(`UPDATE interview_panelists SET rsvp = 'accepted' WHERE interview_id = $1`, [a.id]);
    await expectSummary('panels changed');
    await expectPages('panels changed');
    // back as they were, so that the next tests submit on held interviews
    await t.db.query(
      `UPDATE interviews SET status = 'completed', starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '1 hour' WHERE id = ANY($1)`,
      [[a.id, b.id, c.id, d.id]],
    );
    await t.db.query(`DELETE FROM interview_panelists WHERE user_id = $1`, [extra.id]);
    await t.db.query(`INSERT INTO interview_panelists (interview_id, user_id, role) VALUES ($1, $2, 'lead')`, [
      d.id,
      d.panelists[0].id,
    ]);
    await expectFresh('restored');
  });

  it('pages follow the sort with a cursor; a cursor of another sort or order, or a hand-made one, is a 400', async () => {
    await expectPages('pages');
    const summary = (query: string) => t.get(`/api/v1/positions/${positionId}/feedback-summary?${query}`, 'admin');
    const first = await summary('sort=name&limit=1');
    expect(first.body.page).toEqual({ limit: 1, nextCursor: expect.any(String) });
    const cursor = first.body.page.nextCursor;
    expect((await summary(`sort=name&limit=1&cursor=${cursor}`)).status).toBe(200);
    for (const query of [
      `sort=overallMean&limit=1&cursor=${cursor}`,
      `sort=name&order=desc&limit=1&cursor=${cursor}`,
      'cursor=%25%25',
    ]) {
      const res = await summary(query);
      expect({ query, status: res.status, field: res.body.details?.[0]?.field }).toEqual({
        query,
        status: 400,
        field: 'cursor',
      });
    }
    // the CSV has every row: a cursor means nothing to it
    expect((await summary(`format=csv&cursor=${cursor}`)).status).toBe(200);
    expect((await summary('limit=0')).status).toBe(400);
    expect((await summary('limit=101')).status).toBe(400);
  });

  it('concurrent submits on one candidate all land in the aggregates', async () => {
    const iv = interviews.find((i) => i.panelists.length >= 3)!;
    for (const p of iv.panelists) {
      const card = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
      if (card.status === 'submitted')
        expect((await t.post(`/api/v1/interviews/${iv.id}/scorecards/${card.id}/reopen`, {}, 'admin')).status).toBe(
          200,
        );
      const fresh = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
      const ratings = iv.questions.flatMap((q: any) =>
        q.criteria.map((c: any) => ({ questionId: q.id, criterionId: c.id, rating: 3 })),
      );
      expect(
        (
          await t.request('PUT', `/api/v1/interviews/${iv.id}/scorecards/mine`, {
            as: p.email,
            body: { version: fresh.version, overallRecommendation: 'yes', ratings },
          })
        ).status,
      ).toBe(200);
    }
    const results = await Promise.all(
      iv.panelists.map((p: any) => t.post(`/api/v1/interviews/${iv.id}/scorecards/mine/submit`, {}, p.email)),
    );
    expect(results.map((r) => r.status)).toEqual(iv.panelists.map(() => 200));
    await expectFresh('concurrent');
    await expectSummary('concurrent');
  });

  it('the position summary costs a fixed number of statements, whatever the number of ratings', async () => {
    const summary = () => t.get(`/api/v1/positions/${positionId}/feedback-summary`, 'admin');
    const before = await queriesOf(summary);
    expect(before.result.status).toBe(200);
    // ten times the ratings (bulk, like the bench): the statement count does not move
    await t.db.query(
      `INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id, rating, not_assessed, question_type, competencies)
       SELECT s.id, gen_random_uuid(), 'bulk' || g, s.interview_id, s.panelist_id, 1 + g % 4, false, 'technical', '{Design}'
         FROM scorecards s, generate_series(1, 60) g WHERE s.status = 'submitted'`,
    );
    await expectFresh('bulk');
    const after = await queriesOf(summary);
    expect(after.queries).toBe(before.queries);
    expect(after.queries).toBe(SUMMARY_QUERIES);
  });
});

/**
 * auth lookup, position, one row per candidate, the position's summed agreement, the page's agreement
 * sums, the page's owed scorecards and their panelists' names (the last two only when some are owed)
 */
const SUMMARY_QUERIES = 7;
