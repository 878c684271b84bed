import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DataSource, QueryRunner, ReplicationMode } from 'typeorm';

interface Scope {
  shared: QueryRunner;
  active: boolean;
}

/**
 * Runs a request's handler inside one database transaction without the services knowing: while the
 * scope is active, every query runner the DataSource hands out (repositories, query builders,
 * `ds.transaction()`, which nests as a savepoint) is the scope's one connection.
 *
 * Why: the Idempotency-Key record must commit together with what the request created. Committed
 * apart, a connection lost between the two commits leaves a created row without a record, and the
 * client's retry creates it twice; together, either both exist or neither does.
 */
@Injectable()
export class RequestTransactions implements OnModuleInit {
  private readonly storage = new AsyncLocalStorage<Scope>();
  private create!: (mode?: ReplicationMode) => QueryRunner;

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  onModuleInit(): void {
    this.create = this.ds.createQueryRunner.bind(this.ds);
    const storage = this.storage;
    const create = this.create;
    // work that outlives the request (a listener still running) gets connections of its own again
    this.ds.createQueryRunner = (mode?: ReplicationMode) => {
      const scope = storage.getStore();
      return scope?.active ? scope.shared : create(mode);
    };
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
    const shared = new Proxy(runner, {
      get(target, prop) {
        if (prop === 'release') return async () => undefined;
        const value = Reflect.get(target, prop, target) as unknown;
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
    const scope: Scope = { shared, active: true };
    try {
      return await this.storage.run(scope, work);
    } finally {
      scope.active = false;
    }
  }
}
