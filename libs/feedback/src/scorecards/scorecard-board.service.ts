import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { InterviewQueryService, oversees } from '@app/interviews';
import { ScorecardListResponse } from '../dto/scorecard.dto';
import { toScorecardResponse } from './scorecard-view';
import { ScorecardRepository } from './scorecard.repository';

/**
 * An interview's scorecards under the blind rule: a panelist sees others' only once theirs is
 * submitted; the position's hiring manager, recruiters and admins see every submitted one; a
 * draft is its author's alone.
 */
@Injectable()
export class ScorecardBoardService {
  constructor(
    private readonly repo: ScorecardRepository,
    private readonly interviews: InterviewQueryService,
    private readonly users: UsersService,
  ) {}

  /** `updatedSince` keeps the visible scorecards changed at or after it (an integration's sync). */
  async list(user: AuthUser, interviewId: string, updatedSince?: string): Promise<ScorecardListResponse> {
    const kit = await this.interviews.readable(user, interviewId);
    const cards = await this.repo.findForInterview(interviewId);
    const own = cards.find((c) => c.panelistId === user.id);
    const overseer = oversees(user, kit.authority);
    const blind = !overseer && own?.status !== 'submitted';
    const since = updatedSince ? new Date(updatedSince).getTime() : -Infinity;
    const visible = cards.filter(
      (c) => (c.panelistId === user.id || (!blind && c.status === 'submitted')) && c.updatedAt.getTime() >= since,
    );
    const [ratings, notes, people] = await Promise.all([
      this.repo.ratingsFor(visible.map((c) => c.id)),
      this.repo.notesFor(visible.map((c) => c.id)),
      this.users.findManyByIds(kit.panel.map((p) => p.userId)),
    ]);
    const names = new Map(people.map((u) => [u.id, u.name]));
    const submitted = new Set(cards.filter((c) => c.status === 'submitted').map((c) => c.panelistId));
    return {
      items: visible.map((c) =>
        toScorecardResponse(
          kit,
          c,
          names.get(c.panelistId) ?? 'Unknown user',
          ratings.filter((r) => r.scorecardId === c.id),
          notes.filter((n) => n.scorecardId === c.id),
        ),
      ),
      blind,
      pending: kit.panel
        .filter((p) => !submitted.has(p.userId))
        .map((p) => ({ id: p.userId, name: names.get(p.userId) ?? 'Unknown user' })),
    };
  }
}
