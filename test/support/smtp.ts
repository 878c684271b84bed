import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export class TestSmtp {
  readonly messages: ParsedMail[] = [];
  /** When each message's data had arrived in full (epoch ms). */
  readonly receivedAt = new WeakMap<ParsedMail, number>();
  /** Messages answered with a temporary failure while refusing. */
  refusals = 0;
  /** Messages received in full and waiting for their answer while holding. */
  held = 0;
  /** Client connections open now. */
  open = 0;
  private refuse = false;
  private holding: Promise<void> | null = null;
  private releaseHold = () => {};
  private readonly closed = new Set<string>();
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
  ) {}

  static async start(): Promise<TestSmtp> {
    let self: TestSmtp | undefined;
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect(_session, callback) {
        if (self) self.open++;
        callback();
      },
      onClose(session) {
        if (self) self.open--;
        self?.closed.add(session.id);
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on(
          'end',
          () =>
            void (async () => {
              const arrived = Date.now();
              if (self?.refuse) {
                self.refusals++;
                return callback(Object.assign(new Error('Mailbox unavailable (test)'), { responseCode: 451 }));
              }
              if (self?.holding) {
                self.held++;
                await self.holding;
                self.held--;
              }
              // like a real server, a message whose sender hung up before the answer is not delivered
              if (self?.closed.has(session.id)) return callback(new Error('client gone'));
              simpleParser(Buffer.concat(chunks)).then((m) => {
                self!.receivedAt.set(m, arrived);
                self!.messages.push(m);
                callback();
              }, callback);
            })(),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new TestSmtp(server, (server as unknown as { server: { address(): AddressInfo } }).server.address().port);
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** While refusing, every message gets a temporary failure (451). */
  setRefusing(refuse: boolean): void {
    this.refuse = refuse;
  }

  /** While holding, messages are received but not answered: the sender is mid-send. */
  hold(): void {
    this.holding ??= new Promise((resolve) => (this.releaseHold = resolve));
  }

  release(): void {
    this.releaseHold();
    this.holding = null;
  }

  to(email: string): ParsedMail[] {
    return this.messages.filter((m) =>
      (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === email)),
    );
  }

  close(): Promise<void> {
    this.release();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
