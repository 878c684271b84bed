import { queriesOf } from './support/queries';
import { TestApp } from './support/test-app';

/**
 * The SQL statements each hot path sends (issue 15), so that an N+1 or an extra round trip cannot
 * come back unnoticed. Every count includes the auth guard's user lookup (one statement) where the
 * path is signed in, and a transaction's BEGIN and COMMIT where it writes. `queriesOf` takes the
 * fewest over three calls: the app's own background work may query during a call.
 *
 * The summaries' internals are being reworked; for them the test holds a fixed upper bound and
 * checks that the count does not grow with the data (many more candidates, scorecards, ratings).
 */
const R = 'rita@example.com'; // recruiter
const HM = 'hank@example.com'; // hiring manager
const PANEL = ['iris@example.com', 'ivo@example.com', 'ilse@example.com', 'ian@example.com'];

/** Expected statements per path; the guard's user lookup is the 1 in each signed-in count. */
const EXPECTED = {
  health: 2, // SELECT 1 and the latest worker heartbeat (the queue's check here runs on its own backend)
  kit: 1 + 1, // the kit with its panel's names, in one statement
  questionSets: 1 + 1, // the page of 50 with its question counts
  upcoming: 1 + 1,
};
/**
 * The scorecard writes, as fixed SQL (issue 15). The autosave: the guard's lookup, the kit, then
 * BEGIN, the writes in one statement gated by the version, the audit row, the ratings and notes read
 * back, COMMIT (13 with the query builder). The submit: the guard's lookup, the kit, BEGIN, the
 * scorecard locked, its ratings and notes, the update, the audit row, COMMIT; then the listeners of
 * `scorecard.submitted`: the completion check (the panel, who has submitted) and the reminders'
 * replan (6 statements, libs/reminders), and the event webhooks' outbox (one statement: the active
 * subscriptions to the event) (19 before).
 */
const EXPECTED_WRITES = { autosave: 7, submit: 17 };
/** Fixed ceilings for the summaries, whatever the data size. */
// position: auth, position, a row per candidate, summed agreement, the page's sums, and when some are owed the page's
// owed scorecards and their names (7; 5 with none owed); candidate 9 and interview 7 measured (2026-11-30)
const SUMMARY_BOUND = { position: 7, candidate: 12, interview: 10 };

