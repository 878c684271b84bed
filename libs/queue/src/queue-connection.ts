import { hostname } from 'node:os';
import type { AppConfig } from '@app/config';
import { workerDefaults } from './backend-classes';
import { PostgresQueuePool } from './postgres-queue-pool';

/** Connection options for BullMQ: Redis when REDIS_URL is set, else PostgreSQL in the app's database. */
export function queueConnection(config: AppConfig): {
  connection: Record<string, unknown> | PostgresQueuePool;
  prefix?: string;
} {
  const options = connectionOptions(config);
  // a worker killed mid-job loses its lock after queueLockMs; the stalled check hands the job on
  workerDefaults.set(options.connection, {
    lockDuration: config.queueLockMs,
    stalledInterval: Math.max(1000, Math.round(config.queueLockMs / 2)),
  });
  return options;
}

function connectionOptions(config: AppConfig): {
  connection: Record<string, unknown> | PostgresQueuePool;
  prefix?: string;
} {
  if (config.redisUrl) {
    // BullMQ requires maxRetriesPerRequest=null on worker connections.
    return { connection: { url: config.redisUrl, maxRetriesPerRequest: null }, prefix: config.queuePrefix };
  }
  if (!config.databaseUrl) throw new Error('Queue: the database URL is not resolved yet');
  return {
    connection: new PostgresQueuePool({
      connectionString: config.databaseUrl,
      schema: config.queueSchema,
      max: config.queuePoolMax,
    }),
  };
}

/** Identifies this process in heartbeats and delivery logs. */
export const PROCESS_ID = `${hostname()}#${process.pid}`;
