import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@app/config';
import { OutboundError, REFUSED_INTERNAL } from './outbound-error';
import { OutboundRequestService, type OutboundResolver } from './outbound-request.service';

/** A real listener on loopback that records what reached it. */
class Listener {
  readonly hits: Array<{ method: string; url: string; host: string; body: string }> = [];
  private constructor(private readonly server: Server) {}

  static async start(
    handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(200).end('ok'),
  ): Promise<Listener> {
    let self: Listener;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        self.hits.push({ method: req.method ?? '', url: req.url ?? '', host: req.headers.host ?? '', body });
        handle(req, res);
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    self = new Listener(server);
    return self;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const service = (allowlist: string, resolver?: OutboundResolver, timeoutMs = 2000) =>
  new OutboundRequestService(
    loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'outbound-')),
      JWT_SECRET: 'x'.repeat(48),
      OUTBOUND_ALLOWLIST: allowlist,
      WEBHOOK_TIMEOUT_MS: String(timeoutMs),
      LOG_LEVEL: 'silent',
    }),
    resolver,
  );

async function failure(p: Promise<unknown>): Promise<OutboundError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof OutboundError) return e;
    throw e;
  }
  throw new Error('the request did not fail');
}

describe('OutboundRequestService', () => {
  const listeners: Listener[] = [];
  const start = async (handle?: (req: IncomingMessage, res: ServerResponse) => void) => {
    const l = await Listener.start(handle);
    listeners.push(l);
    return l;
  };
  afterAll(() => Promise.all(listeners.map((l) => l.close())));

  it('posts to an allowlisted receiver and returns its answer', async () => {
    const l = await start((_req, res) => res.writeHead(201, { 'x-test': 'yes' }).end('created'));
    const res = await service('127.0.0.1').post(l.url('/hook?x=1'), {
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
    });
    expect(res).toMatchObject({ status: 201, truncated: false });
    expect(res.headers['x-test']).toBe('yes');
    expect(res.body.toString()).toBe('created');
    expect(l.hits).toEqual([{ method: 'POST', url: '/hook?x=1', host: `127.0.0.1:${l.port}`, body: '{"a":1}' }]);
  });

  it('does not connect to an internal address without the allowlist, whatever its spelling', async () => {
    const l = await start();
    const outbound = service('');
    for (const url of [
      l.url(),
      `http://localhost:${l.port}/`,
      `http://0x7f000001:${l.port}/`,
      `http://2130706433:${l.port}/`,
      `http://0177.0.0.1:${l.port}/`,
      `http://127.1:${l.port}/`,
      `http://[::ffff:127.0.0.1]:${l.port}/`,
    ]) {
      const e = await failure(outbound.post(url, { body: 'x' }));
      expect([url, e.reason, e.message]).toEqual([url, 'internal', REFUSED_INTERNAL]);
    }
    expect(l.hits).toEqual([]);
  });

  it('connects to the checked address only: a name is resolved once and never again (no rebinding)', async () => {
    const l = await start();
    const answers = [['127.0.0.1'], ['10.9.9.9']];
    const asked: string[] = [];
    const resolver: OutboundResolver = async (host) => {
      asked.push(host);
      return answers.shift() ?? [];
    };
    const res = await service('127.0.0.1', resolver).post(`http://rebind.example:${l.port}/hook`, { body: 'x' });
    expect(res.status).toBe(200);
    expect(asked).toEqual(['rebind.example']);
    // the name went in the Host header; the socket went to the address that was checked
    expect(l.hits.map((h) => h.host)).toEqual([`rebind.example:${l.port}`]);
  });

  it('refuses a name when any of its addresses is internal, and does not connect', async () => {
    const l = await start();
    const outbound = service('', async () => ['93.184.215.14', '127.0.0.1']);
    const e = await failure(outbound.post(`http://mixed.example:${l.port}/`, { body: 'x' }));
    expect(e.reason).toBe('internal');
    expect(l.hits).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const target = await start();
    const redirecting = await start((_req, res) => res.writeHead(302, { location: target.url('/inside') }).end());
    const e = await failure(service('127.0.0.1').post(redirecting.url(), { body: 'x' }));
    expect([e.reason, e.message, e.status]).toEqual(['redirect', 'redirects are not followed', 302]);
    expect(redirecting.hits).toHaveLength(1);
    expect(target.hits).toEqual([]);
  });

  it('gives up on a slow receiver at the deadline', async () => {
    const slow = await start(() => undefined); // never answers
    const began = Date.now();
    const e = await failure(service('127.0.0.1').post(slow.url(), { body: 'x', timeoutMs: 300 }));
    expect([e.reason, e.message]).toEqual(['timeout', 'no answer within 300 ms']);
    expect(Date.now() - began).toBeLessThan(2000);
  });

  it('caps what it reads of an endless answer: fails, or keeps the first bytes when asked to', async () => {
    const endless = await start((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 97);
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    const outbound = service('127.0.0.1');
    const e = await failure(outbound.post(endless.url(), { body: 'x', maxBytes: 10_000 }));
    expect([e.reason, e.message]).toEqual(['too_large', 'response too large']);
    const kept = await outbound.post(endless.url(), { body: 'x', maxBytes: 10_000, overflow: 'truncate' });
    expect(kept).toMatchObject({ status: 200, truncated: true });
    expect(kept.body.length).toBe(10_000);
    const declared = await start((_req, res) => res.writeHead(200, { 'content-length': '50000000' }).write('x'));
    expect((await failure(outbound.post(declared.url(), { body: 'x', maxBytes: 1000 }))).reason).toBe('too_large');
  });

  it('reports a refused connection and an error status without addresses, ports or socket errors', async () => {
    const l = await start();
    const port = l.port;
    await l.close();
    listeners.splice(listeners.indexOf(l), 1);
    const closed = await failure(service('127.0.0.1').post(`http://127.0.0.1:${port}/`, { body: 'x' }));
    expect([closed.reason, closed.message]).toEqual(['connect', 'could not connect']);
    expect(closed.detail).toContain('ECONNREFUSED');

    const broken = await start((_req, res) => res.writeHead(500).end(`internal trace at 10.1.2.3:${port}`));
    const e = await failure(service('127.0.0.1').post(broken.url(), { body: 'x' }));
    expect([e.reason, e.message, e.status]).toEqual(['status', 'answered 500 Internal Server Error', 500]);
    for (const err of [closed, e]) expect(err.message).not.toMatch(/ECONN|127\.0\.0\.1|10\.1\.2\.3|\d{4,}/);
  });

  it('a name that does not resolve fails to connect, within the deadline', async () => {
    const hanging: OutboundResolver = () => new Promise(() => undefined);
    expect((await failure(service('', hanging).post('https://slow-dns.example/', { timeoutMs: 200 }))).reason).toBe(
      'timeout',
    );
    const missing: OutboundResolver = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND nowhere.example'), { code: 'ENOTFOUND' });
    };
    const e = await failure(service('', missing).post('https://nowhere.example/'));
    expect([e.reason, e.message]).toEqual(['connect', 'could not connect']);
  });

  it('checks a URL when it is saved: internal refused, public or not yet resolvable accepted', async () => {
    const resolving =
      (answers: Record<string, string[]>): OutboundResolver =>
      async (host) => {
        if (!answers[host]) throw Object.assign(new Error('ENOTFOUND'), { code: 'ENOTFOUND' });
        return answers[host];
      };
    const outbound = service('', resolving({ 'inside.example': ['192.168.0.4'], 'hooks.example': ['93.184.215.14'] }));
    await expect(outbound.checkUrl('https://inside.example/x')).rejects.toThrow(REFUSED_INTERNAL);
    await expect(outbound.checkUrl('http://169.254.169.254/')).rejects.toThrow(REFUSED_INTERNAL);
    await expect(outbound.checkUrl('http://metadata.google.internal/')).rejects.toThrow(REFUSED_INTERNAL);
    await expect(outbound.checkUrl('ftp://hooks.example/')).rejects.toThrow('not a valid http(s) address');
    await expect(outbound.checkUrl('https://hooks.example/x')).resolves.toBeUndefined();
    await expect(outbound.checkUrl('https://not-yet.example/x')).resolves.toBeUndefined();
  });
});

