import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser } from '@app/auth';
import type { AuthUser } from '@app/auth';
import {
  AvailabilityQueryDto,
  AvailabilityResponse,
  AvailabilitySettingsDto,
  UpdateAvailabilityDto,
} from '../dto/availability.dto';
import { AvailabilityService } from './availability.service';

@ApiTags('interviewers')
@Controller('interviewers')
@Authenticated()
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  /**
   * Working hours (as instants), days off, buffer and busy times (their calendar feed and their
   * interviews) within a range of at most 62 days. Admins, recruiters, hiring managers and the
   * interviewer themselves; the feed's status only for the interviewer and admins.
   */
  @Get(':id/availability')
  @ApiErrors(400, 401, 403, 404)
  read(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: AvailabilityQueryDto,
  ): Promise<AvailabilityResponse> {
    return this.availability.read(user, id, q);
  }

  /**
   * Changes working hours, days off, buffer and the secret calendar feed URL: the interviewer
   * themselves or an admin. The feed address is checked like a webhook's (no internal addresses) and
   * fetched in the background; it is never returned.
   */
  @Put(':id/availability')
  @ApiErrors(400, 401, 403, 404)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateAvailabilityDto,
  ): Promise<AvailabilitySettingsDto> {
    return this.availability.update(user, id, dto);
  }
}
