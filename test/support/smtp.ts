import { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepts, parsed. */
export class TestSmtp {
  readonly messages: ParsedMail[] = [];
  private refuse = false;
  private constructor(private readonly server: SMTPServer, readonly port: number) {}

  static async start(): Promise<TestSmtp> {
    let self: TestSmtp | undefined;
    const server = new SMTPServer({
      secure: false,
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (self?.refuse) return callback(Object.assign(new Error('Mailbox unavailable (test)'), { responseCode: 451 }));
          simpleParser(Buffer.concat(chunks)).then((m) => {
            self!.messages.push(m);
            callback();
          }, callback);
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    self = new TestSmtp(server, ((server as unknown as { server: { address(): AddressInfo } }).server.address()).port);
    return self;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  /** While refusing, every message gets a temporary failure (451). */
  setRefusing(refuse: boolean): void {
    this.refuse = refuse;
  }

  to(email: string): ParsedMail[] {
    return this.messages.filter((m) => (Array.isArray(m.to) ? m.to : [m.to]).some((a) => a?.value.some((v) => v.address === email)));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
