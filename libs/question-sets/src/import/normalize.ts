import type { Criterion, FollowUp, Guidance, QuestionDraft, SetDraft } from './guide.types';

/*
 * Every parser and exporter passes its output through here, so that an exported guide parses back
 * deep-equal: empty optional fields are omitted (never '' or undefined-valued keys), single-line
 * fields have their whitespace collapsed, and multi-line text keeps its paragraphs.
 */

export function oneLine(value: string | undefined): string | undefined {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : undefined;
}

export function multiLine(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const text = value
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return text ? text : undefined;
}

export function normaliseSet(set: SetDraft): SetDraft {
  return withoutUndefined({
    name: oneLine(set.name) ?? '',
    description: multiLine(set.description),
    positionFamily: oneLine(set.positionFamily),
    level: oneLine(set.level),
    tags: words(set.tags),
  });
}

export function normaliseQuestion(q: QuestionDraft): QuestionDraft {
  return withoutUndefined({
    type: q.type,
    prompt: oneLine(q.prompt) ?? '',
    followUps: q.followUps.map(normaliseFollowUp).filter((f): f is FollowUp => f !== undefined),
    criteria: q.criteria.map(normaliseCriterion).filter((c): c is Criterion => c !== undefined),
    guidance: normaliseGuidance(q.guidance),
    competencies: words(q.competencies),
    timeboxMinutes: q.timeboxMinutes,
  });
}

function normaliseFollowUp(f: FollowUp): FollowUp | undefined {
  const prompt = oneLine(f.prompt);
  return prompt === undefined ? undefined : withoutUndefined({ prompt, checks: oneLine(f.checks) });
}

function normaliseCriterion(c: Criterion): Criterion | undefined {
  const label = oneLine(c.label);
  return label === undefined ? undefined : withoutUndefined({ label, description: oneLine(c.description) });
}

function normaliseGuidance(g: Guidance): Guidance {
  return withoutUndefined({
    whyAsked: multiLine(g.whyAsked),
    framework: oneLine(g.framework),
    frameworkDescription: multiLine(g.frameworkDescription),
    exampleAnswer: multiLine(g.exampleAnswer),
  });
}

function words(values: string[]): string[] {
  return values.map(oneLine).filter((v): v is string => v !== undefined);
}

function withoutUndefined<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) {
    if (value[key] === undefined) delete value[key];
  }
  return value;
}