describe('SQL statements per hot path', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  let positionId: string;
  let candidateId: string;
  let upcomingId: string;
  let pastId: string;
  let kit: { questions: Array<{ id: string; criteria: Array<{ id: string }> }> };

  const interview = (start: Date) =>
    t.post(
      '/api/v1/interviews',
      {
        candidateId,
        stage: 'onsite',
        start: start.toISOString(),
        durationMinutes: 60,
        timezone: 'UTC',
        panel: PANEL.map((p, i) => ({ userId: ids[p], role: i === 0 ? 'lead' : 'shadow' })),
        questions: [{ setId: ids.set, askedBy: ids[PANEL[1]] }],
        allowConflicts: true,
      },
      HM,
    );

  beforeAll(async () => {
    t = await TestApp.start('query_counts');
    ids[R] = (await t.createUser(R, ['recruiter'])).id;
    ids[HM] = (await t.createUser(HM, ['hiring_manager'])).id;
    for (const p of PANEL) ids[p] = (await t.createUser(p, ['interviewer'])).id;
    // the kit's set: 4 questions of 3 criteria
    const set = await t.post(
      '/api/v1/question-sets',
      {
        name: 'Onsite loop',
        questions: Array.from({ length: 4 }, (_, q) => ({
          type: 'technical',
          prompt: `Question ${q + 1}`,
          criteria: [1, 2, 3].map((c) => ({ label: `Criterion ${q + 1}.${c}` })),
          followUps: [{ prompt: 'Why?' }],
        })),
      },
      R,
    );
    ids.set = set.body.id;
    await t.post(`/api/v1/question-sets/${ids.set}/publish`, {}, R);
    // more than a page of sets for the list
    for (let batch = 0; batch < 6; batch++) {
      await Promise.all(
        Array.from({ length: 10 }, (_, k) =>
          t.post(
            '/api/v1/question-sets',
            {
              name: `Set ${batch * 10 + k}`,
              questions: [{ type: 'behavioral', prompt: 'Tell me', criteria: [{ label: 'Ownership' }] }],
            },
            R,
          ),
        ),
      );
    }
    positionId = (await t.post('/api/v1/positions', { title: 'Engineer', hiringManagerId: ids[HM] }, R)).body.id;
    candidateId = (await t.post('/api/v1/candidates', { name: 'Cand', email: 'cand@example.com', positionId }, R)).body
      .id;
    upcomingId = (await interview(new Date(Date.now() + 7 * 86_400_000))).body.id;
    const past = await interview(new Date(Date.now() + 9 * 86_400_000));
    pastId = past.body.id;
    // scheduled ahead (the API refuses the past), then held: submitting needs a started interview
    await t.db.query(
      `UPDATE interviews SET starts_at = now() - interval '2 hours', ends_at = now() - interval '1 hour' WHERE id = $1`,
      [pastId],
    );
    kit = (await t.get(`/api/v1/interviews/${pastId}`, HM)).body;
  }, 60_000);
  afterAll(() => t?.close());

  it('/health', async () => {
    const { queries, result } = await queriesOf(() => t.get('/health'));
    expect(result.status).toBe(200);
    expect(queries).toBe(EXPECTED.health);
  });

  it("the interview kit: the guard's lookup and one statement", async () => {
    const { queries, result } = await queriesOf(() => t.get(`/api/v1/interviews/${upcomingId}`, PANEL[0]));
    expect(result.status).toBe(200);
    expect(result.body.panel.map((p: { name: string }) => p.name).sort()).toEqual(
      PANEL.map((p) => p.split('@')[0]).sort(),
    );
    expect(queries).toBe(EXPECTED.kit);
  });

  it('the question-set list, a page of 50', async () => {
    const { queries, result } = await queriesOf(() => t.get('/api/v1/question-sets?limit=50', R));
    expect(result.status).toBe(200);
    expect(result.body.items).toHaveLength(50);
    expect(queries).toBe(EXPECTED.questionSets);
  });

  it('the question-set list with every filter and a cursor: still one statement', async () => {
    const first = await t.get('/api/v1/question-sets?limit=1&updatedSince=2000-01-01T00:00:00Z', R);
    expect(first.body.page.nextCursor).toEqual(expect.any(String));
    const { queries, result } = await queriesOf(() =>
      t.get(
        `/api/v1/question-sets?limit=50&status=published&type=behavioral&tag=x&positionFamily=Backend&q=tell%20me&updatedSince=2000-01-01T00:00:00Z&cursor=${first.body.page.nextCursor}`,
        R,
      ),
    );
    expect(result.status).toBe(200);
    expect(queries).toBe(EXPECTED.questionSets);
  });

  it('the upcoming list', async () => {
    const { queries, result } = await queriesOf(() => t.get('/api/v1/interviews/upcoming?limit=20', PANEL[0]));
    expect(result.status).toBe(200);
    expect(result.body.items.length).toBeGreaterThanOrEqual(1);
    expect(queries).toBe(EXPECTED.upcoming);
  });

  it('the scorecard autosave and submit', async () => {
    const ratings = (who: number) =>
      kit.questions.flatMap((q) =>
        q.criteria.map((c, k) => ({ questionId: q.id, criterionId: c.id, rating: 1 + ((k + who) % 4) })),
      );
    const path = `/api/v1/interviews/${pastId}/scorecards/mine`;
    const saves: number[] = [];
    const submits: number[] = [];
    for (const [who, email] of PANEL.slice(0, 3).entries()) {
      let version = (await t.get(path, email)).body.version as number;
      // ten ratings, as the benchmark's autosave sends
      const { queries: saved } = await queriesOf(async () => {
        const res = await t.request('PUT', path, {
          as: email,
          body: { version, overallRecommendation: 'yes', ratings: ratings(who).slice(0, 10) },
        });
        expect(res.status).toBe(200);
        version = res.body.version;
        return res;
      });
      saves.push(saved);
      await t.request('PUT', path, { as: email, body: { version, ratings: ratings(who).slice(10) } });
      const { queries: submitted, result } = await queriesOf(() => t.post(`${path}/submit`, {}, email), 1);
      expect(result.status).toBe(200);
      submits.push(submitted);
    }
    expect({ autosave: Math.min(...saves), submit: Math.min(...submits) }).toEqual(EXPECTED_WRITES);
  });

  describe('the summaries: a fixed bound, not growing with the data', () => {
    let bigPositionId: string;
    let bigCandidateId: string;
    let bigInterviewId: string;

    beforeAll(async () => {
      bigPositionId = (await t.post('/api/v1/positions', { title: 'Staff Engineer', hiringManagerId: ids[HM] }, R)).body
        .id;
      await bulkPastInterviews(t, bigPositionId, pastId, ids[HM], 40);
      [{ id: bigCandidateId }] = await t.db.query<{ id: string }>(
        'SELECT id FROM candidates WHERE position_id = $1 ORDER BY name LIMIT 1',
        [bigPositionId],
      );
      [{ id: bigInterviewId }] = await t.db.query<{ id: string }>(
        'SELECT id FROM interviews WHERE candidate_id = $1 ORDER BY starts_at LIMIT 1',
        [bigCandidateId],
      );
    }, 60_000);

    it.each([
      [
        'position',
        () => `/api/v1/positions/${positionId}/feedback-summary`,
        () => `/api/v1/positions/${bigPositionId}/feedback-summary`,
      ],
      [
        'candidate',
        () => `/api/v1/candidates/${candidateId}/feedback-summary`,
        () => `/api/v1/candidates/${bigCandidateId}/feedback-summary`,
      ],
      [
        'interview',
        () => `/api/v1/interviews/${pastId}/feedback-summary`,
        () => `/api/v1/interviews/${bigInterviewId}/feedback-summary`,
      ],
    ] as const)('the %s summary', async (kind, small, big) => {
      const few = await queriesOf(() => t.get(small(), HM));
      const many = await queriesOf(() => t.get(big(), HM));
      expect([few.result.status, many.result.status]).toEqual([200, 200]);
      expect(few.queries).toBeLessThanOrEqual(SUMMARY_BOUND[kind]);
      expect(many.queries).toBeLessThanOrEqual(SUMMARY_BOUND[kind]);
      // 40 candidates x 5 interviews x 4 scorecards x 12 ratings cost no more statements than one interview
      expect(many.queries).toBeLessThanOrEqual(few.queries);
    });
  });
});

