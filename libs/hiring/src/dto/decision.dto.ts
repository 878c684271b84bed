import { Transform, Type } from 'class-transformer';
import { IsIn, IsNotEmpty, IsObject, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { DECISIONS } from '../entities/candidate-decision.entity';
import type { Decision } from '../entities/candidate-decision.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class DecisionOverrideDto {
  /** Why deciding now is right although scorecards are missing; kept on the record. */
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'override.reason must not be empty' })
  @MaxLength(2000)
  reason: string;
}

export class CreateDecisionDto {
  /** advance, move_back, reject, hold, hire, withdraw or reactivate. */
  @IsIn(DECISIONS, { message: `decision must be one of ${DECISIONS.join(', ')}` })
  decision: Decision;

  /** advance: the stage to go to (default: the next one); move_back: an earlier stage (required); reactivate: optional. */
  @IsOptional()
  @IsUUID('all', { message: 'toStageId must be a UUID' })
  toStageId?: string;

  /** A rejection reason's id (required to reject). */
  @IsOptional()
  @IsUUID('all', { message: 'reasonId must be a UUID' })
  reasonId?: string;

  /** Why (required to hire). */
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(10_000)
  rationale?: string;

  /** Decide although scorecards are missing. */
  @IsOptional()
  @IsObject({ message: 'override must be an object' })
  @ValidateNested()
  @Type(() => DecisionOverrideDto)
  override?: DecisionOverrideDto;
}
