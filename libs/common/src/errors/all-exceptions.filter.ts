import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
  message?: string;
  name?: string;
  /** TypeORM's QueryFailedError keeps the driver's error here */
  driverError?: unknown;
  cause?: unknown;
}

/** Seconds a client should wait before retrying a 503. */
export const RETRY_AFTER_SECONDS = 5;

const CONNECTION_ERRNOS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNABORTED',
]);
// pg's own texts for a lost or unobtainable connection (it has no code for them)
const CONNECTION_MESSAGES = [
  /Connection terminated/i,
  /timeout exceeded when trying to connect/i,
  /Client has encountered a connection error/i,
  /Connection ended unexpectedly/i,
  /Client was closed and is not queryable/i,
  /terminating connection/i,
  /the database system is (starting up|shutting down|in recovery mode)/i,
];
const CONNECTION_ERROR_NAMES = new Set([
  'CannotConnectAlreadyConnectedError',
  'ConnectionIsNotSetError',
  'CannotConnectError',
  'CannotExecuteNotConnectedError',
]);

/**
 * True when the error says the database cannot be reached (as opposed to a query it refused):
 * socket errors, pg's connection texts, SQLSTATE 57P01-57P03 (admin shutdown, crash, cannot connect
 * now), class 08 (connection exception) and 53300 (too many connections), also wrapped by TypeORM.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 4) return false;
  const e = error as PgError;
  const code = typeof e.code === 'string' ? e.code : '';
  if (CONNECTION_ERRNOS.has(code)) return true;
  if (/^57P0[123]$/.test(code) || /^08[0-9A-Z]{3}$/.test(code) || code === '53300') return true;
  if (typeof e.name === 'string' && (CONNECTION_ERROR_NAMES.has(e.name) || e.name.startsWith('CannotConnect')))
    return true;
  if (typeof e.message === 'string' && CONNECTION_MESSAGES.some((re) => re.test(e.message!))) return true;
  // AggregateError (several addresses refused), TypeORM's wrapper and Error causes
  const inner = (e as { errors?: unknown[] }).errors;
  if (Array.isArray(inner) && inner.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.driverError, depth + 1) || isDatabaseUnavailable(e.cause, depth + 1);
}

/** Fastify's own errors (body parsing, size limits) carry a statusCode and a FST_ code. */
interface FrameworkError {
  statusCode?: number;
  code?: string;
  message?: string;
}

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
  requestId: string;
}

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON: 'Malformed JSON in request body',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Request body is empty but Content-Type is application/json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported Content-Type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'Content-Length does not match the body',
};

export function errorBody(exception: unknown, requestId: string): { body: ErrorBody; internal: boolean } {
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    let message: string = exception.message;
    let details: unknown;
    if (typeof res === 'string') message = res;
    else if (res && typeof res === 'object') {
      const r = res as { message?: unknown; details?: unknown };
      if (Array.isArray(r.message)) message = r.message.join('; ');
      else if (typeof r.message === 'string') message = r.message;
      details = r.details;
    }
    return {
      body: {
        statusCode: status,
        error: STATUS_CODES[status] ?? 'Error',
        message,
        ...(details !== undefined ? { details } : {}),
        requestId,
      },
      internal: status >= 500,
    };
  }
  const fw = exception as FrameworkError;
  if (fw && typeof fw.statusCode === 'number' && fw.statusCode >= 400 && fw.statusCode < 500) {
    const message = (fw.code && FASTIFY_MESSAGES[fw.code]) || fw.message || 'Bad request';
    return {
      body: { statusCode: fw.statusCode, error: STATUS_CODES[fw.statusCode] ?? 'Error', message, requestId },
      internal: false,
    };
  }
  if (isDatabaseUnavailable(exception)) {
    // internal: logged for operators, but the client only learns to come back
    return {
      body: {
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable; retry shortly',
        requestId,
      },
      internal: true,
    };
  }
  const pg = exception as PgError;
  if (pg?.code === '22P02' || pg?.code === '22007' || pg?.code === '22008') {
    return {
      body: { statusCode: 400, error: 'Bad Request', message: 'A value has the wrong format', requestId },
      internal: false,
    };
  }
  if (pg?.code === '40001' || pg?.code === '40P01') {
    return {
      body: {
        statusCode: 409,
        error: 'Conflict',
        message: 'The request conflicted with a concurrent change; retry it',
        requestId,
      },
      internal: false,
    };
  }
  return {
    body: {
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. Quote the request id if you report it.',
      requestId,
    },
    internal: true,
  };
}

/** One error shape everywhere; 500s never show internals, only the request id. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const request = ctx.getRequest<FastifyRequest>();
    const reply = ctx.getResponse<FastifyReply>();
    const requestId = String(request?.id ?? '');
    const { body, internal } = errorBody(exception, requestId);
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE) {
      // an outage is expected to pass: one warning line, no stack per request
      this.logger.warn(
        { requestId, cause: exception instanceof Error ? exception.message : String(exception) },
        'service unavailable',
      );
    } else if (internal) {
      this.logger.error(
        { err: exception, requestId },
        exception instanceof Error ? exception.message : 'unhandled error',
      );
    }
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS && !reply.getHeader('retry-after'))
      reply.header('retry-after', '60');
    // every 503 (database down, hashing saturated, unhealthy) tells the client when to come back
    if (body.statusCode === HttpStatus.SERVICE_UNAVAILABLE && !reply.getHeader('retry-after'))
      reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    reply.status(body.statusCode).header('x-request-id', requestId).send(body);
  }
}
