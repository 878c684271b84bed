import { randomUUID } from 'node:crypto';
import { TcpProxy } from './support/tcp-proxy';
import { eventually, TestApp, TestDatabase } from './support/test-app';

/**
 * The database goes away under write load and comes back, without touching the shared PostgreSQL:
 * the app reaches it through a TCP relay that the test cuts (every connection destroyed, new ones
 * refused) for a few seconds. Clients send every creating POST with an Idempotency-Key and retry
 * what failed or never got an answer with the same key.
 */
const REQUESTS = 300;
const CONCURRENCY = 4;
const CUT_AFTER = 100;
const CUT_MS = 4000;
/** then the connection flaps: short cuts that catch transactions and commits under way */
const FLAPS_AFTER = [200, 225, 250, 275];
const FLAP_MS = 150;

interface Outcome {
  status: number | 'no answer';
  /** false when the client never got this answer (lost on the way back) */
  seen: boolean;
  retryAfter: string | null;
  id?: string;
  replayed: boolean;
}

interface Job {
  key: string;
  path: string;
  body: Record<string, unknown>;
  /** the unique value the created row carries, to count it in the database */
  marker: string;
  kind: 'position' | 'candidate';
  /** the first answer never reaches the client (as when the connection drops on the way back) */
  loseAnswer: boolean;
  outcomes: Outcome[];
}

