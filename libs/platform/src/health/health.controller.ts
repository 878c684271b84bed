import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { DetailedHttpException } from '@app/common';
import { QueueHealthIndicator } from './queue.health';

/**
 * Liveness and readiness are separate: an orchestrator restarts a process whose liveness fails, so
 * liveness must not depend on the database (a database outage would otherwise restart every API
 * process for nothing); readiness takes the process out of the load balancer while a dependency is down.
 */
@ApiTags('system')
@Controller('health')
@Public()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  /** Readiness, as /health/ready (kept at /health for existing probes and monitors). */
  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database and the queue backend answer; 503 naming the dependency that is down' })
  check() {
    return this.readiness();
  }

  @Get('ready')
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: 200 when the database and the queue backend answer; 503 naming the dependency that is down' })
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

  private async readiness() {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.queue.check('queue')]);
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      // keep terminus' report, inside the one error shape; the filter adds Retry-After to the 503
      const report = e.getResponse() as { error?: Record<string, unknown> };
      const down = Object.keys(report.error ?? {});
      throw new DetailedHttpException(e.getStatus(), `Unhealthy: ${down.join(', ') || 'unknown'} ${down.length > 1 ? 'are' : 'is'} down`, report);
    }
  }
}
