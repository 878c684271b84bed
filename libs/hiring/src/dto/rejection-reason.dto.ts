import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { EachIsObject } from '@app/common';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class RejectionReasonInput {
  /** An existing reason's id; omitted for a new one. */
  @IsOptional()
  @IsUUID('all', { message: 'id must be a UUID' })
  id?: string;

  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'label must not be empty' })
  @MaxLength(120)
  label: string;

  /** Inactive reasons are kept for past decisions but not offered. */
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UpdateRejectionReasonsDto {
  /** The whole list in order; reasons left out become inactive (past decisions keep them). */
  @IsArray()
  @ArrayMaxSize(100)
  @EachIsObject()
  @ValidateNested({ each: true })
  @Type(() => RejectionReasonInput)
  reasons: RejectionReasonInput[];
}

export class RejectionReasonResponse {
  id: string;
  label: string;
  active: boolean;
  @ApiProperty({ type: 'integer' })
  position: number;
}

export class RejectionReasonList {
  items: RejectionReasonResponse[];
}
