import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { CANDIDATE_STATUSES } from '@app/interviews';
import type { CandidateStatus } from '@app/interviews';

export class PipelineQueryDto {
  /** Only candidates with this status. */
  @IsOptional()
  @IsIn(CANDIDATE_STATUSES, { message: `status must be one of ${CANDIDATE_STATUSES.join(', ')}` })
  status?: CandidateStatus;

  /** Words in the candidate's name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;
}
