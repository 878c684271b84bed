import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_CURSOR_LENGTH, PageInfoDto } from '@app/common';
import { RECOMMENDATION_LABELS } from '../scale';

export class AgreementResponse {
  /** Krippendorff's alpha for ordinal data; null when it cannot be computed. */
  @ApiProperty({ nullable: true, type: Number })
  alpha: number | null;
  /** Values that have at least one other rating of the same criterion. */
  @ApiProperty({ type: 'integer' })
  pairableValues: number;
  /** Criteria (of interview questions) rated by two or more panelists. */
  @ApiProperty({ type: 'integer' })
  units: number;
  /** False below the minimum of pairable values: say "not enough data", not a number. */
  enoughData: boolean;
  @ApiProperty({ type: 'integer' })
  minimumPairableValues: number;
}

export class AgreementFigureResponse {
  /** Krippendorff's alpha; null when it cannot be computed (too few values, or no variation). */
  @ApiProperty({ nullable: true, type: Number })
  alpha: number | null;
  /** Values that have at least one other value in the same unit. */
  @ApiProperty({ type: 'integer' })
  pairable: number;
  /**
   * criteria: units = criteria of interview questions, values = ratings (ordinal);
   * recommendations: units = interviews, values = each panelist's recommendation (ordinal, Strong no = 1 … Strong yes = 4);
   * competencies: units = (interview, competency), values = each panelist's mean rating over its criteria (interval metric, since means are not ranks).
   */
  @ApiProperty({ enum: ['criteria', 'recommendations', 'competencies'] })
  basis: 'criteria' | 'recommendations' | 'competencies';
  @ApiProperty({ enum: ['ordinal', 'interval'] })
  level: 'nominal' | 'ordinal' | 'interval';
  /** Units with two or more values. */
  @ApiProperty({ type: 'integer' })
  units: number;
  /** False below the minimum of pairable values (or with no variation): show the label, not a number. */
  enoughData: boolean;
  /** The alpha to two decimals, "not enough data", or "no variation". */
  label: string;
  @ApiProperty({ type: 'integer' })
  minimumPairableValues: number;
}

/** Agreement on three bases; recommendations and competencies have data when questions are split between panelists. */
export class AgreementSetResponse {
  criteria: AgreementFigureResponse;
  recommendations: AgreementFigureResponse;
  competencies: AgreementFigureResponse;
}

export class RecommendationCountsResponse {
  @ApiProperty({ type: 'integer', description: RECOMMENDATION_LABELS.strong_no })
  strong_no: number;
  @ApiProperty({ type: 'integer', description: RECOMMENDATION_LABELS.no })
  no: number;
  @ApiProperty({ type: 'integer', description: RECOMMENDATION_LABELS.yes })
  yes: number;
  @ApiProperty({ type: 'integer', description: RECOMMENDATION_LABELS.strong_yes })
  strong_yes: number;
}

export class PersonResponse {
  id: string;
  name: string;
}

export class MissingScorecardResponse {
  interviewId: string;
  userId: string;
  name: string;
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  role: string;
  feedbackDueAt: Date;
  overdue: boolean;
}

export class PanelistRatingResponse {
  userId: string;
  name: string;
  @ApiProperty({ type: 'integer', nullable: true })
  rating: number | null;
  notAssessed: boolean;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class CriterionSummaryResponse {
  criterionId: string;
  label: string;
  ratings: PanelistRatingResponse[];
  @ApiProperty({ nullable: true, type: Number })
  mean: number | null;
  /** Population standard deviation of the ratings. */
  @ApiProperty({ nullable: true, type: Number })
  spread: number | null;
  @ApiProperty({ type: 'integer' })
  rated: number;
  @ApiProperty({ type: 'integer' })
  notAssessed: number;
}

export class QuestionSummaryResponse {
  questionId: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  type: string;
  prompt: string;
  criteria: CriterionSummaryResponse[];
}

export class PanelistRecommendationResponse {
  userId: string;
  name: string;
  @ApiProperty({
    enum: ['strong_no', 'no', 'yes', 'strong_yes'],
    description: Object.entries(RECOMMENDATION_LABELS)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', '),
  })
  recommendation: string;
}

export class InterviewSummaryResponse {
  interviewId: string;
  title: string;
  stage: string;
  status: string;
  start: Date;
  candidate: PersonResponse;
  position: PersonResponse;
  @ApiProperty({ type: 'integer' })
  expected: number;
  @ApiProperty({ type: 'integer' })
  submitted: number;
  missing: MissingScorecardResponse[];
  recommendations: RecommendationCountsResponse;
  byPanelist: PanelistRecommendationResponse[];
  questions: QuestionSummaryResponse[];
  agreement: AgreementResponse;
  agreementSet: AgreementSetResponse;
}

export class GroupSummaryResponse {
  /** The competency or question type. */
  key: string;
  @ApiProperty({ nullable: true, type: Number })
  mean: number | null;
  @ApiProperty({ nullable: true, type: Number })
  spread: number | null;
  @ApiProperty({ type: 'integer' })
  count: number;
}

