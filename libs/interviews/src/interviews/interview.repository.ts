import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { fixedRead, TransactionalRepository } from '@app/common';
import { InterviewPanelistEntity, PanelRole, RsvpStatus } from '../entities/interview-panelist.entity';
import { InterviewQuestionEntity } from '../entities/interview-question.entity';
import { HELD_STATUSES, InterviewEntity, InterviewStatus } from '../entities/interview.entity';

/** An interview of a candidate with its panel's ids and roles (names are the users module's). */
export interface CandidateInterviewRecord {
  id: string;
  candidateId: string;
  positionId: string;
  planStageId: string | null;
  stage: string;
  title: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  feedbackDueAt: Date;
  panel: Array<{ userId: string; role: PanelRole }>;
}

export interface Clash {
  userId: string;
  interviewId: string;
  title: string;
  startsAt: Date;
  endsAt: Date;
}

/** One row per interview of a list: enough for a list item without further queries. */
/** A panel member as kits and lists read it: role and answer to the invitation. */
export interface PanelRow {
  userId: string;
  role: PanelRole;
  rsvp: RsvpStatus;
  rsvpNote: string | null;
  rsvpAt: string | null;
}

export interface InterviewListRow {
  interview: InterviewEntity;
  candidateName: string;
  positionTitle: string;
  hiringManagerId: string;
  panel: PanelRow[];
  questionCount: number;
  cursor: [string, string];
}

export interface KitRow {
  interview: InterviewEntity;
  candidate: { id: string; name: string; email: string };
  position: { id: string; title: string; department: string | null; hiringManagerId: string };
  /** The candidate's own position: the authority on who may see and change the interview (access policy). */
  authority: { positionId: string; hiringManagerId: string };
  panel: PanelRow[];
  questions: InterviewQuestionEntity[];
  /** The panel's names and emails by user id (inactive users included), when asked for. */
  people?: Map<string, { name: string; email: string }>;
}

/** An interview that is over, on a panelist's list of scorecards to write. */
export interface OwedInterviewRow {
  interviewId: string;
  title: string;
  stage: string;
  status: 'scheduled' | 'awaiting_feedback' | 'completed';
  startsAt: Date;
  endsAt: Date;
  feedbackDueAt: Date;
  overdue: boolean;
  role: 'lead' | 'panelist' | 'shadow';
  candidate: { id: string; name: string };
  position: { id: string; title: string };
  cursor: [string, string];
}

export interface ListFilters {
  from?: Date;
  to?: Date;
  statuses?: InterviewStatus[];
  interviewerId?: string;
  candidateId?: string;
  positionId?: string;
  questionSetId?: string;
  /** Only interviews updated at or after it, paged in (updated_at, id) order instead of (starts_at, id). */
  updatedSince?: Date;
  /** Visibility: null = everything; else only interviews on these positions or with this panelist. */
  visibleTo: { userId: string; managedPositions: boolean } | null;
  limit: number;
  after?: [string, string];
}

/** TypeORM hands back an UPDATE … RETURNING as [rows, affected]. */
function returned<T>(result: unknown): T[] {
  return Array.isArray(result) && Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}

const INTERVIEW_COLUMNS = `i.id, i.candidate_id, i.position_id, i.title, i.stage, i.plan_stage_id, i.starts_at, i.ends_at, i.timezone, i.duration_minutes,
  i.location, i.meeting_url, i.status, i.feedback_due_at, i.cancel_reason, i.cancelled_at, i.completed_at, i.created_by_id,
  i.sequence, i.revision, i.created_at, i.updated_at, i.invite_candidate`;

