import { Injectable } from '@nestjs/common';
import type { AuthUser } from '@app/auth';
import { seatKey } from '@app/common';
import { CandidatePathService, hiringHomeScope } from '@app/interviews';
import { HiringHomeResponse } from '../dto/pipeline.response';
import { StageEvidenceService } from './stage-evidence.service';
import { stageState } from './stage-state';

const UPCOMING_LIMIT = 50;

/** A hiring manager's home, over the candidates still in play on their positions (admins: every position): four queries. */
@Injectable()
export class HiringHomeService {
  constructor(
    private readonly path: CandidatePathService,
    private readonly evidence: StageEvidenceService,
  ) {}

  async home(user: AuthUser): Promise<HiringHomeResponse> {
    // narrowed in the query (the candidate's own position), before anything is counted or listed
    const candidates = await this.path.list({
      hiringManagerId: hiringHomeScope(user),
      statuses: ['active', 'on_hold'],
    });
    const { byCandidate, submitted } = await this.evidence.forCandidates(candidates.map((c) => c.id));
    const now = new Date();
    const home: HiringHomeResponse = { decisionsWaiting: [], overdueScorecards: [], upcomingInterviews: [] };
    for (const c of candidates) {
      const interviews = byCandidate.get(c.id) ?? [];
      const s = stageState(c, interviews, submitted, now, user.timezone);
      if (s.state === 'ready_to_decide') {
        home.decisionsWaiting.push({
          candidateId: c.id,
          candidateName: c.name,
          positionId: c.positionId,
          positionTitle: c.positionTitle,
          stageName: c.stageName ?? 'Not started',
          submitted: s.scorecards.submitted,
          expected: s.scorecards.expected,
        });
      }
      for (const i of interviews) {
        if (['cancelled', 'no_show'].includes(i.status)) continue;
        if (i.status === 'scheduled' && i.startsAt > now) {
          home.upcomingInterviews.push({
            id: i.id,
            title: i.title,
            candidateName: c.name,
            positionTitle: c.positionTitle,
            startsAt: i.startsAt,
          });
        } else if (i.feedbackDueAt < now) {
          for (const p of i.panel.filter((x) => !submitted.has(seatKey({ interviewId: i.id, userId: x.userId })))) {
            home.overdueScorecards.push({
              interviewId: i.id,
              interviewTitle: i.title,
              candidateName: c.name,
              userId: p.userId,
              name: p.name,
              feedbackDueAt: i.feedbackDueAt,
            });
          }
        }
      }
    }
    home.overdueScorecards.sort((a, b) => a.feedbackDueAt.getTime() - b.feedbackDueAt.getTime());
    home.upcomingInterviews.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()).splice(UPCOMING_LIMIT);
    return home;
  }
}
