import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { QuestionSetsService } from '@app/question-sets';
import { CandidatePathService } from '../candidates/candidate-path.service';
import { CandidatesService } from '../candidates/candidates.service';
import { InterviewRepository } from '../interviews/interview.repository';
import { PositionPlanService } from '../plans/position-plan.service';
import { PositionRepository } from '../positions/position.repository';
import { PositionsService } from '../positions/positions.service';
import { DemoInterviewBookerService } from './demo-interview-booker.service';
import {
  DEMO_CANDIDATES,
  DEMO_COMPETENCIES,
  DEMO_INTERVIEWS,
  DEMO_MANAGER_EMAIL,
  DEMO_PM_CANDIDATES,
  DEMO_PM_COMPETENCIES,
  DEMO_PM_INTERVIEWS,
  DEMO_PM_POSITION,
  DEMO_POSITION,
  demoDate,
} from './demo-story';
import type { DemoInterview } from './demo-story';

type DemoSet = { id: string; questions: Array<{ id: string; type: string }> } | null;

/**
 * In demo mode, an empty app gets the "Senior Backend Engineer" story: a three-stage plan, five
 * candidates at different stages, two technical interviews already held and one next week; and a
 * "Product Manager" position with three candidates, two product interviews held. The feedback and
 * hiring modules' seeders add the scorecards and the decisions (an advance, a hire, a rejection).
 */
