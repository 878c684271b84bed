import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import {
  CandidatePathService,
  DEMO_MANAGER_EMAIL,
  DEMO_PM_POSITION,
  DEMO_POSITION,
  InterviewReadService,
} from '@app/interviews';
import type { ScorecardResponse } from '../dto/scorecard.dto';
import { ScorecardRepository } from '../scorecards/scorecard.repository';
import { ScorecardsService } from '../scorecards/scorecards.service';
import { DEMO_PM_SCORECARDS } from './demo-pm-scorecards';
import { DEMO_SCORECARDS } from './demo-scorecards';
import type { DemoScorecard } from './demo-scorecards';

const SCRIPTS = [...DEMO_SCORECARDS, ...DEMO_PM_SCORECARDS];
const POSITIONS: string[] = [DEMO_POSITION, DEMO_PM_POSITION];

const HOUR = 3_600_000;

/**
 * In demo mode, the panelists of the demo positions' held interviews fill in and submit their
 * scorecards, as they would through the API. Runs after the interviews seeder (this module depends on
 * that one); a scorecard already submitted is left alone, so a restart adds nothing.
 */
@Injectable()
export class FeedbackDemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Feedback');

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly paths: CandidatePathService,
    private readonly interviews: InterviewReadService,
    private readonly scorecards: ScorecardsService,
    private readonly repo: ScorecardRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demo) return;
    const manager = await this.users.findActiveByEmail(DEMO_MANAGER_EMAIL);
    if (!manager) return;
    const candidates = (await this.paths.list({ hiringManagerId: manager.id })).filter((c) =>
      POSITIONS.includes(c.positionTitle),
    );
    const byId = new Map(candidates.map((c) => [c.id, c]));
    const now = Date.now();
    let submitted = 0;
    for (const interview of await this.interviews.listForCandidates(candidates.map((c) => c.id))) {
      if (
        new Date(interview.endsAt).getTime() > now ||
        interview.status === 'cancelled' ||
        interview.status === 'no_show'
      )
        continue;
      for (const member of interview.panel) {
        const user = await this.users.findActiveById(member.userId);
        const script = SCRIPTS.find(
          (s) => s.candidateEmail === byId.get(interview.candidateId)?.email && s.panelistEmail === user?.email,
        );
        if (!user || !script) continue;
        const who: AuthUser = {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles,
          timezone: user.timezone,
        };
        const card = await this.scorecards.mine(who, interview.id);
        if (card.status === 'submitted') continue;
        const saved = await this.scorecards.save(who, interview.id, fill(card, script));
        const done = await this.scorecards.submit(who, interview.id, { version: saved.version });
        // as if written the afternoon after the interview, not at the moment the demo started
        await this.repo.update(done.id, {
          submittedAt: new Date(
            Math.min(now, new Date(interview.endsAt).getTime() + script.submittedAfterHours * HOUR),
          ),
        });
        submitted++;
      }
    }
    if (submitted) this.logger.log(`demo scorecards submitted (${submitted})`);
  }
}

/** The save request for a script, against the questions as the interview's kit has them. */
function fill(card: ScorecardResponse, script: DemoScorecard) {
  const ratings: Array<{ questionId: string; criterionId: string; rating: number; note?: string }> = [];
  const questions: Array<{ questionId: string; notes: string; followUpsAsked: string[] }> = [];
  for (const q of card.questions) {
    const notes = script.questions.find((n) => q.prompt.startsWith(n.prompt));
    if (!notes) continue;
    for (const c of q.criteria) {
      const given = notes.ratings[c.label];
      if (given === undefined) continue;
      const [rating, note] = Array.isArray(given) ? given : [given, undefined];
      ratings.push({ questionId: q.questionId, criterionId: c.criterionId, rating, ...(note ? { note } : {}) });
    }
    const followUpsAsked = q.followUps.filter((f) => notes.followUps.includes(f.prompt)).map((f) => f.id);
    questions.push({ questionId: q.questionId, notes: notes.notes, followUpsAsked });
  }
  return {
    version: card.version,
    overallRecommendation: script.recommendation,
    summary: script.summary,
    ratings,
    questions,
  };
}
