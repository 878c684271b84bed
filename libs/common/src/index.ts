export { AllExceptionsFilter, errorBody, isDatabaseUnavailable, RETRY_AFTER_SECONDS, type ErrorBody } from './errors/all-exceptions.filter';
export { DetailedHttpException, conflict, unprocessable } from './errors/app-exceptions';
export { ErrorResponseDto, FieldErrorDto } from './errors/error-response.dto';
export { createValidationPipe, flattenValidationErrors, type FieldError } from './errors/validation';
export { ApiErrors, ERROR_DESCRIPTIONS } from './http/api-errors.decorator';
export { PageQueryDto, PageInfoDto, type Page, encodeCursor, decodeCursor } from './pagination/page.dto';
export { wallClock } from './time/wall-clock';
export { PeriodicTask } from './periodic/periodic-task';
export { completeOpenApiContract } from './http/openapi-contract';
