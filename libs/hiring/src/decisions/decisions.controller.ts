import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { CreateDecisionDto } from '../dto/decision.dto';
import { DecisionList, DecisionResponse } from '../dto/decision.response';
import { DecisionHistoryService } from './decision-history.service';
import { DecisionsService } from './decisions.service';

/** Open to every signed-in user so that those who may not see the candidate get 404, not 403. */
@ApiTags('hiring')
@Controller('candidates/:id/decisions')
@Authenticated()
export class DecisionsController {
  constructor(
    private readonly decisions: DecisionsService,
    private readonly histories: DecisionHistoryService,
  ) {}

  /**
   * Records a decision (advance, move_back, reject, hold, hire, withdraw, reactivate). Missing scorecards of the
   * current stage refuse advance, reject and hire with 409 (details.missing) unless `override.reason` is given.
   */
  @Post()
  @Idempotent()
  @ApiErrors(400, 401, 403, 404, 409)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CreateDecisionDto,
  ): Promise<DecisionResponse> {
    return this.decisions.decide(user, id, dto);
  }

  /** The candidate's decisions, newest first. */
  @Get()
  @ApiErrors(401, 404)
  history(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<DecisionList> {
    return this.histories.history(user, id);
  }
}
