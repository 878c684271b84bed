export type OutboundFailure =
  'invalid' | 'scheme' | 'internal' | 'connect' | 'timeout' | 'redirect' | 'status' | 'too_large';

/**
 * A refused or failed outbound request. `message` is safe to show to users and to store in a
 * delivery log: it never names an internal address, a port or a socket error, so that the
 * feature cannot be used to map the network. `detail` is for the server log only.
 */
export class OutboundError extends Error {
  constructor(
    readonly reason: OutboundFailure,
    message: string,
    readonly detail: string = message,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'OutboundError';
  }
}

export const REFUSED_INTERNAL = 'refused: the address is internal';
