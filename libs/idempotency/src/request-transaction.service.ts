import { Injectable, OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import { registerSharedConnectionScope } from '@app/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, EntityManager, QueryRunner, ReplicationMode } from 'typeorm';

/** One at a time, in order of arrival. */
class Mutex {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}

interface Scope {
  shared: QueryRunner;
  real: QueryRunner;
  active: boolean;
  mutex: Mutex;
  savepoints: number;
}

interface Context {
  scope: Scope;
  /** inside a transaction that holds the scope's mutex */
  holder: boolean;
}

type TransactionFn = EntityManager['transaction'];

/**
 * Runs a request's handler inside one database transaction without the services knowing: while the
 * scope is active, every query runner the DataSource hands out (repositories, query builders,
 * `ds.transaction()`, which nests as a savepoint) is the scope's one connection.
 *
 * Why: the Idempotency-Key record must commit together with what the request created. Committed
 * apart, a connection lost between the two commits leaves a created row without a record, and the
 * client's retry creates it twice; together, either both exist or neither does.
 *
 * Keeping the services' semantics on one connection:
 * - listeners run concurrently (emitAsync); their transactions are savepoints of the one connection,
 *   and savepoints nest strictly, so a transaction holds the scope's mutex until it ends;
 * - a statement outside a transaction was autocommitted on its own: its failure did not undo or
 *   block anything else. Here each one runs in a savepoint of its own, so a failure a service
 *   catches and survives does not abort the request's transaction.
 */
@Injectable()
export class RequestTransactionService implements OnModuleInit, OnModuleDestroy {
  private readonly storage = new AsyncLocalStorage<Context>();
  private unregister: () => void = () => undefined;
  private create!: (mode?: ReplicationMode) => QueryRunner;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    const storage = this.storage;
    // fixed reads that skip the query runners would read beside the scope's connection
    this.unregister = registerSharedConnectionScope(() => storage.getStore()?.scope.active === true);
    const create = (this.create = this.ds.createQueryRunner.bind(this.ds));
    // work that outlives the request (a listener still running) gets connections of its own again
    this.ds.createQueryRunner = (mode?: ReplicationMode) => {
      const ctx = storage.getStore();
      return ctx?.scope.active ? ctx.scope.shared : create(mode);
    };
    const manager = this.ds.manager;
    const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
    manager.transaction = ((...args: unknown[]) => {
      const ctx = storage.getStore();
      if (!ctx?.scope.active || ctx.holder) return transaction(...args);
      return ctx.scope.mutex.run(() => storage.run({ scope: ctx.scope, holder: true }, () => transaction(...args)));
    }) as TransactionFn;
  }

  onModuleDestroy(): void {
    this.unregister();
  }

  /** A connection of its own, outside any request scope. */
  queryRunner(): QueryRunner {
    return this.create();
  }

  /**
   * Calls `work` with `runner` (a transaction the caller started and ends) as the connection of
   * everything `work` does. The runner cannot be released by the code inside.
   */
  async within<T>(runner: QueryRunner, work: () => Promise<T>): Promise<T> {
    const storage = this.storage;
    const scope = { real: runner, active: true, mutex: new Mutex(), savepoints: 0 } as Scope;
    const statement = async (args: unknown[]) => {
      const name = `idem_statement_${++scope.savepoints}`;
      await runner.query(`SAVEPOINT ${name}`);
      try {
        const result = await (runner.query as (...a: unknown[]) => Promise<unknown>)(...args);
        await runner.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (err) {
        await runner.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw err;
      }
    };
    scope.shared = new Proxy(runner, {
      get(target, prop) {
        if (prop === 'release') return async () => undefined;
        if (prop === 'query') {
          return (...args: unknown[]) => {
            const ctx = storage.getStore();
            return ctx?.holder ? statement(args) : scope.mutex.run(() => statement(args));
          };
        }
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    try {
      return await storage.run({ scope, holder: false }, work);
    } finally {
      scope.active = false;
    }
  }
}
