import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, Role } from '@app/auth';
import { FindTimesQueryDto } from '../dto/find-times.dto';
import { FindTimesResponse } from '../dto/find-times.response';
import { FindTimesService } from './find-times.service';

@ApiTags('interviews')
@Controller('interviews')
@Authenticated({ roles: [Role.Admin, Role.Recruiter, Role.HiringManager] })
export class FindTimesController {
  constructor(private readonly findTimes: FindTimesService) {}

  /**
   * Times when a panel can meet: every interviewer named and one qualified member per pool seat
   * free (working hours, days off, calendar, interviews and buffers, pools' daily and weekly
   * limits), 07:00-21:00 for the candidate. Ranked earliest day first, then the most balanced load;
   * with near misses and why, and the pools' trainees free at each time. Calendar event titles never show.
   */
  @Get('find-times')
  @ApiOkResponse({ type: FindTimesResponse })
  @ApiErrors(400, 401, 403)
  find(@Query() q: FindTimesQueryDto): Promise<FindTimesResponse> {
    return this.findTimes.find(q);
  }
}
