import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageInfoDto, PageQueryDto } from '@app/common';

export class ListAuditQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['interview', 'scorecard', 'question_set', 'position', 'candidate', 'interviewer', 'settings', 'user'])
  entityType?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;
}

export class AuditEventResponse {
  id: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  @ApiProperty({ type: 'object', additionalProperties: true })
  changes: Record<string, unknown>;
  createdAt: Date;
}

export class AuditPage {
  items: AuditEventResponse[];
  page: PageInfoDto;
}
