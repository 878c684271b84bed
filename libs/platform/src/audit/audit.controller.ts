import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Role } from '@app/auth';
import { AuditPage, AuditService, ListAuditQueryDto } from '@app/audit';

/** The audit trail's read side; it lives with the HTTP layer so that libs/audit, which every domain (auth too) writes to, depends on no domain. */
@ApiTags('audit')
@Controller('audit-events')
@Authenticated({ roles: [Role.Admin] })
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** The audit trail, newest first (admin only). */
  @Get()
  list(@Query() q: ListAuditQueryDto): Promise<AuditPage> {
    return this.audit.list(q);
  }
}
