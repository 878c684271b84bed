import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { QuestionSetsService } from '@app/question-sets';
import { CandidatesService } from '../candidates/candidates.service';
import { InterviewSchedulingService } from '../interviews/interview-scheduling.service';
import { PositionsRepository } from '../positions/positions.repository';
import { PositionsService } from '../positions/positions.service';
import { parseInstant } from '../time';

/** In demo mode, an empty app gets a position, two candidates and an interview next week. */
@Injectable()
export class InterviewsDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Interviews');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly positionsRepo: PositionsRepository,
    private readonly positions: PositionsService,
    private readonly candidates: CandidatesService,
    private readonly sets: QuestionSetsService,
    private readonly scheduling: InterviewSchedulingService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || (await this.positionsRepo.count()) > 0) return;
    const manager = await this.users.findActiveByEmail('manager@demo.scorecards.dev');
    const interviewer = await this.users.findActiveByEmail('interviewer@demo.scorecards.dev');
    if (!manager || !interviewer) return;
    const position = await this.positions.create(manager, { title: 'Senior Backend Engineer', department: 'Platform' });
    const jordan = await this.candidates.create(manager, { name: 'Jordan Rivera', email: 'jordan.rivera@example.com', positionId: position.id, notes: 'Referred by the platform team.' });
    await this.candidates.create(manager, { name: 'Sam Okafor', email: 'sam.okafor@example.com', positionId: position.id });
    const set = (await this.sets.list(manager, { status: 'published', positionFamily: 'Backend Engineer', limit: 1 })).items[0];
    // next Tuesday, 10:00 in Berlin: always in the future, never on a weekend
    const day = new Date();
    day.setUTCDate(day.getUTCDate() + ((9 - day.getUTCDay()) % 7 || 7));
    await this.scheduling.create(manager, {
      candidateId: jordan.id,
      stage: 'technical',
      start: parseInstant(`${day.toISOString().slice(0, 10)}T10:00`, 'Europe/Berlin').toISOString(),
      durationMinutes: 60,
      timezone: 'Europe/Berlin',
      meetingUrl: 'https://meet.example.com/jordan-technical',
      panel: [{ userId: interviewer.id, role: 'lead' }],
      questions: set ? [{ setId: set.id }] : [],
    });
    this.logger.log('demo position, candidates and interview ready');
  }
}
