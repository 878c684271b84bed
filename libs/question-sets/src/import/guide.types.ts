/** Shapes shared by the guide importer (text, Markdown, JSON) and the exporters. */

export type QuestionType = 'technical' | 'behavioral' | 'situational';

export const QUESTION_TYPES: readonly QuestionType[] = ['technical', 'behavioral', 'situational'];

/** `checks` says what the follow-up is meant to reveal, when the guide says so. */
export interface FollowUp {
  prompt: string;
  checks?: string;
}

/** A "what to look for" criterion; interviewers rate answers against these. */
export interface Criterion {
  label: string;
  description?: string;
}

export interface Guidance {
  whyAsked?: string;
  framework?: string;
  frameworkDescription?: string;
  exampleAnswer?: string;
}

export interface QuestionDraft {
  type: QuestionType;
  prompt: string;
  followUps: FollowUp[];
  criteria: Criterion[];
  guidance: Guidance;
  competencies: string[];
  timeboxMinutes?: number;
}

export interface SetDraft {
  name: string;
  description?: string;
  positionFamily?: string;
  level?: string;
  tags: string[];
}

export type ImportFormat = 'text' | 'markdown' | 'json';

/** `line` is 1-based and refers to the input as given. */
export interface ReportLine {
  line: number;
  message: string;
}

export interface ParsedQuestion extends QuestionDraft {
  line: number;
  /** True when neither a section heading nor the guide's wording stated the type. */
  typeInferred: boolean;
}

export interface ImportReport {
  format: ImportFormat;
  questions: number;
  followUps: number;
  criteria: number;
  recognised: ReportLine[];
  inferred: ReportLine[];
  skipped: ReportLine[];
  warnings: ReportLine[];
}

export interface ParseResult {
  set: SetDraft;
  questions: ParsedQuestion[];
  report: ImportReport;
}

/** The JSON export; also the only JSON shape the importer accepts. */
export interface GuideJson {
  format: 'scorecards.question-set';
  version: 1;
  set: SetDraft;
  questions: QuestionDraft[];
}
