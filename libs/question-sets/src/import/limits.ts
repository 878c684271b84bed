import { GuideFormatError } from './guide-error';
import type { QuestionDraft, SetDraft } from './guide.types';
import type { ReportBuilder } from './report';

export const MAX_QUESTIONS = 500;
export const MAX_FOLLOW_UPS = 100;
export const MAX_CRITERIA = 100;
/** Question and follow-up prompts. */
export const MAX_PROMPT = 2000;
/** Guidance fields, descriptions, follow-up checks. */
export const MAX_TEXT = 10000;
/** Names, labels, tags, competencies. */
export const MAX_LABEL = 300;
export const MAX_INPUT = 2_000_000;
/* What a set's columns and its edit DTO accept (question-set.entity.ts, question-set.dto.ts, question.dto.ts). */
export const MAX_SET_NAME = 200;
export const MAX_POSITION_FAMILY = 120;
export const MAX_LEVEL = 60;
export const MAX_TAGS = 30;
export const MAX_TAG = 50;
export const MAX_COMPETENCIES = 30;
export const MAX_COMPETENCY = 100;
/** A full interview day; anything longer is a typo. */
export const MAX_TIMEBOX_MINUTES = 480;

/** How to name question i so a user can find it: "Question 3 (line 40)" for text, "questions[2]" for JSON. */
export interface QuestionLocation {
  name: string;
  line?: number;
}

/** Rejects a parsed guide that exceeds a limit, naming the limit and where it was exceeded (JSON: a file we wrote). */
export function checkLimits(
  set: SetDraft,
  questions: QuestionDraft[],
  locate: (index: number) => QuestionLocation,
): void {
  if (questions.length > MAX_QUESTIONS) {
    fail(
      `The guide has ${questions.length} questions; at most ${MAX_QUESTIONS} are allowed`,
      'MAX_QUESTIONS',
      MAX_QUESTIONS,
      questions.length,
    );
  }
  walkLimits(set, questions, locate, refuse);
}

/**
 * Makes a pasted guide fit: a part over a limit is cut (text) or dropped (list items beyond the
 * limit, an impossible timebox) and the report says so, so that one overlong section never fails
 * the whole import. Mutates the drafts it is given.
 */
export function fitLimits(
  set: SetDraft,
  questions: QuestionDraft[],
  locate: (index: number) => QuestionLocation,
  report: ReportBuilder,
): void {
  walkLimits(set, questions, locate, {
    text: (what, value, max, _limit, line) => {
      report.warn(line ?? 1, `${what} was ${value.length} characters; cut to ${max}`);
      return cut(value, max);
    },
    list: (what, items, max, noun, _limit, line) => {
      report.skipMessage(line ?? 1, `Skipped: ${what} has ${items.length} ${noun}; only the first ${max} are kept`);
      return items.slice(0, max);
    },
    timebox: (what, minutes, line) => {
      report.warn(
        line,
        `${what} has a ${minutes}-minute timebox; it is left out (at most ${MAX_TIMEBOX_MINUTES} minutes)`,
      );
      return undefined;
    },
  });
}

/** Keeps the first MAX_QUESTIONS of a pasted guide's questions and reports the rest as skipped. */
export function fitQuestionCount<Q extends { line: number }>(questions: Q[], report: ReportBuilder): Q[] {
  if (questions.length <= MAX_QUESTIONS) return questions;
  const first = questions[MAX_QUESTIONS];
  report.skipMessage(
    first.line,
    `Skipped questions ${MAX_QUESTIONS + 1}–${questions.length} (from line ${first.line}): ` +
      `a set holds at most ${MAX_QUESTIONS} questions`,
  );
  return questions.slice(0, MAX_QUESTIONS);
}

/** What to do with a value over its limit: refuse the guide, or cut the value and report it. */
interface LimitPolicy {
  text(what: string, value: string, max: number, limit: string, line?: number): string;
  list<T>(what: string, items: T[], max: number, noun: string, limit: string, line?: number): T[];
  timebox(what: string, minutes: number, line: number): number | undefined;
}

const refuse: LimitPolicy = {
  text: (what, value, max, limit, line) =>
    fail(`${what} is ${value.length} characters; at most ${max} are allowed`, limit, max, value.length, line),
  list: (what, items, max, noun, limit, line) =>
    fail(`${what} has ${items.length} ${noun}; at most ${max} are allowed`, limit, max, items.length, line),
  timebox: (what, minutes, line) =>
    fail(
      `${what} has a ${minutes}-minute timebox; at most ${MAX_TIMEBOX_MINUTES} minutes are allowed`,
      'MAX_TIMEBOX_MINUTES',
      MAX_TIMEBOX_MINUTES,
      minutes,
      line,
    ),
};

