import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter as BoardAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, DASHBOARD_COOKIE, Role } from '@app/auth';
import { QueueName } from '@app/queue';

export const DASHBOARD_PATH = '/admin/queues';
/** The web page's route that signs the browser in to the dashboard (the cookie) and comes back here. */
export const DASHBOARD_WEB_PAGE = '/queue-dashboard';
/** bull-board's page asks for IBM Plex from Google Fonts: this app's CSP loads nothing from elsewhere. */
const REMOTE_STYLESHEET = /<link\b[^>]*href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>\s*/g;

function tokenOf(req: FastifyRequest): string | null {
  const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (bearer) return bearer;
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DASHBOARD_COOKIE) return value.join('=');
  }
  return null;
}

/** A person opening the address in a browser tab, not a script calling bull-board's API. */
function isPageVisit(req: FastifyRequest): boolean {
  return req.method === 'GET' && /\btext\/html\b/.test(req.headers.accept ?? '');
}

function refuse(reply: FastifyReply, req: FastifyRequest, statusCode: 401 | 403, message: string) {
  // a tab opened directly (a bookmark, a pasted link) goes to the web page, which signs in and comes back
  if (isPageVisit(req))
    return reply.code(303).header('location', DASHBOARD_WEB_PAGE).header('cache-control', 'no-store').send();
  return reply
    .code(statusCode)
    .send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message, requestId: req.id });
}

/**
 * BullMQ's dashboard (@bull-board) at /admin/queues, for admins only: the bearer token, or the
 * cookie that POST /api/v1/auth/dashboard-session sets for the web page's link. A browser tab
 * without either is sent to the web page's /queue-dashboard, which signs in and sets the cookie.
 */
export async function mountQueueDashboard(app: NestFastifyApplication): Promise<void> {
  const auth = app.get(AuthService);
  const queues = Object.values(QueueName).map((name) => app.get<Queue>(getQueueToken(name), { strict: false }));
  const board = new BoardAdapter();
  createBullBoard({
    queues: queues.map((q) => new BullMQAdapter(q)),
    serverAdapter: board,
    options: { uiConfig: { boardTitle: 'Scorecards queues' } },
  });
  board.setBasePath(DASHBOARD_PATH);
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(
    async (scope) => {
      scope.addHook('onRequest', async (req, reply) => {
        const token = tokenOf(req);
        const user = token ? await auth.userFromToken(token) : null;
        if (!user) return refuse(reply, req, 401, 'Sign in as an admin to open the queue dashboard');
        if (!user.roles.includes(Role.Admin)) return refuse(reply, req, 403, 'The queue dashboard is for admins');
      });
      // its page, without the remote font stylesheet the CSP would refuse (the system font is used instead)
      scope.addHook('onSend', async (_req, reply, payload) => {
        if (typeof payload !== 'string' || !/text\/html/.test(String(reply.getHeader('content-type') ?? '')))
          return payload;
        return payload.replace(REMOTE_STYLESHEET, '');
      });
      await scope.register(board.registerPlugin());
    },
    { prefix: DASHBOARD_PATH },
  );
}
