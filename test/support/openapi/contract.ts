import type { OpenApiOperation } from './document';
import type { ResponseValidator } from './validator';

export interface Sent {
  method: string;
  url: string;
  body?: string;
  contentType?: string;
}

export interface Received {
  status: number;
  contentType: string;
  text: string;
}

const ERROR_KEYS = new Set(['statusCode', 'error', 'message', 'details', 'requestId']);

/** What in a response differs from the operation's declaration (empty when it matches). */
export function contractProblems(op: OpenApiOperation, res: Received, validator: ResponseValidator): string[] {
  const problems: string[] = [];
  const declared = op.responses[String(res.status)] ?? op.responses.default;
  let json: unknown;
  let parsed = false;
  if (/json/.test(res.contentType) && res.text) {
    try {
      json = JSON.parse(res.text);
      parsed = true;
    } catch {
      problems.push('body is not JSON although the Content-Type says so');
    }
  }
  if (res.status >= 400) {
    const e = json as Record<string, unknown> | undefined;
    if (!parsed || !e || typeof e !== 'object' || Array.isArray(e))
      problems.push(`error body is not the error shape (${res.contentType})`);
    else {
      const extra = Object.keys(e).filter((k) => !ERROR_KEYS.has(k));
      if (
        e.statusCode !== res.status ||
        typeof e.error !== 'string' ||
        typeof e.message !== 'string' ||
        typeof e.requestId !== 'string' ||
        !e.requestId ||
        extra.length
      ) {
        problems.push(
          `error shape: ${JSON.stringify({ statusCode: e.statusCode, error: typeof e.error, message: typeof e.message, requestId: typeof e.requestId, extra })}`,
        );
      }
    }
  }
  if (!declared) {
    problems.push(`status ${res.status} not declared`);
    return problems;
  }
  const media = declared.content ?? {};
  if (!Object.keys(media).length) {
    if (res.text) problems.push(`a body (${res.contentType}) where the document declares none`);
    return problems;
  }
  const entry = media[res.contentType];
  if (!entry) {
    problems.push(`Content-Type ${res.contentType || '(none)'} not declared (${Object.keys(media).join(', ')})`);
    return problems;
  }
  if (entry.schema) {
    const problem = parsed
      ? validator.check(entry.schema, json)
      : /json/.test(res.contentType)
        ? null
        : validator.check(entry.schema, res.text);
    if (problem) problems.push(`schema: ${problem}`);
  }
  return problems;
}
