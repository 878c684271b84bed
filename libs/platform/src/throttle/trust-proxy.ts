/**
 * TRUST_PROXY in the form Fastify takes. Fastify 5 reads a bare number as "trust nobody" (a hop
 * count cannot check who the nearest peer is), so a hop count becomes a function trusting the
 * nearest `hops` peers whatever their address, as Express does. The socket's peer is hop 0;
 * with 1, the last X-Forwarded-For entry (written by that one proxy) is the client.
 */
export function fastifyTrustProxy(
  trust: boolean | number | string[],
): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust !== 'number') return trust;
  if (trust <= 0) return false;
  return (_address: string, hop: number) => hop < trust;
}
