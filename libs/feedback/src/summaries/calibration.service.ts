import { Injectable, NotFoundException } from '@nestjs/common';
import { Role, UsersService } from '@app/auth';
import {
  assertAllowed,
  CandidatesService,
  canReadInterviewerRecord,
  recordScopeFor,
  seesEverything,
} from '@app/interviews';
import type { AuthUser } from '@app/auth';
import { QuestionSetsService } from '@app/question-sets';
import { CalibrationResponse, QuestionStatsResponse } from '../dto/summary.dto';
import { FeedbackStatsRepository } from './feedback-stats.repository';

/** How an interviewer rates compared with their panels, and how each question discriminates. */
@Injectable()
export class CalibrationService {
  constructor(
    private readonly stats: FeedbackStatsRepository,
    private readonly users: UsersService,
    private readonly sets: QuestionSetsService,
    private readonly candidates: CandidatesService,
  ) {}

  /** The candidates a hiring manager's figures are limited to (undefined: no limit). */
  private async candidatesOf(managerId: string | undefined): Promise<string[] | undefined> {
    return managerId === undefined ? undefined : this.candidates.idsManagedBy(managerId);
  }

  async calibration(user: AuthUser, interviewerId: string): Promise<CalibrationResponse> {
    assertAllowed(canReadInterviewerRecord(user, interviewerId), 'Interviewers see their own calibration only');
    const [u] = /^[0-9a-f-]{36}$/i.test(interviewerId) ? await this.users.findManyByIds([interviewerId]) : [];
    if (!u || !u.roles.includes(Role.Interviewer))
      throw new NotFoundException(`Interviewer ${interviewerId} not found`);
    // a hiring manager calibrates an interviewer on their own positions' scorecards only
    const c = await this.stats.calibration(u.id, await this.candidatesOf(recordScopeFor(user, u.id)));
    return {
      interviewer: { id: u.id, name: u.name },
      leniency: c.leniency,
      comparedRatings: c.comparedRatings,
      disagreementRate: c.comparableInterviews ? c.disagreements / c.comparableInterviews : null,
      comparableInterviews: c.comparableInterviews,
      disagreements: c.disagreements,
      medianHoursToSubmit: c.medianHoursToSubmit,
      submittedScorecards: c.submitted,
      notAssessedShare: c.ratingsGiven ? c.notAssessed / c.ratingsGiven : null,
    };
  }

  async questionStats(user: AuthUser, setId: string): Promise<QuestionStatsResponse> {
    const set = await this.sets.get(user, setId);
    const stats = new Map(
      (
        await this.stats.questionStats(
          set.questions.map((q) => q.id),
          await this.candidatesOf(seesEverything(user) ? undefined : user.id),
        )
      ).map((s) => [s.questionId, s]),
    );
    return {
      setId: set.id,
      items: set.questions.map((q) => {
        const s = stats.get(q.id);
        return {
          questionId: q.id,
          position: q.position,
          prompt: q.prompt,
          type: q.type,
          interviews: s?.interviews ?? 0,
          ratings: s?.ratings ?? 0,
          notAssessed: s?.notAssessed ?? 0,
          mean: s?.mean ?? null,
          spread: s?.spread ?? null,
          distribution: s?.distribution ?? [0, 0, 0, 0],
        };
      }),
    };
  }
}
