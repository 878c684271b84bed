import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';

const INSERT_EVENT = `INSERT INTO audit_events (actor_id, actor_kind, actor_name, entity_type, entity_id, action, changes)
  VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`;

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly repo: Repository<AuditEventEntity>) {}

  /**
   * `tx` lets the event be written in the transaction of the change it records. Fixed SQL: every
   * write path records one, and TypeORM's save would build the same INSERT anew each time.
   */
  async insert(event: Omit<AuditEventEntity, 'id' | 'createdAt'>, tx?: unknown): Promise<void> {
    const manager = (tx as EntityManager | undefined) ?? this.repo.manager;
    await manager.query(INSERT_EVENT, [
      event.actorId,
      event.actorKind,
      event.actorName,
      event.entityType,
      event.entityId,
      event.action,
      JSON.stringify(event.changes ?? {}),
    ]);
  }

  async list(
    filter: { entityType?: string; entityId?: string; actorId?: string },
    limit: number,
    before?: { createdAt: string; id: string },
  ): Promise<Array<AuditEventEntity & { cursorTs: string }>> {
    const qb = this.repo
      .createQueryBuilder('a')
      .addSelect('a.created_at::text', 'cursor_ts')
      .orderBy('a.created_at', 'DESC')
      .addOrderBy('a.id', 'DESC')
      .limit(limit);
    if (filter.entityType) qb.andWhere('a.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actor_id = :actorId', { actorId: filter.actorId });
    if (before)
      qb.andWhere('(a.created_at, a.id) < (:ts::timestamptz, :id::uuid)', { ts: before.createdAt, id: before.id });
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((e, i) => Object.assign(e, { cursorTs: raw[i].cursor_ts }));
  }
}
