import { Body, Controller, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import {
  ListScorecardsQueryDto,
  SaveScorecardDto,
  ScorecardListResponse,
  ScorecardResponse,
  SubmitScorecardDto,
} from '../dto/scorecard.dto';
import { ScorecardBoardService } from './scorecard-board.service';
import { ScorecardsService } from './scorecards.service';

@ApiTags('scorecards')
@Controller('interviews/:id/scorecards')
@Authenticated()
export class ScorecardsController {
  constructor(
    private readonly scorecards: ScorecardsService,
    private readonly board: ScorecardBoardService,
  ) {}

  /** Your scorecard for this interview, created as a draft on first read (panelists only). */
  @Get('mine')
  @ApiErrors(401, 404)
  mine(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ScorecardResponse> {
    return this.scorecards.mine(user, id);
  }

  /** Saves your draft: only the ratings, notes and fields you send change. Stale `version`: 409, details `{ currentVersion, currentRevision }`. */
  @Put('mine')
  @ApiErrors(400, 401, 404, 409, 413)
  save(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: SaveScorecardDto,
  ): Promise<ScorecardResponse> {
    return this.scorecards.save(user, id, dto);
  }

  /** Submits and locks your scorecard; 422 lists what is still missing; a stale `version` is a 409 as on save. */
  @Post('mine/submit')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: ScorecardResponse })
  @ApiErrors(400, 401, 404, 409, 422)
  submit(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: SubmitScorecardDto,
  ): Promise<ScorecardResponse> {
    return this.scorecards.submit(user, id, dto);
  }

  /** Reopens a submitted scorecard (its author or an admin); recorded in the audit trail. */
  @Post(':scorecardId/reopen')
  @Idempotent()
  @HttpCode(200)
  @ApiOkResponse({ type: ScorecardResponse })
  @ApiErrors(401, 403, 404, 409)
  reopen(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('scorecardId') scorecardId: string,
  ): Promise<ScorecardResponse> {
    return this.scorecards.reopen(user, id, scorecardId);
  }

  /** The interview's scorecards you may see: blind until yours is submitted; drafts only your own. */
  @Get()
  @ApiKeyScope('scorecards')
  @ApiErrors(400, 401, 403, 404)
  list(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: ListScorecardsQueryDto,
  ): Promise<ScorecardListResponse> {
    return this.board.list(user, id, q.updatedSince);
  }
}
