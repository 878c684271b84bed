import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import {
  AssignQuestionsDto,
  CancelInterviewDto,
  CompleteInterviewDto,
  CreateInterviewDto,
  ListInterviewsQueryDto,
  NoShowInterviewDto,
  UpdateInterviewDto,
} from '../dto/interview.dto';
import { InterviewKitResponse, InterviewPage } from '../dto/interview.response';
import { InterviewInviteService } from './interview-invite.service';
import { InterviewLifecycleService } from './interview-lifecycle.service';
import { InterviewQueryService } from './interview-query.service';
import { InterviewSchedulingService } from './interview-scheduling.service';

const MANAGE = { roles: [Role.Admin, Role.Recruiter, Role.HiringManager] };

@ApiTags('interviews')
@Controller('interviews')
@Authenticated()
export class InterviewsController {
  constructor(
    private readonly scheduling: InterviewSchedulingService,
    private readonly lifecycle: InterviewLifecycleService,
    private readonly query: InterviewQueryService,
    private readonly invites: InterviewInviteService,
  ) {}

  /** Schedules an interview: candidate, time and timezone, panel, and question snapshots. 409 when a panelist is already booked then. */
  @Post()
  @Idempotent()
  @ApiKeyScope('interviews')
  @Authenticated(MANAGE)
  @ApiCreatedResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 403, 409, 422)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInterviewDto): Promise<InterviewKitResponse> {
    return this.scheduling.create(user, dto);
  }

  /** Interviews you may see, in start order; filter by time range, status, interviewer, candidate, position. */
  @Get()
  @ApiKeyScope('interviews')
  @ApiErrors(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() q: ListInterviewsQueryDto): Promise<InterviewPage> {
    return this.query.list(user, q);
  }

  /** Your own interviews still scheduled (not ended, not cancelled), soonest first. */
  @Get('upcoming')
  @ApiErrors(400, 401)
  upcoming(@CurrentUser() user: AuthUser, @Query() q: ListInterviewsQueryDto): Promise<InterviewPage> {
    return this.query.upcoming(user, q);
  }

  /** The interview kit: candidate, position, times (scheduled and in your timezone), panel, questions with follow-ups, criteria, guidance and who asks what. */
  @Get(':id')
  @ApiKeyScope('interviews')
  @ApiErrors(401, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<InterviewKitResponse> {
    return this.query.kit(user, id);
  }

  /** Reschedules, changes the panel, the place or the title. */
  @Patch(':id')
  @ApiKeyScope('interviews')
  @Authenticated(MANAGE)
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateInterviewDto,
  ): Promise<InterviewKitResponse> {
    return this.scheduling.update(user, id, dto);
  }

  /** Cancels with a reason; the invite becomes METHOD:CANCEL and reminders stop. */
  @Post(':id/cancel')
  @Idempotent()
  @ApiKeyScope('interviews')
  @Authenticated(MANAGE)
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  cancel(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CancelInterviewDto,
  ): Promise<InterviewKitResponse> {
    return this.lifecycle.cancel(user, id, dto);
  }

  /**
   * Closes a started interview by hand (e.g. a panelist left and will not submit): from scheduled
   * (after its start) or awaiting_feedback. Interviews otherwise complete when every panelist has submitted.
   */
  @Post(':id/complete')
  @Idempotent()
  @Authenticated(MANAGE)
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  complete(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CompleteInterviewDto,
  ): Promise<InterviewKitResponse> {
    return this.lifecycle.complete(user, id, dto);
  }

  /**
   * The candidate did not attend (from scheduled after its start, or awaiting_feedback): status no_show,
   * no feedback owed, its feedback reminders are cancelled. 409 before the start or once closed.
   */
  @Post(':id/no-show')
  @Idempotent()
  @Authenticated(MANAGE)
  @HttpCode(200)
  @ApiOkResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  noShow(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: NoShowInterviewDto,
  ): Promise<InterviewKitResponse> {
    return this.lifecycle.noShow(user, id, dto);
  }

  /** Assigns more questions (snapshots of published ones) at the end of the kit. */
  @Post(':id/questions')
  @Idempotent()
  @Authenticated(MANAGE)
  @ApiCreatedResponse({ type: InterviewKitResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  assignQuestions(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AssignQuestionsDto,
  ): Promise<InterviewKitResponse> {
    return this.lifecycle.assignQuestions(user, id, dto);
  }

  /** The calendar invite (RFC 5545): stable UID, SEQUENCE bumped by each change, METHOD:CANCEL once cancelled. */
  @Get(':id/invite.ics')
  @ApiOkResponse({
    description: 'The invite as an iCalendar file',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiErrors(401, 404)
  async invite(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.invites.ics(user, id);
    reply.header(
      'content-type',
      'text/calendar; charset=utf-8; method=' + (file.body.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST'),
    );
    // RFC 6266: an ASCII fallback name and the UTF-8 one (a header cannot carry raw non-ASCII)
    reply.header(
      'content-disposition',
      `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`,
    );
    return file.body;
  }
}
