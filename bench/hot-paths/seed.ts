// The hot-path benchmark's data set: built through the public API where a user would build it (users,
// question sets, interviews, scorecard drafts), then SQL bulk for the position summary's thousands
// of past interviews and ratings, which the API only creates one click at a time. Reproducible:
// same counts, names and shapes every run (ids differ; random() only jitters the bulk ratings).
import { Client } from 'pg';

export interface Seeded {
  tokens: { admin: string; recruiter: string; hiringManager: string; interviewers: string[] };
  kitInterviewId: string;
  kitReader: number;
  upcomingReader: number;
  /** Drafts for the autosave: one per load connection, each with the kit's question and criterion ids. */
  drafts: Array<{
    interviewId: string;
    interviewer: number;
    ratings: Array<{ questionId: string; criterionId: string }>;
  }>;
  summaryPositionId: string;
  summaryRatings: number;
  /** The position's first candidate (5 interviews, 240 ratings) and its latest interview (48). */
  summaryCandidateId: string;
  summaryInterviewId: string;
}

export interface SeedOptions {
  /** Position summary size: candidates x 5 interviews x 4 panelists x 12 criteria ratings. */
  summaryCandidates: number;
  /** At least the load's connection count: every connection saves its own scorecard. */
  drafts: number;
}

export const PASSWORD = 'bench-password-4Kq9z';

export async function seed(
  url: string,
  dbUrl: string,
  admin: { email: string; password: string },
  opts: SeedOptions,
): Promise<Seeded> {
  const login = async (email: string, password = PASSWORD) => {
    const res = await fetch(`${url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (res.status !== 200 && res.status !== 201) throw new Error(`login ${email}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { accessToken: string }).accessToken;
  };
  const adminToken = await login(admin.email, admin.password);
  const call = async <T = any>(method: string, path: string, body?: unknown, token = adminToken): Promise<T> => {
    const res = await fetch(url + path, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 300)}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
  const user = (email: string, roles: string[], timezone = 'Europe/Berlin') =>
    call('POST', '/api/v1/users', {
      email,
      name: email.split('@')[0].replace(/\./g, ' '),
      password: PASSWORD,
      roles,
      timezone,
    });

  const recruiter = await user('rita.recruiter@bench.local', ['recruiter']);
  const hm = await user('hugo.manager@bench.local', ['hiring_manager'], 'America/New_York');
  const interviewers: Array<{ id: string; email: string }> = [];
  for (let i = 0; i < 8; i++)
    interviewers.push(
      await user(`ivan${i}.interviewer@bench.local`, ['interviewer'], i % 2 ? 'Asia/Tokyo' : 'Europe/London'),
    );

  const question = (i: number, criteria: number) => ({
    type: ['technical', 'behavioral', 'situational'][i % 3],
    prompt: `Question ${i}: walk me through how you would approach problem ${i}, and what you would measure.`,
    followUps: [
      { prompt: `What would you do differently for ${i}?`, checks: 'reflection' },
      { prompt: `Who else did you involve in ${i}?` },
    ],
    criteria: Array.from({ length: criteria }, (_, k) => ({
      label: `Criterion ${i}.${k + 1}`,
      description: k === 0 ? 'Names trade-offs and picks one with a reason' : undefined,
    })),
    guidance: { whyAsked: 'It shows how the candidate structures an open problem', framework: 'STAR' },
    competencies: [`Competency ${i % 4}`, 'Communication'],
    timeboxMinutes: 5,
  });
  const recruiterToken = await login(recruiter.email);
  // the list page of 50 reads 60 sets of 2 to 6 questions (drafts and published, as a recruiter sees them)
  for (let s = 0; s < 60; s++) {
    const set = await call(
      'POST',
      '/api/v1/question-sets',
      {
        name: `Bench set ${String(s).padStart(2, '0')}`,
        description: 'A set of the benchmark, sized like a real loop',
        positionFamily: ['Engineering', 'Product', 'Design'][s % 3],
        tags: ['bench', `family-${s % 3}`],
        questions: Array.from({ length: 2 + (s % 5) }, (_, i) => question(i, 2)),
      },
      recruiterToken,
    );
    if (s % 4 !== 0) await call('POST', `/api/v1/question-sets/${set.id}/publish`, {}, recruiterToken);
  }
  const kitSet = await call(
    'POST',
    '/api/v1/question-sets',
    { name: 'Bench kit loop', questions: Array.from({ length: 12 }, (_, i) => question(i, 3)) },
    recruiterToken,
  );
  await call('POST', `/api/v1/question-sets/${kitSet.id}/publish`, {}, recruiterToken);

  const position = await call('POST', '/api/v1/positions', {
    title: 'Platform Engineer',
    department: 'Engineering',
    hiringManagerId: hm.id,
  });
  const candidate = await call('POST', '/api/v1/candidates', {
    name: 'Casey Candidate',
    email: 'casey@bench.local',
    positionId: position.id,
  });
  let slot = 0;
  // interviews a week or more ahead, three hours apart, so the panel never conflicts
  const schedule = (panel: number[]) =>
    call('POST', '/api/v1/interviews', {
      candidateId: candidate.id,
      stage: 'technical',
      start: new Date(Date.UTC(2030, 0, 7, 9) + slot++ * 3 * 3_600_000).toISOString(),
      durationMinutes: 60,
      timezone: 'Europe/Berlin',
      panel: panel.map((k, j) => ({ userId: interviewers[k].id, role: j === 0 ? 'lead' : 'shadow' })),
      questions: [{ setId: kitSet.id, askedBy: interviewers[panel[0]].id }],
      allowConflicts: true,
    });
  const kit = await schedule([0, 1, 2, 3]);
  // interviewer 0 sits on 30 upcoming interviews; the list shows 20
  for (let k = 1; k < 30; k++)
    await schedule([0, 1 + (k % 7), 1 + ((k + 3) % 7)].filter((v, i, a) => a.indexOf(v) === i));
  const tokens: string[] = [];
  for (const iv of interviewers) tokens.push(await login(iv.email));
  const drafts: Seeded['drafts'] = [];
  // panelists of further interviews open their scorecards (a draft each) for the autosave
  while (drafts.length < opts.drafts) {
    const panel = [0, 1, 2, 3].map((j) => (drafts.length + j) % 8);
    const iv = await schedule(panel);
    for (const k of panel) {
      if (drafts.length >= opts.drafts) break;
      await call('GET', `/api/v1/interviews/${iv.id}/scorecards/mine`, undefined, tokens[k]);
      const criteria = (iv.questions as Array<{ id: string; criteria: Array<{ id: string }> }>).flatMap((q) =>
        q.criteria.map((c) => ({ questionId: q.id, criterionId: c.id })),
      );
      // 10 ratings spread over the kit's 36 criteria
      drafts.push({
        interviewId: iv.id,
        interviewer: k,
        ratings: Array.from({ length: 10 }, (_, r) => criteria[(r * 7 + k) % criteria.length]),
      });
    }
  }

  const summary = await call('POST', '/api/v1/positions', {
    title: 'Staff Engineer',
    department: 'Engineering',
    hiringManagerId: hm.id,
  });
  const {
    ratings: summaryRatings,
    candidateId,
    interviewId,
  } = await bulkPastInterviews(dbUrl, summary.id, kit.id, hm.id, opts.summaryCandidates);
  return {
    tokens: {
      admin: adminToken,
      recruiter: recruiterToken,
      hiringManager: await login(hm.email),
      interviewers: tokens,
    },
    kitInterviewId: kit.id,
    kitReader: 1,
    upcomingReader: 0,
    drafts,
    summaryPositionId: summary.id,
    summaryRatings,
    summaryCandidateId: candidateId,
    summaryInterviewId: interviewId,
  };
}

