import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UsersService } from '@app/auth';
import type { PanelRole } from '../entities/interview-panelist.entity';

/** An interview of a candidate, as plain data for other modules (the pipeline, the hiring home). */
export interface CandidateInterviewRow {
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
  panel: Array<{ userId: string; name: string; role: PanelRole }>;
}

@Injectable()
export class InterviewReadService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly users: UsersService,
  ) {}

  /** Every interview of these candidates, oldest first: two queries (interviews with panels, then names) whatever the count. */
  async listForCandidates(candidateIds: string[]): Promise<CandidateInterviewRow[]> {
    if (!candidateIds.length) return [];
    const rows: Array<Omit<CandidateInterviewRow, 'panel'> & { panel: Array<{ userId: string; role: PanelRole }> }> = await this.ds.query(
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
    const names = new Map((await this.users.findManyByIds(rows.flatMap((r) => r.panel.map((p) => p.userId)))).map((u) => [u.id, u.name]));
    return rows.map((r) => ({ ...r, panel: r.panel.map((p) => ({ ...p, name: names.get(p.userId) ?? 'Unknown user' })) }));
  }
}
