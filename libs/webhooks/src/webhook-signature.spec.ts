import { createHmac } from 'node:crypto';
import { signWebhook } from '@app/reminders';
import { signingSecrets, signWithSecrets } from './webhook-signature';

const hmac = (secret: string, t: number, body: string) =>
  createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');

describe('webhook signatures', () => {
  const at = new Date('2026-11-30T12:00:00Z');
  const t = at.getTime() / 1000;

  it('with one secret is exactly the reminders scheme', () => {
    expect(signWithSecrets(['new'], '{"a":1}', at)).toBe(signWebhook('new', '{"a":1}', at));
  });

  it('with two secrets carries one timestamp and a v1 per secret, newest first', () => {
    expect(signWithSecrets(['new', 'old'], 'body', at)).toBe(
      `t=${t},v1=${hmac('new', t, 'body')},v1=${hmac('old', t, 'body')}`,
    );
  });

  it('keeps the previous secret only until its grace period ends', () => {
    const sub = { secret: 'new', previousSecret: 'old', previousSecretExpiresAt: new Date(at.getTime() + 1000) };
    expect(signingSecrets(sub, at)).toEqual(['new', 'old']);
    expect(signingSecrets(sub, new Date(at.getTime() + 1000))).toEqual(['new']);
    expect(signingSecrets({ secret: 'only', previousSecret: null, previousSecretExpiresAt: null }, at)).toEqual([
      'only',
    ]);
  });
});
