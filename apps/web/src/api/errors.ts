/** One field's problems, as the API names them (`questions.0.prompt`). */
export interface FieldProblem {
  field: string;
  messages: string[];
}

/**
 * An API error in the one shape every endpoint uses: {statusCode, error, message, details?, requestId}.
 * `details` is a list of field problems for validation errors, or facts such as the current
 * revision on a 409 or what is missing on a 422.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: unknown,
    readonly requestId: string | null,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  static from(response: Response, body: unknown): ApiError {
    const b = (body && typeof body === 'object' ? body : {}) as {
      message?: unknown;
      details?: unknown;
      requestId?: unknown;
    };
    const message = typeof b.message === 'string' ? b.message : response.statusText || `HTTP ${response.status}`;
    const requestId = typeof b.requestId === 'string' ? b.requestId : response.headers.get('x-request-id');
    return new ApiError(response.status, message, b.details, requestId);
  }

  static network(cause: unknown): ApiError {
    return new ApiError(0, cause instanceof Error ? cause.message : String(cause), undefined, null);
  }

  /** Validation problems by field path; empty for other errors. */
  get fieldProblems(): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldProblem => !!d && typeof d.field === 'string' && Array.isArray(d.messages),
    );
  }

  /** The message for one field (or any field under it, e.g. `criteria` covers `criteria.0.label`). */
  forField(path: string): string | undefined {
    const hits = this.fieldProblems.filter((p) => p.field === path || p.field.startsWith(`${path}.`));
    return hits.length ? sentence(hits.flatMap((p) => p.messages).join('; ')) : undefined;
  }

  /** A fact from `details` (e.g. `currentRevision` on a 409). */
  detail<T = unknown>(key: string): T | undefined {
    return this.details && typeof this.details === 'object' && !Array.isArray(this.details)
      ? ((this.details as Record<string, unknown>)[key] as T)
      : undefined;
  }
}

function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return t[0].toUpperCase() + t.slice(1) + (/[.!?]$/.test(t) ? '' : '.');
}

/** What went wrong, in words a person understands, for any error a page may catch. */
export function describeError(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in this page. Reload it and try again.';
  switch (error.status) {
    case 0:
      return 'Could not reach the server. Check your connection and try again.';
    case 401:
      return error.message.toLowerCase().includes('invalid')
        ? 'That email and password do not match an account.'
        : 'Your session has ended. Sign in again.';
    case 403:
      return 'Your account is not allowed to do this. Ask an admin if you need access.';
    case 404:
      return 'We could not find that. It may have been deleted, or the link is wrong.';
    case 409:
      return 'Someone else changed this while you were working on it. Reload to see the latest version, then make your change again.';
    case 413:
      return 'That is too large to send. Try a shorter text.';
    case 429:
      return 'Too many attempts in a short time. Wait a minute and try again.';
    default:
      if (error.status >= 500)
        return `Something went wrong on our side. Try again; if it keeps happening, quote reference ${error.requestId ?? 'unknown'}.`;
      return sentence(error.message);
  }
}
