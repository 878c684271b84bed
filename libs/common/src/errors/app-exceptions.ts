import { HttpException, HttpStatus } from '@nestjs/common';

/**
 * An HttpException that carries structured `details` into the error body
 * (for example the current version on a 409, or what is missing on a 422).
 */
export class DetailedHttpException extends HttpException {
  constructor(status: HttpStatus, message: string, readonly details?: unknown) {
    super({ message, details }, status);
  }
}

export const conflict = (message: string, details?: unknown) =>
  new DetailedHttpException(HttpStatus.CONFLICT, message, details);
export const unprocessable = (message: string, details?: unknown) =>
  new DetailedHttpException(HttpStatus.UNPROCESSABLE_ENTITY, message, details);
