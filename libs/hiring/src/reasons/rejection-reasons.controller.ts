import { Body, Controller, Get, Put } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '@app/common';
import { Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { RejectionReasonList, UpdateRejectionReasonsDto } from '../dto/rejection-reason.dto';
import { RejectionReasonsService } from './rejection-reasons.service';

@ApiTags('hiring')
@Controller('settings/rejection-reasons')
export class RejectionReasonsController {
  constructor(private readonly reasons: RejectionReasonsService) {}

  /** Every reason in order, retired ones with `active: false`. */
  @Get()
  @Authenticated({ roles: [Role.Admin, Role.Recruiter, Role.HiringManager] })
  list(): Promise<RejectionReasonList> {
    return this.reasons.list();
  }

  /** Replaces the list (admins). */
  @Put()
  @Authenticated({ roles: [Role.Admin] })
  @ApiErrors(400)
  replace(@CurrentUser() user: AuthUser, @Body() dto: UpdateRejectionReasonsDto): Promise<RejectionReasonList> {
    return this.reasons.replace(user, dto);
  }
}