describe('faults: the database is cut under write load', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let t: TestApp;
  let token: string;
  let managerId: string;
  let positionId: string;

  beforeAll(async () => {
    db = await TestDatabase.create('faults');
    proxy = await TcpProxy.start('127.0.0.1', Number(new URL(db.url).port || 5432));
    t = await TestApp.start('faults', { database: db, env: { DATABASE_URL: proxy.url(db.url) } });
    token = await t.tokenFor('admin');
    managerId = (await t.createUser('hm.faults@test.local', ['hiring_manager'])).id;
    positionId = (await t.post('/api/v1/positions', { title: 'Faults base', hiringManagerId: managerId }, 'admin')).body
      .id;
  });
  afterAll(async () => {
    proxy?.restore();
    await t?.close();
    await proxy?.close();
    await db?.drop();
  });

  async function send(job: Job): Promise<Outcome> {
    try {
      const res = await fetch(t.url + job.path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': job.key },
        body: JSON.stringify(job.body),
        signal: AbortSignal.timeout(15_000),
      });
      const text = await res.text();
      let id: string | undefined;
      try {
        id = (JSON.parse(text) as { id?: string }).id;
      } catch {
        /* not JSON */
      }
      const seen = !(job.loseAnswer && job.outcomes.length === 0);
      const outcome: Outcome = {
        status: res.status,
        seen,
        retryAfter: res.headers.get('retry-after'),
        id,
        replayed: res.headers.get('idempotent-replayed') === 'true',
      };
      job.outcomes.push(outcome);
      return outcome;
    } catch {
      // the answer was lost: the request may or may not have been carried out
      const outcome: Outcome = { status: 'no answer', seen: false, retryAfter: null, replayed: false };
      job.outcomes.push(outcome);
      return outcome;
    }
  }

  it('answers 503 with Retry-After (never 500), reports the database down, recovers by itself, and retries create exactly once', async () => {
    const run = randomUUID().slice(0, 8);
    const jobs: Job[] = Array.from({ length: REQUESTS }, (_, i) => {
      const marker = `faults-${run}-${i}`;
      const loseAnswer = i % 10 === 3;
      return i % 2 === 0
        ? {
            key: randomUUID(),
            kind: 'position',
            path: '/api/v1/positions',
            body: { title: marker, hiringManagerId: managerId },
            marker,
            loseAnswer,
            outcomes: [],
          }
        : {
            key: randomUUID(),
            kind: 'candidate',
            path: '/api/v1/candidates',
            body: { name: 'Load Test', email: `${marker}@example.com`, positionId },
            marker,
            loseAnswer,
            outcomes: [],
          };
    });

    // the write load, with the cut in the middle of it
    let next = 0;
    let done = 0;
    let flaps = 0;
    let cutStarted!: () => void;
    const cutStartedP = new Promise<void>((r) => (cutStarted = r));
    const readiness: Array<{ during: 'cut' | 'after'; status: number; databaseDown: boolean; live: number }> = [];
    const reads: Array<{ status: number; retryAfter: string | null }> = [];
    const cut = (async () => {
      await eventually(async () => done >= CUT_AFTER, 120_000, 20);
      proxy.cutOff();
      cutStarted();
      const until = Date.now() + CUT_MS;
      while (Date.now() < until) {
        const ready = await t.get('/health/ready');
        const live = await t.get('/health/live');
        readiness.push({
          during: 'cut',
          status: ready.status,
          databaseDown: ready.body?.details?.error?.database?.status === 'down',
          live: live.status,
        });
        // reads and requests without a key fail the same way
        for (const res of [
          await t.request('GET', '/api/v1/positions', { token }),
          await t.request('POST', '/api/v1/positions', {
            token,
            body: { title: `no key ${run}`, hiringManagerId: managerId },
          }),
        ]) {
          reads.push({ status: res.status, retryAfter: res.headers.get('retry-after') });
        }
        await new Promise((r) => setTimeout(r, 500));
      }
      proxy.restore();
      for (const after of FLAPS_AFTER) {
        await eventually(async () => done >= after || next >= jobs.length, 120_000, 5);
        if (next >= jobs.length) break;
        proxy.cutOff();
        flaps++;
        await new Promise((r) => setTimeout(r, FLAP_MS));
        proxy.restore();
      }
    })();
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < jobs.length) {
        const job = jobs[next++];
        await send(job);
        done++;
        // keep the load going through the cut rather than finishing before it
        if (proxy.isCut) await new Promise((r) => setTimeout(r, 200));
      }
    });
    await Promise.all([cut, ...workers]);
    await cutStartedP;

    // the app recovers by itself: readiness back to 200 with no restart
    const back = await eventually(
      async () => {
        const res = await t.get('/health/ready');
        return res.status === 200 ? res : undefined;
      },
      30_000,
      250,
    );
    readiness.push({
      during: 'after',
      status: back.status,
      databaseDown: false,
      live: (await t.get('/health/live')).status,
    });

    // clients retry every request that failed or got no answer, with the same key and body
    const acknowledged = (o: Outcome) => o.seen && typeof o.status === 'number' && o.status >= 200 && o.status < 300;
    const firstPass = jobs.map((j) => j.outcomes[0]);
    for (const job of jobs) {
      for (let attempt = 0; attempt < 20; attempt++) {
        const last = job.outcomes[job.outcomes.length - 1];
        if (acknowledged(last)) break;
        await new Promise((r) => setTimeout(r, attempt === 0 ? 0 : 250));
        await send(job);
      }
    }

    // figures
    const all = jobs.flatMap((j) => j.outcomes);
    const status = (o: Outcome) => o.status;
    const figures = {
      requests: REQUESTS,
      firstPass2xx: firstPass.filter(acknowledged).length,
      firstPass503: firstPass.filter((o) => o.status === 503).length,
      firstPassNoAnswer: firstPass.filter((o) => !o.seen).length,
      committedButLost: firstPass.filter((o) => !o.seen && typeof o.status === 'number' && o.status < 300).length,
      // told 503, yet carried out (the cut took the commit's acknowledgement): the retry gets the replay
      committedButAnswered503: jobs.filter(
        (j) => j.outcomes[0].seen && j.outcomes[0].status === 503 && j.outcomes.some((o) => o.replayed),
      ).length,
      retries: all.length - REQUESTS,
      replayed: all.filter((o) => o.replayed).length,
      answers503: all.filter((o) => o.status === 503).length,
      answers409: all.filter((o) => o.status === 409).length,
      answers500: all.filter((o) => typeof o.status === 'number' && o.status >= 500 && o.status !== 503).length,
      other4xx: all.filter((o) => typeof o.status === 'number' && o.status >= 400 && o.status < 500 && o.status !== 409)
        .length,
      duplicates: 0,
      lost: 0,
      partial: 0,
      flaps,
      readinessDuringCut: readiness.filter((r) => r.during === 'cut').map((r) => r.status),
    };

    // no 500 at all; only 2xx, 409 (a duplicate still in flight) and 503, each 503 with Retry-After
    expect(
      all.filter((o) => typeof o.status === 'number' && ![200, 201, 409, 503].includes(o.status)).map(status),
    ).toEqual([]);
    expect(all.filter((o) => o.status === 503 && o.retryAfter !== '5')).toEqual([]);
    // answers lost on the way back were carried out once and replayed to the retry
    expect(figures.committedButLost).toBeGreaterThan(0);
    expect(figures.replayed).toBeGreaterThanOrEqual(figures.committedButLost);
    // the cut was felt, and readiness named the database while it lasted; liveness never failed
    expect(figures.firstPass503 + figures.firstPassNoAnswer).toBeGreaterThan(0);
    expect(readiness.some((r) => r.during === 'cut' && r.status === 503 && r.databaseDown)).toBe(true);
    expect(readiness.every((r) => r.live === 200)).toBe(true);
    expect(reads.filter((r) => r.status !== 503 || r.retryAfter !== '5')).toEqual([]);

    // every key ends acknowledged, once, with one id; every acknowledged id exists; nothing doubled
    const positions = await db.query<{ title: string; id: string }>(
      `SELECT title, id FROM positions WHERE title LIKE $1`,
      [`faults-${run}-%`],
    );
    const candidates = await db.query<{ email: string; id: string }>(
      `SELECT email, id FROM candidates WHERE email LIKE $1`,
      [`faults-${run}-%`],
    );
    const rows = new Map<string, string[]>();
    for (const p of positions) rows.set(p.title, [...(rows.get(p.title) ?? []), p.id]);
    for (const c of candidates)
      rows.set(c.email.replace(/@example\.com$/, ''), [
        ...(rows.get(c.email.replace(/@example\.com$/, '')) ?? []),
        c.id,
      ]);
    const audits = await db.query<{ entity_id: string; n: string }>(
      `SELECT entity_id, count(*)::text AS n FROM audit_events WHERE entity_type = 'position' AND action = 'created' AND entity_id = ANY($1) GROUP BY entity_id`,
      [positions.map((p) => p.id)],
    );
    const auditCount = new Map(audits.map((a) => [a.entity_id, Number(a.n)]));
    const problems: string[] = [];
    for (const job of jobs) {
      const ids = rows.get(job.marker) ?? [];
      // what the client was told, and what the server answered without being heard: one id for both
      const told = [...new Set(job.outcomes.filter(acknowledged).map((o) => o.id))];
      const answered = [
        ...new Set(job.outcomes.filter((o) => typeof o.status === 'number' && o.status < 300).map((o) => o.id)),
      ];
      if (ids.length > 1) figures.duplicates++;
      if (told.some((id) => !ids.includes(id!))) figures.lost++;
      if (ids.length !== 1) problems.push(`${job.marker}: ${ids.length} rows`);
      if (told.length !== 1 || answered.length !== 1)
        problems.push(
          `${job.marker}: answered ${JSON.stringify(answered)} after ${job.outcomes.map((o) => o.status).join(',')}`,
        );
      if (job.kind === 'position' && ids.length === 1 && auditCount.get(ids[0]) !== 1) {
        figures.partial++;
        problems.push(`${job.marker}: ${auditCount.get(ids[0]) ?? 0} audit events`);
      }
    }
    // every key ends answered: none left 'processing'
    const keyStates = await db.query<{ state: string; n: string }>(
      `SELECT state, count(*)::text AS n FROM idempotency_keys WHERE key = ANY($1) GROUP BY state`,
      [jobs.map((j) => j.key)],
    );
    expect(keyStates.map((k) => [k.state, Number(k.n)])).toEqual([['done', REQUESTS]]);
    console.log(`faults figures: ${JSON.stringify(figures)}`);
    expect(problems).toEqual([]);
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.answers500).toBe(0);
  });
});
