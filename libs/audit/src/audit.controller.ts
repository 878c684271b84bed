import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Authenticated, Role } from '@app/auth';
import { AuditPage, ListAuditQueryDto } from './dto/audit.dto';
import { AuditService } from './audit.service';

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
