import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import { parseGuide } from '../import';
import { QuestionSetRepository } from '../question-set.repository';
import { QuestionSetsService } from '../question-sets.service';
import { DEMO_LIBRARY } from './demo-library';

export const DEMO_RECRUITER_EMAIL = 'recruiter@demo.scorecards.dev';

/** In demo mode, an empty question bank gets the published demo library. */
@Injectable()
export class QuestionSetDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('QuestionSets');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly sets: QuestionSetsService,
    private readonly repo: QuestionSetRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo || (await this.repo.countSets()) > 0) return;
    const recruiter = await this.users.findActiveByEmail(DEMO_RECRUITER_EMAIL);
    if (!recruiter) return;
    for (const guide of DEMO_LIBRARY) {
      const parsed = parseGuide(JSON.stringify(guide), 'json');
      const id = await this.sets.createDraft(
        recruiter,
        parsed.set,
        parsed.questions.map(({ line: _l, typeInferred: _t, ...q }) => q),
      );
      await this.sets.publish(recruiter, id);
    }
    this.logger.log(`demo question library loaded (${DEMO_LIBRARY.length} sets)`);
  }
}
