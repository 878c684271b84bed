import { hostname } from 'node:os';
import { AppConfig } from '@app/config';

/** Connection options for BullMQ: Redis when REDIS_URL is set, else PostgreSQL in the app's database. */
export function queueConnection(config: AppConfig): { connection: Record<string, unknown>; prefix?: string } {
  if (config.redisUrl) {
    // BullMQ requires maxRetriesPerRequest=null on worker connections.
    return { connection: { url: config.redisUrl, maxRetriesPerRequest: null }, prefix: config.queuePrefix };
  }
  if (!config.databaseUrl) throw new Error('Queue: the database URL is not resolved yet');
  return {
    connection: { connectionString: config.databaseUrl, schema: config.queueSchema, migrate: true, max: 10 },
  };
}

/** Identifies this process in heartbeats and delivery logs. */
export const PROCESS_ID = `${hostname()}#${process.pid}`;
