import { Histogram, Registry } from 'prom-client';
import type { Metric } from 'prom-client';
import { pino } from 'pino';
import { requestLog } from '../infrastructure.module';
import { RequestDurations } from './request-durations';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];
const OBSERVATIONS: Array<[string, string, number, number]> = [
  ['GET', '/health', 200, 0.0031],
  ['GET', '/health', 200, 0.005],
  ['GET', '/api/v1/question-sets', 200, 0.042],
  ['POST', '/api/v1/interviews/:id/scorecards/mine', 409, 0.3],
  ['GET', '/health', 503, 7],
  ['GET', 'unmatched', 404, 0.0001],
  ['GET', '/api/v1/question-sets', 200, 1],
];

describe('RequestDurations', () => {
  it("exports exactly what prom-client's Histogram exports for the same observations", async () => {
    const theirs = new Registry();
    const histogram = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP request duration by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: BUCKETS,
      registers: [theirs],
    });
    const ours = new Registry();
    const durations = new RequestDurations(
      'http_request_duration_seconds',
      'HTTP request duration by method, route and status',
      BUCKETS,
    );
    ours.registerMetric(durations as unknown as Metric);
    for (const [method, route, status, seconds] of OBSERVATIONS) {
      histogram.observe({ method, route, status: String(status) }, seconds);
      durations.observe(method, route, status, seconds);
    }
    // series order may differ (ours groups by route first): compare the sorted lines
    const lines = (text: string) => text.split('\n').sort();
    expect(lines(await ours.metrics())).toEqual(lines(await theirs.metrics()));
    expect(await ours.getMetricsAsJSON()).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'http_request_duration_seconds', type: 'histogram' })]),
    );
    const json = (await ours.getMetricsAsJSON())[0].values;
    const expected = (await theirs.getMetricsAsJSON())[0].values;
    expect(json).toHaveLength(expected.length);
    expect(json).toEqual(expect.arrayContaining(expected));
  });
});

describe('requestLog', () => {
  function capture() {
    const lines: Array<Record<string, unknown>> = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line)) });
    return { lines, log: requestLog(logger) };
  }
  const request = (url: string, route?: string) => ({ id: 'req-7', method: 'GET', url, routeOptions: { url: route } });

  it('writes one line per request with the id, method, whole URL, status and response time', () => {
    const { lines, log } = capture();
    log(request('/api/v1/question-sets?limit=50', '/api/v1/question-sets'), { statusCode: 200, elapsedTime: 3.6 });
    log(request('/api/v1/nope', undefined), { statusCode: 404, elapsedTime: 1.2 });
    log(request('/api/v1/boom', '/api/v1/boom'), { statusCode: 500, elapsedTime: 9 });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        req: { id: 'req-7', method: 'GET', url: '/api/v1/question-sets?limit=50' },
        res: { statusCode: 200 },
        responseTime: 4,
        msg: 'request completed',
      }),
      expect.objectContaining({ level: 40, res: { statusCode: 404 }, msg: 'request completed' }),
      expect.objectContaining({
        level: 50,
        res: { statusCode: 500 },
        err: expect.objectContaining({ message: 'failed with status code 500' }),
        msg: 'request errored',
      }),
    ]);
  });

  it('leaves out probes and scrapes, whatever their query', () => {
    const { lines, log } = capture();
    for (const route of ['/health', '/health/live', '/health/ready', '/metrics'])
      log(request(`${route}?x=1`, route), { statusCode: 200, elapsedTime: 1 });
    log(request('/healthz', undefined), { statusCode: 404, elapsedTime: 1 });
    expect(lines.map((l) => (l.req as { url: string }).url)).toEqual(['/healthz']);
  });
});
