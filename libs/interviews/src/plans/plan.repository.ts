import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { PlanStageEntity } from '../entities/plan-stage.entity';
import { PlanTemplateEntity } from '../entities/plan-template.entity';
import { PositionCompetencyEntity } from '../entities/position-competency.entity';
import { PositionPlanEntity } from '../entities/position-plan.entity';

export interface StoredPlan {
  revision: number;
  updatedAt: Date | null;
  competencies: PositionCompetencyEntity[];
  stages: PlanStageEntity[];
  templates: PlanTemplateEntity[];
}

/** The plan's rows. Reads are fixed queries; a PUT replaces the whole plan in one transaction. */
@Injectable()
export class PlanRepository extends TransactionalRepository<PlanRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): PlanRepository {
    return new PlanRepository(this.ds, manager);
  }

  stages(positionId: string): Promise<PlanStageEntity[]> {
    return this.manager.getRepository(PlanStageEntity).find({ where: { positionId }, order: { position: 'ASC' } });
  }

  async stageOf(positionId: string, stageId: string): Promise<PlanStageEntity | null> {
    return this.manager.getRepository(PlanStageEntity).findOne({ where: { id: stageId, positionId } });
  }

  async load(positionId: string): Promise<StoredPlan> {
    // one after another: inside a transaction they share one connection
    const plan = await this.manager.getRepository(PositionPlanEntity).findOne({ where: { positionId } });
    const competencies = await this.manager
      .getRepository(PositionCompetencyEntity)
      .find({ where: { positionId }, order: { position: 'ASC' } });
    const stages = await this.stages(positionId);
    const templates = await this.manager
      .getRepository(PlanTemplateEntity)
      .createQueryBuilder('t')
      .innerJoin(PlanStageEntity, 's', 's.id = t.stage_id')
      .where('s.position_id = :positionId', { positionId })
      .orderBy('t.position', 'ASC')
      .getMany();
    return { revision: plan?.revision ?? 0, updatedAt: plan?.updatedAt ?? null, competencies, stages, templates };
  }

  /** The plan's revision row, created at 0 when missing, locked until the transaction ends. */
  async lockRevision(positionId: string): Promise<number> {
    await this.manager.query(
      `INSERT INTO position_plans (position_id) VALUES ($1) ON CONFLICT (position_id) DO NOTHING`,
      [positionId],
    );
    const [row]: Array<{ revision: number }> = await this.manager.query(
      `SELECT revision FROM position_plans WHERE position_id = $1 FOR UPDATE`,
      [positionId],
    );
    return row.revision;
  }

  async bumpRevision(positionId: string, userId: string): Promise<number> {
    const [row]: Array<{ revision: number }> = await this.manager.query(
      `UPDATE position_plans SET revision = revision + 1, updated_by_id = $2, updated_at = now() WHERE position_id = $1 RETURNING revision`,
      [positionId, userId],
    );
    return row.revision;
  }

  /** How many interviews point at each of these stages. */
  async interviewCounts(stageIds: string[]): Promise<Map<string, number>> {
    if (!stageIds.length) return new Map();
    const rows: Array<{ plan_stage_id: string; n: number }> = await this.manager.query(
      `SELECT plan_stage_id, count(*)::int AS n FROM interviews WHERE plan_stage_id = ANY($1::uuid[]) GROUP BY plan_stage_id`,
      [stageIds],
    );
    return new Map(rows.map((r) => [r.plan_stage_id, r.n]));
  }

  /** Replaces the position's plan rows with these; ids that are kept are updated in place. */
  async replace(
    positionId: string,
    rows: { competencies: PositionCompetencyEntity[]; stages: PlanStageEntity[]; templates: PlanTemplateEntity[] },
  ): Promise<void> {
    const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id);
    await this.manager.query(
      `DELETE FROM plan_templates t USING plan_stages s WHERE s.id = t.stage_id AND s.position_id = $1 AND NOT (t.id = ANY($2::uuid[]))`,
      [positionId, ids(rows.templates)],
    );
    await this.manager.query(`DELETE FROM plan_stages WHERE position_id = $1 AND NOT (id = ANY($2::uuid[]))`, [
      positionId,
      ids(rows.stages),
    ]);
    await this.manager.query(
      `DELETE FROM position_competencies WHERE position_id = $1 AND NOT (id = ANY($2::uuid[]))`,
      [positionId, ids(rows.competencies)],
    );
    if (rows.competencies.length)
      await this.manager.getRepository(PositionCompetencyEntity).upsert(rows.competencies, ['id']);
    if (rows.stages.length) await this.manager.getRepository(PlanStageEntity).upsert(rows.stages, ['id']);
    if (rows.templates.length) await this.manager.getRepository(PlanTemplateEntity).upsert(rows.templates, ['id']);
  }
}
