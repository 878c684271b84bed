// first: V8's flags hold for everything loaded after them
import '@app/platform/heap-flags';
import 'reflect-metadata';
import { Logger } from 'nestjs-pino';
import { createWorkerContext, loadConfigOrExit, onShutdown } from '@app/platform';
import { WorkerModule } from './worker.module';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  if (config.embedded) {
    process.stderr.write(
      'The worker runs beside an API process: set DATABASE_URL (and REDIS_URL) to the same values as the API.\n',
    );
    process.exit(1);
  }
  const app = await createWorkerContext(WorkerModule.forRoot(config));
  onShutdown(() => app.close(), { timeoutMs: config.shutdownTimeoutMs });
  app.get(Logger).log(`worker started, queue on ${config.queueBackend}`);
}

main().catch((e) => {
  process.stderr.write(`Worker failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
