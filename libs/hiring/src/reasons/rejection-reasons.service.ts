import { BadRequestException, Injectable } from '@nestjs/common';
import { AuditService, SETTINGS_ENTITY_ID } from '@app/audit';
import type { AuthUser } from '@app/auth';
import { DetailedHttpException } from '@app/common';
import { RejectionReasonList, UpdateRejectionReasonsDto } from '../dto/rejection-reason.dto';
import { RejectionReasonRepository } from './rejection-reason.repository';

@Injectable()
export class RejectionReasonsService {
  constructor(
    private readonly repo: RejectionReasonRepository,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<RejectionReasonList> {
    return {
      items: (await this.repo.all()).map(({ id, label, active, position }) => ({ id, label, active, position })),
    };
  }

  /** An active reason by id, or a 400 naming `reasonId` (a decision cannot cite a reason that is not offered). */
  async activeLabel(id: string): Promise<{ id: string; label: string }> {
    const r = await this.repo.findById(id);
    if (!r || !r.active) {
      throw new DetailedHttpException(400, `reasonId: no active rejection reason ${id}`, [
        { field: 'reasonId', messages: ['not an active rejection reason'] },
      ]);
    }
    return { id: r.id, label: r.label };
  }

  async replace(user: AuthUser, dto: UpdateRejectionReasonsDto): Promise<RejectionReasonList> {
    const seen = new Set<string>();
    dto.reasons.forEach((r, i) => {
      const key = r.label.toLowerCase();
      if (seen.has(key)) throw new BadRequestException(`reasons[${i}].label: "${r.label}" is listed twice`);
      seen.add(key);
    });
    await this.repo.transaction(async (repo) => {
      const known = new Set((await repo.all()).map((r) => r.id));
      dto.reasons.forEach((r, i) => {
        if (r.id && !known.has(r.id)) throw new BadRequestException(`reasons[${i}].id: no rejection reason ${r.id}`);
      });
      await repo.replace(dto.reasons.map((r) => ({ id: r.id, label: r.label, active: r.active ?? true })));
      await this.audit.record(
        user.id,
        'settings',
        SETTINGS_ENTITY_ID,
        'rejection_reasons_updated',
        { reasons: dto.reasons.map((r) => r.label) },
        repo.tx,
      );
    });
    return this.list();
  }
}
