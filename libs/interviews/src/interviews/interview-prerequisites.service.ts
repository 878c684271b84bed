import { Injectable } from '@nestjs/common';
import { PublishedQuestion, QuestionBankService } from '@app/question-sets';
import type { AuthUser } from '@app/auth';
import { CandidateRepository } from '../candidates/candidate.repository';
import type { AssignQuestionDto } from '../dto/interview.dto';
import type { CandidateEntity } from '../entities/candidate.entity';
import type { PositionEntity } from '../entities/position.entity';
import { PositionsService } from '../positions/positions.service';
import { PlanStageSummary, PositionPlanService } from '../plans/position-plan.service';
import { assertAllowed, canManagePosition } from '@app/auth';
import { fieldError } from '@app/common';

/** What scheduling needs from outside the interview itself: the candidate, the position, the questions. */
@Injectable()
export class InterviewPrerequisitesService {
  constructor(
    private readonly candidates: CandidateRepository,
    private readonly positions: PositionsService,
    private readonly bank: QuestionBankService,
    private readonly plans: PositionPlanService,
  ) {}

  async candidateAndPosition(
    user: AuthUser,
    candidateId: string,
    positionId?: string,
  ): Promise<{ candidate: CandidateEntity; position: PositionEntity }> {
    const candidate = await this.candidates.findById(candidateId);
    if (!candidate) throw fieldError('candidateId', `candidateId: candidate ${candidateId} does not exist`);
    // the candidate's own position is the authority: a position the caller manages must not open another's candidate
    const position = await this.positions.find(candidate.positionId);
    // named in the body, not the path: a refusal of the action (403) that says nothing about the candidate
    assertAllowed(
      canManagePosition(user, position),
      "Only admins, recruiters and the position's hiring manager schedule its interviews",
    );
    if (positionId && positionId.toLowerCase() !== candidate.positionId) {
      throw fieldError(
        'positionId',
        `positionId: candidate ${candidateId} is a candidate for another position; leave positionId out or send theirs`,
      );
    }
    return { candidate, position };
  }

  /** The plan stage an interview is put in: it must be one of its position's. */
  async planStage(positionId: string, planStageId: string): Promise<PlanStageSummary> {
    const stage = await this.plans.stage(positionId, planStageId.toLowerCase());
    if (!stage)
      throw fieldError('planStageId', `planStageId: ${planStageId} is not a stage of this position's interview plan`);
    return stage;
  }

  /** Published questions for the refs, and who asks each; askers must be on the panel. */
  async questions(
    refs: AssignQuestionDto[],
    panelIds: string[],
  ): Promise<{ questions: PublishedQuestion[]; askers: Array<string | null> }> {
    const askers = refs.map((r, i) => {
      if (!r.setId === !r.questionId)
        throw fieldError(`questions.${i}`, `questions.${i}: give either setId or questionId`);
      if (r.askedBy && !panelIds.includes(r.askedBy))
        throw fieldError(`questions.${i}.askedBy`, `questions.${i}.askedBy: ${r.askedBy} is not on the panel`);
      return r.askedBy ?? null;
    });
    return { questions: await this.bank.resolvePublished(refs), askers };
  }
}
