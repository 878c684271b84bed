import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsOptional,
  IsString,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsPlainEmail } from '@app/common';
import { IsTimeZone } from '../decorators/is-time-zone.decorator';
import { Role } from '../role.enum';

export class CreateUserDto {
  @IsPlainEmail()
  email: string;

  @IsString()
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200)
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  name: string;

  /** At least 8 characters. */
  @IsString()
  @MinLength(8, { message: 'password must be at least 8 characters' })
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: Role, isArray: true, enumName: 'Role', example: ['interviewer'] })
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must name at least one role' })
  @ArrayMaxSize(4)
  @ArrayUnique()
  @IsEnum(Role, { each: true, message: `each role must be one of: ${Object.values(Role).join(', ')}` })
  roles: Role[];

  /** IANA timezone, e.g. Europe/Berlin (default UTC). */
  @IsOptional()
  @IsTimeZone()
  timezone?: string;
}
