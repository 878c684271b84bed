import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig, DEMO_ADMIN_EMAIL, DEMO_PASSWORD } from '@app/config';
import { Role } from './role.enum';
import { UsersService } from './users.service';

export const DEMO_USERS: Array<{ email: string; name: string; roles: Role[]; timezone: string }> = [
  { email: DEMO_ADMIN_EMAIL, name: 'Ada Admin', roles: [Role.Admin], timezone: 'UTC' },
  {
    email: 'recruiter@demo.scorecards.dev',
    name: 'Rita Recruiter',
    roles: [Role.Recruiter],
    timezone: 'Europe/London',
  },
  {
    email: 'manager@demo.scorecards.dev',
    name: 'Hugo Hiring-Manager',
    roles: [Role.HiringManager],
    timezone: 'Europe/Berlin',
  },
  {
    email: 'interviewer@demo.scorecards.dev',
    name: 'Ines Interviewer',
    roles: [Role.Interviewer],
    timezone: 'America/New_York',
  },
];

/** Two more interviewers, so that demo panels span New York, Berlin and Kolkata; they sign in like the others. */
export const DEMO_PANELISTS: Array<{ email: string; name: string; roles: Role[]; timezone: string }> = [
  { email: 'kai.becker@demo.scorecards.dev', name: 'Kai Becker', roles: [Role.Interviewer], timezone: 'Europe/Berlin' },
  { email: 'priya.shah@demo.scorecards.dev', name: 'Priya Shah', roles: [Role.Interviewer], timezone: 'Asia/Kolkata' },
];

/** The first admin from ADMIN_EMAIL/ADMIN_PASSWORD and, in demo mode, one user per role. */
@Injectable()
export class UserSeederService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Users');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.config.adminEmail && this.config.adminPassword) {
      await this.users.ensure(this.config.adminEmail, 'Administrator', this.config.adminPassword, [Role.Admin]);
    }
    if (this.config.demo) {
      for (const u of [...DEMO_USERS, ...DEMO_PANELISTS])
        await this.users.ensure(u.email, u.name, DEMO_PASSWORD, u.roles, u.timezone);
      this.logger.log('demo users ready');
    }
  }
}
