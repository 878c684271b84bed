import { OutboundError } from '@app/outbound';

const UNREACHABLE = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'EDNS',
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'ETLS',
]);

/**
 * What the delivery log (shown to the recipient as well as to admins) and the reminder's reason say
 * about a failed send: a generic text, never an address, a port or a socket error, so that a
 * webhook URL cannot be used to probe the network. The server log keeps the details.
 */
export function deliveryErrorText(channel: string, e: unknown): string {
  if (e instanceof OutboundError) return e.message;
  if (channel === 'webhook') return 'could not deliver';
  const err = e as { code?: unknown; responseCode?: unknown } | null;
  if (typeof err?.responseCode === 'number') return `the mail server refused the message (${err.responseCode})`;
  if (err?.code === 'EAUTH') return 'the mail server refused the sign-in';
  if (typeof err?.code === 'string' && UNREACHABLE.has(err.code)) return 'the mail server could not be reached';
  return 'could not send the email';
}
