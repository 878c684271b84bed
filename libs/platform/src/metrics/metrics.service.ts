import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { ReminderMetricsService } from '@app/reminders';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [this.registry],
  });

  constructor(reminders: ReminderMetricsService) {
    collectDefaultMetrics({ register: this.registry });
    reminders.register(this.registry);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
