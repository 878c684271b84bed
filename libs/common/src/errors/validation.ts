import type { ArgumentMetadata, BadRequestException, ValidationError } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { assertCleanInput, DEFAULT_INPUT_LIMITS, type InputLimits } from '../input/input-guard';
import { DetailedHttpException } from './app-exceptions';

export interface FieldError {
  field: string;
  messages: string[];
}

export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = e.constraints ? [{ field, messages: [...new Set(Object.values(e.constraints))] }] : [];
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

type Storage = ReturnType<typeof getMetadataStorage>;
type Metadatas = ReturnType<Storage['getTargetValidationMetadatas']>;

/**
 * class-validator looks up a class's rules on every validation of every object: it filters the
 * class's metadata and walks every decorated class of the process (a few hundred here) for
 * ancestors, then groups the result by property, for the body and again for each nested item (ten
 * times for an autosave's ratings). A class's rules are fixed once its module has loaded (they come
 * from its own and its ancestors' decorators, which load first), so each lookup is kept per class
 * and options; validation with groups, which this app does not use, is left as it was. The results
 * are only read by the validator.
 */
export function memoizeValidationMetadata(storage: Storage = getMetadataStorage()): void {
  const marked = storage as Storage & { memoized?: true };
  if (marked.memoized) return;
  marked.memoized = true;
  const lookup = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const byTarget = new Map<unknown, Map<string, Metadatas>>();
  const grouped = new WeakMap<Metadatas, ReturnType<Storage['groupByPropertyName']>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    if (groups?.length) return lookup(target, schema, always, strictGroups, groups);
    let forTarget = byTarget.get(target);
    if (!forTarget) byTarget.set(target, (forTarget = new Map()));
    const key = `${schema}|${always}|${strictGroups}`;
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadatas) => {
    let found = grouped.get(metadatas);
    if (!found) grouped.set(metadatas, (found = group(metadatas)));
    return found;
  };
}

/** The one global ValidationPipe: unknown fields are refused and named, types are transformed. */
export function createValidationPipe(limits: Partial<InputLimits> = {}): ValidationPipe {
  memoizeValidationMetadata();
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
