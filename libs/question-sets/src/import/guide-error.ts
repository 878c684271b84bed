/**
 * Thrown when a guide cannot be imported at all (binary data, malformed JSON export, no questions,
 * a limit exceeded). Problems that only affect part of a guide go into the import report instead.
 */
export class GuideFormatError extends Error {
  constructor(
    message: string,
    readonly line?: number,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'GuideFormatError';
  }
}
