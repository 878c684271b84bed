import type { ArgumentMetadata, BadRequestException, ValidationError } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { assertCleanInput, DEFAULT_INPUT_LIMITS, type InputLimits } from '../input/input-guard';
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

/**
 * Checks what the client sent (NUL, lone surrogates, depth, size) before class-transformer sees
 * it: the transformer recurses, and text PostgreSQL cannot store would otherwise surface as a 500.
 */
class GuardedValidationPipe extends ValidationPipe {
  constructor(
    options: ConstructorParameters<typeof ValidationPipe>[0],
    private readonly limits: InputLimits,
  ) {
    super(options);
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom')
      assertCleanInput(value, metadata.type === 'param' && metadata.data ? metadata.data : metadata.type, this.limits);
    return super.transform(value, metadata);
  }
}

/** The one global ValidationPipe: unknown fields are refused and named, types are transformed. */
export function createValidationPipe(limits: Partial<InputLimits> = {}): ValidationPipe {
  return new GuardedValidationPipe(
    {
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      forbidUnknownValues: true,
      stopAtFirstError: false,
      exceptionFactory: (errors) => {
        const details = flattenValidationErrors(errors);
        const message = details
          .flatMap((d) => d.messages.map((m) => (m.includes(d.field) ? m : `${d.field}: ${m}`)))
          .join('; ');
        const ex = new DetailedHttpException(400, message || 'Invalid request', details);
        return ex satisfies BadRequestException | DetailedHttpException;
      },
    },
    { ...DEFAULT_INPUT_LIMITS, ...limits },
  );
}
