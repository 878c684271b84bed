import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import {
  CandidatePage,
  CandidateResponse,
  CreateCandidateDto,
  ListCandidatesQueryDto,
  UpdateCandidateDto,
} from '../dto/candidate.dto';
import { CandidatesService } from './candidates.service';

const MANAGE = { roles: [Role.Admin, Role.Recruiter, Role.HiringManager] };

@ApiTags('candidates')
@Controller('candidates')
@Authenticated(MANAGE)
export class CandidatesController {
  constructor(private readonly candidates: CandidatesService) {}

  /** Candidates, newest first; a hiring manager sees those of their positions. */
  @Get()
  @ApiKeyScope('interviews')
  @ApiErrors(400, 401, 403)
  list(@CurrentUser() user: AuthUser, @Query() q: ListCandidatesQueryDto): Promise<CandidatePage> {
    return this.candidates.list(user, q);
  }

  @Post()
  @Idempotent()
  @ApiKeyScope('interviews')
  @ApiErrors(400, 401, 403, 404)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateCandidateDto): Promise<CandidateResponse> {
    return this.candidates.create(user, dto);
  }

  @Get(':id')
  @ApiKeyScope('interviews')
  @ApiErrors(401, 403, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CandidateResponse> {
    return this.candidates.get(user, id);
  }

  @Patch(':id')
  @ApiKeyScope('interviews')
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateCandidateDto,
  ): Promise<CandidateResponse> {
    return this.candidates.update(user, id, dto);
  }

  /** Deletes a candidate who has no interviews. */
  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.candidates.remove(user, id);
  }
}
