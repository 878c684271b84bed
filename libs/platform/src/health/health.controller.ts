import { Controller, Get, HttpException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '@app/auth';
import { DetailedHttpException } from '@app/common';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('system')
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
  ) {}

  /** 200 when the database and the queue backend answer; 503 with the failing part otherwise. */
  @Get()
  @HealthCheck()
  async check() {
    try {
      return await this.health.check([() => this.db.pingCheck('database', { timeout: 3000 }), () => this.queue.check('queue')]);
    } catch (e) {
      if (!(e instanceof HttpException)) throw e;
      // keep terminus' report, inside the one error shape
      const report = e.getResponse() as { error?: Record<string, unknown> };
      throw new DetailedHttpException(e.getStatus(), `Unhealthy: ${Object.keys(report.error ?? {}).join(', ') || 'unknown'}`, report);
    }
  }
}
