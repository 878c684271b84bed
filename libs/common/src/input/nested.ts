import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';

const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
const kind = (v: unknown) => (Array.isArray(v) ? 'an array' : v === null ? 'null' : `a ${typeof v}`);

/**
 * Each element of a list of nested DTOs is an object. `@ValidateNested({ each: true })` alone
 * descends into an array found where an object belongs and lets it through to the service;
 * the message names the first bad element (`questions.1`).
 */
export function EachIsObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'eachIsObject',
      validator: {
        validate: (v: unknown) => !Array.isArray(v) || v.every(isObject),
        defaultMessage: (a) => {
          const list = a?.value as unknown[];
          const i = list.findIndex((x) => !isObject(x));
          return `${a?.property}.${i} must be an object, not ${kind(list[i])}`;
        },
      },
    },
    options,
  );
}

/** One nested DTO is an object (not an array, a string or a number); the message names the field. */
export function IsNestedObject(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isNestedObject',
      validator: {
        validate: (v: unknown) => isObject(v),
        defaultMessage: (a) => `${a?.property} must be an object, not ${kind(a?.value)}`,
      },
    },
    options,
  );
}
