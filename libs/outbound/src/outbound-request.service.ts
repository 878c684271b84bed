import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { request as httpRequest, STATUS_CODES, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { OutboundError } from './outbound-error';
import { OutboundAllowlist, OutboundPolicy, type OutboundTarget } from './outbound-policy';

/** Resolves a host name to every address it has (the system resolver unless a test supplies one). */
export type OutboundResolver = (host: string) => Promise<string[]>;
export const OUTBOUND_RESOLVER = Symbol('OUTBOUND_RESOLVER');

export interface OutboundRequest {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The whole exchange: resolving, connecting, the answer and its body. Default: WEBHOOK_TIMEOUT_MS. */
  timeoutMs?: number;
  /** Connecting alone (TCP, and TLS for https). Default: the whole timeout. */
  connectTimeoutMs?: number;
  /** The most of the answer's body that is read. Default 64 KiB. */
  maxBytes?: number;
  /**
   * A longer body: 'fail' (default) is an OutboundError "response too large"; 'truncate' keeps the
   * first maxBytes and stops reading, for callers to whom only the status matters (webhooks).
   */
  overflow?: 'fail' | 'truncate';
}

export interface OutboundResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  truncated: boolean;
}

interface Pinned {
  address: string;
  family: 4 | 6;
}

const DEFAULT_MAX_BYTES = 64 * 1024;
/** A save must not hang on a slow resolver; a name that does not resolve in time is checked again at each request. */
const SAVE_LOOKUP_MS = 3000;

const systemResolver: OutboundResolver = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Every request the server makes to an address a user gave (webhooks now, calendar feeds later).
 * The host is resolved once, every address checked, and the connection pinned to those addresses
 * through a custom `lookup`, so a second DNS answer (rebinding) cannot move it inside. No redirects,
 * a deadline for the whole exchange and a cap on what is read. Errors carry a generic message for
 * users and the delivery log; the details (addresses, ports, socket errors) go to the server log.
 */
@Injectable()
export class OutboundRequestService {
  private readonly logger = new Logger('Outbound');
  private readonly policy: OutboundPolicy;
  private readonly resolve: OutboundResolver;

  constructor(
    private readonly config: AppConfig,
    @Optional() @Inject(OUTBOUND_RESOLVER) resolver?: OutboundResolver,
  ) {
    const allowlist = new OutboundAllowlist(config.outboundAllowlist);
    if (allowlist.ignored.length)
      this.logger.warn(
        `OUTBOUND_ALLOWLIST: ignored ${allowlist.ignored.join(', ')} (not a host, an address or a CIDR)`,
      );
    this.policy = new OutboundPolicy(allowlist, config.production);
    this.resolve = resolver ?? systemResolver;
  }

  /**
   * When a URL is saved: the same rules as a request, without connecting. A name that does not
   * resolve now is accepted, since it is resolved and checked again at every request.
   */
  async checkUrl(url: string): Promise<void> {
    const target = this.policy.target(url);
    if (target.literal || target.hostAllowed) return;
    let addresses: string[];
    try {
      addresses = await deadline(this.resolve(target.host), SAVE_LOOKUP_MS, () => new Error('lookup timed out'));
    } catch (e) {
      this.logger.debug(`saving ${target.host}: not resolved (${describe(e)}), checked again when used`);
      return;
    }
    this.policy.checkAddresses(target, addresses);
  }

  async post(url: string, req: OutboundRequest = {}): Promise<OutboundResponse> {
    return this.send('POST', url, req);
  }

  /**
   * A GET (calendar feeds). Conditional requests are the caller's headers (If-None-Match,
   * If-Modified-Since); a 304 Not Modified is an answer with an empty body, not an error. The answer's
   * ETag and Last-Modified are in `headers`.
   */
  async get(url: string, req: Omit<OutboundRequest, 'body'> = {}): Promise<OutboundResponse> {
    return this.send('GET', url, req);
  }

  private async send(method: 'GET' | 'POST', url: string, req: OutboundRequest): Promise<OutboundResponse> {
    const timeoutMs = req.timeoutMs ?? this.config.webhookTimeoutMs;
    const ends = Date.now() + timeoutMs;
    const timedOut = () =>
      new OutboundError('timeout', `no answer within ${timeoutMs} ms`, `no answer within ${timeoutMs} ms`);
    let target: OutboundTarget | undefined;
    let pinned: Pinned[] = [];
    try {
      target = this.policy.target(url);
      pinned = target.literal
        ? [{ address: target.host, family: target.literal.version }]
        : await this.pin(target, ends, timedOut);
      return await this.exchange(method, target, pinned, req, ends, timedOut);
    } catch (e) {
      const error = e instanceof OutboundError ? e : new OutboundError('connect', 'could not connect', describe(e));
      // the path is left out: a webhook's or a calendar feed's path is often its secret
      const where = target ? `${target.url.protocol}//${target.host}:${target.port}` : originOf(url);
      this.logger.warn(
        `${method} ${where}${pinned.length ? ` (${pinned.map((p) => p.address).join(', ')})` : ''} failed: ${error.detail}`,
      );
      throw error;
    }
  }