/**
 * `candidates` candidates x 5 past interviews x the template's panel, every scorecard submitted
 * with a rating per criterion of the template's questions: the benchmark's bulk data
 * (bench/hot-paths/seed.ts), written in SQL.
 */
async function bulkPastInterviews(
  t: TestApp,
  positionId: string,
  templateId: string,
  hmId: string,
  candidates: number,
): Promise<void> {
  const sql = (text: string, params: unknown[]) => t.db.query(text, params);
  await sql(
    `INSERT INTO candidates (name, email, position_id) SELECT 'Candidate ' || g, 'c' || g || '@bulk.local', $1 FROM generate_series(1, $2) g`,
    [positionId, candidates],
  );
  await sql(
    `INSERT INTO interviews (candidate_id, position_id, title, stage, starts_at, ends_at, timezone, duration_minutes, status, feedback_due_at, created_by_id)
     SELECT c.id, $1, 'Interview ' || k, 'onsite', now() - k * interval '1 day' - interval '2 hours', now() - k * interval '1 day' - interval '1 hour', 'UTC', 60,
            'completed', now() - k * interval '1 day' + interval '23 hours', $2
       FROM candidates c, generate_series(1, 5) k WHERE c.position_id = $1`,
    [positionId, hmId],
  );
  await sql(
    `INSERT INTO interview_panelists (interview_id, user_id, role) SELECT i.id, p.user_id, p.role FROM interviews i, interview_panelists p WHERE i.position_id = $1 AND p.interview_id = $2`,
    [positionId, templateId],
  );
  await sql(
    `INSERT INTO interview_questions (interview_id, position, source_question_id, source_set_id, source_set_name, source_set_version, type, prompt, follow_ups, criteria, guidance, competencies, timebox_minutes, asked_by_id)
     SELECT i.id, q.position, q.source_question_id, q.source_set_id, q.source_set_name, q.source_set_version, q.type, q.prompt, q.follow_ups, q.criteria, q.guidance, q.competencies, q.timebox_minutes, q.asked_by_id
       FROM interviews i, interview_questions q WHERE i.position_id = $1 AND q.interview_id = $2`,
    [positionId, templateId],
  );
  await sql(
    `INSERT INTO scorecards (interview_id, panelist_id, candidate_id, position_id, status, overall_recommendation, version, interview_ends_at, submitted_at)
     SELECT p.interview_id, p.user_id, i.candidate_id, i.position_id, 'submitted', (ARRAY['strong_no','no','yes','strong_yes'])[1 + abs(hashtext(i.candidate_id::text || p.user_id::text)) % 4], 2, i.ends_at,
            i.ends_at + (abs(hashtext(p.user_id::text || i.id::text)) % 72) * interval '1 hour'
       FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id WHERE i.position_id = $1`,
    [positionId],
  );
  await sql(
    `INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id, rating, not_assessed, question_type, competencies, source_question_id)
     SELECT s.id, q.id, c->>'id', s.interview_id, s.panelist_id,
            least(4, greatest(1, 1 + abs(hashtext(s.candidate_id::text)) % 4 + (abs(hashtext(s.id::text || (c->>'id'))) % 3) - 1)), false, q.type, q.competencies, q.source_question_id
       FROM scorecards s JOIN interview_questions q ON q.interview_id = s.interview_id CROSS JOIN LATERAL jsonb_array_elements(q.criteria) c
      WHERE s.position_id = $1`,
    [positionId],
  );
  await sql('ANALYZE', []);
}
