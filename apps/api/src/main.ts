import 'reflect-metadata';
import { DEMO_PASSWORD } from '@app/config';
import { DEMO_USERS } from '@app/auth';
import { createHttpApp, loadConfigOrExit, onShutdown, resolveDatabase } from '@app/platform';
import { AppModule } from './app.module';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfigOrExit();
  const embedded = await resolveDatabase(config);
  const app = await createHttpApp(AppModule.forRoot(config), config);
  onShutdown(() => app.close(), { timeoutMs: config.shutdownTimeoutMs, after: async () => embedded?.stop() });
  await app.listen({ port: config.port, host: config.host });
  const url = config.publicUrl;
  const lines = [
    `Scorecards is running at ${url}  (started in ${((Date.now() - started) / 1000).toFixed(1)} s)`,
    `  API docs:  ${url}/api/docs`,
    `  Health:    ${url}/health`,
    `  Mode:      ${config.embedded ? `embedded (PostgreSQL under ${config.dataDir})` : 'external database'}, queue on ${config.queueBackend}, ${config.processRole === 'all' ? 'API + worker in one process' : 'API only'}`,
  ];
  if (config.demo) {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const u of DEMO_USERS) lines.push(`    ${u.roles.join(', ').padEnd(15)} ${u.email}`);
  }
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e) => {
  process.stderr.write(`Failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
