import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import {
  CandidatePathService,
  DEMO_CANDIDATES,
  DEMO_MANAGER_EMAIL,
  DEMO_PM_CANDIDATES,
  DEMO_PM_POSITION,
  DEMO_POSITION,
  PositionPlanService,
} from '@app/interviews';
import type { AuthUser } from '@app/auth';
import { DecisionsService } from '../decisions/decisions.service';
import { RejectionReasonsService } from '../reasons/rejection-reasons.service';

const RATIONALE =
  'Both technical scorecards are in and agree: strong on idempotent API design and on debugging from the query plan, ' +
  'and he owns his incidents. Onsite should probe stakeholder handling (Priya) and sharding in the design deep dive (Kai).';

const HIRE_RATIONALE =
  'Both panelists recommend her and the scorecards agree: success defined before launch, evidence behind her no, ' +
  'and a plan B that cuts scope rather than quality. Offer accepted for a start next month.';

/**
 * In demo mode, the hiring manager's decisions of the story, once the scorecards are in (the feedback
 * seeder ran before this one): Alex Chen advances to the onsite; for "Product Manager", Taylor Brooks is
 * hired and Riley Park rejected. Once only: a candidate already past the decision is left alone.
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
    await this.productDecisions(manager);
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

  /** Taylor hired and Riley rejected, each from the product interview stage with both scorecards in. */
  private async productDecisions(manager: AuthUser): Promise<void> {
    const candidates = (await this.paths.list({ hiringManagerId: manager.id })).filter(
      (c) => c.positionTitle === DEMO_PM_POSITION && c.status === 'active' && c.stageName === 'Product interview',
    );
    const find = (email: string) => candidates.find((c) => c.email === email);
    const taylor = find(DEMO_PM_CANDIDATES.taylor.email);
    if (taylor) await this.decisions.decide(manager, taylor.id, { decision: 'hire', rationale: HIRE_RATIONALE });
    const riley = find(DEMO_PM_CANDIDATES.riley.email);
    const reason = (await this.reasons.list()).items.find((r) => r.active && r.label === 'Skills gap');
    if (riley && reason) {
      await this.decisions.decide(manager, riley.id, {
        decision: 'reject',
        reasonId: reason.id,
        rationale:
          'Both panelists say no: metrics without a success criterion, and no plan B when the release slipped.',
      });
    }
  }
}
