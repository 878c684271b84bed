import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { CandidatePathService, DEMO_CANDIDATES, DEMO_MANAGER_EMAIL, DEMO_POSITION, PositionPlanService } from '@app/interviews';
import type { AuthUser } from '@app/auth';
import { DecisionsService } from '../decisions/decisions.service';
import { RejectionReasonsService } from '../reasons/rejection-reasons.service';

const SAM_REJECTION =
  'CV review: two years of frontend work and no backend services in production; the role needs a senior backend engineer. ' +
  'Rita told him and suggested the mid-level frontend opening.';

const RATIONALE =
  'Both technical scorecards are in and agree: strong on idempotent API design and on debugging from the query plan, ' +
  'and he owns his incidents. Onsite should probe stakeholder handling (Priya) and sharding in the design deep dive (Kai).';

/**
 * In demo mode, the hiring manager's decisions of the story: Alex Chen, whose technical scorecards
 * are in (the feedback seeder ran before this one), advances to the onsite; Sam Okafor is turned
 * down before any interview, so the pipeline has a closed candidate too. Once only: each decision is
 * made only from the state the story starts in.
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
    private readonly reasons: RejectionReasonsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const manager = await this.users.findActiveByEmail(DEMO_MANAGER_EMAIL);
    if (!manager) return;
    await this.advanceAlex(manager);
    await this.rejectSam(manager);
  }

  private async advanceAlex(manager: AuthUser): Promise<void> {
    const alex = (await this.paths.list({ hiringManagerId: manager.id, q: DEMO_CANDIDATES.alex.name })).find(
      (c) => c.positionTitle === DEMO_POSITION && c.email === DEMO_CANDIDATES.alex.email,
    );
    // once only: after the decision Alex is at the onsite
    if (!alex || alex.stageName !== 'Technical') return;
    const onsite = (await this.plans.stages(alex.positionId)).find((s) => s.name === 'Onsite');
    if (!onsite) return;
    await this.decisions.decide(manager, alex.id, { decision: 'advance', toStageId: onsite.id, rationale: RATIONALE });
    this.logger.log('demo decision recorded: Alex Chen advanced to the onsite');
  }

  private async rejectSam(manager: AuthUser): Promise<void> {
    const sam = (await this.paths.list({ hiringManagerId: manager.id, q: DEMO_CANDIDATES.sam.name })).find(
      (c) => c.positionTitle === DEMO_POSITION && c.email === DEMO_CANDIDATES.sam.email,
    );
    if (!sam || sam.status !== 'active' || sam.stageId !== null) return;
    const reason = (await this.reasons.list()).items.find((r) => r.active);
    if (!reason) return;
    await this.decisions.decide(manager, sam.id, { decision: 'reject', reasonId: reason.id, rationale: SAM_REJECTION });
    this.logger.log('demo decision recorded: Sam Okafor rejected');
  }
}
