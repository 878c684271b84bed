// Prints the SQL the app sends for each hot path (text and parameters), in order: the bare server's
// statements are copied from this, and re-running it after a change shows what the change did.
// Run: DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx ts-node -T -r tsconfig-paths/register bench/hot-paths/print-sql.ts
import { QueryCounter } from '@app/database';
import { startBenchApp } from '../support';
import { seed } from './seed';

let capture: string[] | null = null;
(QueryCounter.prototype as { logQuery: (query: string, parameters?: unknown[]) => void }).logQuery = function (
  query: string,
  parameters?: unknown[],
) {
  QueryCounter.count++;
  capture?.push(`${query.replace(/\s+/g, ' ')}\n    -- ${JSON.stringify(parameters ?? [])}`);
};

async function main() {
  const app = await startBenchApp('sql');
  const s = await seed(
    app.url,
    app.dbUrl,
    { email: 'admin@bench.local', password: 'admin-password' },
    { summaryCandidates: 3, drafts: 2 },
  );
  const d = s.drafts[0];
  const paths: Array<[string, string, string, string, unknown?]> = [
    ['health', 'GET', '/health', ''],
    ['kit', 'GET', `/api/v1/interviews/${s.kitInterviewId}`, s.tokens.interviewers[s.kitReader]],
    ['question sets', 'GET', '/api/v1/question-sets?limit=50', s.tokens.recruiter],
    ['upcoming', 'GET', '/api/v1/interviews/upcoming?limit=20', s.tokens.interviewers[s.upcomingReader]],
    [
      'autosave',
      'PUT',
      `/api/v1/interviews/${d.interviewId}/scorecards/mine`,
      s.tokens.interviewers[d.interviewer],
      { version: 1, ratings: d.ratings.map((r, i) => ({ ...r, rating: 1 + (i % 4), note: 'bench' })) },
    ],
    ['position summary', 'GET', `/api/v1/positions/${s.summaryPositionId}/feedback-summary`, s.tokens.hiringManager],
    ['candidate summary', 'GET', `/api/v1/candidates/${s.summaryCandidateId}/feedback-summary`, s.tokens.hiringManager],
    ['interview summary', 'GET', `/api/v1/interviews/${s.summaryInterviewId}/feedback-summary`, s.tokens.hiringManager],
  ];
  for (const [label, method, path, token, body] of paths) {
    capture = [];
    const res = await fetch(app.url + path, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const got = capture;
    capture = null;
    console.log(`\n## ${label}: ${method} ${path} -> ${res.status}, ${got.length} statements\n`);
    for (const q of got) console.log(q);
    console.log(`\nbody: ${text.slice(0, Number(process.env.BODY_CHARS ?? 600))}`);
  }
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
