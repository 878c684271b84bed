import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '@app/config';
import { eventually } from './test-app';

const ENTRY = join(__dirname, '../../dist/apps/worker/apps/worker/src/main.js');

/**
 * The built worker (`npm start:worker`) as a separate process on a test app's database and queue,
 * so that a test can kill it the way an orchestrator or a crash would.
 */
export class WorkerProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcess) {
    child.stdout!.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr!.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(config: AppConfig, env: Record<string, string> = {}): Promise<WorkerProcess> {
    if (!existsSync(ENTRY)) throw new Error(`${ENTRY} is missing: run "npm run build" (npm test does)`);
    const child = spawn(process.execPath, [ENTRY], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        DATABASE_URL: config.databaseUrl!,
        ...(config.redisUrl ? { REDIS_URL: config.redisUrl } : {}),
        QUEUE_PREFIX: config.queuePrefix,
        QUEUE_SCHEMA: config.queueSchema,
        JWT_SECRET: config.jwtSecret,
        WEBHOOK_SECRET: config.webhookSecret,
        PUBLIC_URL: config.publicUrl,
        DATA_DIR: mkdtempSync(join(tmpdir(), 'scorecards-worker-')),
        DEMO: 'false',
        ...(config.smtpUrl ? { SMTP_URL: config.smtpUrl } : {}),
        OUTBOUND_ALLOWLIST: config.outboundAllowlist.join(','),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const w = new WorkerProcess(child);
    await eventually(
      async () => {
        if (child.exitCode !== null) throw new Error(`worker exited: ${w.output}`);
        return w.output.includes('worker started');
      },
      30_000,
      100,
    ).catch((e) => {
      child.kill('SIGKILL');
      throw new Error(`${e instanceof Error ? e.message : String(e)}\n${w.output}`);
    });
    return w;
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}
