import type { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Work a process repeats on start and every `everyMs` (repairs of what a queue may have lost). A run
 * already under way is joined, never doubled, and shutdown waits for it; a failed run is logged and
 * the next one tries again.
 */
export abstract class PeriodicTask implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  protected constructor(
    protected readonly logger: Logger,
    private readonly everyMs: number,
    /** What a run does, for the log line of a failure ("sweeping ended interviews"). */
    private readonly what: string,
  ) {}

  /** One run; returns how many things it repaired. */
  protected abstract work(): Promise<number>;

  onApplicationBootstrap(): void {
    void this.runOnce();
    this.timer = setInterval(() => void this.runOnce(), this.everyMs);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  runOnce(): Promise<number> {
    this.running ??= this.work()
      .catch((e) => {
        this.logger.error(`${this.what} failed: ${e instanceof Error ? e.message : String(e)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
