import { Pool, type PoolConfig, type QueryResult } from 'pg';
import { PostgresConnection, PostgresQueueBackend, quoteSchemaName, runMigrations } from 'bullmq';
import type { BackendFactory, PgPoolClient } from 'bullmq';
import { GuardedPgClient, POOL_IDLE_MS } from '@app/database';

export interface PostgresQueuePoolOptions {
  connectionString: string;
  /** BullMQ's schema: the namespace of every queue. */
  schema: string;
  /** Connections for the queues' statements, shared by every queue and worker of the process. */
  max: number;
}

/**
 * One PostgreSQL pool for all of a process's BullMQ queues and workers.
 *
 * BullMQ's own PostgreSQL connection builds a pool per queue object and per worker (up to `max`
 * connections each) plus a `LISTEN` client per worker, and runs its migrations once per object: a
 * worker process with six queues and six workers opened 30 to 40 connections, and the API with
 * three workers ran past PostgreSQL's 100. Here every backend's statements share one pool, and only
 * the connections that must stay apart get one of their own: each worker's `LISTEN` connection
 * (a subscription lives on one physical connection) and the migrations' (they hold an advisory lock
 * in a session). BullMQ sees a `pg.Pool` (`connect`, `query`, `end`), whose `connect` hands out such
 * a dedicated connection, ended when released.
 *
 * The pool is ended when the last backend that used it closes; a backend created after that opens
 * it again.
 */
export class PostgresQueuePool {
  /** Read by BullMQ: the dedicated connections have TCP keepalive, so a worker may block long. */
  readonly options = { keepAlive: true };
  private pool?: Pool;
  private ready?: Promise<void>;
  private users = 0;
  private readonly ending = new Set<Promise<void>>();

  constructor(private readonly settings: PostgresQueuePoolOptions) {}

  // BullMQ subscribes every connection it builds to the pool's errors and never unsubscribes. This
  // pool raises none (a dropped connection is logged by its client and replaced on demand), so it
  // keeps no listeners, and a closed connection is not held by them.
  on(): this {
    return this;
  }

  removeAllListeners(): this {
    return this;
  }

  /** BullMQ's backend factory for this pool: each backend owns a connection, all share the pool. */
  readonly backendFactory: BackendFactory = (name, opts, factoryOpts) => {
    const workerName = (opts as { name?: string }).name;
    const listenName = factoryOpts?.withBlockingConnection
      ? `${name}${workerName ? `:w:${workerName}` : ''}`
      : factoryOpts?.blocking
        ? `${name}:qe`
        : undefined;
    this.users++;
    const connection = new SharedPoolConnection(this, this.settings.schema, () => this.release());
    return new PostgresQueueBackend(connection, name, opts as never, true, listenName);
  };

  query(text: string, params?: unknown[]): Promise<QueryResult> {
    return this.open().query(text, params);
  }

  /** A connection of its own, for LISTEN or the migrations; `release()` ends it. */
  async connect(): Promise<PgPoolClient> {
    const client = new GuardedPgClient({
      ...this.clientConfig(),
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    await client.connect();
    const dedicated = client as unknown as PgPoolClient;
    dedicated.release = () => {
      // BullMQ takes every listener off its LISTEN client before releasing it; an error the server
      // sends while the connection closes (a database dropped WITH (FORCE)) must still find one
      client.on('error', () => undefined);
      const ended = client.end().catch(() => undefined);
      this.ending.add(ended);
      void ended.finally(() => this.ending.delete(ended));
    };
    return dedicated;
  }

  /** Resolves once the released dedicated connections have closed. */
  async closed(): Promise<void> {
    await Promise.all([...this.ending]);
  }

  /** Ends the shared pool now; BullMQ never calls this on a pool it was given. */
  async end(): Promise<void> {
    const pool = this.pool;
    this.pool = undefined;
    this.ready = undefined;
    if (pool) await pool.end();
  }

  /** The queues' schema is migrated once per process, on a dedicated connection. */
  whenReady(): Promise<void> {
    this.ready ??= (async () => {
      const client = await this.connect();
      try {
        await runMigrations(client, this.settings.schema);
      } finally {
        client.release();
      }
    })().catch((e: unknown) => {
      this.ready = undefined;
      throw e;
    });
    return this.ready;
  }

  private open(): Pool {
    if (!this.pool) {
      // kept as long as the app's own pool keeps its connections (see POOL_IDLE_MS)
      this.pool = new Pool({
        ...this.clientConfig(),
        max: this.settings.max,
        idleTimeoutMillis: POOL_IDLE_MS,
        Client: GuardedPgClient,
      });
      // an idle connection that drops: its client has logged it, and the pool replaces it on demand
      this.pool.on('error', () => undefined);
    }
    return this.pool;
  }

  private clientConfig(): PoolConfig {
    // the commands' SQL names no schema: the search path selects it
    return {
      connectionString: this.settings.connectionString,
      options: `-c search_path=${quoteSchemaName(this.settings.schema)}`,
    };
  }

  private async release(): Promise<void> {
    if (--this.users === 0) await this.end().catch(() => undefined);
    await this.closed();
  }
}

/**
 * BullMQ's connection over the shared pool: readiness is the pool's one migration (BullMQ's own
 * check would read the default schema's ledger on a pool it did not configure), and closing hands
 * the pool back.
 */
class SharedPoolConnection extends PostgresConnection {
  private handedBack?: Promise<void>;

  constructor(
    private readonly shared: PostgresQueuePool,
    schema: string,
    private readonly onClosed: () => Promise<void>,
  ) {
    super(shared as never);
    Object.defineProperty(this, 'schema', { value: schema });
  }

  override async waitUntilReady(): Promise<void> {
    await this.shared.whenReady();
  }

  /** Resolves once this connection's own connections have closed, and the pool with the last user. */
  override close(): Promise<void> {
    this.handedBack ??= super.close().finally(this.onClosed);
    return this.handedBack;
  }
}
