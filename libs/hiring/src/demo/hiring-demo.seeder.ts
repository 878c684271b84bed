import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import {
  CandidatePathService,
  DEMO_CANDIDATES,
  DEMO_MANAGER_EMAIL,
  DEMO_POSITION,
  PositionPlanService,
} from '@app/interviews';
import { DecisionsService } from '../decisions/decisions.service';

const RATIONALE =
  'Both technical scorecards are in and agree: strong on idempotent API design and on debugging from the query plan, ' +
  'and he owns his incidents. Onsite should probe stakeholder handling (Priya) and sharding in the design deep dive (Kai).';

/**
 * In demo mode, the hiring manager's one decision of the story: Alex Chen, whose technical scorecards
 * are in (the feedback seeder ran before this one), advances to the onsite. Once only: a candidate
 * with any decision is left alone.
 */
@Injectable()
export class HiringDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Hiring');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly paths: CandidatePathService,
    private readonly plans: PositionPlanService,
    private readonly decisions: DecisionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const manager = await this.users.findActiveByEmail(DEMO_MANAGER_EMAIL);
    if (!manager) return;
    const alex = (await this.paths.list({ hiringManagerId: manager.id, q: DEMO_CANDIDATES.alex.name })).find(
      (c) => c.positionTitle === DEMO_POSITION && c.email === DEMO_CANDIDATES.alex.email,
    );
    // once only: after the decision Alex is at the onsite
    if (!alex || alex.stageName !== 'Technical') return;
    const onsite = (await this.plans.stages(alex.positionId)).find((s) => s.name === 'Onsite');
    if (!onsite) return;
    await this.decisions.decide(manager, alex.id, { decision: 'advance', toStageId: onsite.id, rationale: RATIONALE });
    this.logger.log('demo decision recorded');
  }
}
