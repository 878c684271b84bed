import { alphaFromCoincidences } from '../libs/feedback/src/stats';
import { queriesOf } from './support/queries';
import { TestApp } from './support/test-app';

/**
 * The summaries read maintained aggregates (candidate_feedback_aggregates, candidate_coincidences,
 * scorecard_competency_aggregates) instead of scanning the ratings. After random submits, reopens
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
    const set = await t.post('/api/v1/question-sets', {
      name: 'Aggregates',
      questions: [
        { type: 'technical', prompt: 'T', criteria: [{ label: 't1' }, { label: 't2' }], competencies: ['Design', 'Coding'] },
        { type: 'behavioral', prompt: 'B', criteria: [{ label: 'b1' }], competencies: ['Communication'] },
        { type: 'situational', prompt: 'S', criteria: [{ label: 's1' }, { label: 's2' }], competencies: ['Design'] },
      ],
    }, 'admin');
    expect(set.status).toBe(201);
    await t.post(`/api/v1/question-sets/${set.body.id}/publish`, {}, 'admin');
    positionId = (await t.post('/api/v1/positions', { title: 'Aggregates', hiringManagerId: hm.id }, 'admin')).body.id;
    for (let c = 0; c < 3; c++) {
      const candidate = (await t.post('/api/v1/candidates', { name: `Agg ${c}`, email: `agg-c${c}@example.com`, positionId }, 'admin')).body;
      candidates.push(candidate.id);
      for (let k = 0; k < 2; k++) {
        const panel = raters.slice(0, 2 + ((c + k) % 3));
        const iv = await t.post('/api/v1/interviews', {
          candidateId: candidate.id, stage: 'onsite', start: new Date(Date.now() + (c * 2 + k + 1) * 86_400_000).toISOString(), durationMinutes: 60, timezone: 'UTC',
          panel: panel.map((p, i) => ({ userId: p.id, role: i === 0 ? 'lead' : 'shadow' })), questions: [{ setId: set.body.id }], allowConflicts: true,
        }, 'admin');
        expect(iv.status).toBe(201);
        interviews.push({ ...iv.body, panelists: panel });
      }
    }
    // all over: scorecards are submitted once an interview has started
    await t.db.query(`UPDATE interviews SET starts_at = now() - interval '3 days', ends_at = now() - interval '3 days' + interval '1 hour', feedback_due_at = now() - interval '2 days', status = 'completed'`);
  });
  afterAll(() => t?.close());

  const expectFresh = async (step: string) => {
    expect({ step, rows: await t.db.query(MAINTAINED_CANDIDATES) }).toEqual({ step, rows: await t.db.query(FRESH_CANDIDATES) });
    expect({ step, rows: await t.db.query(MAINTAINED_PAIRS) }).toEqual({ step, rows: await t.db.query(FRESH_PAIRS) });
    expect({ step, rows: await t.db.query(MAINTAINED_COMPETENCIES) }).toEqual({ step, rows: await t.db.query(FRESH_COMPETENCIES) });
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
    const recs = await t.db.query<Record<string, any>>(`SELECT candidate_id, overall_recommendation AS rec, count(*)::int AS n FROM scorecards WHERE position_id = $1 AND status = 'submitted' GROUP BY 1, 2`, [positionId]);
    const units = await t.db.query<{ candidate_id: string; values: number[] }>(
      `SELECT s.candidate_id, array_agg(r.rating::int) AS values FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id AND s.status = 'submitted'
        WHERE s.position_id = $1 AND r.rating IS NOT NULL GROUP BY s.candidate_id, r.interview_question_id, r.criterion_id HAVING count(*) >= 2`,
      [positionId],
    );
    for (const row of res.body.rows) {
      const id = row.candidate.id;
      const m = means.find((x) => x.candidate_id === id);
      expect({ step, id, means: row.meanByType, overall: row.overallMean }).toEqual({
        step, id, means: { technical: m?.technical ?? null, behavioral: m?.behavioral ?? null, situational: m?.situational ?? null }, overall: m?.overall ?? null,
      });
      const counts = { strong_no: 0, no: 0, yes: 0, strong_yes: 0 } as Record<string, number>;
      for (const r of recs.filter((x) => x.candidate_id === id)) counts[r.rec] = r.n;
      expect({ step, id, recs: row.recommendations, submitted: row.scorecardsSubmitted }).toEqual({ step, id, recs: counts, submitted: Object.values(counts).reduce((a, b) => a + b, 0) });
      const mine = units.filter((u) => u.candidate_id === id);
      const o = [1, 2, 3, 4].map(() => [0, 0, 0, 0]);
      for (const u of mine) for (const [i, a] of u.values.entries()) for (const [j, b] of u.values.entries()) if (i !== j) o[a - 1][b - 1] += 1 / (u.values.length - 1);
      const expected = mine.length ? alphaFromCoincidences({ values: [1, 2, 3, 4], o }, 'ordinal') : null;
      expect({ step, id, units: row.agreement.units, pairable: row.agreement.pairableValues }).toEqual({ step, id, units: mine.length, pairable: expected?.pairableValues ?? 0 });
      if (expected?.alpha == null) expect(row.agreement.alpha).toBeNull();
      else expect(row.agreement.alpha).toBeCloseTo(expected.alpha, 9);
    }
  };

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
        const reopened = await t.post(`/api/v1/interviews/${iv.id}/scorecards/${state.id}/reopen`, {}, rand() < 0.5 ? p.email : 'admin');
        expect(reopened.status).toBe(200);
        state.submitted = false;
      } else {
        const card = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
        const ratings = iv.questions.flatMap((q: any) => q.criteria.map((c: any) => (rand() < 0.15 ? { questionId: q.id, criterionId: c.id, notAssessed: true } : { questionId: q.id, criterionId: c.id, rating: 1 + Math.floor(rand() * 4) })));
        const saved = await t.request('PUT', `/api/v1/interviews/${iv.id}/scorecards/mine`, { as: p.email, body: { version: card.version, overallRecommendation: recommendations[Math.floor(rand() * 4)], ratings } });
        expect(saved.status).toBe(200);
        const submitted = await t.post(`/api/v1/interviews/${iv.id}/scorecards/mine/submit`, { version: saved.body.version }, p.email);
        expect(submitted.status).toBe(200);
        cards.set(key, { id: card.id, submitted: true });
      }
      if (step % 8 === 7) {
        await expectFresh(`step ${step}`);
        await expectSummary(`step ${step}`);
      }
    }
    expect([...cards.values()].filter((c) => c.submitted).length).toBeGreaterThan(3);
  });

  it('after writes by bulk SQL that bypass the API (a rating changed, a scorecard reopened and deleted)', async () => {
    await t.db.query(`UPDATE scorecard_ratings SET rating = 5 - rating WHERE rating IS NOT NULL AND scorecard_id IN (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id LIMIT 2)`);
    await expectFresh('ratings updated');
    await t.db.query(`UPDATE scorecards SET status = 'draft', submitted_at = NULL WHERE id = (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id LIMIT 1)`);
    await expectFresh('reopened by SQL');
    await t.db.query(`DELETE FROM scorecards WHERE id = (SELECT id FROM scorecards WHERE status = 'submitted' ORDER BY id DESC LIMIT 1)`);
    await expectFresh('deleted');
    await expectSummary('after SQL');
  });

  it('concurrent submits on one candidate all land in the aggregates', async () => {
    const iv = interviews.find((i) => i.panelists.length >= 3)!;
    for (const p of iv.panelists) {
      const card = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
      if (card.status === 'submitted') expect((await t.post(`/api/v1/interviews/${iv.id}/scorecards/${card.id}/reopen`, {}, 'admin')).status).toBe(200);
      const fresh = (await t.get(`/api/v1/interviews/${iv.id}/scorecards/mine`, p.email)).body;
      const ratings = iv.questions.flatMap((q: any) => q.criteria.map((c: any) => ({ questionId: q.id, criterionId: c.id, rating: 3 })));
      expect((await t.request('PUT', `/api/v1/interviews/${iv.id}/scorecards/mine`, { as: p.email, body: { version: fresh.version, overallRecommendation: 'yes', ratings } })).status).toBe(200);
    }
    const results = await Promise.all(iv.panelists.map((p: any) => t.post(`/api/v1/interviews/${iv.id}/scorecards/mine/submit`, {}, p.email)));
    expect(results.map((r) => r.status)).toEqual(iv.panelists.map(() => 200));
    await expectFresh('concurrent');
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

/** auth lookup, position, candidates, per-candidate aggregates, coincidences, interviews with panels, recommendations, competency means, panel names */
const SUMMARY_QUERIES = 9;
