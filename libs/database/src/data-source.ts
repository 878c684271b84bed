// The migration CLI's data source: the same configuration class and options as the app.
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfig } from '@app/config';
import { dataSourceOptions } from './data-source-options';
import { startEmbeddedPostgres } from './embedded-postgres';

export const dataSource = (async () => {
  const config = loadConfig();
  let url = config.databaseUrl;
  if (!url) {
    const embedded = await startEmbeddedPostgres(config.dataDir);
    url = embedded.url;
    process.once('beforeExit', () => void embedded.stop());
  }
  return new DataSource(
    dataSourceOptions(url, { entities: [join(__dirname, '..', '..', '*', 'src', '**', '*.entity.{ts,js}')] }),
  );
})();
