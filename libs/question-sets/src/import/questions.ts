import type { Criterion, FollowUp, ParsedQuestion, QuestionDraft, QuestionType } from './guide.types';
import { inferType } from './infer-type';
import { multiLine, normaliseQuestion } from './normalize';
import type { ReportBuilder } from './report';
import { statedType } from './text/headings';

/** Paragraph text collected line by line; blank lines between lines become paragraph breaks. */
export class Prose {
  private readonly lines: string[] = [];
  private gapPending = false;

  add(line: string): void {
    if (this.gapPending && this.lines.length > 0) this.lines.push('');
    this.lines.push(line);
    this.gapPending = false;
  }

  gap(): void {
    this.gapPending = true;
  }

  get text(): string | undefined {
    return multiLine(this.lines.join('\n'));
  }
}

/** A question as the text and Markdown parsers accumulate it. */
export interface QuestionBuilder {
  line: number;
  indent: number;
  /** The number the guide gave the question ("3." -> 3), if any. */
  number?: number;
  prompt: string;
  /** Type stated by the enclosing section heading, the title, or a "Type:" line. */
  statedType?: QuestionType;
  followUps: FollowUp[];
  criteria: Criterion[];
  why: Prose;
  framework?: string;
  frameworkDescription: Prose;
  example: Prose;
  competencies: string[];
  timeboxMinutes?: number;
}

/** What the text and Markdown readers hand back before types are settled and drafts normalised. */
export interface GuideParse {
  name?: string;
  description?: string;
  positionFamily?: string;
  level?: string;
  tags: string[];
  questions: QuestionBuilder[];
}

export function newQuestion(line: number, prompt: string, init: Partial<QuestionBuilder> = {}): QuestionBuilder {
  return {
    line,
    indent: 0,
    prompt,
    followUps: [],
    criteria: [],
    why: new Prose(),
    frameworkDescription: new Prose(),
    example: new Prose(),
    competencies: [],
    ...init,
  };
}

/** Two prompts that differ only in case, punctuation or spacing are the same question. */
export function questionKey(prompt: string): string {
  return prompt
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Array push without spreading, which overflows the call stack for very long lists. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** Settles each question's type, reports how it was decided, and warns about missing criteria. */
export function finishQuestions(builders: QuestionBuilder[], report: ReportBuilder): ParsedQuestion[] {
  return builders.map((b, i) => {
    const n = i + 1;
    const { type, inferred } = resolveType(b, n, report);
    return reportQuestion(normaliseQuestion(toDraft(b, type)), n, b.line, inferred, report);
  });
}

export function reportQuestion(
  draft: QuestionDraft,
  n: number,
  line: number,
  typeInferred: boolean,
  report: ReportBuilder,
): ParsedQuestion {
  report.recognise(line, `Question ${n} (${draft.type})`);
  if (draft.criteria.length === 0)
    report.warn(line, `Question ${n} has no "what to look for" criteria; add some before publishing`);
  return { ...draft, line, typeInferred };
}

function resolveType(b: QuestionBuilder, n: number, report: ReportBuilder): { type: QuestionType; inferred: boolean } {
  if (b.statedType) return { type: b.statedType, inferred: false };
  const stated = statedType(`${b.why.text ?? ''}\n${b.frameworkDescription.text ?? ''}`);
  if (stated) {
    report.recognise(b.line, `Question ${n}: type ${stated.type} stated in the text ("${stated.cue}")`);
    return { type: stated.type, inferred: false };
  }
  const guess = inferType(b.prompt);
  report.infer(b.line, `Question ${n}: type ${guess.type} inferred from ${guess.reason}`);
  return { type: guess.type, inferred: true };
}

function toDraft(b: QuestionBuilder, type: QuestionType): QuestionDraft {
  return {
    type,
    prompt: b.prompt,
    followUps: b.followUps,
    criteria: b.criteria,
    guidance: {
      whyAsked: b.why.text,
      framework: b.framework,
      frameworkDescription: b.frameworkDescription.text,
      exampleAnswer: b.example.text,
    },
    competencies: b.competencies,
    timeboxMinutes: b.timeboxMinutes,
  };
}