describe('OutboundRequestService.get', () => {
  it('sends a conditional GET with no body, returns the validators, and a 304 as an empty answer', async () => {
    const seen: Array<Record<string, unknown>> = [];
    const l = await Listener.start((req, res) => {
      seen.push({ ...req.headers });
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { etag: '"v1"', 'last-modified': 'Mon, 01 Mar 2027 00:00:00 GMT' }).end('BEGIN:VCALENDAR');
    });
    try {
      const first = await service('127.0.0.1').get(l.url('/feed.ics'));
      expect(first.status).toBe(200);
      expect(first.body.toString()).toBe('BEGIN:VCALENDAR');
      expect(first.headers.etag).toBe('"v1"');
      expect(first.headers['last-modified']).toBe('Mon, 01 Mar 2027 00:00:00 GMT');
      expect(l.hits[0]).toMatchObject({ method: 'GET', body: '' });
      expect(seen[0]['content-length']).toBeUndefined();
      const second = await service('127.0.0.1').get(l.url('/feed.ics'), {
        headers: { 'if-none-match': '"v1"', 'if-modified-since': 'Mon, 01 Mar 2027 00:00:00 GMT' },
      });
      expect(second.status).toBe(304);
      expect(second.body.length).toBe(0);
      expect(seen[1]['if-modified-since']).toBe('Mon, 01 Mar 2027 00:00:00 GMT');
    } finally {
      await l.close();
    }
  });

  it('still refuses other redirects, bodies over maxBytes and internal addresses', async () => {
    const l = await Listener.start((req, res) =>
      req.url === '/moved'
        ? res.writeHead(302, { location: 'http://169.254.169.254/' }).end()
        : res.writeHead(200).end('x'.repeat(5000)),
    );
    try {
      expect((await failure(service('127.0.0.1').get(l.url('/moved')))).reason).toBe('redirect');
      expect((await failure(service('127.0.0.1').get(l.url('/big'), { maxBytes: 1000 }))).reason).toBe('too_large');
      expect((await failure(service('').get(l.url('/big')))).message).toBe(REFUSED_INTERNAL);
    } finally {
      await l.close();
    }
  });
});
