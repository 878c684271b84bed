import type { ValidationOptions } from 'class-validator';
import { ValidateBy } from 'class-validator';

/** The first repeated element: its index, the index it repeats, and the key they share. */
export function firstDuplicate<T>(
  list: readonly T[],
  key: (item: T) => unknown,
): { index: number; first: number; key: string } | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < list.length; i++) {
    const k = key(list[i]);
    // elements without a key (a new item without an id) are never duplicates of each other
    if (k === undefined || k === null || k === '') continue;
    const text = typeof k === 'string' ? k : JSON.stringify(k);
    const first = seen.get(text);
    if (first !== undefined) return { index: i, first, key: text };
    seen.set(text, i);
  }
  return null;
}

/**
 * The list names each entry once. `key` picks what must be unique (an id, or a pair such as
 * question and criterion); `what` names it in the message: "ratings.3 names questionId/criterionId
 * 5f…/c1 twice (also ratings.0)". Two entries for one thing in one save are ambiguous (which
 * rating wins?) and used to reach a unique index as a 500.
 */
export function UniqueBy<T = unknown>(
  what: string,
  key: (item: T) => unknown = (x) => x,
  options?: ValidationOptions,
): PropertyDecorator {
  const safeKey = (item: T): unknown => {
    try {
      return key(item);
    } catch {
      return undefined; // a malformed element is reported by its own validators
    }
  };
  return ValidateBy(
    {
      name: 'uniqueBy',
      validator: {
        validate: (v: unknown) => !Array.isArray(v) || firstDuplicate(v as T[], safeKey) === null,
        defaultMessage: (a) => {
          const d = firstDuplicate(a?.value as T[], safeKey)!;
          return `${a?.property}.${d.index} names ${what} ${d.key.slice(0, 120)} twice (also ${a?.property}.${d.first})`;
        },
      },
    },
    options,
  );
}
