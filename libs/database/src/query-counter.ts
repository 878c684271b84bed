import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger, QueryRunner } from 'typeorm';

/**
 * Counts the SQL statements TypeORM sends, so tests and benchmarks can prove that an endpoint
 * costs a fixed number of queries (no N+1). Errors and slow queries are logged.
 */
export class QueryCounter implements TypeOrmLogger {
  static count = 0;
  private readonly nest = new NestLogger('SQL');

  logQuery(): void {
    QueryCounter.count++;
  }
  logQueryError(error: string | Error, query: string): void {
    this.nest.warn(`${error instanceof Error ? error.message : error} -- ${query.slice(0, 500)}`);
  }
  logQuerySlow(time: number, query: string): void {
    this.nest.warn(`slow query (${time} ms): ${query.slice(0, 500)}`);
  }
  logSchemaBuild(): void {}
  logMigration(message: string): void {
    this.nest.log(message);
  }
  log(): void {}
  logQueryRunner?(_r: QueryRunner): void {}
}
