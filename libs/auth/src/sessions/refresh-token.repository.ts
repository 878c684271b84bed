import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, Not } from 'typeorm';
import { TransactionalRepository } from '@app/common';
import { RefreshTokenEntity } from '../entities/refresh-token.entity';

type NewToken = Pick<RefreshTokenEntity, 'tokenHash' | 'familyId' | 'userId' | 'expiresAt'>;

/** The refresh tokens' rows. Bound to a transaction by `transaction()`. */
@Injectable()
export class RefreshTokenRepository extends TransactionalRepository<RefreshTokenRepository> {
  constructor(@InjectDataSource() ds: DataSource, manager: EntityManager = ds.manager) {
    super(ds, manager);
  }

  protected withManager(manager: EntityManager): RefreshTokenRepository {
    return new RefreshTokenRepository(this.ds, manager);
  }

  private get repo() {
    return this.manager.getRepository(RefreshTokenEntity);
  }

  async insert(token: NewToken): Promise<void> {
    await this.manager.insert(RefreshTokenEntity, token);
  }

  /**
   * Marks a live token rotated and returns it, or null when it is unknown, expired, revoked or
   * already rotated. One UPDATE, so two concurrent refreshes with one token cannot both win.
   */
  async claim(tokenHash: string): Promise<RefreshTokenEntity | null> {
    const rows = (await this.manager.query(
      `UPDATE refresh_tokens SET rotated_at = now()
        WHERE token_hash = $1 AND rotated_at IS NULL AND revoked_at IS NULL AND expires_at > now()
        RETURNING id, family_id AS "familyId", user_id AS "userId"`,
      [tokenHash],
    )) as [Array<Pick<RefreshTokenEntity, 'id' | 'familyId' | 'userId'>>, number];
    return (rows[0][0] as RefreshTokenEntity | undefined) ?? null;
  }

  findByHash(tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.repo.findOne({ where: { tokenHash } });
  }

  /** Revokes every token of a sign-in; returns how many were still unrevoked. */
  async revokeFamily(familyId: string): Promise<number> {
    const result = await this.repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: () => 'now()' });
    return result.affected ?? 0;
  }

  /** Revokes every sign-in of a user, optionally but the one named. */
  async revokeUser(userId: string, exceptFamilyId?: string): Promise<number> {
    const where = exceptFamilyId
      ? { userId, revokedAt: IsNull(), familyId: Not(exceptFamilyId) }
      : { userId, revokedAt: IsNull() };
    const result = await this.repo.update(where, { revokedAt: () => 'now()' });
    return result.affected ?? 0;
  }

  /** Forgets a user's expired tokens (rotated ones stay until then: they are how reuse is recognised). */
  async deleteExpired(userId: string): Promise<void> {
    await this.repo
      .createQueryBuilder()
      .delete()
      .where('user_id = :userId AND expires_at < now()', { userId })
      .execute();
  }

  /** A sign-in is live while one of its tokens is unrevoked (rotation keeps one; sign-out revokes all). */
  async familyLive(familyId: string): Promise<boolean> {
    return this.repo.exists({ where: { familyId, revokedAt: IsNull() } });
  }
}
