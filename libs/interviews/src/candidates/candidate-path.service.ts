import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CandidateStatus } from '../entities/candidate.entity';
import { CandidatePath, CandidatePathRepository } from './candidate-path.repository';

/**
 * A candidate's current stage and status, for the hiring module. The path is changed only here and
 * only inside the caller's transaction, so the decision recorded and the candidate's state commit together.
 */
@Injectable()
export class CandidatePathService {
  constructor(private readonly repo: CandidatePathRepository) {}

  find(candidateId: string): Promise<CandidatePath | null> {
    return /^[0-9a-f-]{36}$/i.test(candidateId) ? this.repo.find(candidateId) : Promise.resolve(null);
  }

  /** Reads and locks the candidate's row in `tx` (held until it commits). */
  lockForDecision(candidateId: string, tx: EntityManager): Promise<CandidatePath | null> {
    return this.repo.lock(candidateId, tx);
  }

  /** Moves the candidate; call it in the transaction that records the decision. */
  move(candidateId: string, to: { stageId: string | null; status: CandidateStatus }, tx: EntityManager): Promise<void> {
    return this.repo.setPath(candidateId, to, tx);
  }

  /** Candidates of a position, or of a hiring manager's positions (neither: every position), by name. */
  list(f: {
    positionId?: string;
    hiringManagerId?: string;
    statuses?: CandidateStatus[];
    q?: string;
  }): Promise<CandidatePath[]> {
    return this.repo.list({ ...f, words: (f.q ?? '').split(/\s+/).filter(Boolean).slice(0, 10) });
  }
}
