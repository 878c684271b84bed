import { ForbiddenException } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export const CSRF_HEADER = 'x-requested-with';

/**
 * Cookie-authenticated endpoints answer only calls the page itself makes. A form or an image on
 * another site cannot set a custom header, and a cross-site fetch with one needs a CORS preflight
 * this API never grants; a browser's Origin, when it sends one, must be this app's.
 */
export function assertSameOriginCall(req: FastifyRequest, publicUrl: string): void {
  const marker = req.headers[CSRF_HEADER];
  if (typeof marker !== 'string' || !marker.trim()) {
    throw new ForbiddenException(`This endpoint needs the ${CSRF_HEADER} header, as the web page sends it`);
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const allowed = new Set([originOf(publicUrl), `${req.protocol}://${req.headers.host ?? ''}`]);
  if (!allowed.has(origin)) throw new ForbiddenException('This endpoint only answers the web page of this app');
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
