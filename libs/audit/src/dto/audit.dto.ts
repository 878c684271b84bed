import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageInfoDto, PageQueryDto } from '@app/common';

export class ListAuditQueryDto extends PageQueryDto {
  @IsOptional()
  @IsIn([
    'interview',
    'scorecard',
    'question_set',
    'position',
    'candidate',
    'interviewer',
    'settings',
    'user',
    'api_key',
  ])
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
  /** Who acted: a user (actorId), an API key (actorId is the key's id, actorName its name) or the system. */
  @ApiProperty({ enum: ['user', 'api_key', 'system'] })
  actorKind: string;
  /** The API key's name when a key acted. */
  @ApiProperty({ type: String, nullable: true })
  actorName: string | null;
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
