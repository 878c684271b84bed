import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { Allow, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { asUtcInstant, IsDateTimeInput } from '@app/common';
import { MAX_BUFFER_MINUTES } from '../availability/working-hours';

export class TimeWindowDto {
  /** HH:MM local time. */
  @ApiProperty({ example: '09:00' })
  start: string;

  /** HH:MM local time, after start; 24:00 is midnight. */
  @ApiProperty({ example: '17:00' })
  end: string;
}

const WORKING_HOURS_SCHEMA: ApiPropertyOptions = {
  type: 'object',
  description:
    "ISO weekday '1' (Monday) to '7' (Sunday) to at most 4 non-overlapping windows; a day left out is not worked",
  additionalProperties: {
    type: 'array',
    maxItems: 4,
    items: {
      type: 'object',
      required: ['start', 'end'],
      properties: { start: { type: 'string', example: '09:00' }, end: { type: 'string', example: '17:00' } },
    },
  },
  example: {
    '1': [
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:00' },
    ],
  },
};

/** Owner or admin: any subset; checked as a whole, a 400 names the first bad field. */
export class UpdateAvailabilityDto {
  @ApiPropertyOptional({ ...WORKING_HOURS_SCHEMA, nullable: true } as ApiPropertyOptions)
  @Allow()
  workingHours?: Record<string, TimeWindowDto[]> | null;

  /** Whole days off, YYYY-MM-DD in their timezone; replaces the list. */
  @ApiPropertyOptional({ type: [String], example: ['2027-03-29'] })
  @Allow()
  daysOff?: string[];

  /** Minutes kept free before and after each interview. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_BUFFER_MINUTES)
  bufferMinutes?: number;

  /**
   * The calendar's secret iCal address (https or webcal); null or '' removes it. Never returned:
   * responses say whether one is set and its host.
   */
  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 2000 })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(2000)
  calendarFeedUrl?: string | null;
}

export class CalendarFeedStatusDto {
  @ApiProperty()
  set: boolean;

  /** The host only (e.g. calendar.google.com); the address itself is a secret. */
  @ApiProperty({ type: String, nullable: true })
  host: string | null;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  lastFetchedAt: string | null;

  /** What the last fetch ran into, generically ("answered 404 Not Found"). */
  @ApiProperty({ type: String, nullable: true })
  lastError: string | null;

  @ApiProperty()
  busyCount: number;
}

export class AvailabilitySettingsDto {
  @ApiProperty()
  timezone: string;

  @ApiProperty(WORKING_HOURS_SCHEMA)
  workingHours: Record<string, TimeWindowDto[]>;

  @ApiProperty({ type: [String] })
  daysOff: string[];

  @ApiProperty()
  bufferMinutes: number;

  /** Only for the interviewer themselves and admins. */
  @ApiPropertyOptional({ type: CalendarFeedStatusDto })
  calendarFeed?: CalendarFeedStatusDto;
}

export class IntervalDto {
  @ApiProperty({ format: 'date-time' })
  start: string;

  @ApiProperty({ format: 'date-time' })
  end: string;
}

export class BusyIntervalDto extends IntervalDto {
  /** 'calendar' (their feed) or 'interview'. */
  @ApiProperty({ enum: ['calendar', 'interview'] })
  source: 'calendar' | 'interview';
}

export class AvailabilityResponse extends AvailabilitySettingsDto {
  @ApiProperty()
  userId: string;

  @ApiProperty({ format: 'date-time' })
  from: string;

  @ApiProperty({ format: 'date-time' })
  to: string;

  /** Working hours as instants within the range, days off left out. */
  @ApiProperty({ type: [IntervalDto] })
  working: IntervalDto[];

  @ApiProperty({ type: [BusyIntervalDto] })
  busy: BusyIntervalDto[];
}

export class AvailabilityQueryDto {
  /** Start of the range (any ISO 8601 date-time; a local time is read in UTC). */
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  from: string;

  /** End of the range, after `from`, at most 62 days later. */
  @Transform(asUtcInstant)
  @IsDateTimeInput()
  to: string;
}
