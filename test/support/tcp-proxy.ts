import { createServer, connect, type Server, type Socket } from 'node:net';

/**
 * A TCP relay in front of a shared server (PostgreSQL, Redis) that a test can cut and restore, so an
 * outage is simulated for one app without restarting the server other test files and sessions use.
 * While cut, every relayed connection is destroyed and new ones are refused at once (closed on accept),
 * as a stopped server would; `restore()` lets connections through again.
 */
export class TcpProxy {
  private readonly sockets = new Set<Socket>();
  private cut = false;
  connections = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  static async start(targetHost: string, targetPort: number): Promise<TcpProxy> {
    let self: TcpProxy | undefined;
    const server = createServer((client) => {
      const proxy = self!;
      if (proxy.cut) {
        client.destroy();
        return;
      }
      proxy.connections++;
      const upstream = connect(targetPort, targetHost);
      for (const s of [client, upstream]) {
        proxy.sockets.add(s);
        s.on('close', () => proxy.sockets.delete(s));
        s.on('error', () => {
          client.destroy();
          upstream.destroy();
        });
      }
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
    });
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', () => resolve()));
    self = new TcpProxy(server, (server.address() as { port: number }).port);
    return self;
  }

  /** The URL with its host and port replaced by the proxy's. */
  url(target: string): string {
    const u = new URL(target);
    u.hostname = '127.0.0.1';
    u.port = String(this.port);
    return u.toString();
  }

  get isCut(): boolean {
    return this.cut;
  }

  /** Destroys every relayed connection and refuses new ones until restore(). */
  cutOff(): void {
    this.cut = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  restore(): void {
    this.cut = false;
  }

  async close(): Promise<void> {
    this.cutOff();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
