import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ApiKeyEntity } from './api-key.entity';

/** All SQL of api_keys. */
@Injectable()
export class ApiKeyRepository {
  constructor(@InjectRepository(ApiKeyEntity) private readonly repo: Repository<ApiKeyEntity>) {}

  insert(values: Omit<ApiKeyEntity, 'id' | 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<ApiKeyEntity> {
    return this.repo.save(this.repo.create({ ...values, lastUsedAt: null, revokedAt: null }));
  }

  findById(id: string): Promise<ApiKeyEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** The guard's one query for a key: usable (not revoked, not expired) keys only, so both take effect at once. */
  async findUsable(secretHash: string): Promise<ApiKeyEntity | null> {
    return this.repo
      .createQueryBuilder('k')
      .where('k.secret_hash = :secretHash', { secretHash })
      .andWhere('k.revoked_at IS NULL')
      .andWhere('(k.expires_at IS NULL OR k.expires_at > now())')
      .getOne();
  }

  /** Records a use unless one was recorded in the last minute (the condition makes concurrent requests write once). */
  async touch(id: string): Promise<void> {
    await this.repo.query(
      `UPDATE api_keys SET last_used_at = now()
        WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')`,
      [id],
    );
  }

  async revoke(id: string): Promise<void> {
    await this.repo.query(`UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL`, [id]);
  }

  /** Newest first, keyset-paged on (created_at, id). */
  async list(limit: number, after?: [string, string]): Promise<Array<{ key: ApiKeyEntity; cursor: [string, string] }>> {
    const qb = this.repo
      .createQueryBuilder('k')
      .addSelect('k.created_at::text', 'cursor_ts')
      .orderBy('k.created_at', 'DESC')
      .addOrderBy('k.id', 'DESC')
      .limit(limit);
    if (after) qb.where('(k.created_at, k.id) < (:ts::timestamptz, :id::uuid)', { ts: after[0], id: after[1] });
    const { entities, raw } = await qb.getRawAndEntities<{ cursor_ts: string }>();
    return entities.map((key, i) => ({ key, cursor: [raw[i].cursor_ts, key.id] }));
  }
}
