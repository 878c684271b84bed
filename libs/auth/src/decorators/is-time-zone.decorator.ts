import type { ValidationOptions } from 'class-validator';
import { registerDecorator } from 'class-validator';

export function isValidTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA timezone name that this runtime knows (e.g. "America/New_York"). */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an IANA timezone such as Europe/Berlin`, ...options },
      validator: { validate: isValidTimeZone },
    });
}
