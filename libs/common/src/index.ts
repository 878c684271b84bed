export {
  AllExceptionsFilter,
  errorBody,
  isDatabaseUnavailable,
  RETRY_AFTER_SECONDS,
  type ErrorBody,
} from './errors/all-exceptions.filter';
export {
  DetailedHttpException,
  conflict,
  fieldError,
  staleRevision,
  staleVersion,
  unprocessable,
} from './errors/app-exceptions';
export { ErrorResponseDto, FieldErrorDto } from './errors/error-response.dto';
export { createValidationPipe, flattenValidationErrors, type FieldError } from './errors/validation';
export { ApiErrors, ERROR_DESCRIPTIONS } from './http/api-errors.decorator';
export {
  PageQueryDto,
  MAX_CURSOR_LENGTH,
  PageInfoDto,
  type Page,
  encodeCursor,
  readCursor,
  nextCursor,
  type CursorKind,
  type CursorPart,
  type CursorValues,
} from './pagination/page.dto';
export { IsUpdatedSince } from './pagination/updated-since';
export { wallClock } from './time/wall-clock';
export { PeriodicTask } from './periodic/periodic-task';
export { completeOpenApiContract } from './http/openapi-contract';
export {
  assertCleanInput,
  badText,
  findInputProblem,
  DEFAULT_INPUT_LIMITS,
  type InputLimits,
} from './input/input-guard';
export { IsPlainEmail, plainEmailProblem, MAX_EMAIL } from './input/plain-email';
export { EachIsObject, IsNestedObject } from './input/nested';
export {
  toInstant,
  parseDateTimeInput,
  IsDateTimeInput,
  DateTimeInputError,
  asUtcInstant,
} from './time/date-time-input';
export { UniqueBy, firstDuplicate } from './input/unique';
export {
  DomainEventsService,
  OnDomainEvent,
  type DomainEventMap,
  type DomainEventName,
} from './events/domain-events.service';
export { seatKey, seatKeys, type Seat, type SeatKey } from './keys/seat';
export { TransactionalRepository } from './database/transactional.repository';
export { fixedRead, registerSharedConnectionScope } from './database/fixed-read';
export { UuidParamsPipe, isUuid, isUuidParam } from './http/uuid-params.pipe';
