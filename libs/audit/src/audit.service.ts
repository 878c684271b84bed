import { Injectable } from '@nestjs/common';
import { encodeCursor, readCursor } from '@app/common';
import { currentAuditActor } from './audit-actor';
import { AuditRepository } from './audit.repository';
import { AuditPage, ListAuditQueryDto } from './dto/audit.dto';

export type AuditEntityType =
  | 'interview'
  | 'scorecard'
  | 'question_set'
  | 'position'
  | 'candidate'
  | 'interviewer'
  | 'settings'
  | 'user'
  | 'api_key';

/** The entity id under which changes to a singleton (the reminder policy) are recorded. */
export const SETTINGS_ENTITY_ID = '00000000-0000-0000-0000-000000000001';

@Injectable()
export class AuditService {
  constructor(private readonly repo: AuditRepository) {}

  /** Records a change; pass the transaction handle of the change so both commit or neither. */
  record(
    actorId: string | null,
    entityType: AuditEntityType,
    entityId: string,
    action: string,
    changes: Record<string, unknown> = {},
    tx?: unknown,
  ): Promise<void> {
    const key = currentAuditActor();
    const byKey = key !== undefined && actorId === key.id;
    const actorKind = byKey ? 'api_key' : actorId === null ? 'system' : 'user';
    return this.repo.insert(
      { actorId, actorKind, actorName: byKey ? key.name : null, entityType, entityId, action, changes },
      tx,
    );
  }

  async list(q: ListAuditQueryDto): Promise<AuditPage> {
    const limit = q.limit ?? 50;
    const after = readCursor(q.cursor, ['instant', 'uuid']);
    const rows = await this.repo.list(q, limit + 1, after && { createdAt: after[0], id: after[1] });
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ cursorTs: _c, ...e }) => e),
      page: { limit, nextCursor: rows.length > limit && last ? encodeCursor([last.cursorTs, last.id]) : null },
    };
  }
}
