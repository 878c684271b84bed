// Interview speed targets (issue 5): the kit and an interviewer's upcoming list are each a fixed
// number of queries (no N+1), and the kit holds up at 32 concurrent connections.
// Run: npm run bench:interviews   (BENCH_DATABASE_URL or DATABASE_URL, else an embedded PostgreSQL)
import { QueryCounter } from '@app/database';
import { api, fmt, load, median, percentile, startBenchApp } from './support';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 4000);
const CONNECTIONS = 32;

async function main() {
  const app = await startBenchApp('iv');
  const admin = await app.token('admin@bench.local', 'admin-password');
  const call = <T = any>(method: string, path: string, body?: unknown) => api<T>(app.url, admin, method, path, body);
  const mk = (email: string, roles: string[]) =>
    call('POST', '/api/v1/users', { email, name: email.split('@')[0], password: 'bench-password', roles });
  const hm = await mk('hm@bench.local', ['hiring_manager']);
  const interviewers = await Promise.all(
    Array.from({ length: 4 }, (_, i) => mk(`iv${i}@bench.local`, ['interviewer'])),
  );
  const question = (i: number) => ({
    type: ['technical', 'behavioral', 'situational'][i % 3],
    prompt: `Question ${i}: walk me through how you would approach problem ${i}.`,
    followUps: [{ prompt: `Follow-up A for ${i}`, checks: 'depth' }, { prompt: `Follow-up B for ${i}` }],
    criteria: [
      { label: `Criterion ${i}.1`, description: 'What good looks like' },
      { label: `Criterion ${i}.2` },
      { label: `Criterion ${i}.3` },
    ],
    guidance: { whyAsked: 'Because it matters', framework: 'STAR' },
  });
  const makeSet = async (n: number) => {
    const set = await call('POST', '/api/v1/question-sets', {
      name: `Bench ${n}`,
      questions: Array.from({ length: n }, (_, i) => question(i)),
    });
    await call('POST', `/api/v1/question-sets/${set.id}/publish`, {});
    return set.id as string;
  };
  const [small, large] = [await makeSet(2), await makeSet(40)];
  const twelve = await makeSet(12);
  const position = await call('POST', '/api/v1/positions', { title: 'Platform Engineer', hiringManagerId: hm.id });
  const candidate = await call('POST', '/api/v1/candidates', {
    name: 'Bench Candidate',
    email: 'c@bench.local',
    positionId: position.id,
  });
  const start = (k: number) => new Date(Date.now() + (k + 2) * 3_600_000 * 3).toISOString();
  const schedule = (k: number, setId: string) =>
    call('POST', '/api/v1/interviews', {
      candidateId: candidate.id,
      stage: 'technical',
      start: start(k),
      durationMinutes: 60,
      timezone: 'Europe/Berlin',
      panel: [
        { userId: interviewers[k % 4].id, role: 'lead' },
        { userId: interviewers[(k + 1) % 4].id, role: 'shadow' },
      ],
      questions: [{ setId, askedBy: interviewers[(k + 1) % 4].id }],
      allowConflicts: true,
    });
  const kitSmall = await schedule(0, small);
  const kitLarge = await schedule(1, large);
  const kit12 = await schedule(2, twelve);
  for (let k = 3; k < 60; k++) await schedule(k, twelve);
  const ivToken = await app.token('iv0@bench.local', 'bench-password');

  console.log("## Queries per request (TypeORM statements, including the auth guard's user lookup)\n");
  console.log('| request | queries |');
  console.log('| --- | ---: |');
  for (const [label, path, token] of [
    ['GET /api/v1/interviews/:id, kit with 2 questions', `/api/v1/interviews/${kitSmall.id}`, admin],
    ['GET /api/v1/interviews/:id, kit with 40 questions', `/api/v1/interviews/${kitLarge.id}`, admin],
    ['GET /api/v1/interviews/upcoming (interviewer, 20 of 30)', '/api/v1/interviews/upcoming?limit=20', ivToken],
  ] as const) {
    const before = QueryCounter.count;
    await api(app.url, token, 'GET', path);
    console.log(`| ${label} | ${QueryCounter.count - before} |`);
  }

  console.log(`\n## ${CONNECTIONS} concurrent connections, ${REQUESTS} requests each\n`);
  console.log('| request | req/s | p50 | p95 | p99 |');
  console.log('| --- | ---: | ---: | ---: | ---: |');
  for (const [label, path, token] of [
    ['GET /api/v1/interviews/:id (kit, 12 questions, 36 criteria)', `/api/v1/interviews/${kit12.id}`, admin],
    ['GET /api/v1/interviews/upcoming (interviewer)', '/api/v1/interviews/upcoming?limit=20', ivToken],
    ['GET /health (baseline: no auth, 2 cheap checks)', '/health', ''],
  ] as const) {
    await load(
      CONNECTIONS,
      200,
      async () =>
        void (
          await fetch(app.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
        ).arrayBuffer(),
    );
    const { latencies, seconds } = await load(CONNECTIONS, REQUESTS, async () => {
      const res = await fetch(app.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    });
    console.log(
      `| ${label} | ${(REQUESTS / seconds).toFixed(0)} | ${fmt(median(latencies))} | ${fmt(percentile(latencies, 95))} | ${fmt(percentile(latencies, 99))} |`,
    );
  }
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
