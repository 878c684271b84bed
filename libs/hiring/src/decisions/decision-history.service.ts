import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { CandidatePathService, PositionPlanService } from '@app/interviews';
import { DecisionList, DecisionResponse } from '../dto/decision.response';
import { readableCandidate, toDecisionResponse } from './decision-view';
import { DecisionRepository } from './decision.repository';

/** A candidate's decisions, as the managers of their position read them. */
@Injectable()
export class DecisionHistoryService {
  constructor(
    private readonly path: CandidatePathService,
    private readonly plan: PositionPlanService,
    private readonly repo: DecisionRepository,
    private readonly users: UsersService,
  ) {}

  /** Newest first: three queries (decisions with reasons, stages, deciders' names). */
  async history(user: AuthUser, candidateId: string): Promise<DecisionList> {
    const c = await readableCandidate(this.path, user, candidateId);
    const rows = await this.repo.history(c.id);
    const stages = await this.plan.stages(c.positionId);
    const names = new Map((await this.users.findManyByIds(rows.map((r) => r.decidedById))).map((u) => [u.id, u.name]));
    return {
      items: rows.map((r) =>
        toDecisionResponse(r, stages, r.reasonLabel, {
          id: r.decidedById,
          name: names.get(r.decidedById) ?? 'Unknown user',
        }),
      ),
    };
  }

  /** One decision as plain data, without an access check: for other modules (reminders), never for a request. */
  async find(decisionId: string): Promise<DecisionResponse | null> {
    const d = await this.repo.findOne(decisionId);
    if (!d) return null;
    const [decider] = await this.users.findManyByIds([d.decidedById]);
    return toDecisionResponse(d, await this.plan.stages(d.positionId), d.reasonLabel, {
      id: d.decidedById,
      name: decider?.name ?? 'Unknown user',
    });
  }
}
