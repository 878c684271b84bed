import { Temporal } from 'temporal-polyfill';
import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';
import { DetailedHttpException } from '../errors/app-exceptions';

/** Long enough for `2027-12-01T10:00:00.123456789+01:00[America/Argentina/ComodRivadavia]`. */
const MAX_LENGTH = 80;
// Each pattern is anchored and has no nested or adjacent ambiguous quantifiers (linear).
const WEEK_DATE = /^(\d{4})-?W(\d{2})-?([1-7])(?=$|[Tt ])/;
const ORDINAL_DATE = /^(\d{4})-?(\d{3})(?=$|[Tt ])/;
const YEAR_FIRST = /^\d{4}/;
const HAS_OFFSET = /(?:[Zz]|[+\u2212-]\d{2}(?::?\d{2}(?::?\d{2}(?:[.,]\d{1,9})?)?)?)(?:\[[^\]]*\])*$/;

export class DateTimeInputError extends Error {}

/**
 * Week (`2027-W49-2`) and ordinal (`2027-335`) dates, which Temporal does not parse, rewritten as
 * calendar dates; the time part is kept as given.
 */
function calendarForm(value: string): string {
  const week = WEEK_DATE.exec(value);
  if (week) {
    const [, y, w, d] = week;
    const jan4 = Temporal.PlainDate.from({ year: Number(y), month: 1, day: 4 });
    // ISO 8601: week 1 is the week holding January 4th; weeks start on Monday
    const date = jan4.subtract({ days: jan4.dayOfWeek - 1 }).add({ days: (Number(w) - 1) * 7 + Number(d) - 1 });
    if (Number(w) < 1 || date.yearOfWeek !== Number(y))
      throw new DateTimeInputError(`week ${w} does not exist in ${y}`);
    return date.toString() + value.slice(week[0].length);
  }
  const ordinal = ORDINAL_DATE.exec(value);
  if (ordinal) {
    const [, y, n] = ordinal;
    const first = Temporal.PlainDate.from({ year: Number(y), month: 1, day: 1 });
    if (Number(n) < 1 || Number(n) > first.daysInYear) throw new DateTimeInputError(`day ${n} does not exist in ${y}`);
    return first.add({ days: Number(n) - 1 }).toString() + value.slice(ordinal[0].length);
  }
  return value;
}

/**
 * An API date-time to an instant. Every ISO 8601 / RFC 3339 form is read: with `Z` or an offset
 * (`+01`, `+01:00`, `+0100`) it is that instant; without one it is a wall-clock time in `timeZone`
 * (the user's or the interview's). A wall time skipped by a daylight-saving change moves forward by
 * the gap and a repeated one takes the earlier instant: Temporal's `compatible`, as calendars do,
 * the same in every zone. Hours alone (`T10`), fractional seconds, basic format (`20271201T1000Z`),
 * week dates (`2027-W49-2T10:00`), ordinal dates and dates alone (midnight) are accepted.
 */
export function toInstant(value: unknown, timeZone: string): Date {
  if (typeof value !== 'string') throw new DateTimeInputError('must be an ISO 8601 date-time string');
  const text = value.trim();
  if (text.length > MAX_LENGTH)
    throw new DateTimeInputError(`must be an ISO 8601 date-time of at most ${MAX_LENGTH} characters`);
  if (!YEAR_FIRST.test(text))
    throw new DateTimeInputError(
      'must be an ISO 8601 date-time with a four-digit year, e.g. 2027-12-01T10:00 or 2027-12-01T10:00:00Z',
    );
  let iso: string;
  try {
    iso = calendarForm(text);
  } catch (e) {
    if (e instanceof DateTimeInputError) throw e;
    throw new DateTimeInputError('is not a valid ISO 8601 date');
  }
  const time = /[Tt ]/.exec(iso);
  const offset = time !== null && HAS_OFFSET.test(iso.slice(time.index + 1));
  try {
    let instant: Temporal.Instant;
    if (offset) instant = Temporal.Instant.from(iso);
    else if (iso.includes('['))
      instant = Temporal.ZonedDateTime.from(iso, { disambiguation: 'compatible' }).toInstant();
    else
      instant = Temporal.PlainDateTime.from(iso)
        .toZonedDateTime(timeZone, { disambiguation: 'compatible' })
        .toInstant();
    const ms = instant.epochMilliseconds;
    if (ms < Date.UTC(1970, 0, 1) || ms >= Date.UTC(10000, 0, 1))
      throw new DateTimeInputError('must be between 1970 and 9999');
    return new Date(ms);
  } catch (e) {
    if (e instanceof DateTimeInputError) throw e;
    throw new DateTimeInputError(
      `is not a valid ISO 8601 date-time (${e instanceof Error ? e.message.slice(0, 120) : 'unreadable'})`,
    );
  }
}

/** `toInstant` for a request field: a refusal is the API's 400 naming the field. */
export function parseDateTimeInput(value: unknown, field: string, timeZone: string): Date {
  try {
    return toInstant(value, timeZone);
  } catch (e) {
    if (!(e instanceof DateTimeInputError)) throw e;
    const message = `${field} ${e.message}`;
    throw new DetailedHttpException(400, message, [{ field, messages: [message] }]);
  }
}

/**
 * A `@Transform` for a DTO date-time read in UTC when it has no offset: any ISO 8601 form (week dates,
 * `+01`, hours alone) becomes one canonical instant, since `new Date()` in a service or a driver reads
 * no week or ordinal date (an Invalid Date). What cannot be read is left as sent, for
 * IsDateTimeInput to refuse with the field's name.
 */
export function asUtcInstant({ value }: { value: unknown }): unknown {
  try {
    return toInstant(value, 'UTC').toISOString();
  } catch {
    return value;
  }
}

/**
 * A DTO field holding an API date-time (see `toInstant`). The syntax is checked here; the service
 * turns it into an instant with `parseDateTimeInput`, once it knows the timezone of a local time.
 */
export function IsDateTimeInput(options?: ValidationOptions): PropertyDecorator {
  const problem = (v: unknown): string | null => {
    try {
      toInstant(v, 'UTC');
      return null;
    } catch (e) {
      return e instanceof DateTimeInputError ? e.message : 'is not a valid date-time';
    }
  };
  return ValidateBy(
    {
      name: 'isDateTimeInput',
      validator: {
        validate: (v: unknown) => problem(v) === null,
        defaultMessage: (a) => `${a?.property} ${problem(a?.value) ?? 'must be an ISO 8601 date-time'}`,
      },
    },
    options,
  );
}