/** The kit: interview, candidate, position, authority, panel and question snapshots; `people` when asked. */
function kitSql(withPeople: boolean, where = 'i.id = $1'): string {
  // the panel's users by id (inactive ones too, as UsersService.findManyByIds gives them)
  const people = withPeople
    ? `,
              (SELECT json_object_agg(u.id, json_build_object('name', u.name, 'email', u.email)) FROM users u
                WHERE u.id IN (SELECT ip.user_id FROM interview_panelists ip WHERE ip.interview_id = i.id)) AS people`
    : '';
  return `SELECT ${INTERVIEW_COLUMNS},
              json_build_object('id', c.id, 'name', c.name, 'email', c.email) AS candidate,
              json_build_object('id', p.id, 'title', p.title, 'department', p.department, 'hiringManagerId', p.hiring_manager_id) AS position,
              json_build_object('positionId', cp.id, 'hiringManagerId', cp.hiring_manager_id) AS authority,
              COALESCE((SELECT json_agg(json_build_object('userId', ip.user_id, 'role', ip.role, 'rsvp', ip.rsvp, 'rsvpNote', ip.rsvp_note, 'rsvpAt', ip.rsvp_at) ORDER BY ip.role, ip.added_at)
                          FROM interview_panelists ip WHERE ip.interview_id = i.id), '[]') AS panel,
              COALESCE((SELECT json_agg(row_to_json(q) ORDER BY q.position) FROM interview_questions q WHERE q.interview_id = i.id), '[]') AS questions${people}
         FROM interviews i JOIN candidates c ON c.id = i.candidate_id JOIN positions p ON p.id = i.position_id
              JOIN positions cp ON cp.id = c.position_id
        WHERE ${where}`;
}
const KIT_SQL = kitSql(false);
const KIT_WITH_PEOPLE_SQL = kitSql(true);
const KITS_SQL = kitSql(false, 'i.id = ANY($1::uuid[])');

