import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { ReplacementsResponse } from '../dto/replacements.response';
import { ReplacementsService } from './replacements.service';

@ApiTags('interviews')
@Controller('interviews')
@Authenticated({ roles: [Role.Admin, Role.Recruiter, Role.HiringManager] })
export class InterviewReplacementsController {
  constructor(private readonly replacements: ReplacementsService) {}

  /**
   * Who could take a declined panelist's place: active interviewers not on the panel, judged as
   * find-times would (working hours, days off, calendar feed, interviews, buffer, pool limits; this
   * interview not counting). Those free at the interview's time come first, then the others with the
   * reason; within each, best competency match (the interview's questions) first, then the lightest
   * load in its week. At most 10. Replace with PATCH /interviews/{id} and the new panel.
   */
  @Get(':id/replacements')
  @ApiOkResponse({ type: ReplacementsResponse })
  @ApiErrors(401, 403, 404)
  list(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReplacementsResponse> {
    return this.replacements.suggest(user, id);
  }
}
