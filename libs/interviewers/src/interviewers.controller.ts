import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors, PageQueryDto } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import {
  InterviewerPage,
  InterviewerResponse,
  ListInterviewersQueryDto,
  PendingScorecardPage,
  UpdateInterviewerDto,
} from './dto/interviewer.dto';
import { InterviewersService } from './interviewers.service';

@ApiTags('interviewers')
@Controller('interviewers')
@Authenticated()
export class InterviewersController {
  constructor(private readonly interviewers: InterviewersService) {}

  /**
   * Interviewers with their profile and this week's load; filter by competency, question type,
   * availability. `notifications.webhookUrl` is only in one's own entry (all of them for admins).
   */
  @Get()
  @ApiErrors(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() q: ListInterviewersQueryDto): Promise<InterviewerPage> {
    return this.interviewers.list(user, q);
  }

  /** One interviewer; `notifications.webhookUrl` only for themselves and admins. */
  @Get(':id')
  @ApiErrors(401, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InterviewerResponse> {
    return this.interviewers.get(user, id);
  }

  /**
   * Scorecards they still owe: interviews that ended (or were completed), not cancelled, with them on
   * the panel and their scorecard not submitted; most urgent first, with totals over all pages.
   * Interviewers read their own; admins, recruiters and hiring managers anyone's.
   */
  @Get(':id/pending-scorecards')
  @ApiErrors(400, 401, 403, 404)
  pendingScorecards(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: PageQueryDto,
  ): Promise<PendingScorecardPage> {
    return this.interviewers.pendingScorecards(user, id, q);
  }

  /**
   * Edits the profile: admins and recruiters any, an interviewer their own. The webhook only its
   * owner or an admin (403 otherwise); an internal or (in production) non-https address is a 400.
   */
  @Patch(':id')
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateInterviewerDto,
  ): Promise<InterviewerResponse> {
    return this.interviewers.update(user, id, dto);
  }
}
