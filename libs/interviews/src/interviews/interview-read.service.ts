import { Injectable } from '@nestjs/common';
import { UsersService } from '@app/auth';
import type { PanelRole } from '../entities/interview-panelist.entity';
import { HELD_STATUSES } from '../entities/interview.entity';
import { InterviewRepository } from './interview.repository';
import type { CandidateInterviewRecord, InterviewListRow, KitRow, OwedInterviewRow } from './interview.repository';

/** A panelist's seat on an interview that holds time (scheduled or held). */
export interface InterviewSeat {
  userId: string;
  interviewId: string;
  start: Date;
  end: Date;
}

/** A seat on an interview that is over (for training counts). */
export interface HeldSeat {
  interviewId: string;
  userId: string;
  startsAt: Date;
}

/** A page of the interviews a panelist owes a scorecard for, with the totals over all pages. */
export interface OwedPage {
  rows: OwedInterviewRow[];
  pending: number;
  overdue: number;
}

/** An interview of a candidate, as plain data for other modules (the pipeline, the hiring home). */
export interface CandidateInterviewRow extends Omit<CandidateInterviewRecord, 'panel'> {
  panel: Array<{ userId: string; name: string; role: PanelRole }>;
}

/**
 * The one way other modules read interviews: plain data, no access checks (callers apply the access
 * policy), never the repository or the tables. Each method is one query unless it says otherwise.
 */
@Injectable()
export class InterviewReadService {
  constructor(
    private readonly users: UsersService,
    private readonly interviews: InterviewRepository,
  ) {}

  /** The whole kit of one interview (null: no such interview). */
  kit(id: string, withPeople = false): Promise<KitRow | null> {
    return this.interviews.findKit(id, withPeople);
  }

  /** The kits of several interviews in one query, by interview id (a missing interview is absent). */
  async kits(ids: string[]): Promise<Map<string, KitRow>> {
    return new Map((await this.interviews.findKits(ids)).map((k) => [k.interview.id, k]));
  }

  /** Every interview of a candidate, in start order, as a list shows them. */
  listForCandidate(candidateId: string, limit: number): Promise<InterviewListRow[]> {
    return this.interviews.list({ candidateId, visibleTo: null, limit });
  }

  /** The held interviews of a candidate (completed, awaiting feedback...), in start order, as a list shows them. */
  listHeldForCandidate(candidateId: string, limit: number): Promise<InterviewListRow[]> {
    return this.interviews.list({ candidateId, statuses: HELD_STATUSES, visibleTo: null, limit });
  }

  /** The panel of one interview, in the order they were added. */
  panel(interviewId: string): Promise<Array<{ userId: string; role: PanelRole }>> {
    return this.interviews.findPanel(interviewId);
  }

  /** Their seats on interviews that hold time and overlap [from, to), by start. */
  seatsBetween(userIds: string[], from: Date, to: Date): Promise<InterviewSeat[]> {
    return this.interviews.seatsBetween(userIds, from, to);
  }

  /** Their seats on interviews that are over by `now`, started at `since` or later. */
  heldSeats(userIds: string[], since: Date, now: Date): Promise<HeldSeat[]> {
    return this.interviews.heldSeats(userIds, since, now);
  }

  /** Interviewers on an interview that holds time and overlaps [from, to). */
  busyInterviewers(from: Date, to: Date): Promise<string[]> {
    return this.interviews.busyInterviewers(from, to);
  }

  /** Interviews per interviewer whose start falls in [from, to), cancelled and no-shows left out. */
  countScheduledBetween(userIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    return this.interviews.countScheduledBetween(userIds, from, to);
  }

  /** (interview, panelist) seats whose feedback fell due before `now`. */
  dueAssignments(userIds: string[], now: Date): Promise<Array<{ interviewId: string; userId: string }>> {
    return this.interviews.dueAssignments(userIds, now);
  }

  /** The interviews a panelist owes a scorecard for, except `excludeIds`; `managedBy` scopes to a hiring manager's positions. */
  owedByPanelist(
    userId: string,
    excludeIds: string[],
    now: Date,
    limit: number,
    after?: [string, string],
    managedBy?: string,
  ): Promise<OwedPage> {
    return this.interviews.owedByPanelist(userId, excludeIds, now, limit, after, managedBy);
  }

  /** The competencies (lower-case) a plan stage's interview templates assess. */
  planCompetencies(planStageId: string): Promise<string[]> {
    return this.interviews.planCompetencies(planStageId);
  }

  /** Every interview of these candidates, oldest first: two queries (interviews with panels, then names) whatever the count. */
  async listForCandidates(candidateIds: string[]): Promise<CandidateInterviewRow[]> {
    if (!candidateIds.length) return [];
    const rows = await this.interviews.listForCandidates(candidateIds);
    const names = new Map(
      (await this.users.findManyByIds(rows.flatMap((r) => r.panel.map((p) => p.userId)))).map((u) => [u.id, u.name]),
    );
    return rows.map((r) => ({
      ...r,
      panel: r.panel.map((p) => ({ ...p, name: names.get(p.userId) ?? 'Unknown user' })),
    }));
  }
}
