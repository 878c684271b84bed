import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import {
  CreatePositionDto,
  ListPositionsQueryDto,
  PositionPage,
  PositionResponse,
  UpdatePositionDto,
} from '../dto/position.dto';
import { PositionsService } from './positions.service';

const MANAGE = { roles: [Role.Admin, Role.Recruiter, Role.HiringManager] };

@ApiTags('positions')
@Controller('positions')
@Authenticated()
export class PositionsController {
  constructor(private readonly positions: PositionsService) {}

  /** Positions, newest first; search by title or department. */
  @Get()
  @ApiKeyScope('interviews')
  @ApiErrors(400, 401, 403)
  list(@CurrentUser() user: AuthUser, @Query() q: ListPositionsQueryDto): Promise<PositionPage> {
    return this.positions.list(user, q);
  }

  /** Opens a position. A hiring manager may open one they manage. */
  @Post()
  @Idempotent()
  @ApiKeyScope('interviews')
  @Authenticated(MANAGE)
  @ApiErrors(400, 401, 403)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreatePositionDto): Promise<PositionResponse> {
    return this.positions.create(user, dto);
  }

  @Get(':id')
  @ApiKeyScope('interviews')
  @ApiErrors(401, 403, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<PositionResponse> {
    return this.positions.get(user, id);
  }

  @Patch(':id')
  @Authenticated(MANAGE)
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdatePositionDto,
  ): Promise<PositionResponse> {
    return this.positions.update(user, id, dto);
  }

  /** Deletes a position without candidates (close it otherwise). */
  @Delete(':id')
  @Authenticated({ roles: [Role.Admin, Role.Recruiter] })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.positions.remove(user, id);
  }
}
