import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { DetailedHttpException } from './app-exceptions';

export interface FieldError {
  field: string;
  messages: string[];
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: Object.values(e.constraints) }] : [];
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** The one global ValidationPipe: unknown fields are refused and named, types are transformed. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    forbidUnknownValues: true,
    stopAtFirstError: false,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const message = details.flatMap((d) => d.messages.map((m) => (m.includes(d.field) ? m : `${d.field}: ${m}`))).join('; ');
      const ex = new DetailedHttpException(400, message || 'Invalid request', details);
      return ex satisfies BadRequestException | DetailedHttpException;
    },
  });
}
