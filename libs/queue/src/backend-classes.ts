import { FlowProducer, Queue, Worker, createPostgresBackend } from 'bullmq';
import type { BackendFactory, QueueOptions, WorkerOptions } from 'bullmq';
import { Logger } from '@nestjs/common';
import { BullModule } from '@nestjs/bullmq';
import { PostgresQueuePool } from './postgres-queue-pool';

const logger = new Logger('Queue');
// Without a listener an 'error' event (a dropped connection, say) would crash the process;
// BullMQ reconnects by itself, so logging is the right response.
const logError = (name: string) => (e: Error) => logger.warn(`${name}: ${e.message}`);

/**
 * The backend is chosen by the connection: the process's shared PostgreSQL pool, BullMQ's own
 * PostgreSQL connection for a config object carrying `connectionString` (the bench's producer), else
 * Redis.
 */
function backendFor(connection: unknown): BackendFactory | undefined {
  if (connection instanceof PostgresQueuePool) return connection.backendFactory;
  if (!!connection && typeof connection === 'object' && 'connectionString' in connection)
    return createPostgresBackend as unknown as BackendFactory;
  return undefined;
}

// @nestjs/bullmq constructs queues and workers without a backend argument; these subclasses
// pass BullMQ's PostgreSQL backend on when the connection is a PostgreSQL one, so the same
// module code runs on either backend.
/* eslint-disable @typescript-eslint/no-explicit-any */
export class BackendQueue extends (Queue as any) {
  constructor(name: string, opts: QueueOptions<any>) {
    super(name, opts, backendFor(opts?.connection));
    this.on('error', logError(`queue ${name}`));
  }
}

/**
 * Worker options that come from the configuration rather than a @Processor decorator, keyed by the
 * connection object that @nestjs/bullmq hands every worker of an app (so two apps in one process
 * keep their own).
 */
export const workerDefaults = new WeakMap<object, Partial<WorkerOptions>>();

/** How long a failed fetch, lock renewal or stall check waits before BullMQ retries it. */
export const FAILED_CALL_PAUSE_MS = 1000;

export class BackendWorker extends (Worker as any) {
  constructor(name: string, processor: unknown, opts: WorkerOptions<any>) {
    const defaults =
      opts?.connection && typeof opts.connection === 'object' ? workerDefaults.get(opts.connection) : undefined;
    const merged = { ...defaults, ...opts };
    super(name, processor, merged, backendFor(merged.connection));
    this.on('error', logError(`worker ${name}`));
  }

  /**
   * BullMQ's main loop waits before fetching again only when the error looks like a lost Redis
   * connection; any other error (the PostgreSQL backend's "Connection terminated unexpectedly"
   * after the database went away) is retried at once, and a fetch that fails without I/O then
   * loops on promises alone: 100 % CPU, and no timer or socket of the process is served again
   * (the API stopped answering; a test stopped timing out). Every failed call pauses here first.
   */
  retryIfFailed(fn: () => Promise<unknown>, opts: unknown): Promise<unknown> {
    return super.retryIfFailed(async () => {
      try {
        return await fn();
      } catch (e) {
        if (!this.closing) await new Promise((r) => setTimeout(r, FAILED_CALL_PAUSE_MS));
        throw e;
      }
    }, opts);
  }
}

export class BackendFlowProducer extends (FlowProducer as any) {
  constructor(opts: { connection: unknown }) {
    super(opts, backendFor(opts?.connection));
    this.on('error', logError('flow producer'));
  }
}

BullModule.queueClass = BackendQueue as any;
BullModule.workerClass = BackendWorker as any;
BullModule.flowProducerClass = BackendFlowProducer as any;
