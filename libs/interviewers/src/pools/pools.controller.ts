import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { CreateInterviewerPoolDto, PutPoolMemberDto, UpdateInterviewerPoolDto } from '../dto/pools.dto';
import { InterviewerPoolList, InterviewerPoolResponse } from '../dto/pools.response';
import { InterviewerPoolsService } from './interviewer-pools.service';

const MANAGERS = { roles: [Role.Admin, Role.Recruiter] };

/** Interviewer pools and their trainees: admins and recruiters manage them, hiring managers read them. */
@ApiTags('interviewer-pools')
@Controller('interviewer-pools')
@Authenticated({ roles: [Role.Admin, Role.Recruiter, Role.HiringManager] })
export class InterviewerPoolsController {
  constructor(private readonly pools: InterviewerPoolsService) {}

  /** Every pool by name, with its members and each member's training stage. */
  @Get()
  @ApiOkResponse({ type: InterviewerPoolList })
  list(): Promise<InterviewerPoolList> {
    return this.pools.list();
  }

  /** A pool; its name is unique whatever its case (409 otherwise). */
  @Post()
  @Idempotent()
  @Authenticated(MANAGERS)
  @ApiCreatedResponse({ type: InterviewerPoolResponse })
  @ApiErrors(400, 401, 403, 409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateInterviewerPoolDto): Promise<InterviewerPoolResponse> {
    return this.pools.create(user, dto);
  }

  @Get(':id')
  @ApiOkResponse({ type: InterviewerPoolResponse })
  @ApiErrors(401, 403, 404)
  get(@Param('id') id: string): Promise<InterviewerPoolResponse> {
    return this.pools.get(id);
  }

  /** Any subset of the fields; null removes a limit. Stages follow new training counts at once. */
  @Patch(':id')
  @Authenticated(MANAGERS)
  @ApiOkResponse({ type: InterviewerPoolResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateInterviewerPoolDto,
  ): Promise<InterviewerPoolResponse> {
    return this.pools.update(user, id, dto);
  }

  /** The pool and its memberships (interviews already scheduled keep their panels). */
  @Delete(':id')
  @HttpCode(204)
  @Authenticated(MANAGERS)
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiErrors(401, 403, 404)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.pools.remove(user, id);
  }

  /**
   * Adds an active interviewer, or changes how they are in: `trainee: true` starts them at shadow,
   * `trainee: false` on a trainee qualifies them now (recorded in the audit log).
   */
  @Put(':id/members/:userId')
  @Authenticated(MANAGERS)
  @ApiOkResponse({ type: InterviewerPoolResponse })
  @ApiErrors(400, 401, 403, 404)
  putMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
    @Body() dto: PutPoolMemberDto,
  ): Promise<InterviewerPoolResponse> {
    return this.pools.putMember(user, id, userId, dto);
  }

  @Delete(':id/members/:userId')
  @Authenticated(MANAGERS)
  @ApiOkResponse({ type: InterviewerPoolResponse })
  @ApiErrors(401, 403, 404)
  removeMember(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('userId') userId: string,
  ): Promise<InterviewerPoolResponse> {
    return this.pools.removeMember(user, id, userId);
  }
}
