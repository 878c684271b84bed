import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CandidateStatus } from '../entities/candidate.entity';

/** A candidate's place on their position's path, as plain data. */
export interface CandidatePath {
  id: string;
  name: string;
  email: string;
  positionId: string;
  positionTitle: string;
  hiringManagerId: string;
  stageId: string | null;
  stageName: string | null;
  status: CandidateStatus;
}

const SELECT = `SELECT c.id, c.name, c.email, c.position_id AS "positionId", p.title AS "positionTitle",
    p.hiring_manager_id AS "hiringManagerId", c.stage_id AS "stageId",
    (SELECT s.name FROM plan_stages s WHERE s.id = c.stage_id) AS "stageName", c.status
  FROM candidates c JOIN positions p ON p.id = c.position_id`;

const likeWord = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

@Injectable()
export class CandidatePathRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async find(id: string): Promise<CandidatePath | null> {
    return (await this.ds.query(`${SELECT} WHERE c.id = $1`, [id]))[0] ?? null;
  }

  /** Locks the candidate's row so that two decisions on one candidate are made one after the other. */
  async lock(id: string, tx: EntityManager): Promise<CandidatePath | null> {
    return (await tx.query(`${SELECT} WHERE c.id = $1 FOR UPDATE OF c`, [id]))[0] ?? null;
  }

  async setPath(id: string, to: { stageId: string | null; status: CandidateStatus }, tx: EntityManager): Promise<void> {
    await tx.query(`UPDATE candidates SET stage_id = $2, status = $3, updated_at = now() WHERE id = $1`, [
      id,
      to.stageId,
      to.status,
    ]);
  }

  /** One query: the candidates of one position, or of every position a hiring manager manages (or all). */
  list(f: {
    positionId?: string;
    hiringManagerId?: string;
    statuses?: CandidateStatus[];
    words?: string[];
  }): Promise<CandidatePath[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: (n: string) => string, value: unknown) => {
      params.push(value);
      where.push(sql(`$${params.length}`));
    };
    if (f.positionId) add((n) => `c.position_id = ${n}`, f.positionId);
    if (f.hiringManagerId) add((n) => `p.hiring_manager_id = ${n}`, f.hiringManagerId);
    if (f.statuses?.length) add((n) => `c.status = ANY(${n}::varchar[])`, f.statuses);
    for (const w of f.words ?? []) add((n) => `(c.name ILIKE ${n} OR c.email ILIKE ${n})`, likeWord(w));
    return this.ds.query(
      `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.name, c.id`,
      params,
    );
  }
}
