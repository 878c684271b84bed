import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { RATING_SCALE_TEXT, RECOMMENDATION_SCALE_TEXT } from '../scale';
import { AgreementSetResponse } from './summary.dto';

export class DebriefQueryDto {
  /** Only the interviews of this stage of the position's interview plan. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'planStageId must be a UUID' })
  planStageId?: string;
}

export class DebriefCandidateResponse {
  id: string;
  name: string;
  positionId: string;
  positionTitle: string;
}

export class DebriefPanelistResponse {
  userId: string;
  name: string;
  @ApiProperty({ enum: ['lead', 'panelist', 'shadow'] })
  role: string;
  submitted: boolean;
}

export class DebriefInterviewResponse {
  id: string;
  title: string;
  stage: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  planStageId: string | null;
  startsAt: Date;
  endsAt: Date;
  feedbackDueAt: Date;
  status: string;
  panel: DebriefPanelistResponse[];
}

export class DebriefPersonResponse {
  id: string;
  name: string;
}

export class DebriefFollowUpResponse {
  id: string;
  prompt: string;
}

export class DebriefRatingResponse {
  criterionId: string;
  label: string;
  @ApiProperty({ type: 'integer', nullable: true, minimum: 1, maximum: 4, description: RATING_SCALE_TEXT })
  rating: number | null;
  /** "Strong no" … "Strong yes", null when not rated. */
  @ApiProperty({ nullable: true, type: String })
  ratingLabel: string | null;
  notAssessed: boolean;
  @ApiProperty({ nullable: true, type: String })
  note: string | null;
}

export class DebriefQuestionResponse {
  questionId: string;
  @ApiProperty({ type: 'integer' })
  position: number;
  prompt: string;
  type: string;
  competencies: string[];
  @ApiProperty({ nullable: true, type: String })
  notes: string | null;
  followUpsAsked: DebriefFollowUpResponse[];
  ratings: DebriefRatingResponse[];
}

/** A submitted scorecard in full, as its author wrote it. */
export class DebriefScorecardResponse {
  id: string;
  interviewId: string;
  interviewTitle: string;
  author: DebriefPersonResponse;
  submittedAt: Date;
  feedbackDueAt: Date;
  /** Submitted by the interview's feedback deadline. */
  onTime: boolean;
  @ApiProperty({
    enum: ['strong_no', 'no', 'yes', 'strong_yes'],
    nullable: true,
    description: RECOMMENDATION_SCALE_TEXT,
  })
  recommendation: string | null;
  @ApiProperty({ nullable: true, type: String })
  recommendationLabel: string | null;
  @ApiProperty({ nullable: true, type: String })
  summary: string | null;
  questions: DebriefQuestionResponse[];
}

export class DebriefCriterionRatingResponse {
  userId: string;
  /** null: marked "not assessed". */
  @ApiProperty({ type: 'integer', nullable: true })
  rating: number | null;
}

/** A criterion of one interview question; ratings only from panelists who rated it or marked it not assessed. */
export class DebriefCriterionRowResponse {
  /** `<interview question id>/<criterion id>`, unique across the candidate's interviews. */
  key: string;
  interviewId: string;
  questionId: string;
  criterionId: string;
  label: string;
  questionPrompt: string;
  competencies: string[];
  ratings: DebriefCriterionRatingResponse[];
  /** Highest minus lowest rating; null with fewer than two ratings. */
  @ApiProperty({ nullable: true, type: Number })
  spread: number | null;
  /** Two ratings 2 or more points apart. */
  disagreement: boolean;
}

export class DebriefCompetencyRatingResponse {
  userId: string;
  @ApiProperty({ nullable: true, type: Number })
  mean: number | null;
  /** Ratings behind the mean. */
  @ApiProperty({ type: 'integer' })
  count: number;
}

export class DebriefCompetencyRowResponse {
  competency: string;
  /** Each panelist's mean over the competency's criteria (across the interviews shown). */
  ratings: DebriefCompetencyRatingResponse[];
  @ApiProperty({ nullable: true, type: Number })
  spread: number | null;
  /** Two panelists' means 2 or more points apart. */
  disagreement: boolean;
}

export class DebriefRecommendationResponse {
  userId: string;
  name: string;
  interviewId: string;
  interviewTitle: string;
  @ApiProperty({
    enum: ['strong_no', 'no', 'yes', 'strong_yes'],
    nullable: true,
    description: RECOMMENDATION_SCALE_TEXT,
  })
  recommendation: string | null;
  @ApiProperty({ nullable: true, type: String })
  label: string | null;
}

export class DebriefMissingResponse {
  interviewId: string;
  interviewTitle: string;
  userId: string;
  name: string;
}

export class DebriefResponse {
  candidate: DebriefCandidateResponse;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  planStageId: string | null;
  interviews: DebriefInterviewResponse[];
  /** The columns of the by-criterion and by-competency views: authors of submitted scorecards. */
  panelists: DebriefPersonResponse[];
  /** Submitted scorecards only; drafts never appear. */
  scorecards: DebriefScorecardResponse[];
  byCriterion: DebriefCriterionRowResponse[];
  byCompetency: DebriefCompetencyRowResponse[];
  recommendations: DebriefRecommendationResponse[];
  /** Panelists of interviews neither cancelled nor no-show who have not submitted. */
  missing: DebriefMissingResponse[];
  agreement: AgreementSetResponse;
}
