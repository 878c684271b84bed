import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { InterviewerProfileRepository } from '../interviewer-profile.repository';
import { InterviewersService } from '../interviewers.service';

/** The demo panelists' profiles; the four role users keep theirs empty (tests set them). */
const DEMO_PROFILES = [
  {
    email: 'kai.becker@demo.scorecards.dev',
    profile: {
      title: 'Staff Backend Engineer',
      department: 'Platform',
      competencies: ['system design', 'reliability', 'databases'],
      questionTypes: ['technical'],
      weeklyLimit: 4,
    },
  },
  {
    email: 'priya.shah@demo.scorecards.dev',
    profile: {
      title: 'Engineering Manager',
      department: 'Payments',
      competencies: ['ownership', 'communication', 'collaboration', 'system design'],
      questionTypes: ['technical', 'behavioral', 'situational'],
      weeklyLimit: 3,
    },
  },
];

/** In demo mode, the demo panelists get a profile (title, competencies, weekly limit) once. */
@Injectable()
export class InterviewersDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Interviewers');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly profiles: InterviewerProfileRepository,
    private readonly interviewers: InterviewersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    let seeded = 0;
    for (const { email, profile } of DEMO_PROFILES) {
      const user = await this.users.findActiveByEmail(email);
      if (!user || (await this.profiles.findByUserIds([user.id])).length) continue;
      // as the interviewer themselves: an interviewer may edit their own profile
      await this.interviewers.update(user, user.id, profile);
      seeded++;
    }
    if (seeded) this.logger.log(`demo interviewer profiles ready (${seeded})`);
  }
}
