import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { PutPlanDto } from '../dto/plan.dto';
import { PositionPlanResponse } from '../dto/plan.response';
import { PositionPlanService } from './position-plan.service';

@ApiTags('positions')
@Controller('positions')
// every signed-in user reaches the service, which answers 404 to all but the position's managers
@Authenticated()
export class PlansController {
  constructor(private readonly plans: PositionPlanService) {}

  /** The interview plan: competencies, stages and their interviews, the competency × stage coverage and what it leaves uncovered. */
  @Get(':id/plan')
  @ApiErrors(401, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PositionPlanResponse> {
    return this.plans.get(user, id);
  }

  /** Replaces the whole plan; send `revision` back (409 when stale). Keep ids to keep stages that interviews point at. */
  @Put(':id/plan')
  @ApiErrors(400, 401, 404, 409)
  put(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: PutPlanDto): Promise<PositionPlanResponse> {
    return this.plans.put(user, id, dto);
  }
}
