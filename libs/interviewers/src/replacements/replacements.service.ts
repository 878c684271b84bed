import { Injectable } from '@nestjs/common';
import { Role, UsersService, type UserResponse } from '@app/auth';
import type { AuthUser } from '@app/auth';
import {
  assertAllowed,
  canManagePosition,
  InterviewQueryService,
  InterviewReadService,
  isoWeek,
} from '@app/interviews';
import { InterviewerProfileRepository } from '../interviewer-profile.repository';
import { DEFAULT_WEEKLY_LIMIT } from '../interviewers.service';
import { ReplacementFitService } from './replacement-fit.service';
import type { ReplacementsResponse } from '../dto/replacements.response';

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
    private readonly interviews: InterviewReadService,
    private readonly users: UsersService,
    private readonly profiles: InterviewerProfileRepository,
    private readonly fit: ReplacementFitService,
  ) {}

  async suggest(user: AuthUser, interviewId: string): Promise<ReplacementsResponse> {
    const kit = await this.query.readable(user, interviewId);
    assertAllowed(
      canManagePosition(user, kit.authority),
      "Only admins, recruiters and the position's hiring manager change this panel",
    );
    const i = kit.interview;
    const panelIds = kit.panel.map((p) => p.userId);
    // the panel is already on it; everyone else is judged as find-times would (this interview not counting)
    const everyone = await this.interviewers(panelIds);
    // what the interview assesses: its questions' competencies and its plan stage's templates'
    const planned = i.planStageId ? await this.interviews.planCompetencies(i.planStageId) : [];
    const competencies = [
      ...new Set([...kit.questions.flatMap((q) => q.competencies), ...planned].map((c) => c.toLowerCase())),
    ].sort();
    const { from, to } = isoWeek(i.startsAt);
    const [fits, profiles, counts] = await Promise.all([
      this.fit.at(everyone, i),
      this.profiles.findByUserIds(everyone.map((u) => u.id)),
      this.interviews.countScheduledBetween(
        everyone.map((u) => u.id),
        from,
        to,
      ),
    ]);
    const byId = new Map(profiles.map((p) => [p.userId, p]));
    const ranked = everyone
      .filter((u) => fits.has(u.id))
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
          ...fits.get(u.id)!,
        };
      })
      // free first; within each, best competency match, then lightest week, then name
      .sort(
        (a, b) =>
          Number(b.available) - Number(a.available) ||
          b.matchingCompetencies.length - a.matchingCompetencies.length ||
          a.weekLoad / a.weeklyLimit - b.weekLoad / b.weeklyLimit ||
          a.name.localeCompare(b.name),
      );
    const names = new Map((await this.users.findManyByIds(panelIds)).map((u) => [u.id, u.name]));
    return {
      interviewId: i.id,
      declined: kit.panel
        .filter((p) => p.rsvp === 'declined')
        .map((p) => ({ userId: p.userId, name: names.get(p.userId) ?? 'Unknown user', note: p.rsvpNote })),
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