export class TimelineEntryResponse {
  interviewId: string;
  stage: string;
  title: string;
  start: Date;
  status: string;
  @ApiProperty({ type: 'integer' })
  expected: number;
  @ApiProperty({ type: 'integer' })
  submitted: number;
  recommendations: RecommendationCountsResponse;
}

export class CandidateSummaryResponse {
  candidate: PersonResponse;
  position: PersonResponse;
  byCompetency: GroupSummaryResponse[];
  byQuestionType: GroupSummaryResponse[];
  recommendations: RecommendationCountsResponse;
  timeline: TimelineEntryResponse[];
  missing: MissingScorecardResponse[];
  agreement: AgreementResponse;
  agreementSet: AgreementSetResponse;
}

export class MeansByTypeResponse {
  @ApiProperty({ nullable: true, type: Number })
  technical: number | null;
  @ApiProperty({ nullable: true, type: Number })
  behavioral: number | null;
  @ApiProperty({ nullable: true, type: Number })
  situational: number | null;
}

export class PositionRowResponse {
  candidate: PersonResponse;
  @ApiProperty({ type: 'integer' })
  interviewsDone: number;
  @ApiProperty({ type: 'integer' })
  scorecardsSubmitted: number;
  @ApiProperty({ type: 'integer' })
  scorecardsMissing: number;
  /** Who still owes a scorecard, for which interview. */
  missingFrom: MissingScorecardResponse[];
  meanByType: MeansByTypeResponse;
  @ApiProperty({ nullable: true, type: Number })
  overallMean: number | null;
  recommendations: RecommendationCountsResponse;
  agreement: AgreementResponse;
  /** This candidate's agreement on each basis. */
  agreementSet: AgreementSetResponse;
}

export class PositionSummaryResponse {
  position: PersonResponse;
  rows: PositionRowResponse[];
  /** The whole position's agreement on each basis (every candidate's interviews, not only this page's). */
  agreementSet: AgreementSetResponse;
  sort: string;
  order: string;
  /** Candidates of the position (all pages). */
  @ApiProperty({ type: 'integer' })
  total: number;
  page: PageInfoDto;
}

export const POSITION_SUMMARY_PAGE = 50;

export const SORT_KEYS = [
  'name',
  'overallMean',
  'technical',
  'behavioral',
  'situational',
  'strongYes',
  'yes',
  'no',
  'strongNo',
  'agreement',
  'missing',
  'interviews',
] as const;

export class PositionSummaryQueryDto {
  @ApiPropertyOptional({ enum: SORT_KEYS, default: 'overallMean' })
  @IsOptional()
  @IsIn(SORT_KEYS, { message: `sort must be one of: ${SORT_KEYS.join(', ')}` })
  sort?: (typeof SORT_KEYS)[number];

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';

  /** Candidates per page (1-100, default 50); the CSV has every candidate. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** The `page.nextCursor` of the previous page (same sort and order). */
  @IsOptional()
  @IsString()
  @MaxLength(MAX_CURSOR_LENGTH)
  cursor?: string;

  /** csv for a spreadsheet download (RFC 4180, UTF-8). */
  @ApiPropertyOptional({ enum: ['json', 'csv'], default: 'json' })
  @IsOptional()
  @IsIn(['json', 'csv'], { message: 'format must be json or csv' })
  format?: 'json' | 'csv';
}

export class CalibrationResponse {
  interviewer: PersonResponse;
  /** Mean of (their rating − the other panelists' mean) on the same criteria; positive is lenient. */
  @ApiProperty({ nullable: true, type: Number })
  leniency: number | null;
  @ApiProperty({ type: 'integer' })
  comparedRatings: number;
  /** Share of interviews where their hire / no-hire call went against the other panelists' majority. */
  @ApiProperty({ nullable: true, type: Number })
  disagreementRate: number | null;
  @ApiProperty({ type: 'integer' })
  comparableInterviews: number;
  @ApiProperty({ type: 'integer' })
  disagreements: number;
  /** Median hours from the interview's end to submission. */
  @ApiProperty({ nullable: true, type: Number })
  medianHoursToSubmit: number | null;
  @ApiProperty({ type: 'integer' })
  submittedScorecards: number;
  /** Share of their criteria marked "not assessed". */
  @ApiProperty({ nullable: true, type: Number })
  notAssessedShare: number | null;
}

export class QuestionStatsItemResponse {
  questionId: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  prompt: string;
  type: string;
  /** Interviews in which it was rated. */
  @ApiProperty({ type: 'integer' })
  interviews: number;
  @ApiProperty({ type: 'integer' })
  ratings: number;
  @ApiProperty({ type: 'integer' })
  notAssessed: number;
  @ApiProperty({ nullable: true, type: Number })
  mean: number | null;
  /** Population standard deviation: near 0 means the question does not tell candidates apart. */
  @ApiProperty({ nullable: true, type: Number })
  spread: number | null;
  /** Counts of ratings 1, 2, 3, 4. */
  @ApiProperty({ type: 'integer', isArray: true })
  distribution: number[];
}

export class QuestionStatsResponse {
  setId: string;
  items: QuestionStatsItemResponse[];
}