  /** Resolves within the deadline and checks every answer; the request then connects to these only. */
  private async pin(target: OutboundTarget, ends: number, timedOut: () => OutboundError): Promise<Pinned[]> {
    let addresses: string[];
    try {
      addresses = await deadline(this.resolve(target.host), ends - Date.now(), timedOut);
    } catch (e) {
      if (e instanceof OutboundError) throw e;
      throw new OutboundError('connect', 'could not connect', `lookup ${target.host}: ${describe(e)}`);
    }
    if (!addresses.length)
      throw new OutboundError('connect', 'could not connect', `lookup ${target.host}: no addresses`);
    return this.policy
      .checkAddresses(target, addresses)
      .map((ip, i) => ({ address: addresses[i], family: ip.version }));
  }

  private exchange(
    method: 'GET' | 'POST',
    target: OutboundTarget,
    pinned: Pinned[],
    req: OutboundRequest,
    ends: number,
    timedOut: () => OutboundError,
  ): Promise<OutboundResponse> {
    const maxBytes = req.maxBytes ?? DEFAULT_MAX_BYTES;
    const body = req.body ?? '';
    const { url } = target;
    return new Promise<OutboundResponse>((resolve, reject) => {
      const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)({
        host: target.host,
        port: target.port,
        path: `${url.pathname}${url.search}`,
        method,
        headers:
          method === 'POST'
            ? { ...req.headers, 'content-length': String(Buffer.byteLength(body)) }
            : { ...req.headers },
        // a socket of its own: a pooled one could have been opened to another address
        agent: false,
        lookup: pinnedLookup(pinned),
        ...(target.literal ? {} : { servername: target.host }),
        ...(url.username ? { auth: `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}` } : {}),
      });
      let settled = false;
      const finish = (error: OutboundError | null, value?: OutboundResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(total);
        clearTimeout(connecting);
        if (error) {
          request.destroy();
          reject(error);
        } else resolve(value!);
      };
      const total = setTimeout(() => finish(timedOut()), Math.max(0, ends - Date.now()));
      const connectMs = Math.min(req.connectTimeoutMs ?? Number.MAX_SAFE_INTEGER, Math.max(0, ends - Date.now()));
      const connecting = setTimeout(
        () => finish(new OutboundError('connect', 'could not connect', `no connection within ${connectMs} ms`)),
        connectMs,
      );
      request.on('socket', (socket) =>
        socket.once(url.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connecting)),
      );
      request.on('error', (e) => finish(new OutboundError('connect', 'could not connect', describe(e))));
      request.on('response', (res) => {
        const status = res.statusCode ?? 0;
        if (status === 304 && method === 'GET') {
          res.resume();
          return finish(null, { status, headers: res.headers, body: Buffer.alloc(0), truncated: false });
        }
        if (status >= 300 && status < 400) {
          return finish(
            new OutboundError(
              'redirect',
              'redirects are not followed',
              `${status} to ${String(res.headers.location ?? '(no location)').slice(0, 200)}`,
              status,
            ),
          );
        }
        const ok = status >= 200 && status < 300;
        const tooLarge = () =>
          new OutboundError('too_large', 'response too large', `answer over ${maxBytes} bytes`, status);
        if (ok && req.overflow !== 'truncate' && Number(res.headers['content-length']) > maxBytes)
          return finish(tooLarge());
        const chunks: Buffer[] = [];
        let size = 0;
        const done = (truncated: boolean) => {
          const answer = Buffer.concat(chunks);
          if (!ok)
            finish(
              new OutboundError(
                'status',
                `answered ${status} ${STATUS_CODES[status] ?? ''}`.trim(),
                `answered ${status}: ${answer.toString('utf8', 0, 200)}`,
                status,
              ),
            );
          else if (truncated && req.overflow !== 'truncate') finish(tooLarge());
          else finish(null, { status, headers: res.headers, body: answer, truncated });
          res.destroy();
        };
        res.on('data', (chunk: Buffer) => {
          if (settled) return;
          if (size + chunk.length <= maxBytes) {
            chunks.push(chunk);
            size += chunk.length;
          } else {
            chunks.push(chunk.subarray(0, maxBytes - size));
            done(true);
          }
        });
        res.on('end', () => done(false));
        res.on('error', (e) =>
          finish(new OutboundError('connect', 'could not connect', `answer broken off: ${describe(e)}`)),
        );
      });
      request.end(method === 'POST' ? body : undefined);
    });
  }
}

/** The connection's `lookup`: the addresses already checked, never a second DNS answer. */
function pinnedLookup(pinned: Pinned[]): LookupFunction {
  return (_host, options, callback) => {
    const usable =
      options.family === 4 || options.family === 6 ? pinned.filter((p) => p.family === options.family) : pinned;
    const cb = callback as (
      err: NodeJS.ErrnoException | null,
      address: string | LookupAddress[],
      family?: number,
    ) => void;
    if (!usable.length)
      return cb(Object.assign(new Error('no checked address of that family'), { code: 'ENOTFOUND' }), '', 0);
    if (options.all) cb(null, usable);
    else cb(null, usable[0].address, usable[0].family);
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an unparsable URL';
  }
}

function deadline<T>(promise: Promise<T>, ms: number, error: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(error()), Math.max(0, ms))));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

function describe(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  const code = (e as NodeJS.ErrnoException).code;
  return code && !e.message.includes(code) ? `${code} ${e.message}` : e.message;
}
