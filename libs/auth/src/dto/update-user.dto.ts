import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { PageQueryDto } from '@app/common';
import { IsTimeZone } from '../decorators/is-time-zone.decorator';
import { Role } from '../role.enum';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ListUsersQueryDto extends PageQueryDto {
  /** Words in the name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}

/** What an admin may change about a user; every field optional. */
export class UpdateUserDto {
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: Role, isArray: true, enumName: 'Role', example: ['interviewer'] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true, message: `each role must be one of: ${Object.values(Role).join(', ')}` })
  roles?: Role[];

  /** IANA timezone, e.g. Europe/Berlin. */
  @IsOptional()
  @IsTimeZone()
  timezone?: string;

  /** false deactivates: the user can no longer sign in, and their tokens stop working at once. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

/** What every user may change about themselves. */
export class UpdateMeDto {
  @IsOptional()
  @IsString()
  @Transform(trim)
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  /** IANA timezone in which times are shown to you, e.g. Europe/Berlin. */
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
