import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { CandidateDecisionEntity, Decision } from '../entities/candidate-decision.entity';

export type DecisionRow = CandidateDecisionEntity & { reasonLabel: string | null };

/**
 * Decisions are only ever inserted: there is no update or delete here on purpose. Bound to a
 * transaction by `transaction()`.
 */
@Injectable()
export class DecisionRepository extends TransactionalRepository<DecisionRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): DecisionRepository {
    return new DecisionRepository(this.ds, manager);
  }

  /** The candidate's latest decision (the one nothing supersedes yet); call it with the candidate locked. */
  async head(candidateId: string): Promise<string | null> {
    const rows: Array<{ id: string }> = await this.manager.query(
      `SELECT d.id FROM candidate_decisions d
        WHERE d.candidate_id = $1 AND NOT EXISTS (SELECT 1 FROM candidate_decisions n WHERE n.supersedes_id = d.id)`,
      [candidateId],
    );
    return rows[0]?.id ?? null;
  }

  insert(values: Partial<CandidateDecisionEntity>): Promise<CandidateDecisionEntity> {
    const repo = this.manager.getRepository(CandidateDecisionEntity);
    return repo.save(repo.create(values));
  }

  /**
   * The candidate's decisions, newest first, with their reasons' labels: one query. The order follows the
   * supersedes chain, which the candidate's row lock makes the order in which decisions were made.
   */
  async history(candidateId: string): Promise<DecisionRow[]> {
    const rows = await this.manager
      .getRepository(CandidateDecisionEntity)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.reason', 'r')
      .where('d.candidate_id = :candidateId', { candidateId })
      .orderBy('d.decided_at', 'DESC')
      .addOrderBy('d.id', 'DESC')
      .getMany();
    const supersededBy = new Map(rows.filter((d) => d.supersedesId).map((d) => [d.supersedesId!, d]));
    const byId = new Map(rows.map((d) => [d.id, d]));
    const chain: CandidateDecisionEntity[] = [];
    let d = rows.find((x) => !supersededBy.has(x.id));
    while (d && chain.length < rows.length) {
      chain.push(d);
      d = d.supersedesId ? byId.get(d.supersedesId) : undefined;
    }
    return (chain.length === rows.length ? chain : rows).map((d) =>
      Object.assign(d, { reasonLabel: d.reason?.label ?? null }),
    );
  }

  /** One decision with its reason's label, for other modules (e.g. reminders telling people about it). */
  async findOne(id: string): Promise<DecisionRow | null> {
    const d = await this.manager
      .getRepository(CandidateDecisionEntity)
      .createQueryBuilder('d')
      .leftJoinAndSelect('d.reason', 'r')
      .where('d.id = :id', { id })
      .getOne();
    return d ? Object.assign(d, { reasonLabel: d.reason?.label ?? null }) : null;
  }

  /** Each candidate's latest decision: one query. */
  async lastFor(candidateIds: string[]): Promise<Map<string, { decision: Decision; decidedAt: Date }>> {
    if (!candidateIds.length) return new Map();
    const rows: Array<{ candidate_id: string; decision: Decision; decided_at: Date }> = await this.manager.query(
      `SELECT d.candidate_id, d.decision, d.decided_at FROM candidate_decisions d
        WHERE d.candidate_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM candidate_decisions n WHERE n.supersedes_id = d.id)`,
      [candidateIds],
    );
    return new Map(rows.map((r) => [r.candidate_id, { decision: r.decision, decidedAt: r.decided_at }]));
  }
}
