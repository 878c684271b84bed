import { Injectable } from '@nestjs/common';
import { Role, UsersService, type UserResponse } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { assertAllowed, canManagePosition, InterviewQueryService, InterviewRepository, isoWeek } from '@app/interviews';
import { InterviewerProfileRepository } from '../interviewer-profile.repository';
import { DEFAULT_WEEKLY_LIMIT } from '../interviewers.service';
import type { ReplacementsResponse } from './replacements.response';

const PAGE = 200;
const SHOWN = 10;

/**
 * Whom to put on a panel in place of a panelist who declined. Lives beside interviewer profiles
 * (this module reads interviews; the interviews module must not read profiles).
 */
@Injectable()
export class ReplacementsService {
  constructor(
    private readonly query: InterviewQueryService,
    private readonly interviews: InterviewRepository,
    private readonly users: UsersService,
    private readonly profiles: InterviewerProfileRepository,
  ) {}

  async suggest(user: AuthUser, interviewId: string): Promise<ReplacementsResponse> {
    const kit = await this.query.readable(user, interviewId);
    assertAllowed(canManagePosition(user, kit.authority), 'Only admins, recruiters and the position\'s hiring manager change this panel');
    const i = kit.interview;
    const panelIds = kit.panel.map((p) => p.userId);
    // anyone with an interview overlapping this one is not free; the panel is already on it
    const busy = await this.interviews.busyInterviewers(i.startsAt, i.endsAt);
    const candidates = await this.interviewers([...new Set([...panelIds, ...busy])]);
    // what the interview assesses: its questions' competencies and its plan stage's templates'
    const planned = i.planStageId ? await this.interviews.planCompetencies(i.planStageId) : [];
    const competencies = [...new Set([...kit.questions.flatMap((q) => q.competencies), ...planned].map((c) => c.toLowerCase()))].sort();
    const ids = candidates.map((u) => u.id);
    const { from, to } = isoWeek(i.startsAt);
    const [profiles, counts] = await Promise.all([this.profiles.findByUserIds(ids), this.interviews.countScheduledBetween(ids, from, to)]);
    const byId = new Map(profiles.map((p) => [p.userId, p]));
    const ranked = candidates
      .map((u) => {
        const profile = byId.get(u.id);
        const theirs = new Set((profile?.competencies ?? []).map((c) => c.toLowerCase()));
        return {
          userId: u.id,
          name: u.name,
          email: u.email,
          title: profile?.title ?? null,
          matchingCompetencies: competencies.filter((c) => theirs.has(c)),
          weekLoad: counts.get(u.id) ?? 0,
          weeklyLimit: profile?.weeklyLimit ?? DEFAULT_WEEKLY_LIMIT,
        };
      })
      .sort((a, b) => b.matchingCompetencies.length - a.matchingCompetencies.length || a.weekLoad / a.weeklyLimit - b.weekLoad / b.weeklyLimit || a.name.localeCompare(b.name));
    const names = new Map((await this.users.findManyByIds(panelIds)).map((u) => [u.id, u.name]));
    return {
      interviewId: i.id,
      declined: kit.panel.filter((p) => p.rsvp === 'declined').map((p) => ({ userId: p.userId, name: names.get(p.userId) ?? 'Unknown user', note: p.rsvpNote })),
      competencies,
      suggestions: ranked.slice(0, SHOWN),
    };
  }

  /** Every active interviewer except these (the user list only holds active users). */
  private async interviewers(excludeIds: string[]): Promise<UserResponse[]> {
    const all: UserResponse[] = [];
    let cursor: string | undefined;
    do {
      const page = await this.users.listByRole(Role.Interviewer, { limit: PAGE, cursor, excludeIds });
      all.push(...page.items);
      cursor = page.page.nextCursor ?? undefined;
    } while (cursor);
    return all;
  }
}
