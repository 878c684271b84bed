import { simpleParser } from 'mailparser';
import { composePlainMail, parseMailbox } from './plain-mail';

const from = parseMailbox('Scorecards <no-reply@scorecards.dev>')!;

describe('composePlainMail', () => {
  it('reads back as written: names, subject, both bodies, Message-ID and our headers', async () => {
    const text = ['Hi Zoë Ångström,', '', '.a line that starts with a dot', 'x'.repeat(300), 'trailing space '].join(
      '\n',
    );
    const html = `<p>Hi Zoë — <a href="https://x.example/interviews/1?a=1&amp;b=2">link</a></p>${'<p>y</p>'.repeat(80)}`;
    const raw = composePlainMail({
      from: { name: 'Scorecards, "Team"', address: 'no-reply@scorecards.dev' },
      to: { name: 'Zoë Ångström', address: 'zoe@example.com' },
      subject: `Scorecard overdue: Jürgen Ng — Senior Backend Engineer, Onsite ${'lang '.repeat(30)}`,
      messageId: '<r1.1796000000000.email@scorecards.dev>',
      text,
      html,
      headers: { 'X-Scorecards-Kind': 'feedback_overdue' },
    });
    for (const line of raw.toString().split('\r\n')) expect(line.length).toBeLessThanOrEqual(78);
    expect(raw.toString()).not.toMatch(/[^\r]\n/);
    const m = await simpleParser(raw);
    expect(m.from?.value).toEqual([{ name: 'Scorecards, "Team"', address: 'no-reply@scorecards.dev' }]);
    expect(m.to).toMatchObject({ value: [{ name: 'Zoë Ångström', address: 'zoe@example.com' }] });
    expect(m.subject).toBe(
      `Scorecard overdue: Jürgen Ng — Senior Backend Engineer, Onsite ${'lang '.repeat(30)}`.trim(),
    );
    expect(m.messageId).toBe('<r1.1796000000000.email@scorecards.dev>');
    expect(m.headers.get('x-scorecards-kind')).toBe('feedback_overdue');
    expect(m.text).toBe(text);
    expect(m.html).toBe(html);
  });

  it('keeps a line break in a name or subject from starting a header of its own', async () => {
    const raw = composePlainMail({
      from,
      to: { name: 'Eve\r\nBcc: victim@example.com', address: 'eve@example.com' },
      subject: 'Hello\r\nBcc: victim@example.com\nX-Evil: 1',
      messageId: '<r2@scorecards.dev>',
      text: 'body',
      html: '<p>body</p>',
      headers: { 'X-Kind\r\nBcc': 'x', 'X-Ok': 'a\r\nBcc: victim@example.com' },
    });
    const m = await simpleParser(raw);
    expect(m.bcc).toBeUndefined();
    expect(m.headers.has('x-evil')).toBe(false);
    expect(m.subject).toBe('Hello Bcc: victim@example.com X-Evil: 1');
    expect(m.headers.get('x-ok')).toBe('a Bcc: victim@example.com');
    expect([...m.headers.keys()].filter((k) => k.startsWith('x-'))).toEqual(['x-ok']);
    expect(m.text).toBe('body');
  });

  it('reads MAIL_FROM with or without a name', () => {
    expect(parseMailbox('Scorecards <no-reply@scorecards.dev>')).toEqual({
      name: 'Scorecards',
      address: 'no-reply@scorecards.dev',
    });
    expect(parseMailbox('ops@example.com')).toEqual({ name: '', address: 'ops@example.com' });
    expect(parseMailbox('')).toBeNull();
  });
});
