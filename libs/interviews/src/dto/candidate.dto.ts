import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { IsPlainEmail, IsUpdatedSince, PageInfoDto, PageQueryDto } from '@app/common';
import { CANDIDATE_STATUSES } from '../entities/candidate.entity';
import type { CandidateStatus } from '../entities/candidate.entity';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateCandidateDto {
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name: string;

  @IsPlainEmail()
  email: string;

  @IsUUID()
  positionId: string;

  /** Free-form notes for the hiring team. */
  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;
}

export class UpdateCandidateDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200)
  name?: string;

  @IsOptional()
  @IsPlainEmail()
  email?: string;

  @IsOptional()
  @IsString()
  @MaxLength(10_000)
  notes?: string;
}

export class ListCandidatesQueryDto extends PageQueryDto {
  /** Words in the name or email. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsUUID()
  positionId?: string;

  @IsOptional()
  @IsIn(CANDIDATE_STATUSES, { message: `status must be one of ${CANDIDATE_STATUSES.join(', ')}` })
  status?: CandidateStatus;

  /** Candidates changed at or after this instant, in order of change (an integration's incremental sync). */
  @IsUpdatedSince()
  updatedSince?: string;
}

export class CandidateResponse {
  id: string;
  name: string;
  email: string;
  positionId: string;
  positionTitle: string;
  /** The plan stage the candidate is at; null = not started. */
  stageId: string | null;
  stageName: string | null;
  /** active, on_hold, rejected, withdrawn or hired; changed only by a decision. */
  status: CandidateStatus;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export class CandidatePage {
  items: CandidateResponse[];
  page: PageInfoDto;
}
