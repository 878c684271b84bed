import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsTimeZone } from '@app/auth';
import { IsDateTimeInput } from '@app/common';

export const MAX_INTERVIEWERS = 8;
export const MAX_POOL_SEATS = 4;
export const MAX_RANGE_DAYS = 31;
export const STEPS = [15, 30, 60];

/** `a,b,c` (or the parameter repeated) to a list; an empty value is an empty list. */
const csv = ({ value }: { value: unknown }) => {
  const parts = Array.isArray(value) ? value : [value];
  if (!parts.every((p) => typeof p === 'string')) return value;
  return (parts as string[])
    .flatMap((p) => p.split(','))
    .map((p) => p.trim())
    .filter(Boolean);
};

export class FindTimesQueryDto {
  /** Interviewers who must all be on the panel: comma-separated ids, at most 8. */
  @ApiPropertyOptional({ type: String, example: '2b8c…,7f1e…' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @ArrayMaxSize(MAX_INTERVIEWERS, { message: `interviewerIds: at most ${MAX_INTERVIEWERS} interviewers` })
  @IsUUID(undefined, { each: true, message: 'interviewerIds must be comma-separated interviewer ids (UUIDs)' })
  interviewerIds?: string[];

  /** Pools of which one qualified member each takes a seat: comma-separated ids, at most 4 (a pool twice: two of it). */
  @ApiPropertyOptional({ type: String, example: '5d0a…' })
  @IsOptional()
  @Transform(csv)
  @IsArray()
  @ArrayMaxSize(MAX_POOL_SEATS, { message: `poolIds: at most ${MAX_POOL_SEATS} pool seats` })
  @IsUUID(undefined, { each: true, message: 'poolIds must be comma-separated pool ids (UUIDs)' })
  poolIds?: string[];

  @ApiProperty({ type: 'integer', minimum: 15, maximum: 480 })
  @Type(() => Number)
  @IsInt({ message: 'durationMinutes must be a whole number of minutes' })
  @Min(15)
  @Max(480)
  durationMinutes: number;

  /** Start of the range: a date-time, or a date (its midnight) in candidateTimeZone. */
  @ApiProperty({ example: '2027-03-08' })
  @IsDateTimeInput()
  from: string;

  /** End of the range, at most 31 days after from: a date-time, or a date (that whole day included) in candidateTimeZone. */
  @ApiProperty({ example: '2027-03-12' })
  @IsDateTimeInput()
  to: string;

  /** IANA zone of the candidate (default UTC): slots are only where it is 07:00-21:00 for them. */
  @ApiPropertyOptional({ example: 'Europe/Berlin' })
  @IsOptional()
  @IsTimeZone()
  candidateTimeZone?: string;

  /** Minutes between proposed starts (default 30), from 07:00 in the candidate's zone. */
  @ApiPropertyOptional({ enum: STEPS, type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsIn(STEPS, { message: 'stepMinutes must be 15, 30 or 60' })
  stepMinutes?: number;

  /** When rescheduling: this interview's own time is not busy. */
  @IsOptional()
  @IsUUID(undefined, { message: 'excludeInterviewId must be an interview id (a UUID)' })
  excludeInterviewId?: string;

  /** Slots to return (1-50, default 10). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  limit?: number;
}
