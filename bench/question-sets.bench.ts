// Question-set speed targets (issue 4):
//  1. listing 50 sets with their question counts costs one or two SQL queries whatever the number of
//     sets, so its latency stays flat as the bank grows;
//  2. importing a 200-question guide takes well under a second.
// Run: npm run bench:question-sets   (BENCH_DATABASE_URL or DATABASE_URL, else an embedded PostgreSQL)
import { QueryCounter } from '@app/database';
import { parseGuide } from '../libs/question-sets/src/import';
import { fmt, median, percentile, startBenchApp, timeIt } from './support';

const RUNS = Number(process.env.BENCH_RUNS ?? 40);

function guideWith(questions: number): string {
  const types = ['Technical', 'Behavioral', 'Situational'];
  const lines = ['Platform Engineer Interview Questions', 'A long generated guide for the benchmark.'];
  for (let t = 0; t < 3; t++) {
    lines.push(`${types[t]} Questions`);
    for (let i = t; i < questions; i += 3) {
      lines.push(`Question ${i + 1}: how would you approach problem number ${i + 1} in a large system?`);
      lines.push(
        'Follow-up questions',
        `- What is the first thing you check for case ${i}?`,
        `- How do you know you are done with case ${i}?`,
      );
      lines.push(
        'What to look for',
        `Clear reasoning about case ${i}, sensible trade-offs, and a plan to verify the result.`,
      );
    }
  }
  return lines.join('\n');
}

async function main() {
  const app = await startBenchApp('qs');
  const token = await app.token('admin@bench.local', 'admin-password');
  const auth = { authorization: `Bearer ${token}` };
  const [{ id: ownerId }] = await app.sql<{ id: string }>(`SELECT id FROM users LIMIT 1`);

  console.log('## Listing 50 sets with question counts (GET /api/v1/question-sets?limit=50)\n');
  console.log('| sets in the bank | SQL queries per request | median | p95 |');
  console.log('| ---: | ---: | ---: | ---: |');
  let total = 0;
  for (const target of [50, 500, 5000]) {
    // bulk-insert the sets (10 questions each) straight in SQL: this measures reading, not writing
    await app.sql(
      `WITH s AS (
         INSERT INTO question_sets (lineage_id, version, name, status, owner_id, tags, position_family)
         SELECT gen_random_uuid(), 1, 'Bench set ' || g, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END, $1, '{bench}', 'Platform Engineer'
           FROM generate_series($2::int, $3::int) g RETURNING id)
       INSERT INTO questions (set_id, position, type, prompt, criteria)
       SELECT s.id, p, (ARRAY['technical','behavioral','situational'])[1 + p % 3], 'Prompt ' || p, '[{"id":"c","label":"Criterion"}]'
         FROM s, generate_series(0, 9) p`,
      [ownerId, total + 1, target],
    );
    total = target;
    await app.sql('ANALYZE');
    const list = () => fetch(`${app.url}/api/v1/question-sets?limit=50`, { headers: auth }).then((r) => r.json());
    await timeIt(5, list);
    const before = QueryCounter.count;
    const body = (await list()) as { items: unknown[] };
    const queries = QueryCounter.count - before;
    if (body.items.length !== 50) throw new Error('expected 50 items');
    const times = await timeIt(RUNS, list);
    console.log(
      `| ${target} | ${queries} (1 auth lookup + ${queries - 1}) | ${fmt(median(times))} | ${fmt(percentile(times, 95))} |`,
    );
  }

  const guide = guideWith(200);
  const parsed = parseGuide(guide);
  if (parsed.questions.length !== 200) throw new Error(`expected 200 questions, parsed ${parsed.questions.length}`);
  const parseTimes = await timeIt(RUNS, async () => parseGuide(guide));
  const importOnce = async () => {
    const res = await fetch(`${app.url}/api/v1/question-sets/import`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: guide,
    });
    if (res.status !== 201) throw new Error(`import failed: ${res.status} ${await res.text()}`);
  };
  await timeIt(3, importOnce);
  const importTimes = await timeIt(Math.max(10, Math.floor(RUNS / 2)), importOnce);
  console.log(
    `\n## Importing a 200-question guide (${(guide.length / 1024).toFixed(0)} KiB, 400 follow-ups, 600 criteria)\n`,
  );
  console.log('| step | median | p95 | max |');
  console.log('| --- | ---: | ---: | ---: |');
  console.log(
    `| parse only (parseGuide) | ${fmt(median(parseTimes))} | ${fmt(percentile(parseTimes, 95))} | ${fmt(Math.max(...parseTimes))} |`,
  );
  console.log(
    `| POST /api/v1/question-sets/import (parse + one transaction + read back) | ${fmt(median(importTimes))} | ${fmt(percentile(importTimes, 95))} | ${fmt(Math.max(...importTimes))} |`,
  );
  await app.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
