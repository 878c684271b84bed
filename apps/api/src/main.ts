// first: V8's flags hold for everything loaded after them
import '@app/platform/heap-flags';
import 'reflect-metadata';
import { loadDotEnv } from '@app/config';
import type { AppConfig } from '@app/config';
import { demoLogins } from '@app/auth';
import { createHttpApp, loadConfigOrExit, logsSettled, onShutdown, resolveDatabase } from '@app/platform';
import { AppModule } from './app.module';

/**
 * `npm start` (scripts/run.js) says when it began and how long its build took; run directly, this
 * process is the start.
 */
function launch(): { at: number; buildMs: number } {
  const at = Number(process.env.SCORECARDS_LAUNCHED_AT);
  const buildMs = Number(process.env.SCORECARDS_BUILD_MS);
  return {
    at: Number.isFinite(at) && at > 0 ? at : Math.round(performance.timeOrigin),
    buildMs: Number.isFinite(buildMs) ? buildMs : 0,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The last thing `npm start` prints: where to go, how to sign in, and how long the wait really was. */
function banner(config: AppConfig, timings: { readyMs: number; buildMs: number; appMs: number }): string {
  const url = config.publicUrl;
  const mode = config.embedded ? `embedded (PostgreSQL under ${config.dataDir})` : 'external database';
  const processes = config.processRole === 'all' ? 'API + worker in one process' : 'API only';
  const parts = [timings.buildMs >= 100 ? `build ${seconds(timings.buildMs)}` : '', `app ${seconds(timings.appMs)}`];
  const lines = [
    '',
    `Scorecards is running at ${url}  (ready ${seconds(timings.readyMs)} after start: ` +
      `${parts.filter(Boolean).join(', ')})`,
    `  API docs:  ${url}/api/docs`,
    `  Health:    ${url}/health`,
    `  Mode:      ${mode}, queue on ${config.queueBackend}, ${processes}`,
  ];
  const logins = demoLogins(config);
  if (logins) {
    lines.push(`  Demo logins (password "${logins.password}"; the sign-in page lists them too):`);
    for (const u of logins.users) lines.push(`    ${u.label.padEnd(26)} ${u.email}`);
  }
  return lines.join('\n') + '\n';
}

async function main(): Promise<void> {
  const launched = launch();
  const appStarted = Date.now();
  loadDotEnv();
  const config = loadConfigOrExit();
  const embedded = await resolveDatabase(config);
  const app = await createHttpApp(AppModule.forRoot(config), config);
  onShutdown(() => app.close(), { timeoutMs: config.shutdownTimeoutMs, after: async () => embedded?.stop() });
  await app.listen({ port: config.port, host: config.host });
  // the time a person waits for the first page: one real request, not just the listening socket
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  const local = `http://${host}:${config.port}`;
  await fetch(`${local}/health/live`).catch(() => undefined);
  const now = Date.now();
  const timings = { readyMs: now - launched.at, buildMs: launched.buildMs, appMs: now - appStarted };
  // the demo's notifications are sent in the background; let them log first, so the banner is the last thing
  await logsSettled();
  process.stdout.write(banner(config, timings));
}

main().catch((e) => {
  process.stderr.write(`Failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
