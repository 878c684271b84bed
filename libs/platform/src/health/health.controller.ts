import { performance } from 'node:perf_hooks';
import { BeforeApplicationShutdown, Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { Public } from '@app/auth';
import { DetailedHttpException, fixedRead } from '@app/common';
import { QueueHealthIndicator } from './queue.health';
import type { Indicator } from './queue.health';

const DATABASE_TIMEOUT_MS = 3000;

/**
 * Liveness and readiness are separate: an orchestrator restarts a process whose liveness fails, so
 * liveness must not depend on the database (a database outage would otherwise restart every API
 * process for nothing); readiness takes the process out of the load balancer while a dependency is down.
 */
@ApiTags('system')
@Controller('health')
@Public()
export class HealthController implements BeforeApplicationShutdown {
  private readonly startedAt = Date.now();
  private shuttingDown = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly queue: QueueHealthIndicator,
  ) {}

  /** As terminus did: a process on its way out is not ready. */
  beforeApplicationShutdown(): void {
    this.shuttingDown = true;
  }

  /** Readiness, as /health/ready (kept at /health for existing probes and monitors). */
  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: 200 when the database and the queue backend answer; 503 naming the dependency that is down',
  })
  check() {
    return this.readiness();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: 200 when the database and the queue backend answer; 503 naming the dependency that is down',
  })
  ready() {
    return this.readiness();
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: 200 while the process serves requests; checks no dependency' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      required: ['status', 'uptimeSeconds'],
      properties: { status: { type: 'string', enum: ['ok'] }, uptimeSeconds: { type: 'integer', minimum: 0 } },
    },
  })
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000) };
  }

  /**
   * Terminus' report ({status, info, error, details}, each check's `status` and data), built here:
   * terminus' executor spent an AbortController, an AbortSignal.timeout and a timer per check on
   * every probe, a sizeable share of this route's CPU under load. The checks, the report (to the order
   * of its keys: a check's data, then its status) and the 503 are the same.
   */
  private async readiness() {
    const [database, queue] = await Promise.all([this.ping(), this.queue.check()]);
    const details: Record<string, Indicator> = { database, queue };
    const info: Record<string, Indicator> = {};
    const error: Record<string, Indicator> = {};
    for (const [key, value] of Object.entries(details)) (value.status === 'up' ? info : error)[key] = value;
    const down = Object.keys(error);
    const report = { status: this.shuttingDown ? 'shutting_down' : down.length ? 'error' : 'ok', info, error, details };
    if (report.status === 'ok') return report;
    // the report inside the one error shape; the filter adds Retry-After to the 503
    throw new DetailedHttpException(
      503,
      `Unhealthy: ${down.join(', ') || 'unknown'} ${down.length > 1 ? 'are' : 'is'} down`,
      report,
    );
  }

  /** `SELECT 1` within 3 s (terminus' TypeORM ping, with its message on a timeout). */
  private async ping(): Promise<Indicator> {
    const start = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        fixedRead(this.ds.manager, 'SELECT 1'),
        new Promise<never>(
          (_, reject) =>
            (timer = setTimeout(
              () => reject(new Error(`timeout of ${DATABASE_TIMEOUT_MS}ms exceeded`)),
              DATABASE_TIMEOUT_MS,
            )),
        ),
      ]);
      return { responseTime: Math.round(performance.now() - start), status: 'up' };
    } catch (e) {
      return {
        message: e instanceof Error ? e.message : String(e),
        responseTime: Math.round(performance.now() - start),
        status: 'down',
      };
    } finally {
      clearTimeout(timer);
    }
  }
}
