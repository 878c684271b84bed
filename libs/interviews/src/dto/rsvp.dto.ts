import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { RSVP_RESPONSES, type RsvpResponse } from '../entities/interview-panelist.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A panelist's answer to the invitation. */
export class RsvpDto {
  @ApiProperty({ enum: RSVP_RESPONSES })
  @IsIn(RSVP_RESPONSES, { message: `response must be one of ${RSVP_RESPONSES.join(', ')}` })
  response: RsvpResponse;

  /** Why (shown to the interview's managers), e.g. "on leave that day"; empty clears it. */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}
