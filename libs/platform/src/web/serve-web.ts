import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Paths the server owns; an unknown one there is a real 404, not a page of the web app. */
const SERVER_PREFIXES = ['/api', '/admin', '/health', '/metrics'];

/**
 * dist/web holds the built page. The compiled API runs from dist/apps/api/..., the tests from the
 * sources, so the folder is found by walking up rather than by a fixed relative path.
 */
export function findWebRoot(from = __dirname): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'dist', 'web');
    if (existsSync(join(candidate, 'index.html'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

export function isServerPath(url: string): boolean {
  const path = url.split('?')[0];
  return SERVER_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`));
}

function cacheHeaders(reply: FastifyReply, path: string): void {
  // hashed file names never change content; index.html must be re-read to pick up a new build
  if (/[\\/]assets[\\/]/.test(path)) reply.header('cache-control', 'public, max-age=31536000, immutable');
  else reply.header('cache-control', 'no-cache');
}

/**
 * Serves the built web page at `/`, and index.html for the page's own routes (client-side
 * routing). Registered in its own plugin scope so that `reply.sendFile` does not clash with other
 * plugins that bring @fastify/static (the queue dashboard).
 */
export async function serveWebApp(app: NestFastifyApplication, root = findWebRoot()): Promise<boolean> {
  if (!root) return false;
  await app.register(async (scope: FastifyInstance) => {
    await scope.register(fastifyStatic, {
      root,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      cacheControl: false,
      setHeaders: (res, path) => cacheHeaders(res, path),
    });
    scope.get('/*', (request, reply) => {
      // a missing asset (a chunk of an older build) must fail as such, not load index.html as script
      if (isServerPath(request.url) || request.url.startsWith('/assets/')) return reply.callNotFound();
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html');
    });
  });
  return true;
}
