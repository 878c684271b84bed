import { ApiProperty } from '@nestjs/swagger';

export class PlanCompetencyResponse {
  id: string;
  name: string;
  description: string | null;
}

export class PlanTemplateResponse {
  id: string;
  title: string;
  @ApiProperty({ type: 'integer' })
  durationMinutes: number;
  @ApiProperty({ type: 'integer' })
  panelSize: number;
  leadRequired: boolean;
  questionSetIds: string[];
  questionIds: string[];
  competencyIds: string[];
}

export class PlanStageResponse {
  id: string;
  name: string;
  /** From 0. */
  @ApiProperty({ type: 'integer' })
  order: number;
  templates: PlanTemplateResponse[];
}

export class CoverageCellResponse {
  stageId: string;
  /** Templates of the stage that assess the competency. */
  @ApiProperty({ type: 'integer' })
  interviews: number;
  /** The sum of their panel sizes. */
  @ApiProperty({ type: 'integer' })
  interviewers: number;
}

export class CoverageRowResponse {
  competencyId: string;
  competencyName: string;
  stages: CoverageCellResponse[];
  @ApiProperty({ type: 'integer' })
  totalInterviewers: number;
}

export class PlanWarningResponse {
  @ApiProperty({ enum: ['competency_not_assessed', 'competency_single_rater', 'stage_without_interviews'] })
  code: 'competency_not_assessed' | 'competency_single_rater' | 'stage_without_interviews';
  message: string;
  competencyId?: string;
  stageId?: string;
}

export class PositionPlanResponse {
  positionId: string;
  /** Send it back with a PUT (0: no plan yet). */
  @ApiProperty({ type: 'integer' })
  revision: number;
  updatedAt: Date | null;
  competencies: PlanCompetencyResponse[];
  stages: PlanStageResponse[];
  coverage: CoverageRowResponse[];
  warnings: PlanWarningResponse[];
}
