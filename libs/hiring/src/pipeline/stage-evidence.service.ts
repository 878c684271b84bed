import { Injectable } from '@nestjs/common';
import { SubmissionsService } from '@app/feedback';
import { InterviewReadService } from '@app/interviews';
import type { CandidateInterviewRow } from '@app/interviews';
import { expectedPairs, stageInterviews } from './stage-state';

/** The interviews of many candidates and who has submitted for them: three queries whatever the count. */
@Injectable()
export class StageEvidenceService {
  constructor(
    private readonly interviews: InterviewReadService,
    private readonly submissions: SubmissionsService,
  ) {}

  async forCandidates(
    candidateIds: string[],
  ): Promise<{ byCandidate: Map<string, CandidateInterviewRow[]>; submitted: Set<string> }> {
    const rows = await this.interviews.listForCandidates(candidateIds);
    const byCandidate = new Map<string, CandidateInterviewRow[]>();
    for (const r of rows) byCandidate.set(r.candidateId, [...(byCandidate.get(r.candidateId) ?? []), r]);
    const submitted = await this.submissions.submitted(
      expectedPairs(rows.filter((r) => !['cancelled', 'no_show'].includes(r.status))),
    );
    return { byCandidate, submitted };
  }

  /** Only the candidate's current stage matters for a decision. */
  async forStage(
    candidateId: string,
    stageId: string | null,
  ): Promise<{ interviews: CandidateInterviewRow[]; submitted: Set<string> }> {
    const interviews = stageInterviews(stageId, await this.interviews.listForCandidates([candidateId]));
    return { interviews, submitted: await this.submissions.submitted(expectedPairs(interviews)) };
  }
}
