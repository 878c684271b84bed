// Feedback speed targets (issue 6): summaries are SQL (a few statements whatever the number of
// scorecards); a position summary over 1,000 candidates x 5 interviews x 4 scorecards x 12 criteria
// (240,000 ratings) beside the same at 10x less data; submitting scorecards and reading a position
// summary at 32 concurrent connections.
// Run: npm run bench:feedback   (BENCH_DATABASE_URL or DATABASE_URL, else an embedded PostgreSQL)
import { QueryCounter } from '@app/database';
import { api, fmt, load, median, percentile, startBenchApp, timeIt } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const CONNECTIONS = 32;

async function main() {
  const app = await startBenchApp('fb');
  const admin = await app.token('admin@bench.local', 'admin-password');
  const call = <T = any>(method: string, path: string, body?: unknown) => api<T>(app.url, admin, method, path, body);
  const mk = (email: string, roles: string[]) =>
    call('POST', '/api/v1/users', { email, name: email.split('@')[0], password: 'bench-password', roles });
  const hm = await mk('hm@bench.local', ['hiring_manager']);
  const panel = [];
  for (let i = 0; i < 4; i++) panel.push(await mk(`iv${i}@bench.local`, ['interviewer']));
  const set = await call('POST', '/api/v1/question-sets', {
    name: 'Bench loop',
    questions: ['technical', 'behavioral', 'situational'].map((type, i) => ({
      type,
      prompt: `Question ${i}`,
      competencies: [`Competency ${i}`, 'Communication'],
      criteria: [1, 2, 3, 4].map((k) => ({ label: `Criterion ${i}.${k}` })),
    })),
  });
  await call('POST', `/api/v1/question-sets/${set.id}/publish`, {});
  const position = async (title: string) => call('POST', '/api/v1/positions', { title, hiringManagerId: hm.id });
  const templatePosition = await position('Template');
  const templateCandidate = await call('POST', '/api/v1/candidates', {
    name: 'Template',
    email: 't@bench.local',
    positionId: templatePosition.id,
  });
  const template = await call('POST', '/api/v1/interviews', {
    candidateId: templateCandidate.id,
    stage: 'onsite',
    start: new Date(Date.now() + 86_400_000).toISOString(),
    durationMinutes: 60,
    timezone: 'UTC',
    panel: panel.map((p, i) => ({ userId: p.id, role: i === 0 ? 'lead' : 'shadow' })),
    questions: [{ setId: set.id }],
  });

  /** Candidates x 5 past interviews x the 4-person panel, with 12 criteria each; scorecards submitted or drafts. */
  const seed = async (positionId: string, candidates: number, status: 'submitted' | 'draft') => {
    const p = [positionId, candidates];
    await app.sql(
      `INSERT INTO candidates (name, email, position_id) SELECT 'Candidate ' || g, 'c' || g || '@bench.local', $1 FROM generate_series(1, $2) g`,
      p,
    );
    await app.sql(
      `INSERT INTO interviews (candidate_id, position_id, title, stage, starts_at, ends_at, timezone, duration_minutes, status, feedback_due_at, created_by_id)
       SELECT c.id, $1, 'Interview ' || k, 'onsite', now() - k * interval '1 day' - interval '2 hours', now() - k * interval '1 day' - interval '1 hour', 'UTC', 60,
              CASE WHEN $2::text = 'submitted' THEN 'completed' ELSE 'scheduled' END, now() - k * interval '1 day' + interval '23 hours', $3
         FROM candidates c, generate_series(1, 5) k WHERE c.position_id = $1`,
      [positionId, status, hm.id],
    );
    await app.sql(
      `INSERT INTO interview_panelists (interview_id, user_id, role) SELECT i.id, p.user_id, p.role FROM interviews i, interview_panelists p WHERE i.position_id = $1 AND p.interview_id = $2`,
      [positionId, template.id],
    );
    await app.sql(
      `INSERT INTO interview_questions (interview_id, position, source_question_id, source_set_id, source_set_name, source_set_version, type, prompt, follow_ups, criteria, guidance, competencies, timebox_minutes, asked_by_id)
       SELECT i.id, q.position, q.source_question_id, q.source_set_id, q.source_set_name, q.source_set_version, q.type, q.prompt, q.follow_ups, q.criteria, q.guidance, q.competencies, q.timebox_minutes, q.asked_by_id
         FROM interviews i, interview_questions q WHERE i.position_id = $1 AND q.interview_id = $2`,
      [positionId, template.id],
    );
    await app.sql(
      `INSERT INTO scorecards (interview_id, panelist_id, candidate_id, position_id, status, overall_recommendation, version, interview_ends_at, submitted_at)
       SELECT p.interview_id, p.user_id, i.candidate_id, i.position_id, $2::text, (ARRAY['strong_no','no','yes','strong_yes'])[1 + abs(hashtext(i.candidate_id::text || p.user_id::text)) % 4], 2, i.ends_at,
              CASE WHEN $2::text = 'submitted' THEN i.ends_at + (abs(hashtext(p.user_id::text || i.id::text)) % 72) * interval '1 hour' END
         FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id WHERE i.position_id = $1`,
      [positionId, status],
    );
    // ratings track a per-candidate level plus noise, so agreement is neither 0 nor 1
    await app.sql(
      `INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id, rating, not_assessed, question_type, competencies, source_question_id)
       SELECT s.id, q.id, c->>'id', s.interview_id, s.panelist_id,
              least(4, greatest(1, 1 + abs(hashtext(s.candidate_id::text)) % 4 + round(random() * 2 - 1)::int)), false, q.type, q.competencies, q.source_question_id
         FROM scorecards s JOIN interview_questions q ON q.interview_id = s.interview_id CROSS JOIN LATERAL jsonb_array_elements(q.criteria) c
        WHERE s.position_id = $1`,
      [positionId],
    );
    const [{ n }] = await app.sql<{ n: string }>(
      `SELECT count(*)::text AS n FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id WHERE s.position_id = $1`,
      [positionId],
    );
    return Number(n);
  };

  const small = await position('Small');
  const big = await position('Big');
  const drafts = await position('Drafts');
  const t0 = Date.now();
  const smallRatings = await seed(small.id, 100, 'submitted');
  const bigRatings = await seed(big.id, 1000, 'submitted');
  await seed(drafts.id, 200, 'draft');
  await app.sql('ANALYZE');
  console.log(`seeded ${smallRatings + bigRatings} submitted ratings in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);

  console.log('## Position summary (GET /api/v1/positions/:id/feedback-summary), one request at a time\n');
  console.log('| candidates | interviews | scorecards | ratings | SQL statements | median | p95 |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const results: Record<string, number> = {};
  for (const [label, pos, candidates, ratings] of [
    ['small', small, 100, smallRatings],
    ['big', big, 1000, bigRatings],
  ] as const) {
    const path = `/api/v1/positions/${pos.id}/feedback-summary`;
    await call('GET', path);
    const before = QueryCounter.count;
    const body = await call('GET', path);
    const statements = QueryCounter.count - before;
    if (body.rows.length !== candidates) throw new Error(`expected ${candidates} rows`);
    const times = await timeIt(RUNS, () => call('GET', path));
    results[label] = median(times);
    console.log(
      `| ${candidates} | ${candidates * 5} | ${candidates * 20} | ${ratings} | ${statements} | ${fmt(median(times))} | ${fmt(percentile(times, 95))} |`,
    );
  }
  console.log(`\n10x the data costs ${(results.big / results.small).toFixed(1)}x the time.\n`);

  const tokens = await Promise.all(panel.map((_, i) => app.token(`iv${i}@bench.local`, 'bench-password')));
  const owed = await app.sql<{ interview_id: string; panelist_id: string }>(
    `SELECT interview_id, panelist_id FROM scorecards WHERE position_id = $1 AND status = 'draft'`,
    [drafts.id],
  );
  const tokenOf = new Map(panel.map((p, i) => [p.id, tokens[i]]));
  let next = 0;
  console.log(`## ${CONNECTIONS} concurrent connections\n`);
  console.log('| request | requests | req/s | p50 | p95 | p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  const submit = await load(CONNECTIONS, owed.length, async () => {
    const o = owed[next++];
    const res = await fetch(`${app.url}/api/v1/interviews/${o.interview_id}/scorecards/mine/submit`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenOf.get(o.panelist_id)}`, 'content-type': 'application/json' },
      body: '{}',
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`submit: ${res.status}`);
  });
  console.log(
    `| POST …/scorecards/mine/submit (12 criteria each) | ${owed.length} | ${(owed.length / submit.seconds).toFixed(0)} | ${fmt(median(submit.latencies))} | ${fmt(percentile(submit.latencies, 95))} | ${fmt(percentile(submit.latencies, 99))} |`,
  );
  const summaryRequests = Number(process.env.BENCH_SUMMARY_REQUESTS ?? 640);
  const summary = await load(CONNECTIONS, summaryRequests, async () => {
    const res = await fetch(`${app.url}/api/v1/positions/${small.id}/feedback-summary`, {
      headers: { authorization: `Bearer ${admin}` },
    });
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`summary: ${res.status}`);
  });
  console.log(
    `| GET position summary (100 candidates, ${smallRatings} ratings) | ${summaryRequests} | ${(summaryRequests / summary.seconds).toFixed(1)} | ${fmt(median(summary.latencies))} | ${fmt(percentile(summary.latencies, 95))} | ${fmt(percentile(summary.latencies, 99))} |`,
  );
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
