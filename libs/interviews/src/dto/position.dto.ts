import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageInfoDto, PageQueryDto } from '@app/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreatePositionDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  department?: string;

  /** A user with the hiring_manager role; defaults to the caller when they are one. */
  @IsOptional()
  @IsUUID()
  hiringManagerId?: string;
}

export class UpdatePositionDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(200)
  title?: string;

  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(120)
  department?: string;

  @IsOptional()
  @IsUUID()
  hiringManagerId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class ListPositionsQueryDto extends PageQueryDto {
  /** Words in the title or department. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsUUID()
  hiringManagerId?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';
}

export class PersonRef {
  id: string;
  name: string;
  email: string;
}

export class PositionResponse {
  id: string;
  title: string;
  department: string | null;
  hiringManager: PersonRef;
  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  status: 'open' | 'closed';
  createdAt: Date;
  updatedAt: Date;
}

export class PositionPage {
  items: PositionResponse[];
  page: PageInfoDto;
}
