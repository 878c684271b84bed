import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Temporal } from 'temporal-polyfill';
import { freePort, type Running } from './support/child-process';

// Runs the built app the way `npm start` does, with no database configured.
const ROOT = join(__dirname, '..');
const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of [
    'DATABASE_URL',
    'TEST_DATABASE_URL',
    'REDIS_URL',
    'SMTP_URL',
    'NODE_ENV',
    'JWT_SECRET',
    'ADMIN_EMAIL',
    'ADMIN_PASSWORD',
    'DEMO',
    'PROCESS_ROLE',
    'PORT',
    'DATA_DIR',
  ])
    delete env[k];
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

function run(main: string, env: NodeJS.ProcessEnv): Running {
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => out, exited };
}

async function waitForReady(r: Running, port: number, timeoutMs = 90_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (r.child.exitCode !== null) throw new Error(`app exited early:\n${r.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health`);
      if (res.status === 200) return Date.now() - started;
    } catch {
      /* not listening yet */
    }
    await new Promise((r2) => setTimeout(r2, 100));
  }
  throw new Error(`not ready after ${timeoutMs} ms:\n${r.output()}`);
}

/** The banner follows readiness by a moment: it waits for the start-up logs to settle. */
async function waitForOutput(r: Running, text: string, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!r.output().includes(text) && Date.now() - started < timeoutMs) await new Promise((r2) => setTimeout(r2, 100));
}

async function login(port: number, email: string, password: string) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  return { status: res.status, body: (await res.json()) as { accessToken: string } };
}

