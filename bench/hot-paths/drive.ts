// The load generator, in a process of its own so that it never shares an event loop with the server
// it measures: reads one load spec as JSON on stdin, runs autocannon, writes the figures as JSON on
// stdout. Spawned by run.ts once per (path, server, round).
import autocannon from 'autocannon';

export interface LoadSpec {
  url: string;
  method: 'GET' | 'PUT';
  path: string;
  token?: string;
  connections: number;
  seconds: number;
  /** The autosave: each connection saves its own draft, carrying the version the last save returned. */
  drafts?: Array<{ path: string; token: string; version: number; body: Record<string, unknown> }>;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

async function main() {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  const spec = JSON.parse(Buffer.concat(chunks).toString()) as LoadSpec;
  const headers: Record<string, string> = spec.token ? { authorization: `Bearer ${spec.token}` } : {};
  // autocannon resets a connection's context after each pass through `requests`, so a draft's version
  // lives here; a connection takes a draft nobody else is saving, and frees it with the new version
  const free = spec.drafts ? [...spec.drafts] : [];
  const requests = spec.drafts
    ? [
        {
          method: 'PUT' as const,
          setupRequest: (req: any, context: any) => {
            const d = free.shift();
            if (!d) throw new Error('more connections than drafts');
            context.draft = d;
            return {
              ...req,
              path: d.path,
              headers: { authorization: `Bearer ${d.token}`, 'content-type': 'application/json' },
              body: JSON.stringify({ ...d.body, version: d.version }),
            };
          },
          onResponse: (status: number, body: string, context: any) => {
            const d = context.draft;
            // a stale version (a save the server finished after a timeout) is adopted for the next request
            try {
              const parsed = JSON.parse(body);
              if (status === 200) d.version = parsed.version;
              else if (status === 409 && parsed.details?.currentVersion) d.version = parsed.details.currentVersion;
            } catch {
              /* counted as non-2xx */
            }
            free.push(d);
          },
        },
      ]
    : undefined;
  const result = await autocannon({
    url: spec.url + spec.path,
    method: spec.method,
    headers,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: 30,
    ...(requests ? { requests } : {}),
  });
  const seconds = result.duration;
  const ok = result['2xx'];
  const out: LoadResult = {
    requests: ok,
    seconds,
    rps: ok / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  process.stdout.write(JSON.stringify(out) + '\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
