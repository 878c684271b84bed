import { GuideFormatError } from './guide-error';
import type { QuestionDraft, SetDraft } from './guide.types';

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
/** A full interview day; anything longer is a typo. */
export const MAX_TIMEBOX_MINUTES = 480;

/** How to name question i so a user can find it: "Question 3 (line 40)" for text, "questions[2]" for JSON. */
export interface QuestionLocation {
  name: string;
  line?: number;
}

/** Rejects a parsed guide that exceeds a limit, naming the limit and where it was exceeded. */
export function checkLimits(set: SetDraft, questions: QuestionDraft[], locate: (index: number) => QuestionLocation): void {
  if (questions.length > MAX_QUESTIONS) {
    fail(`The guide has ${questions.length} questions; at most ${MAX_QUESTIONS} are allowed`, 'MAX_QUESTIONS', MAX_QUESTIONS, questions.length);
  }
  checkLength('The set name', set.name, MAX_LABEL, 'MAX_LABEL');
  checkLength('The set description', set.description, MAX_TEXT, 'MAX_TEXT');
  checkLength('The position family', set.positionFamily, MAX_LABEL, 'MAX_LABEL');
  checkLength('The level', set.level, MAX_LABEL, 'MAX_LABEL');
  set.tags.forEach((tag, i) => checkLength(`Tag ${i + 1}`, tag, MAX_LABEL, 'MAX_LABEL'));
  questions.forEach((q, i) => checkQuestion(q, locate(i)));
}

function checkQuestion(q: QuestionDraft, { name: at, line }: QuestionLocation): void {
  if (q.followUps.length > MAX_FOLLOW_UPS) {
    fail(`${at} has ${q.followUps.length} follow-ups; at most ${MAX_FOLLOW_UPS} are allowed`, 'MAX_FOLLOW_UPS', MAX_FOLLOW_UPS, q.followUps.length, line);
  }
  if (q.criteria.length > MAX_CRITERIA) {
    fail(`${at} has ${q.criteria.length} criteria; at most ${MAX_CRITERIA} are allowed`, 'MAX_CRITERIA', MAX_CRITERIA, q.criteria.length, line);
  }
  if (q.timeboxMinutes !== undefined && q.timeboxMinutes > MAX_TIMEBOX_MINUTES) {
    fail(`${at} has a ${q.timeboxMinutes}-minute timebox; at most ${MAX_TIMEBOX_MINUTES} minutes are allowed`, 'MAX_TIMEBOX_MINUTES', MAX_TIMEBOX_MINUTES, q.timeboxMinutes, line);
  }
  checkLength(`${at} prompt`, q.prompt, MAX_PROMPT, 'MAX_PROMPT', line);
  q.followUps.forEach((f, i) => {
    checkLength(`${at} follow-up ${i + 1}`, f.prompt, MAX_PROMPT, 'MAX_PROMPT', line);
    checkLength(`${at} follow-up ${i + 1} checks`, f.checks, MAX_TEXT, 'MAX_TEXT', line);
  });
  q.criteria.forEach((c, i) => {
    checkLength(`${at} criterion ${i + 1} label`, c.label, MAX_LABEL, 'MAX_LABEL', line);
    checkLength(`${at} criterion ${i + 1} description`, c.description, MAX_TEXT, 'MAX_TEXT', line);
  });
  q.competencies.forEach((c, i) => checkLength(`${at} competency ${i + 1}`, c, MAX_LABEL, 'MAX_LABEL', line));
  const g = q.guidance;
  checkLength(`${at} "why asked"`, g.whyAsked, MAX_TEXT, 'MAX_TEXT', line);
  checkLength(`${at} framework name`, g.framework, MAX_LABEL, 'MAX_LABEL', line);
  checkLength(`${at} framework description`, g.frameworkDescription, MAX_TEXT, 'MAX_TEXT', line);
  checkLength(`${at} example answer`, g.exampleAnswer, MAX_TEXT, 'MAX_TEXT', line);
}

function checkLength(what: string, value: string | undefined, max: number, limit: string, line?: number): void {
  if (value !== undefined && value.length > max) {
    fail(`${what} is ${value.length} characters; at most ${max} are allowed`, limit, max, value.length, line);
  }
}

function fail(message: string, limit: string, max: number, actual: number, line?: number): never {
  throw new GuideFormatError(message, line, { limit, max, actual });
}