@Injectable()
export class InterviewRepository extends TransactionalRepository<InterviewRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): InterviewRepository {
    return new InterviewRepository(this.ds, manager);
  }

  private get interviews() {
    return this.manager.getRepository(InterviewEntity);
  }

  // a plain copy into the entity class: TypeORM's create() walks the entity's metadata per column,
  // which the lists and the kit paid for every row they read
  private toEntity(r: Record<string, unknown>): InterviewEntity {
    return Object.assign(new InterviewEntity(), {
      id: r.id as string,
      candidateId: r.candidate_id as string,
      positionId: r.position_id as string,
      title: r.title as string,
      stage: r.stage as string,
      planStageId: (r.plan_stage_id as string | null) ?? null,
      startsAt: r.starts_at as Date,
      endsAt: r.ends_at as Date,
      timezone: r.timezone as string,
      durationMinutes: r.duration_minutes as number,
      location: r.location as string | null,
      meetingUrl: r.meeting_url as string | null,
      status: r.status as InterviewStatus,
      feedbackDueAt: r.feedback_due_at as Date,
      cancelReason: r.cancel_reason as string | null,
      cancelledAt: r.cancelled_at as Date | null,
      completedAt: r.completed_at as Date | null,
      createdById: r.created_by_id as string,
      sequence: r.sequence as number,
      inviteCandidate: r.invite_candidate as boolean,
      revision: r.revision as number,
      createdAt: r.created_at as Date,
      updatedAt: r.updated_at as Date,
    });
  }

  insertInterview(values: Partial<InterviewEntity>): Promise<InterviewEntity> {
    return this.interviews.save(this.interviews.create(values));
  }

  async findForUpdate(id: string): Promise<InterviewEntity | null> {
    return this.interviews.createQueryBuilder('i').setLock('pessimistic_write').where('i.id = :id', { id }).getOne();
  }

  async findById(id: string): Promise<InterviewEntity | null> {
    return this.interviews.findOne({ where: { id } });
  }

  /** Applies `patch` and bumps the revision (and the invite sequence when attendees must see it). */
  async update(id: string, patch: Partial<InterviewEntity>, bumpSequence: boolean): Promise<void> {
    await this.interviews
      .createQueryBuilder()
      .update()
      .set({
        ...patch,
        revision: () => 'revision + 1',
        ...(bumpSequence ? { sequence: () => 'sequence + 1' } : {}),
        updatedAt: () => 'now()',
      })
      .where('id = :id', { id })
      .execute();
  }

  async findPanel(interviewId: string): Promise<Array<{ userId: string; role: PanelRole }>> {
    const rows = await this.manager
      .getRepository(InterviewPanelistEntity)
      .find({ where: { interviewId }, order: { addedAt: 'ASC' } });
    return rows.map((r) => ({ userId: r.userId, role: r.role }));
  }

  async replacePanel(interviewId: string, panel: Array<{ userId: string; role: PanelRole }>): Promise<void> {
    const repo = this.manager.getRepository(InterviewPanelistEntity);
    // those who stay keep their answer to the invitation
    const answers = new Map(
      (await repo.find({ where: { interviewId } })).map((r) => [
        r.userId,
        { rsvp: r.rsvp, rsvpNote: r.rsvpNote, rsvpAt: r.rsvpAt },
      ]),
    );
    await repo.delete({ interviewId });
    // one statement gives every row the same now(): a millisecond apart keeps the panel in the order given
    const at = Date.now();
    if (panel.length)
      await repo.insert(
        panel.map((p, i) => ({
          interviewId,
          userId: p.userId,
          role: p.role,
          addedAt: new Date(at + i),
          ...answers.get(p.userId),
        })),
      );
  }

  /** A new time is a new question: every panelist's answer goes back to needs_action. */
  async resetRsvp(interviewId: string): Promise<void> {
    await this.manager.query(
      `UPDATE interview_panelists SET rsvp = 'needs_action', rsvp_note = NULL, rsvp_at = NULL WHERE interview_id = $1`,
      [interviewId],
    );
  }

  /** The competencies (lower-case names) the plan stage's interview templates assess: what a panelist should be trained in. */
  async planCompetencies(planStageId: string): Promise<string[]> {
    const rows: Array<{ name: string }> = await this.manager.query(
      `SELECT DISTINCT lower(pc.name) AS name FROM plan_templates t JOIN position_competencies pc ON pc.id = ANY(t.competency_ids) WHERE t.stage_id = $1 ORDER BY 1`,
      [planStageId],
    );
    return rows.map((r) => r.name);
  }

  /** Every interview of these candidates with its panel (ids and roles, in the order added), oldest first: one query. */
  async listForCandidates(candidateIds: string[]): Promise<CandidateInterviewRecord[]> {
    return this.manager.query(
      `SELECT i.id, i.candidate_id AS "candidateId", i.position_id AS "positionId", i.plan_stage_id AS "planStageId", i.stage, i.title,
              i.status, i.starts_at AS "startsAt", i.ends_at AS "endsAt", i.feedback_due_at AS "feedbackDueAt",
              COALESCE(json_agg(json_build_object('userId', p.user_id, 'role', p.role) ORDER BY p.added_at, p.user_id)
                       FILTER (WHERE p.user_id IS NOT NULL), '[]') AS panel
         FROM interviews i LEFT JOIN interview_panelists p ON p.interview_id = i.id
        WHERE i.candidate_id = ANY($1::uuid[])
        GROUP BY i.id
        ORDER BY i.starts_at, i.id`,
      [candidateIds],
    );
  }

  /** Locks and returns one panelist's row (null: not on the panel). */
  async findPanelistForUpdate(interviewId: string, userId: string): Promise<InterviewPanelistEntity | null> {
    return this.manager
      .getRepository(InterviewPanelistEntity)
      .findOne({ where: { interviewId, userId }, lock: { mode: 'pessimistic_write' } });
  }

  async setRsvp(
    interviewId: string,
    userId: string,
    values: Pick<InterviewPanelistEntity, 'rsvp' | 'rsvpNote' | 'rsvpAt'>,
  ): Promise<void> {
    await this.manager.getRepository(InterviewPanelistEntity).update({ interviewId, userId }, values);
  }

  async countQuestions(interviewId: string): Promise<number> {
    return this.manager.getRepository(InterviewQuestionEntity).count({ where: { interviewId } });
  }

  async insertQuestions(values: Array<Partial<InterviewQuestionEntity>>): Promise<void> {
    for (let i = 0; i < values.length; i += 500) {
      await this.manager
        .getRepository(InterviewQuestionEntity)
        .createQueryBuilder()
        .insert()
        .values(values.slice(i, i + 500))
        .execute();
    }
  }

  /** Clears "asked by" for panelists who left the panel. */
  async unassignAskers(interviewId: string, userIds: string[]): Promise<void> {
    if (!userIds.length) return;
    await this.manager.query(
      `UPDATE interview_questions SET asked_by_id = NULL WHERE interview_id = $1 AND asked_by_id = ANY($2::uuid[])`,
      [interviewId, userIds],
    );
  }

  /**
   * Serialises bookings per interviewer until the transaction ends, so two concurrent bookings of
   * one person cannot both pass the clash check.
   */
  async lockInterviewers(userIds: string[]): Promise<void> {
    for (const id of [...new Set(userIds)].sort()) {
      await this.manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`, [id]);
    }
  }

  async findClashes(userIds: string[], startsAt: Date, endsAt: Date, excludeId?: string): Promise<Clash[]> {
    if (!userIds.length) return [];
    const rows: Array<Record<string, unknown>> = await this.manager.query(
      `SELECT p.user_id, i.id, i.title, i.starts_at, i.ends_at
         FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($5)
          AND i.starts_at < $3 AND i.ends_at > $2 AND ($4::uuid IS NULL OR i.id <> $4)
        ORDER BY i.starts_at`,
      [userIds, startsAt, endsAt, excludeId ?? null, HELD_STATUSES],
    );
    return rows.map((r) => ({
      userId: r.user_id as string,
      interviewId: r.id as string,
      title: r.title as string,
      startsAt: r.starts_at as Date,
      endsAt: r.ends_at as Date,
    }));
  }

  /**
   * Interviews per interviewer whose start falls in [from, to): those ahead and those held (an interview
   * that ended this week still counted towards the week); cancelled and no-shows do not.
   */
  async countScheduledBetween(userIds: string[], from: Date, to: Date): Promise<Map<string, number>> {
    if (!userIds.length) return new Map();
    const rows: Array<{ user_id: string; n: number }> = await this.manager.query(
      `SELECT p.user_id, count(*)::int AS n FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($4) AND i.starts_at >= $2 AND i.starts_at < $3
        GROUP BY p.user_id`,
      [userIds, from, to, HELD_STATUSES],
    );
    return new Map(rows.map((r) => [r.user_id, r.n]));
  }

  /** (interview, panelist) pairs whose feedback fell due before `now` (cancelled interviews and no-shows owe none). */
  async dueAssignments(userIds: string[], now: Date): Promise<Array<{ interviewId: string; userId: string }>> {
    if (!userIds.length) return [];
    const rows: Array<{ interview_id: string; user_id: string }> = await this.manager.query(
      `SELECT p.interview_id, p.user_id FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($3) AND i.feedback_due_at < $2`,
      [userIds, now, HELD_STATUSES],
    );
    return rows.map((r) => ({ interviewId: r.interview_id, userId: r.user_id }));
  }

  /**
   * Interviews that are over (ended, awaiting feedback or completed), neither cancelled nor a no-show, with this panelist, except
   * `excludeIds` (those whose scorecard is submitted): a page, most urgent first (feedback due, then
   * id), and the totals over all pages, in one query.
   */
  async owedByPanelist(
    userId: string,
    excludeIds: string[],
    now: Date,
    limit: number,
    after?: [string, string],
    managedBy?: string,
  ): Promise<{ rows: OwedInterviewRow[]; pending: number; overdue: number }> {
    const rows: Array<Record<string, unknown>> = await this.manager.query(
      `WITH owed AS (
         SELECT i.id, i.title, i.stage, i.status, i.starts_at, i.ends_at, i.feedback_due_at, i.feedback_due_at::text AS cursor_ts,
                i.feedback_due_at < $2 AS overdue, p.role, c.id AS candidate_id, c.name AS candidate_name,
                pos.id AS position_id, pos.title AS position_title
           FROM interview_panelists p
           JOIN interviews i ON i.id = p.interview_id
           JOIN candidates c ON c.id = i.candidate_id
           JOIN positions pos ON pos.id = i.position_id
          WHERE p.user_id = $1 AND i.status IN ('scheduled', 'awaiting_feedback', 'completed')
            AND (i.ends_at <= $2 OR i.status IN ('awaiting_feedback', 'completed'))
            AND NOT (i.id = ANY($6::uuid[]))
            -- a hiring manager reads only what concerns their positions (the candidate's own position decides)
            AND ($7::uuid IS NULL OR EXISTS (SELECT 1 FROM positions cp WHERE cp.id = c.position_id AND cp.hiring_manager_id = $7::uuid))
       ), totals AS (
         SELECT count(*)::int AS pending, (count(*) FILTER (WHERE overdue))::int AS overdue_total FROM owed
       )
       SELECT totals.pending, totals.overdue_total, pg.*
         FROM totals
         LEFT JOIN LATERAL (
           SELECT * FROM owed
            WHERE $3::timestamptz IS NULL OR (owed.feedback_due_at, owed.id) > ($3::timestamptz, $4::uuid)
            ORDER BY owed.feedback_due_at, owed.id
            LIMIT $5
         ) pg ON true`,
      [userId, now, after?.[0] ?? null, after?.[1] ?? null, limit, excludeIds, managedBy ?? null],
    );
    const first = rows[0] ?? { pending: 0, overdue_total: 0 };
    return {
      pending: first.pending as number,
      overdue: first.overdue_total as number,
      rows: rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          interviewId: r.id as string,
          title: r.title as string,
          stage: r.stage as string,
          status: r.status as OwedInterviewRow['status'],
          startsAt: r.starts_at as Date,
          endsAt: r.ends_at as Date,
          feedbackDueAt: r.feedback_due_at as Date,
          overdue: r.overdue as boolean,
          role: r.role as OwedInterviewRow['role'],
          candidate: { id: r.candidate_id as string, name: r.candidate_name as string },
          position: { id: r.position_id as string, title: r.position_title as string },
          cursor: [r.cursor_ts as string, r.id as string],
        })),
    };
  }

  /** Their interviews that hold time (scheduled or held) overlapping [from, to), one row per seat, by start. */
  async seatsBetween(
    userIds: string[],
    from: Date,
    to: Date,
  ): Promise<Array<{ userId: string; start: Date; end: Date; interviewId: string }>> {
    if (!userIds.length) return [];
    const rows: Array<{ user_id: string; starts_at: Date; ends_at: Date; id: string }> = await this.manager.query(
      `SELECT p.user_id, i.starts_at, i.ends_at, i.id FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($4) AND i.starts_at < $3 AND i.ends_at > $2 ORDER BY i.starts_at`,
      [userIds, from, to, HELD_STATUSES],
    );
    return rows.map((r) => ({
      userId: r.user_id,
      start: new Date(r.starts_at),
      end: new Date(r.ends_at),
      interviewId: r.id,
    }));
  }

  /** Their seats on interviews that are over (ended by `now`), neither cancelled nor a no-show, started at `since` or later. */
  async heldSeats(
    userIds: string[],
    since: Date,
    now: Date,
  ): Promise<Array<{ interviewId: string; userId: string; startsAt: Date }>> {
    if (!userIds.length) return [];
    const rows: Array<{ interview_id: string; user_id: string; starts_at: Date }> = await this.manager.query(
      `SELECT p.interview_id, p.user_id, i.starts_at FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE p.user_id = ANY($1::uuid[]) AND i.status = ANY($4) AND i.starts_at >= $2 AND i.ends_at <= $3`,
      [userIds, since, now, HELD_STATUSES],
    );
    return rows.map((r) => ({ interviewId: r.interview_id, userId: r.user_id, startsAt: new Date(r.starts_at) }));
  }

  /** Interviewers with an interview (not cancelled, not a no-show) overlapping [from, to). */
  async busyInterviewers(from: Date, to: Date): Promise<string[]> {
    const rows: Array<{ user_id: string }> = await this.manager.query(
      `SELECT DISTINCT p.user_id FROM interview_panelists p JOIN interviews i ON i.id = p.interview_id
        WHERE i.status = ANY($3) AND i.starts_at < $2 AND i.ends_at > $1`,
      [from, to, HELD_STATUSES],
    );
    return rows.map((r) => r.user_id);
  }

  /**
   * Scheduled interviews whose end has passed start awaiting feedback: one interview (the end job) or
   * all of them (the sweep). Re-reads the row, so a moved end or a cancellation wins. Returns the ids moved.
   */
  async moveEnded(now: Date, id?: string): Promise<string[]> {
    const rows = returned<{ id: string }>(
      await this.manager.query(
        `UPDATE interviews SET status = 'awaiting_feedback', revision = revision + 1, updated_at = now()
          WHERE status = 'scheduled' AND ends_at <= $1 AND ($2::uuid IS NULL OR id = $2)
          RETURNING id`,
        [now, id ?? null],
      ),
    );
    return rows.map((r) => r.id);
  }

  /**
   * Every panelist has submitted: a started interview (scheduled or awaiting feedback) is completed.
   * Not every panelist (a reopen): a completed one waits for feedback again, or is scheduled again
   * when it has not ended. Returns the new status, or null when nothing changed.
   */
  async settleFeedback(id: string, allSubmitted: boolean, now: Date): Promise<InterviewStatus | null> {
    const result: unknown = allSubmitted
      ? await this.manager.query(
          `UPDATE interviews SET status = 'completed', completed_at = $2, revision = revision + 1, updated_at = now()
            WHERE id = $1 AND (status = 'awaiting_feedback' OR (status = 'scheduled' AND starts_at <= $2))
            RETURNING status`,
          [id, now],
        )
      : await this.manager.query(
          `UPDATE interviews SET status = CASE WHEN ends_at <= $2 THEN 'awaiting_feedback' ELSE 'scheduled' END,
                  completed_at = NULL, revision = revision + 1, updated_at = now()
            WHERE id = $1 AND status = 'completed'
            RETURNING status`,
          [id, now],
        );
    return returned<{ status: InterviewStatus }>(result)[0]?.status ?? null;
  }

  async existsForCandidate(candidateId: string): Promise<boolean> {
    return this.interviews.exists({ where: { candidateId } });
  }

  /**
   * The whole kit in one query: interview, candidate, position, panel and question snapshots, and
   * with `withPeople` the panel's names and emails (the kit page shows them).
   */
  async findKit(id: string, withPeople = false): Promise<KitRow | null> {
    const [r] = await fixedRead<Record<string, unknown>>(this.manager, withPeople ? KIT_WITH_PEOPLE_SQL : KIT_SQL, [
      id,
    ]);
    return r ? this.toKit(r, withPeople) : null;
  }

  /** The kits of several interviews in one query (without `people`); a missing interview has none. */
  async findKits(ids: string[]): Promise<KitRow[]> {
    if (!ids.length) return [];
    const rows = await fixedRead<Record<string, unknown>>(this.manager, KITS_SQL, [ids]);
    return rows.map((r) => this.toKit(r, false));
  }

  private toKit(r: Record<string, unknown>, withPeople: boolean): KitRow {
    // a plain copy, as toEntity: create() walked the entity's metadata per column of each question
    const questions = (r.questions as Array<Record<string, unknown>>).map((q) =>
      Object.assign(new InterviewQuestionEntity(), {
        id: q.id as string,
        interviewId: q.interview_id as string,
        position: q.position as number,
        sourceQuestionId: q.source_question_id as string | null,
        sourceSetId: q.source_set_id as string | null,
        sourceSetName: q.source_set_name as string | null,
        sourceSetVersion: q.source_set_version as number | null,
        type: q.type as InterviewQuestionEntity['type'],
        prompt: q.prompt as string,
        followUps: q.follow_ups as InterviewQuestionEntity['followUps'],
        criteria: q.criteria as InterviewQuestionEntity['criteria'],
        guidance: q.guidance as InterviewQuestionEntity['guidance'],
        competencies: q.competencies as string[],
        timeboxMinutes: q.timebox_minutes as number | null,
        askedById: q.asked_by_id as string | null,
      }),
    );
    return {
      interview: this.toEntity(r),
      candidate: r.candidate as KitRow['candidate'],
      position: r.position as KitRow['position'],
      authority: r.authority as KitRow['authority'],
      panel: r.panel as KitRow['panel'],
      questions,
      ...(withPeople
        ? {
            people: new Map(Object.entries((r.people as Record<string, { name: string; email: string }> | null) ?? {})),
          }
        : {}),
    };
  }

  /** A page of interviews in start order, with what a list shows; one query. */
  async list(f: ListFilters): Promise<InterviewListRow[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (f.from) where.push(`i.ends_at > ${p(f.from)}`);
    if (f.to) where.push(`i.starts_at < ${p(f.to)}`);
    if (f.statuses?.length) where.push(`i.status = ANY(${p(f.statuses)})`);
    if (f.interviewerId)
      where.push(
        `EXISTS (SELECT 1 FROM interview_panelists x WHERE x.interview_id = i.id AND x.user_id = ${p(f.interviewerId)})`,
      );
    if (f.candidateId) where.push(`i.candidate_id = ${p(f.candidateId)}`);
    // a position's interviews are its candidates' (the candidate's own position is the authority)
    if (f.positionId) where.push(`c.position_id = ${p(f.positionId)}`);
    if (f.questionSetId)
      where.push(
        `EXISTS (SELECT 1 FROM interview_questions s WHERE s.interview_id = i.id AND s.source_set_id = ${p(f.questionSetId)})`,
      );
    if (f.visibleTo) {
      const me = p(f.visibleTo.userId);
      const onPanel = `EXISTS (SELECT 1 FROM interview_panelists v WHERE v.interview_id = i.id AND v.user_id = ${me})`;
      // managed = the candidate's own position is the caller's (the access policy's authority), not the one the interview names
      where.push(f.visibleTo.managedPositions ? `(cpos.hiring_manager_id = ${me} OR ${onPanel})` : onPanel);
    }
    // a sync pages by last change; everyone else by start
    const key = f.updatedSince ? 'i.updated_at' : 'i.starts_at';
    if (f.updatedSince) where.push(`i.updated_at >= ${p(f.updatedSince)}`);
    if (f.after) where.push(`(${key}, i.id) > (${p(f.after[0])}::timestamptz, ${p(f.after[1])}::uuid)`);
    const rows = await fixedRead<Record<string, unknown>>(
      this.manager,
      `SELECT ${INTERVIEW_COLUMNS}, ${key}::text AS cursor_ts, c.name AS candidate_name, pos.title AS position_title,
              cpos.hiring_manager_id,
              COALESCE((SELECT json_agg(json_build_object('userId', ip.user_id, 'role', ip.role, 'rsvp', ip.rsvp, 'rsvpNote', ip.rsvp_note, 'rsvpAt', ip.rsvp_at) ORDER BY ip.role, ip.added_at)
                          FROM interview_panelists ip WHERE ip.interview_id = i.id), '[]') AS panel,
              (SELECT count(*)::int FROM interview_questions q WHERE q.interview_id = i.id) AS question_count
         FROM interviews i JOIN candidates c ON c.id = i.candidate_id JOIN positions pos ON pos.id = i.position_id
              JOIN positions cpos ON cpos.id = c.position_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${key}, i.id
        LIMIT ${p(f.limit)}`,
      params,
    );
    return rows.map((r) => ({
      interview: this.toEntity(r),
      candidateName: r.candidate_name as string,
      positionTitle: r.position_title as string,
      hiringManagerId: r.hiring_manager_id as string,
      panel: r.panel as InterviewListRow['panel'],
      questionCount: r.question_count as number,
      cursor: [r.cursor_ts as string, r.id as string],
    }));
  }
}
