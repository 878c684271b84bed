/** Seconds in a duration such as 900, 15m, 12h or 14d (the JWT_TTL and REFRESH_TTL format). */
export function ttlSeconds(ttl: string): number {
  const m = /^(\d+)([smhd]?)$/.exec(ttl);
  if (!m) return 3600;
  const n = Number(m[1]);
  return n * ({ '': 1, s: 1, m: 60, h: 3600, d: 86400 } as Record<string, number>)[m[2]];
}
