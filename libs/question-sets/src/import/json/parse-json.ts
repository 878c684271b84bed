import { findInputProblem } from '@app/common';
import { GuideFormatError } from '../guide-error';
import {
  QUESTION_TYPES,
  type Criterion,
  type FollowUp,
  type Guidance,
  type ParsedQuestion,
  type QuestionDraft,
  type SetDraft,
} from '../guide.types';
import { MAX_TIMEBOX_MINUTES } from '../limits';
import { normaliseQuestion, normaliseSet } from '../normalize';
import { reportQuestion } from '../questions';
import type { ReportBuilder } from '../report';

export const JSON_FORMAT = 'scorecards.question-set';

type Obj = Record<string, unknown>;

const TOP_KEYS = ['format', 'version', 'set', 'questions'];
const SET_KEYS = ['name', 'description', 'positionFamily', 'level', 'tags'];
const QUESTION_KEYS = ['type', 'prompt', 'followUps', 'criteria', 'guidance', 'competencies', 'timeboxMinutes'];
const GUIDANCE_KEYS = ['whyAsked', 'framework', 'frameworkDescription', 'exampleAnswer'];

/**
 * Validates a parsed JSON export strictly, naming the offending path in the error
 * ("questions[2].type must be one of technical, behavioral, situational"). Optional fields may be
 * absent or null; arrays default to empty.
 */
export function readJsonGuide(
  value: unknown,
  source: string,
  report: ReportBuilder,
): { set: SetDraft; questions: ParsedQuestion[] } {
  // JSON escapes can smuggle in what the request check saw only as text ("\u0000", a lone "\ud800")
  const bad = findInputProblem(value, 'guide', { maxDepth: 8, maxEntries: 200_000 });
  if (bad) throw new GuideFormatError(`The guide's JSON: ${bad.message}`, undefined, { path: bad.field });
  const top = object(value, '', 'The JSON must be an object with "format", "version", "set" and "questions"');
  rejectUnknownKeys(top, TOP_KEYS, '');
  if (top.format !== JSON_FORMAT) fail('format', `must be "${JSON_FORMAT}"`);
  if (top.version !== 1) fail('version', 'must be 1');
  const set = readSet(top.set);
  if (!Array.isArray(top.questions)) fail('questions', 'must be an array');
  if (top.questions.length === 0) fail('questions', 'must contain at least one question');
  const drafts = top.questions.map((q, i) => readQuestion(q, `questions[${i}]`));
  report.recognise(1, `Scorecards JSON export (${JSON_FORMAT}, version 1)`);
  const lines = promptLines(source, drafts);
  const questions = drafts.map((draft, i) => reportQuestion(normaliseQuestion(draft), i + 1, lines[i], false, report));
  return { set: normaliseSet(set), questions };
}

function readSet(value: unknown): SetDraft {
  const set = object(value, 'set');
  rejectUnknownKeys(set, SET_KEYS, 'set');
  return {
    name: requiredString(set, 'name', 'set'),
    description: optionalString(set, 'description', 'set'),
    positionFamily: optionalString(set, 'positionFamily', 'set'),
    level: optionalString(set, 'level', 'set'),
    tags: words(set, 'tags', 'set'),
  };
}

function readQuestion(value: unknown, path: string): QuestionDraft {
  const q = object(value, path);
  rejectUnknownKeys(q, QUESTION_KEYS, path);
  if (!QUESTION_TYPES.includes(q.type as never)) fail(`${path}.type`, `must be one of ${QUESTION_TYPES.join(', ')}`);
  return {
    type: q.type as QuestionDraft['type'],
    prompt: requiredString(q, 'prompt', path),
    followUps: list(q, 'followUps', path, readFollowUp),
    criteria: list(q, 'criteria', path, readCriterion),
    guidance: readGuidance(q.guidance, `${path}.guidance`),
    competencies: words(q, 'competencies', path),
    timeboxMinutes: timebox(q.timeboxMinutes, `${path}.timeboxMinutes`),
  };
}

function readFollowUp(value: unknown, path: string): FollowUp {
  const f = object(value, path);
  rejectUnknownKeys(f, ['prompt', 'checks'], path);
  return { prompt: requiredString(f, 'prompt', path), checks: optionalString(f, 'checks', path) };
}

function readCriterion(value: unknown, path: string): Criterion {
  const c = object(value, path);
  rejectUnknownKeys(c, ['label', 'description'], path);
  return { label: requiredString(c, 'label', path), description: optionalString(c, 'description', path) };
}

function readGuidance(value: unknown, path: string): Guidance {
  if (value === undefined || value === null) return {};
  const g = object(value, path);
  rejectUnknownKeys(g, GUIDANCE_KEYS, path);
  return Object.fromEntries(GUIDANCE_KEYS.map((key) => [key, optionalString(g, key, path)]));
}

function timebox(value: unknown, path: string): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TIMEBOX_MINUTES) {
    fail(path, `must be a whole number of minutes from 1 to ${MAX_TIMEBOX_MINUTES}`);
  }
  return value;
}

function object(value: unknown, path: string, message?: string): Obj {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Obj;
  if (message) throw new GuideFormatError(message, undefined, { path });
  return fail(path, 'must be an object');
}

function rejectUnknownKeys(obj: Obj, allowed: string[], path: string): void {
  const unknown = Object.keys(obj).find((key) => !allowed.includes(key));
  if (unknown === undefined) return;
  const where = path ? `in ${path}` : 'at the top level';
  throw new GuideFormatError(`Unknown key "${unknown}" ${where}; allowed keys are ${allowed.join(', ')}`, undefined, {
    path: join(path, unknown),
  });
}

function requiredString(obj: Obj, key: string, path: string): string {
  const value = obj[key];
  if (value === undefined || value === null) fail(join(path, key), 'is required');
  if (typeof value !== 'string' || !value.trim()) fail(join(path, key), 'must be a non-empty string');
  return value;
}

function optionalString(obj: Obj, key: string, path: string): string | undefined {
  const value = obj[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(join(path, key), 'must be a string');
  return value;
}

function list<T>(obj: Obj, key: string, path: string, read: (value: unknown, path: string) => T): T[] {
  const value = obj[key];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(join(path, key), 'must be an array');
  return value.map((item, i) => read(item, `${join(path, key)}[${i}]`));
}

/** Tags and competencies are written comma-separated in Markdown, so a comma inside one cannot round-trip. */
function words(obj: Obj, key: string, path: string): string[] {
  return list(obj, key, path, (value, itemPath) => {
    if (typeof value !== 'string') fail(itemPath, 'must be a string');
    if (value.includes(',')) fail(itemPath, 'must not contain a comma');
    return value;
  });
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

function fail(path: string, problem: string): never {
  throw new GuideFormatError(`${path} ${problem}`, undefined, { path });
}

/** Best-effort line of each question: where its prompt string first appears after the previous one. */
function promptLines(source: string, drafts: QuestionDraft[]): number[] {
  let offset = 0;
  let line = 1;
  return drafts.map((draft) => {
    const at = source.indexOf(JSON.stringify(draft.prompt), offset);
    if (at >= 0) {
      line += countNewlines(source, offset, at);
      offset = at;
    }
    return line;
  });
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
