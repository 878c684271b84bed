import { DetailedHttpException } from '../errors/app-exceptions';

export interface InputLimits {
  /** Objects and arrays nested deeper than this are refused (the top-level value is depth 1). */
  maxDepth: number;
  /** Keys plus array elements in one argument, counted over the whole tree. */
  maxEntries: number;
}

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxDepth: 32, maxEntries: 50_000 };

export interface InputProblem {
  field: string;
  message: string;
}

// String.prototype.isWellFormed is in Node >= 20; the lib typings of this project predate it
const wellFormed = (s: string): boolean => (s as string & { isWellFormed(): boolean }).isWellFormed();

/** Why a string cannot be stored as text (PostgreSQL refuses NUL; UTF-8 cannot encode a lone surrogate). */
export function badText(s: string): string | null {
  if (s.includes('\u0000')) return 'must not contain NUL characters';
  if (!wellFormed(s)) return 'must not contain lone surrogates (invalid Unicode)';
  return null;
}

/** A key shown in a field path: an odd key is escaped, so that the message itself stays valid text. */
function shownKey(key: string): string {
  const shown = badText(key)
    ? key.replace(/[\u0000\ud800-\udfff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : key;
  return shown.length > 100 ? `${shown.slice(0, 100)}…` : shown;
}

const join = (path: string, key: string) => (path ? `${path}.${key}` : key);

/**
 * The first problem in a request argument (body, query or params), or null. The walk is iterative
 * (an explicit stack), so JSON nested 10,000 deep is refused rather than overflowing the call
 * stack, and it runs before class-transformer, which recurses.
 */
export function findInputProblem(
  value: unknown,
  root: string,
  limits: InputLimits = DEFAULT_INPUT_LIMITS,
): InputProblem | null {
  const stack: Array<{ v: unknown; path: string; depth: number }> = [{ v: value, path: '', depth: 0 }];
  let entries = 0;
  while (stack.length) {
    const { v, path, depth } = stack.pop()!;
    if (typeof v === 'string') {
      const bad = badText(v);
      if (bad) return { field: path || root, message: `${path || root} ${bad}` };
      continue;
    }
    // raw bodies (Buffer) are bytes, not text fields
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth + 1 > limits.maxDepth) {
      return {
        field: path || root,
        message: `${path || root} is nested too deeply (at most ${limits.maxDepth} levels)`,
      };
    }
    if (Array.isArray(v)) {
      entries += v.length;
      if (entries > limits.maxEntries)
        return {
          field: path || root,
          message: `${root} holds too many values (at most ${limits.maxEntries} keys and elements in all)`,
        };
      for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: join(path, String(i)), depth: depth + 1 });
      continue;
    }
    const keys = Object.keys(v);
    entries += keys.length;
    if (entries > limits.maxEntries)
      return {
        field: path || root,
        message: `${root} holds too many values (at most ${limits.maxEntries} keys and elements in all)`,
      };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i];
      const field = join(path, shownKey(key));
      const bad = badText(key);
      if (bad) return { field, message: `the name of field ${field} ${bad}` };
      stack.push({ v: (v as Record<string, unknown>)[key], path: field, depth: depth + 1 });
    }
  }
  return null;
}

/** Throws the API's 400 (naming the field) for the first problem in the argument. */
export function assertCleanInput(value: unknown, root: string, limits: InputLimits = DEFAULT_INPUT_LIMITS): void {
  const problem = findInputProblem(value, root, limits);
  if (problem)
    throw new DetailedHttpException(400, problem.message, [{ field: problem.field, messages: [problem.message] }]);
}