@Injectable()
export class InterviewsDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Interviews');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly positionsRepo: PositionRepository,
    private readonly positions: PositionsService,
    private readonly candidates: CandidatesService,
    private readonly sets: QuestionSetsService,
    private readonly plans: PositionPlanService,
    private readonly paths: CandidatePathService,
    private readonly interviews: InterviewRepository,
    private readonly booker: DemoInterviewBookerService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || (await this.positionsRepo.count()) > 0) return;
    const manager = await this.users.findActiveByEmail(DEMO_MANAGER_EMAIL);
    if (!manager) return;
    const panelists = new Map<string, string>();
    for (const email of new Set([...DEMO_INTERVIEWS, ...DEMO_PM_INTERVIEWS].flatMap((i) => i.panel))) {
      const u = await this.users.findActiveByEmail(email);
      if (!u) return;
      panelists.set(email, u.id);
    }
    const position = await this.positions.create(manager, { title: DEMO_POSITION, department: 'Platform' });
    const ids: Record<string, string> = {};
    for (const [key, c] of Object.entries(DEMO_CANDIDATES)) {
      ids[key] = (await this.candidates.create(manager, { ...c, positionId: position.id })).id;
    }
    const summary = (
      await this.sets.list(manager, { status: 'published', positionFamily: 'Backend Engineer', limit: 1 })
    ).items[0];
    const set = summary ? await this.sets.get(manager, summary.id) : null;
    const technical = await this.plan(manager, position.id, set);

    await this.bookAll(
      manager,
      DEMO_INTERVIEWS,
      DEMO_CANDIDATES,
      ids,
      panelists,
      technical,
      set,
      'Technical interview',
    );
    await this.productStory(manager, panelists);
    this.logger.log('demo positions, plans, candidates and interviews ready');
  }

  /** "Product Manager": Recruiter screen, Product interview (the published Product Manager set); two held interviews. */
  private async productStory(manager: AuthUser, panelists: Map<string, string>): Promise<void> {
    const position = await this.positions.create(manager, { title: DEMO_PM_POSITION, department: 'Product' });
    const ids: Record<string, string> = {};
    for (const [key, c] of Object.entries(DEMO_PM_CANDIDATES)) {
      ids[key] = (await this.candidates.create(manager, { ...c, positionId: position.id })).id;
    }
    const summary = (
      await this.sets.list(manager, { status: 'published', positionFamily: 'Product Manager', limit: 1 })
    ).items[0];
    const set = summary ? await this.sets.get(manager, summary.id) : null;
    const plan = await this.plans.put(manager, position.id, {
      revision: 0,
      competencies: DEMO_PM_COMPETENCIES,
      stages: [
        {
          name: 'Recruiter screen',
          templates: [
            {
              title: 'Recruiter screen',
              durationMinutes: 30,
              panelSize: 1,
              questionIds: set?.questions.filter((q) => q.type === 'behavioral').map((q) => q.id) ?? [],
              competencyNames: ['Communication'],
            },
          ],
        },
        {
          name: 'Product interview',
          templates: [
            {
              title: 'Product interview',
              durationMinutes: 60,
              panelSize: 2,
              questionSetIds: set ? [set.id] : [],
              competencyNames: DEMO_PM_COMPETENCIES.map((c) => c.name),
            },
          ],
        },
      ],
    });
    const stage = plan.stages.find((s) => s.name === 'Product interview')!.id;
    await this.bookAll(
      manager,
      DEMO_PM_INTERVIEWS,
      DEMO_PM_CANDIDATES,
      ids,
      panelists,
      stage,
      set,
      'Product interview',
    );
  }

  /** Books a story's interviews in one stage and puts each candidate in it. */
  private async bookAll<K extends string>(
    manager: AuthUser,
    interviews: Array<DemoInterview<K>>,
    candidates: Record<K, { name: string }>,
    ids: Record<string, string>,
    panelists: Map<string, string>,
    planStageId: string,
    set: DemoSet,
    title: string,
  ): Promise<void> {
    for (const i of interviews) {
      await this.booker.book(manager, {
        candidateId: ids[i.candidate],
        slug: candidates[i.candidate].name.toLowerCase().replace(/\s+/g, '-'),
        planStageId,
        title,
        setId: set?.id ?? null,
        questionIds: set?.questions.map((q) => q.id) ?? [],
        date: demoDate(i.day, new Date()),
        time: i.time,
        timezone: i.timezone,
        panel: [panelists.get(i.panel[0])!, panelists.get(i.panel[1])!],
      });
      // passed the recruiter screen: they are in the interview's stage now
      await this.interviews.transaction((repo) =>
        this.paths.move(ids[i.candidate], { stageId: planStageId, status: 'active' }, repo.tx as EntityManager),
      );
    }
  }

  /** Recruiter screen, Technical (the published Backend Engineer set), Onsite; returns the Technical stage's id. */
  private async plan(manager: AuthUser, positionId: string, set: DemoSet): Promise<string> {
    const ofType = (type: string) => set?.questions.filter((q) => q.type === type).map((q) => q.id) ?? [];
    const plan = await this.plans.put(manager, positionId, {
      revision: 0,
      competencies: DEMO_COMPETENCIES,
      stages: [
        {
          name: 'Recruiter screen',
          templates: [
            {
              title: 'Recruiter screen',
              durationMinutes: 30,
              panelSize: 1,
              questionIds: ofType('situational'),
              competencyNames: ['Communication'],
            },
          ],
        },
        {
          name: 'Technical',
          templates: [
            {
              title: 'Technical interview',
              durationMinutes: 60,
              panelSize: 2,
              questionSetIds: set ? [set.id] : [],
              competencyNames: DEMO_COMPETENCIES.map((c) => c.name),
            },
          ],
        },
        {
          name: 'Onsite',
          templates: [
            {
              title: 'System design deep dive',
              durationMinutes: 90,
              panelSize: 2,
              questionIds: ofType('technical').slice(0, 1),
              competencyNames: ['System design'],
            },
            {
              title: 'Ownership and collaboration',
              durationMinutes: 45,
              panelSize: 2,
              questionIds: [...ofType('behavioral'), ...ofType('situational')],
              competencyNames: ['Ownership', 'Communication'],
            },
          ],
        },
      ],
    });
    return plan.stages.find((s) => s.name === 'Technical')!.id;
  }
}
