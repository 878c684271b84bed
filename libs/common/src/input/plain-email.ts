import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';

export const MAX_EMAIL = 254;
// RFC 5321 dot-atom characters; each part is matched on its own (split on '.'), so no backtracking
const ATOM = /^[a-z0-9!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const TLD = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Why `value` is not a plain address (`local@domain.tld`, dot-atom local part, DNS host name), or
 * null. Quoted local parts, comments, display names (`Ada <a@x.com>`), IP literals, whitespace and
 * invalid Unicode are refused: they are legal in RFC 5322 but break invites, headers and look-ups.
 */
export function plainEmailProblem(value: unknown): string | null {
  if (typeof value !== 'string') return 'must be a string';
  if (value.length > MAX_EMAIL) return `must be at most ${MAX_EMAIL} characters`;
  // the plainest mistake gets the plainest words (the sign-in form shows them as they are)
  if (!value.includes('@')) return 'must be an email address';
  if (/[\s\u0000-\u001f\u007f]/.test(value)) return 'must not contain whitespace or control characters';
  if (!(value as string & { isWellFormed(): boolean }).isWellFormed()) return 'must not contain lone surrogates';
  const at = value.indexOf('@');
  if (at < 1 || at !== value.lastIndexOf('@')) return 'must be a plain address like name@example.com';
  const local = value.slice(0, at).toLowerCase();
  const domain = value.slice(at + 1).toLowerCase();
  if (local.length > 64 || !local.split('.').every((p) => ATOM.test(p)))
    return 'must have a plain local part (no quotes, spaces or display name)';
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l)) || !TLD.test(labels[labels.length - 1]))
    return 'must have a valid domain name';
  return null;
}

/** The one rule for email fields: a plain address, trimmed and lower-cased. */
export function IsPlainEmail(options?: ValidationOptions): PropertyDecorator {
  return applyDecorators(
    // what the Swagger plugin wrote for @IsEmail @MaxLength(254); `required` still comes from the plugin
    ApiProperty({ format: 'email', maxLength: MAX_EMAIL }),
    Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value)),
    ValidateBy(
      {
        name: 'isPlainEmail',
        validator: {
          validate: (v: unknown) => plainEmailProblem(v) === null,
          defaultMessage: (a) => `${a?.property} ${plainEmailProblem(a?.value) ?? 'must be an email address'}`,
        },
      },
      options,
    ),
  );
}
