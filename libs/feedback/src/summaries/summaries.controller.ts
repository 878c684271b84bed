import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiTags, getSchemaPath } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import {
  CalibrationResponse,
  CandidateSummaryResponse,
  InterviewSummaryResponse,
  PositionSummaryQueryDto,
  PositionSummaryResponse,
  QuestionStatsResponse,
} from '../dto/summary.dto';
import { CalibrationService } from './calibration.service';
import { CandidateSummaryService } from './candidate-summary.service';
import { InterviewSummaryService } from './interview-summary.service';
import { PositionSummaryService } from './position-summary.service';

const OVERSEE = { roles: [Role.Admin, Role.Recruiter, Role.HiringManager] };

@ApiTags('feedback')
@Controller()
@Authenticated()
export class SummariesController {
  constructor(
    private readonly interviews: InterviewSummaryService,
    private readonly candidates: CandidateSummaryService,
    private readonly positions: PositionSummaryService,
    private readonly calibration: CalibrationService,
  ) {}

  /** Per question and criterion, each panelist's rating, mean and spread; recommendations; agreement (Krippendorff's alpha); who is missing. Panelists see it once theirs is submitted. */
  @Get('interviews/:id/feedback-summary')
  @ApiKeyScope('summaries')
  @ApiErrors(401, 404)
  interview(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InterviewSummaryResponse> {
    return this.interviews.summary(user, id);
  }

  /** Across the candidate's interviews: per competency and question type, recommendations, a timeline of stages, agreement. */
  @Get('candidates/:id/feedback-summary')
  @ApiKeyScope('summaries')
  @Authenticated(OVERSEE)
  @ApiErrors(401, 403, 404)
  candidate(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CandidateSummaryResponse> {
    return this.candidates.summary(user, id);
  }

  /** Candidates side by side; `?sort=&order=`; `?format=csv` downloads a spreadsheet. */
  @Get('positions/:id/feedback-summary')
  @ApiKeyScope('summaries')
  @Authenticated(OVERSEE)
  @ApiExtraModels(PositionSummaryResponse)
  @ApiOkResponse({
    description: 'The summary, or with `?format=csv` a spreadsheet',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(PositionSummaryResponse) } },
      'text/csv': { schema: { type: 'string' } },
    },
  })
  @ApiErrors(400, 401, 403, 404)
  async position(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: PositionSummaryQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PositionSummaryResponse | string> {
    if (q.format !== 'csv') return this.positions.summary(user, id, q);
    const file = await this.positions.csv(user, id, q);
    reply
      .header('content-type', 'text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }

  /** Leniency against the panel, disagreement with the panel majority, time to submit, share not assessed. */
  @Get('interviewers/:id/calibration')
  @ApiErrors(401, 403, 404)
  interviewerCalibration(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CalibrationResponse> {
    return this.calibration.calibration(user, id);
  }

  /** Per question of a set: how often it was rated and how much its ratings vary. */
  @Get('question-sets/:id/rating-stats')
  @Authenticated(OVERSEE)
  @ApiErrors(401, 403, 404)
  questionStats(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<QuestionStatsResponse> {
    return this.calibration.questionStats(user, id);
  }
}
