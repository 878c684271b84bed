import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import type { Metric } from 'prom-client';
import { ReminderMetricsService } from '@app/reminders';
import { RequestDurations } from './request-durations';

@Injectable()
export class MetricsService {
  readonly registry = new Registry();
  readonly httpDuration = new RequestDurations(
    'http_request_duration_seconds',
    'HTTP request duration by method, route and status',
    [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  );

  constructor(reminders: ReminderMetricsService) {
    collectDefaultMetrics({ register: this.registry });
    // the registry only reads a metric's name, help, type and values, which RequestDurations gives
    this.registry.registerMetric(this.httpDuration as unknown as Metric);
    reminders.register(this.registry);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }
}
