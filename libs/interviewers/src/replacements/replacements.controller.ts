import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { ReplacementsResponse } from './replacements.response';
import { ReplacementsService } from './replacements.service';

@ApiTags('interviews')
@Controller('interviews')
@Authenticated({ roles: [Role.Admin, Role.Recruiter, Role.HiringManager] })
export class InterviewReplacementsController {
  constructor(private readonly replacements: ReplacementsService) {}

  /**
   * Who could take a declined panelist's place: active interviewers not on the panel and with no
   * interview overlapping this one, best competency match (the interview's questions) first, then the
   * lightest load in its week. Replace with PATCH /interviews/{id} and the new panel.
   */
  @Get(':id/replacements')
  @ApiOkResponse({ type: ReplacementsResponse })
  @ApiErrors(401, 403, 404)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReplacementsResponse> {
    return this.replacements.suggest(user, id);
  }
}
