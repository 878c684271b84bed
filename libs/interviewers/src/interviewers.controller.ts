import { Body, Controller, Get, Param, Patch, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { InterviewerPage, InterviewerResponse, ListInterviewersQueryDto, UpdateInterviewerDto } from './dto/interviewer.dto';
import { InterviewersService } from './interviewers.service';

@ApiTags('interviewers')
@Controller('interviewers')
@Authenticated()
export class InterviewersController {
  constructor(private readonly interviewers: InterviewersService) {}

  /** Interviewers with their profile and this week's load; filter by competency, question type, availability. */
  @Get()
  @ApiErrors(400, 401)
  list(@Query() q: ListInterviewersQueryDto): Promise<InterviewerPage> {
    return this.interviewers.list(q);
  }

  @Get(':id')
  @ApiErrors(401, 404)
  get(@Param('id') id: string): Promise<InterviewerResponse> {
    return this.interviewers.get(id);
  }

  /** Edits the profile: admins and recruiters any, an interviewer their own. */
  @Patch(':id')
  @ApiErrors(400, 401, 403, 404)
  update(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: UpdateInterviewerDto): Promise<InterviewerResponse> {
    return this.interviewers.update(user, id, dto);
  }
}
