import type { DataSource, EntityManager } from 'typeorm';

/**
 * The repository transaction helper. A repository works on `manager` (the data source's by default);
 * `transaction(fn)` hands `fn` a copy bound to one transaction, and `tx` is that transaction's handle
 * for writes another module makes in it (the audit trail), so both commit or neither.
 */
export abstract class TransactionalRepository<R> {
  protected constructor(
    protected readonly ds: DataSource,
    protected readonly manager: EntityManager,
  ) {}

  /** A copy of this repository working on `manager`. */
  protected abstract withManager(manager: EntityManager): R;

  transaction<T>(fn: (repo: R) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => fn(this.withManager(m)));
  }

  get tx(): EntityManager {
    return this.manager;
  }
}
