export type {
  Criterion,
  FollowUp,
  Guidance,
  GuideJson,
  ImportFormat,
  ImportReport,
  ParsedQuestion,
  ParseResult,
  QuestionDraft,
  QuestionType,
  ReportLine,
  SetDraft,
} from './guide.types';
export { QUESTION_TYPES } from './guide.types';
export { GuideFormatError } from './guide-error';
export {
  MAX_CRITERIA,
  MAX_FOLLOW_UPS,
  MAX_INPUT,
  MAX_LABEL,
  MAX_PROMPT,
  MAX_QUESTIONS,
  MAX_TEXT,
  MAX_TIMEBOX_MINUTES,
} from './limits';
export { parseGuide, DEFAULT_SET_NAME } from './parse-guide';
export { inferType, type TypeInference } from './infer-type';
export { renderMarkdown, toJsonExport } from './export-guide';
