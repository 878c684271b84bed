import { OutboundError, REFUSED_INTERNAL } from '@app/outbound';
import { deliveryErrorText } from './delivery-error';

const errorWith = (message: string, extra: Record<string, unknown>) => Object.assign(new Error(message), extra);

describe('deliveryErrorText', () => {
  it("keeps the outbound guard's generic text", () => {
    expect(
      deliveryErrorText(
        'webhook',
        new OutboundError('internal', REFUSED_INTERNAL, 'hooks.example.com is 127.0.0.1 (loopback)'),
      ),
    ).toBe(REFUSED_INTERNAL);
    expect(
      deliveryErrorText(
        'webhook',
        new OutboundError('status', 'answered 503 Service Unavailable', 'answered 503: busy', 503),
      ),
    ).toBe('answered 503 Service Unavailable');
  });

  it('never passes on an address, a port or a socket error', () => {
    const cases: Array<[string, unknown, string]> = [
      ['webhook', errorWith('connect ECONNREFUSED 127.0.0.1:18099', { code: 'ECONNREFUSED' }), 'could not deliver'],
      ['webhook', 'fetch failed', 'could not deliver'],
      [
        'email',
        errorWith('connect ECONNREFUSED 10.0.0.4:2525', { code: 'ESOCKET' }),
        'the mail server could not be reached',
      ],
      ['email', errorWith('Greeting never received', { code: 'ETIMEDOUT' }), 'the mail server could not be reached'],
      [
        'email',
        errorWith('Invalid login: 535 5.7.8 for user@10.0.0.4', { code: 'EAUTH', responseCode: undefined }),
        'the mail server refused the sign-in',
      ],
      [
        'email',
        errorWith('Message failed: 550 mailbox unavailable at mx.internal:25', { code: 'EMESSAGE', responseCode: 550 }),
        'the mail server refused the message (550)',
      ],
      ['log', new Error('EACCES /var/log/10.0.0.4'), 'could not send the email'],
      ['email', null, 'could not send the email'],
    ];
    for (const [channel, error, text] of cases) {
      expect(deliveryErrorText(channel, error)).toBe(text);
      expect(deliveryErrorText(channel, error)).not.toMatch(/ECONN|\d+\.\d+\.\d+\.\d+|:\d{2,}/);
    }
  });
});
