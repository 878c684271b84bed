/** One (method, route, status) series: per-bucket counts (not cumulative), their sum and count. */
interface Series {
  labels: { method: string; route: string; status: string };
  buckets: Float64Array;
  sum: number;
  count: number;
}

interface MetricValue {
  labels: Record<string, string | number>;
  sharedLabels?: Record<string, string>;
  value: number;
  metricName: string;
  exemplar?: null;
}

/**
 * The HTTP request histogram, exported exactly as prom-client's Histogram exports it, but observed
 * without building a labels object, validating it and hashing it into a string on every request:
 * series are found through nested maps keyed by the values themselves, so a request on a route
 * already seen allocates nothing. prom-client's registry reads it through `get`/`getForPromString`.
 */
export class RequestDurations {
  readonly type = 'histogram';
  readonly aggregator = 'sum';
  private readonly series = new Map<string, Map<string, Map<number, Series>>>();

  constructor(
    readonly name: string,
    readonly help: string,
    private readonly upperBounds: readonly number[],
  ) {}

  observe(method: string, route: string, status: number, seconds: number): void {
    let byMethod = this.series.get(route);
    if (!byMethod) this.series.set(route, (byMethod = new Map()));
    let byStatus = byMethod.get(method);
    if (!byStatus) byMethod.set(method, (byStatus = new Map()));
    let s = byStatus.get(status);
    if (!s) {
      s = {
        labels: { method, route, status: String(status) },
        buckets: new Float64Array(this.upperBounds.length),
        sum: 0,
        count: 0,
      };
      byStatus.set(status, s);
    }
    const bounds = this.upperBounds;
    for (let i = 0; i < bounds.length; i++) {
      if (seconds <= bounds[i]) {
        s.buckets[i]++;
        break;
      }
    }
    s.sum += seconds;
    s.count++;
  }

  /** The series in the order they were first seen, each as buckets (cumulative), +Inf, sum and count. */
  private values(): MetricValue[] {
    const out: MetricValue[] = [];
    for (const byMethod of this.series.values())
      for (const byStatus of byMethod.values())
        for (const s of byStatus.values()) {
          let acc = 0;
          this.upperBounds.forEach((le, i) => {
            acc += s.buckets[i];
            out.push({
              labels: { le },
              sharedLabels: s.labels,
              value: acc,
              metricName: `${this.name}_bucket`,
              exemplar: null,
            });
          });
          out.push({
            labels: { le: '+Inf' },
            sharedLabels: s.labels,
            value: s.count,
            metricName: `${this.name}_bucket`,
            exemplar: null,
          });
          out.push({ labels: {}, sharedLabels: s.labels, value: s.sum, metricName: `${this.name}_sum` });
          out.push({ labels: {}, sharedLabels: s.labels, value: s.count, metricName: `${this.name}_count` });
        }
    return out;
  }

  getForPromString() {
    return { name: this.name, help: this.help, type: this.type, values: this.values(), aggregator: this.aggregator };
  }

  /** The JSON form: labels merged, as prom-client's own metrics give them. */
  get() {
    const values = this.values().map(({ labels, sharedLabels, ...v }) => ({
      ...v,
      labels: { ...labels, ...sharedLabels },
    }));
    return { name: this.name, help: this.help, type: this.type, values, aggregator: this.aggregator };
  }

  reset(): void {
    this.series.clear();
  }
}
