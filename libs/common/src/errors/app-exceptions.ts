import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * An HttpException that carries structured `details` into the error body
 * (for example the current version on a 409, or what is missing on a 422).
 */
export class DetailedHttpException extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly details?: unknown,
  ) {
    super({ message, details }, status);
  }
}

export const conflict = (message: string, details?: unknown) =>
  new DetailedHttpException(HttpStatus.CONFLICT, message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new DetailedHttpException(HttpStatus.UNPROCESSABLE_ENTITY, message, details);

/**
 * 409 for an optimistic-lock miss: one message and one `details` shape ({ currentRevision }) on every
 * resource that takes a `revision`, so the web page handles them all the same way.
 */
export const staleRevision = (what: string, current: number, yours: number) =>
  conflict(`${what} was changed by someone else (revision ${current}, yours ${yours}); reload it and try again`, {
    currentRevision: current,
  });

/**
 * The same 409 for a resource whose optimistic lock is called `version` (scorecards): `details` carries
 * `currentRevision` like staleRevision's, so a client handles every stale write alike, and
 * `currentVersion` (the same number) under the field's own name, which the scorecard page reads. The
 * message is the resource's own (the page shows it).
 */
export const staleVersion = (message: string, current: number) =>
  conflict(message, { currentRevision: current, currentVersion: current });

/**
 * 400 for one bad field found by a service (not the validation pipe): `details` names the field like
 * the pipe's, so the web page places the message beside it.
 */
export const fieldError = (field: string, message: string) =>
  new DetailedHttpException(HttpStatus.BAD_REQUEST, message, [{ field, messages: [message] }]);
