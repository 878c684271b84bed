import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { HiringHomeService } from './hiring-home.service';
import { PipelineQueryDto } from '../dto/pipeline.dto';
import { HiringHomeResponse, PipelineResponse } from '../dto/pipeline.response';
import { PipelineService } from './pipeline.service';

@ApiTags('hiring')
@Controller()
@Authenticated()
export class PipelineController {
  constructor(
    private readonly pipeline: PipelineService,
    private readonly homes: HiringHomeService,
  ) {}

  /** Candidates by stage with their interview and scorecard state (managers of the position; others 404). */
  @Get('positions/:id/pipeline')
  @ApiErrors(400, 401, 404)
  board(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: PipelineQueryDto,
  ): Promise<PipelineResponse> {
    return this.pipeline.board(user, id, q);
  }

  /** Decisions waiting, overdue scorecards and upcoming interviews on the caller's positions (hiring managers, admins). */
  @Get('me/hiring-home')
  @ApiErrors(401, 403)
  home(@CurrentUser() user: AuthUser): Promise<HiringHomeResponse> {
    return this.homes.home(user);
  }
}
