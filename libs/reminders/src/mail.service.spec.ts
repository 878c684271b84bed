import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '@app/config';
import { MailService } from './mail.service';

/** On a real SMTP server: messages reuse the pool's connections. */
describe('MailService', () => {
  let server: SMTPServer;
  let port: number;
  let connections = 0;
  let messages = 0;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect(_session, callback) {
        connections++;
        callback();
      },
      onData(stream, _session, callback) {
        stream.resume();
        stream.on('end', () => {
          messages++;
          callback();
        });
      },
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('sends any number of messages over one kept-open connection (a new one waits for the greeting)', async () => {
    const mail = new MailService(
      loadConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'mail-')), SMTP_URL: `smtp://127.0.0.1:${port}` }),
    );
    try {
      // one after another: nodemailer's default would open a new connection after the 100th
      for (let i = 0; i < 150; i++)
        await mail.send({
          to: 'ada@example.com',
          subject: `Reminder ${i}`,
          text: 'Your scorecard',
          html: '<p>Your scorecard</p>',
        });
      expect(messages).toBe(150);
      expect(connections).toBe(1);
    } finally {
      mail.onModuleDestroy();
    }
  });
});
