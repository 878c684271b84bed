import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { DebriefQueryDto, DebriefResponse } from '../dto/debrief.dto';
import { DebriefService } from './debrief.service';

@ApiTags('feedback')
@Controller()
@Authenticated()
export class DebriefController {
  constructor(private readonly debriefs: DebriefService) {}

  /**
   * Every submitted scorecard of the candidate in full, by interviewer and by criterion/competency, with
   * disagreements (2+ points apart), recommendations, who is missing and agreement. `?planStageId=` keeps one
   * stage's interviews. The position's hiring manager, recruiters and admins; anyone else gets 404. Never drafts.
   */
  @Get('candidates/:id/debrief')
  @ApiErrors(400, 401, 404)
  debrief(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: DebriefQueryDto,
  ): Promise<DebriefResponse> {
    return this.debriefs.debrief(user, id, q);
  }
}
