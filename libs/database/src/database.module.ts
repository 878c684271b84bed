import { Global, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';
import { runMigrationsLocked } from './migrate';

/**
 * The TypeORM connection. Pending migrations run under an advisory lock before any
 * other provider can touch the database, so several processes may start at once.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        if (!config.databaseUrl)
          throw new Error('The database URL is not resolved yet (embedded PostgreSQL not started)');
        return { ...dataSourceOptions(config.databaseUrl, {}, config.databasePoolMax), autoLoadEntities: true };
      },
      dataSourceFactory: async (options) => {
        const ds = await new DataSource(options!).initialize();
        const ran = await runMigrationsLocked(ds);
        if (ran.length) new Logger('Database').log(`applied migrations: ${ran.join(', ')}`);
        return ds;
      },
    }),
  ],
})
export class DatabaseModule {}
