import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';

interface PgError {
  code?: string;
  constraint?: string;
  detail?: string;
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
      body: { statusCode: status, error: STATUS_CODES[status] ?? 'Error', message, ...(details !== undefined ? { details } : {}), requestId },
      internal: status >= 500,
    };
  }
  const fw = exception as FrameworkError;
  if (fw && typeof fw.statusCode === 'number' && fw.statusCode >= 400 && fw.statusCode < 500) {
    const message = (fw.code && FASTIFY_MESSAGES[fw.code]) || fw.message || 'Bad request';
    return { body: { statusCode: fw.statusCode, error: STATUS_CODES[fw.statusCode] ?? 'Error', message, requestId }, internal: false };
  }
  const pg = exception as PgError;
  if (pg?.code === '22P02' || pg?.code === '22007' || pg?.code === '22008') {
    return { body: { statusCode: 400, error: 'Bad Request', message: 'A value has the wrong format', requestId }, internal: false };
  }
  if (pg?.code === '40001' || pg?.code === '40P01') {
    return { body: { statusCode: 409, error: 'Conflict', message: 'The request conflicted with a concurrent change; retry it', requestId }, internal: false };
  }
  return {
    body: { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side. Quote the request id if you report it.', requestId },
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
    if (internal) {
      this.logger.error({ err: exception, requestId }, exception instanceof Error ? exception.message : 'unhandled error');
    }
    if (body.statusCode === HttpStatus.TOO_MANY_REQUESTS) reply.header('retry-after', '60');
    reply.status(body.statusCode).header('x-request-id', requestId).send(body);
  }
}