/** What the demo hiring manager sees of the demo story: the pipeline board, the home, the decisions. */
async function demoStory(port: number) {
  const token = (await login(port, 'manager@demo.scorecards.dev', 'demo-password')).body.accessToken;
  const get = async (path: string): Promise<any> =>
    (await fetch(`http://127.0.0.1:${port}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const positions: any[] = (await get('/positions')).items;
  const backend = positions.find((p) => p.title === 'Senior Backend Engineer');
  const board = await get(`/positions/${backend.id}/pipeline`);
  const stages = board.stages.map((s: any) => [
    s.name,
    s.candidates.map((c: any) => `${c.name}: ${c.label.replace(/ \w{3} \d{2}:\d{2}$/, '')}`),
  ]);
  const alex = board.stages.flatMap((s: any) => s.candidates).find((c: any) => c.name === 'Alex Chen');
  const morgan = board.stages.flatMap((s: any) => s.candidates).find((c: any) => c.name === 'Morgan Lee');
  const product = positions.find((p) => p.title === 'Product Manager');
  const pm: any[] = (await get(`/candidates?positionId=${product.id}&limit=100`)).items;
  const decisionsOf = async (name: string) =>
    (await get(`/candidates/${pm.find((c) => c.name === name).id}/decisions`)).items;
  return {
    positions: positions.map((p: any) => p.title).sort(),
    stages,
    productCandidates: pm.map((c) => [c.name, c.stageName, c.status]).sort(),
    taylorDecisions: await decisionsOf('Taylor Brooks'),
    rileyDecisions: await decisionsOf('Riley Park'),
    home: await get('/me/hiring-home'),
    alexDecisions: (await get(`/candidates/${alex.id}/decisions`)).items,
    morgan: await get(`/candidates/${morgan.id}/debrief`),
  };
}

/** What a team playing with the demo finds: interviewers across zones, a set per question type, feedback written. */
async function demoFacts(port: number) {
  const token = (await login(port, 'admin@demo.scorecards.dev', 'demo-password')).body.accessToken;
  const get = async (path: string): Promise<any> =>
    (await fetch(`http://127.0.0.1:${port}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })).json();
  const users: any[] = (await get('/users?limit=100')).items;
  const interviewers = users.filter((u) => u.roles.includes('interviewer'));
  const zoneOf = new Map(users.map((u) => [u.id, u.timezone as string]));
  const interviews: any[] = (await get('/interviews?limit=100')).items;
  // each panelist's local wall-clock start and end of each demo interview
  const localTimes = interviews.flatMap((i) =>
    i.panel.map((p: any) => {
      const zone = zoneOf.get(p.userId)!;
      const at = (t: string) =>
        Temporal.Instant.from(new Date(t).toISOString()).toZonedDateTimeISO(zone).toPlainTime().toString().slice(0, 5);
      return { zone, start: at(i.start), end: at(i.end) };
    }),
  );
  const sets: any[] = (await get('/question-sets?status=published&limit=100')).items;
  const onlyOfType = (type: string) =>
    sets.filter((s) => s.questionCount > 0 && s.questionsByType[type] === s.questionCount).map((s) => s.name);
  return {
    interviewers,
    interviews,
    localTimes,
    onlyOfType: {
      technical: onlyOfType('technical'),
      behavioral: onlyOfType('behavioral'),
      situational: onlyOfType('situational'),
    },
  };
}

describe('the embedded default (npm start with no configuration)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'scorecards-embedded-'));
  chmodSync(dataDir, 0o755);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts from an empty data directory, stops cleanly, and starts again on the data it left', async () => {
    expect(existsSync(API_MAIN)).toBe(true);
    const port = await freePort();
    const env = cleanEnv({ DATA_DIR: dataDir, PORT: String(port) });

    const first = run(API_MAIN, env);
    const coldMs = await waitForReady(first, port);
    await waitForOutput(first, 'Demo logins');
    expect(first.output()).toContain(`Scorecards is running at http://localhost:${port}`);
    expect(first.output()).toContain('/api/docs');
    expect(first.output()).toContain('admin@demo.scorecards.dev');
    expect(existsSync(join(dataDir, 'postgres', 'PG_VERSION'))).toBe(true);

    const admin = await login(port, 'admin@demo.scorecards.dev', 'demo-password');
    expect(admin.status).toBe(200);
    // the demo story: a plan of three stages, candidates at different stages, one decision, one to make
    const story = await demoStory(port);
    expect(story.positions).toEqual(['Product Manager', 'Senior Backend Engineer']);
    expect(story.stages).toEqual([
      ['Not started', ['Casey Nguyen: Not scheduled', 'Sam Okafor: Not scheduled']],
      ['Recruiter screen', []],
      ['Technical', ['Jordan Rivera: Scheduled', 'Morgan Lee: Ready to decide']],
      ['Onsite', ['Alex Chen: Not scheduled']],
    ]);
    // booking his technical interview put him in that stage; Hugo then advanced him to the onsite
    expect(story.alexDecisions).toMatchObject([
      {
        decision: 'advance',
        fromStageName: 'Technical',
        toStageName: 'Onsite',
        decidedBy: { name: 'Hugo Hiring-Manager' },
      },
      {
        decision: 'advance',
        fromStageId: null,
        toStageName: 'Technical',
        rationale: 'Interview scheduled for Technical',
      },
    ]);
    // the second position is further along: one hired, one rejected with a reason, one just applied
    expect(story.productCandidates).toEqual([
      ['Jamie Alvarez', null, 'active'],
      ['Riley Park', 'Product interview', 'rejected'],
      ['Taylor Brooks', 'Product interview', 'hired'],
    ]);
    expect(story.taylorDecisions[0]).toMatchObject({
      decision: 'hire',
      fromStageName: 'Product interview',
      decidedBy: { name: 'Hugo Hiring-Manager' },
    });
    expect(story.taylorDecisions[0].rationale.length).toBeGreaterThan(40);
    expect(story.rileyDecisions[0]).toMatchObject({ decision: 'reject', reason: { label: 'Skills gap' } });
    expect(story.home.decisionsWaiting).toMatchObject([
      { candidateName: 'Morgan Lee', stageName: 'Technical', submitted: 2, expected: 2 },
    ]);
    expect(story.home.upcomingInterviews).toMatchObject([{ candidateName: 'Jordan Rivera' }]);
    expect(story.morgan.scorecards.map((c: any) => [c.author.name, c.recommendation, c.onTime])).toEqual([
      ['Priya Shah', 'yes', true],
      ['Kai Becker', 'no', true],
    ]);
    expect(story.morgan.byCriterion.filter((r: any) => r.disagreement).map((r: any) => r.label)).toEqual([
      'Handles concurrent duplicates',
    ]);
    expect(story.morgan.scorecards.every((c: any) => c.summary?.length > 40)).toBe(true);

    // the demo a team can play with: interviewers in three zones, each interview inside everyone's working day
    const facts = await demoFacts(port);
    expect(new Set(facts.interviewers.map((u) => u.timezone)).size).toBeGreaterThanOrEqual(3);
    expect(facts.interviewers.map((u) => u.timezone)).toEqual(
      expect.arrayContaining(['America/New_York', 'Europe/Berlin', 'Asia/Kolkata']),
    );
    expect(facts.interviews.length).toBeGreaterThanOrEqual(3);
    expect(new Set(facts.localTimes.map((t) => t.zone)).size).toBeGreaterThanOrEqual(3);
    for (const t of facts.localTimes) {
      expect({ ...t, inHours: t.start >= '09:00' && t.end <= '18:00' && t.start < t.end }).toEqual({
        ...t,
        inHours: true,
      });
    }
    // a published set per question type
    for (const names of Object.values(facts.onlyOfType)) expect(names).not.toEqual([]);
    // the sign-in page's list: every demo user, with the password
    const demo = await (await fetch(`http://127.0.0.1:${port}/api/v1/auth/demo-logins`)).json();
    expect(demo).toMatchObject({ demo: true, password: 'demo-password' });
    expect(demo.users.map((u: any) => u.email)).toEqual(
      expect.arrayContaining([
        'admin@demo.scorecards.dev',
        'recruiter@demo.scorecards.dev',
        'manager@demo.scorecards.dev',
        'interviewer@demo.scorecards.dev',
        'kai.becker@demo.scorecards.dev',
        'priya.shah@demo.scorecards.dev',
      ]),
    );
    // the banner comes last: nothing logged after it while the app sat idle
    const out = first.output();
    expect(out.slice(out.indexOf('Scorecards is running at'))).not.toMatch(/"level":|\bINFO\b/);
    expect(out).not.toMatch(/RouterExplorer|RoutesResolver|Mapped \{/);
    const created = await fetch(`http://127.0.0.1:${port}/api/v1/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.body.accessToken}` },
      body: JSON.stringify({
        email: 'kept@example.com',
        name: 'Kept',
        password: 'kept-password',
        roles: ['recruiter'],
      }),
    });
    expect(created.status).toBe(201);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = run(API_MAIN, env);
    const warmMs = await waitForReady(second, port);
    expect((await login(port, 'kept@example.com', 'kept-password')).status).toBe(200);
    // the seeders ran again on data that has the story: nothing is added twice
    expect(await demoStory(port)).toEqual(story);
    expect(await demoFacts(port)).toEqual(facts);
    // the token signed before the restart still verifies: the generated secret was kept
    const me = await fetch(`http://127.0.0.1:${port}/api/v1/me`, {
      headers: { authorization: `Bearer ${admin.body.accessToken}` },
    });
    expect(me.status).toBe(200);

    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    process.stdout.write(`embedded default: cold start ${coldMs} ms, warm start ${warmMs} ms\n`);
  });

  it('takes over its data directory after the app was killed with SIGKILL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'scorecards-killed-'));
    chmodSync(dir, 0o755);
    const port = await freePort();
    const env = cleanEnv({ DATA_DIR: dir, PORT: String(port) });
    const first = run(API_MAIN, env);
    await waitForReady(first, port);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = run(API_MAIN, env);
    await waitForReady(second, port);
    expect((await login(port, 'admin@demo.scorecards.dev', 'demo-password')).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('configuration errors stop the process with a message naming the variable', () => {
  it('in production mode, names every missing variable', async () => {
    const r = run(API_MAIN, cleanEnv({ NODE_ENV: 'production' }));
    expect(await r.exited).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'JWT_SECRET', 'SMTP_URL']) expect(r.output()).toContain(name);
  });

  it('names a malformed value', async () => {
    const r = run(API_MAIN, cleanEnv({ PORT: 'http', DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) }));
    expect(await r.exited).toBe(1);
    expect(r.output()).toMatch(/PORT/);
  });

  it('refuses to run the worker on its own without a database', async () => {
    const r = run(WORKER_MAIN, cleanEnv({ DATA_DIR: mkdtempSync(join(tmpdir(), 'cfg-')) }));
    expect(await r.exited).toBe(1);
    expect(r.output()).toContain('DATABASE_URL');
  });
});
