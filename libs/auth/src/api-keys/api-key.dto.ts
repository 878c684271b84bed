import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { asUtcInstant, IsDateTimeInput, PageInfoDto, PageQueryDto } from '@app/common';
import { API_KEY_SCOPES, type ApiKeyScope } from './api-key-scopes';

export class CreateApiKeyDto {
  /** What the key is for ("Greenhouse sync"); shown in the list and as the actor in the audit trail. */
  @IsString()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(100)
  name: string;

  /** Read or write per area; scorecards and summaries are read-only for keys. */
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true, example: ['interviews:read', 'interviews:write'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'scopes must name at least one scope' })
  @ArrayMaxSize(API_KEY_SCOPES.length)
  @ArrayUnique()
  @IsIn(API_KEY_SCOPES, { each: true, message: `each scope must be one of: ${API_KEY_SCOPES.join(', ')}` })
  scopes: ApiKeyScope[];

  /** When the key stops working (ISO 8601 instant with an offset, in the future); omitted: never. */
  @IsOptional()
  // a week or ordinal date passes a syntax check but is an Invalid Date to the service's `new Date()`
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  expiresAt?: string;
}

export class ApiKeyResponse {
  id: string;
  name: string;
  @ApiProperty({ enum: API_KEY_SCOPES, isArray: true })
  scopes: string[];
  /** The start of the secret (`sk_live_` and four more characters), to recognise the key. */
  prefix: string;
  /** The secret's last four characters. */
  last4: string;
  createdById: string;
  @ApiPropertyOptional({ type: Date, nullable: true })
  expiresAt: Date | null;
  /** Kept to the minute. */
  @ApiPropertyOptional({ type: Date, nullable: true })
  lastUsedAt: Date | null;
  @ApiPropertyOptional({ type: Date, nullable: true })
  revokedAt: Date | null;
  createdAt: Date;
}

export class CreatedApiKeyResponse {
  apiKey: ApiKeyResponse;
  /** The secret, shown this once: it is stored hashed and cannot be shown again. Send it as `Authorization: Bearer <secret>`. */
  secret: string;
}

export class ListApiKeysQueryDto extends PageQueryDto {}

export class ApiKeyPage {
  items: ApiKeyResponse[];
  page: PageInfoDto;
}