function walkLimits(
  set: SetDraft,
  questions: QuestionDraft[],
  locate: (index: number) => QuestionLocation,
  policy: LimitPolicy,
): void {
  const text = (what: string, value: string | undefined, max: number, limit: string, line?: number) =>
    value !== undefined && value.length > max ? policy.text(what, value, max, limit, line) : value;
  set.name = text('The set name', set.name, MAX_SET_NAME, 'MAX_SET_NAME') ?? set.name;
  set.description = text('The set description', set.description, MAX_TEXT, 'MAX_TEXT');
  set.positionFamily = text('The position family', set.positionFamily, MAX_POSITION_FAMILY, 'MAX_POSITION_FAMILY');
  set.level = text('The level', set.level, MAX_LEVEL, 'MAX_LEVEL');
  if (set.tags.length > MAX_TAGS) set.tags = policy.list('The set', set.tags, MAX_TAGS, 'tags', 'MAX_TAGS');
  set.tags = set.tags.map((tag, i) => text(`Tag ${i + 1}`, tag, MAX_TAG, 'MAX_TAG') ?? tag);
  for (const key of ['description', 'positionFamily', 'level'] as const) if (set[key] === undefined) delete set[key];
  questions.forEach((q, i) => fitQuestion(q, locate(i), policy, text));
}

type TextCheck = (
  what: string,
  value: string | undefined,
  max: number,
  limit: string,
  line?: number,
) => string | undefined;

function fitQuestion(
  q: QuestionDraft,
  { name: at, line }: QuestionLocation,
  policy: LimitPolicy,
  text: TextCheck,
): void {
  if (q.followUps.length > MAX_FOLLOW_UPS)
    q.followUps = policy.list(at, q.followUps, MAX_FOLLOW_UPS, 'follow-ups', 'MAX_FOLLOW_UPS', line);
  if (q.criteria.length > MAX_CRITERIA)
    q.criteria = policy.list(at, q.criteria, MAX_CRITERIA, 'criteria', 'MAX_CRITERIA', line);
  if (q.competencies.length > MAX_COMPETENCIES) {
    q.competencies = policy.list(at, q.competencies, MAX_COMPETENCIES, 'competencies', 'MAX_COMPETENCIES', line);
  }
  if (q.timeboxMinutes !== undefined && q.timeboxMinutes > MAX_TIMEBOX_MINUTES) {
    const minutes = policy.timebox(at, q.timeboxMinutes, line ?? 1);
    if (minutes === undefined) delete q.timeboxMinutes;
  }
  q.prompt = text(`${at} prompt`, q.prompt, MAX_PROMPT, 'MAX_PROMPT', line) ?? q.prompt;
  q.followUps.forEach((f, i) => {
    f.prompt = text(`${at} follow-up ${i + 1}`, f.prompt, MAX_PROMPT, 'MAX_PROMPT', line) ?? f.prompt;
    setOptional(f, 'checks', text(`${at} follow-up ${i + 1} checks`, f.checks, MAX_TEXT, 'MAX_TEXT', line));
  });
  q.criteria.forEach((c, i) => {
    c.label = text(`${at} criterion ${i + 1} label`, c.label, MAX_LABEL, 'MAX_LABEL', line) ?? c.label;
    setOptional(
      c,
      'description',
      text(`${at} criterion ${i + 1} description`, c.description, MAX_TEXT, 'MAX_TEXT', line),
    );
  });
  q.competencies = q.competencies.map(
    (c, i) => text(`${at} competency ${i + 1}`, c, MAX_COMPETENCY, 'MAX_COMPETENCY', line) ?? c,
  );
  const g = q.guidance;
  setOptional(g, 'whyAsked', text(`${at} "why asked"`, g.whyAsked, MAX_TEXT, 'MAX_TEXT', line));
  setOptional(g, 'framework', text(`${at} framework name`, g.framework, MAX_LABEL, 'MAX_LABEL', line));
  setOptional(
    g,
    'frameworkDescription',
    text(`${at} framework description`, g.frameworkDescription, MAX_TEXT, 'MAX_TEXT', line),
  );
  setOptional(g, 'exampleAnswer', text(`${at} example answer`, g.exampleAnswer, MAX_TEXT, 'MAX_TEXT', line));
}

/** Keeps optional fields absent rather than undefined-valued, as normalize.ts does. */
function setOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete target[key];
  else target[key] = value;
}

/** The first `max` characters, ending in "…" so a reader sees it was cut; never splits a surrogate pair. */
export function cut(value: string, max: number): string {
  let end = max - 1;
  const code = value.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end--;
  return `${value.slice(0, end).trimEnd()}…`;
}

function fail(message: string, limit: string, max: number, actual: number, line?: number): never {
  throw new GuideFormatError(message, line, { limit, max, actual });
}