/**
 * Candidates x 5 past interviews x the template's 4-person panel, every scorecard submitted with a
 * rating per criterion of a 4-question, 12-criterion excerpt of the kit: the position summary's data.
 */
async function bulkPastInterviews(
  dbUrl: string,
  positionId: string,
  templateId: string,
  hmId: string,
  candidates: number,
): Promise<{ ratings: number; candidateId: string; interviewId: string }> {
  const db = new Client({ connectionString: dbUrl });
  await db.connect();
  try {
    const sql = (text: string, params: unknown[]) => db.query(text, params);
    await sql(
      `INSERT INTO candidates (name, email, position_id) SELECT 'Candidate ' || g, 'c' || g || '@bench.local', $1 FROM generate_series(1, $2) g`,
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
         FROM interviews i, interview_questions q WHERE i.position_id = $1 AND q.interview_id = $2 AND q.position < 4`,
      [positionId, templateId],
    );
    await sql(
      `INSERT INTO scorecards (interview_id, panelist_id, candidate_id, position_id, status, overall_recommendation, version, interview_ends_at, submitted_at)
       SELECT p.interview_id, p.user_id, i.candidate_id, i.position_id, 'submitted', (ARRAY['strong_no','no','yes','strong_yes'])[1 + abs(hashtext(i.candidate_id::text || p.user_id::text)) % 4], 2, i.ends_at,
              i.ends_at + (abs(hashtext(p.user_id::text || i.id::text)) % 72) * interval '1 hour'
         FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id WHERE i.position_id = $1`,
      [positionId],
    );
    // ratings follow a per-candidate level plus noise, so that agreement is neither 0 nor 1
    await sql(
      `INSERT INTO scorecard_ratings (scorecard_id, interview_question_id, criterion_id, interview_id, panelist_id, rating, not_assessed, question_type, competencies, source_question_id)
       SELECT s.id, q.id, c->>'id', s.interview_id, s.panelist_id,
              least(4, greatest(1, 1 + abs(hashtext(s.candidate_id::text)) % 4 + (abs(hashtext(s.id::text || (c->>'id'))) % 3) - 1)), false, q.type, q.competencies, q.source_question_id
         FROM scorecards s JOIN interview_questions q ON q.interview_id = s.interview_id CROSS JOIN LATERAL jsonb_array_elements(q.criteria) c
        WHERE s.position_id = $1`,
      [positionId],
    );
    await sql('ANALYZE', []);
    const { rows } = await sql(
      `SELECT count(*)::int AS n FROM scorecard_ratings r JOIN scorecards s ON s.id = r.scorecard_id WHERE s.position_id = $1`,
      [positionId],
    );
    const { rows: first } = await sql(
      `SELECT c.id AS candidate, (SELECT i.id FROM interviews i WHERE i.candidate_id = c.id ORDER BY i.starts_at DESC LIMIT 1) AS interview
         FROM candidates c WHERE c.position_id = $1 ORDER BY c.name LIMIT 1`,
      [positionId],
    );
    return { ratings: rows[0].n as number, candidateId: first[0].candidate, interviewId: first[0].interview };
  } finally {
    await db.end();
  }
}
