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
import { DemoInterviewBooker } from './demo-interview-booker';
import {
  DEMO_CANDIDATES,
  DEMO_COMPETENCIES,
  DEMO_INTERVIEWS,
  DEMO_MANAGER_EMAIL,
  DEMO_POSITION,
  demoDate,
} from './demo-story';

/**
 * In demo mode, an empty app gets the "Senior Backend Engineer" story: a three-stage plan, five
 * candidates at different stages, two technical interviews already held and one next week. The
 * feedback and hiring modules' seeders add the scorecards and a decision after this one has run.
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
    private readonly booker: DemoInterviewBooker,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || (await this.positionsRepo.count()) > 0) return;
    const manager = await this.users.findActiveByEmail(DEMO_MANAGER_EMAIL);
    if (!manager) return;
    const panelists = new Map<string, string>();
    for (const email of new Set(DEMO_INTERVIEWS.flatMap((i) => i.panel))) {
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

    for (const i of DEMO_INTERVIEWS) {
      await this.booker.book(manager, {
        candidateId: ids[i.candidate],
        slug: DEMO_CANDIDATES[i.candidate].name.toLowerCase().replace(/\s+/g, '-'),
        planStageId: technical,
        setId: set?.id ?? null,
        questionIds: set?.questions.map((q) => q.id) ?? [],
        date: demoDate(i.day, new Date()),
        time: i.time,
        timezone: i.timezone,
        panel: [panelists.get(i.panel[0])!, panelists.get(i.panel[1])!],
      });
      // passed the recruiter screen: they are in the technical stage now
      await this.interviews.transaction((repo) =>
        this.paths.move(ids[i.candidate], { stageId: technical, status: 'active' }, repo.tx as EntityManager),
      );
    }
    this.logger.log('demo position, plan, candidates and interviews ready');
  }

  /** Recruiter screen, Technical (the published Backend Engineer set), Onsite; returns the Technical stage's id. */
  private async plan(
    manager: AuthUser,
    positionId: string,
    set: { id: string; questions: Array<{ id: string; type: string }> } | null,
  ): Promise<string> {
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
