import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { NotificationPage, NotificationsQueryDto, ReminderListResponse } from './dto/reminder.response';
import { ReminderPolicyDto } from './dto/reminder-policy.dto';
import { RemindersQueryService } from './reminders-query.service';
import { ReminderSettingsService } from './reminder-settings.service';

@ApiTags('reminders')
@Controller()
@Authenticated()
export class RemindersController {
  constructor(
    private readonly settings: ReminderSettingsService,
    private readonly query: RemindersQueryService,
  ) {}

  /** The reminder policy (admin). */
  @Get('settings/reminders')
  @Authenticated({ roles: [Role.Admin] })
  getPolicy(): Promise<ReminderPolicyDto> {
    return this.settings.get() as Promise<ReminderPolicyDto>;
  }

  /** Replaces the reminder policy (admin); interviews scheduled afterwards follow it. */
  @Put('settings/reminders')
  @Authenticated({ roles: [Role.Admin] })
  @ApiErrors(400, 401, 403)
  putPolicy(@CurrentUser() user: AuthUser, @Body() dto: ReminderPolicyDto): Promise<ReminderPolicyDto> {
    return this.settings.put(user, dto) as Promise<ReminderPolicyDto>;
  }

  /** The interview's reminders: scheduled, sent, skipped (with why), failed, cancelled. */
  @Get('interviews/:id/reminders')
  @ApiErrors(401, 404)
  forInterview(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<ReminderListResponse> {
    return this.query.forInterview(user, id);
  }

  /** The delivery log: admins see all, others their own. */
  @Get('notifications')
  @ApiErrors(400, 401)
  notifications(@CurrentUser() user: AuthUser, @Query() q: NotificationsQueryDto): Promise<NotificationPage> {
    return this.query.notifications(user, q);
  }
}
