import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { fixedRead } from '@app/common';
import { UserEntity } from './entities/user.entity';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  /**
   * The guard's one query per request: the user if active and, when the token names its sign-in,
   * only while that sign-in is open (a family keeps one unrevoked token until it is ended).
   */
  async findSignedIn(
    id: string,
    familyId: string | undefined,
  ): Promise<Pick<UserEntity, 'id' | 'email' | 'name' | 'roles' | 'timezone'> | null> {
    const rows = await fixedRead<Pick<UserEntity, 'id' | 'email' | 'name' | 'roles' | 'timezone'>>(
      this.repo.manager,
      `SELECT u.id, u.email, u.name, u.roles, u.timezone FROM users u
        WHERE u.id = $1 AND u.active
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM refresh_tokens r WHERE r.family_id = $2 AND r.revoked_at IS NULL))`,
      [id, familyId ?? null],
    );
    return rows[0] ?? null;
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.repo.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { email: email.toLowerCase() } });
  }

  findByOidcIdentity(issuer: string, subject: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { oidcIssuer: issuer, oidcSubject: subject } });
  }

  /** Links the account to a provider identity, unless it is linked already (a concurrent first sign-in). */
  async linkOidcIdentity(id: string, issuer: string, subject: string): Promise<boolean> {
    const result = await this.repo
      .createQueryBuilder()
      .update()
      .set({ oidcIssuer: issuer, oidcSubject: subject })
      .where('id = :id AND oidc_subject IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Inserts unless the email is taken; returns null when it was. */
  async insertIfAbsent(user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<UserEntity | null> {
    const result = await this.repo.createQueryBuilder().insert().values(user).orIgnore().returning(['id']).execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    return id ? this.findById(id) : null;
  }

  /** Active users holding `role`, by name; optionally only / never these ids, or matching words. */
  async listByRole(
    role: string,
    f: {
      limit: number;
      after?: { name: string; id: string };
      onlyIds?: string[];
      excludeIds?: string[];
      words?: string[];
    },
  ): Promise<UserEntity[]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .where(':role = ANY(u.roles) AND u.active', { role })
      .orderBy('u.name', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .limit(f.limit);
    if (f.onlyIds) qb.andWhere('u.id = ANY(:only)', { only: f.onlyIds });
    if (f.excludeIds?.length) qb.andWhere('u.id <> ALL(:excluded)', { excluded: f.excludeIds });
    (f.words ?? []).forEach((w, i) =>
      qb.andWhere(`(u.name ILIKE :w${i} OR u.email ILIKE :w${i})`, {
        [`w${i}`]: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      }),
    );
    if (f.after) qb.andWhere('(u.name, u.id) > (:name, :id)', f.after);
    return qb.getMany();
  }

  async updateTimezone(id: string, timezone: string): Promise<void> {
    await this.repo.update({ id }, { timezone });
  }

  async listPage(limit: number, after?: { email: string }, words: string[] = []): Promise<UserEntity[]> {
    const qb = this.repo.createQueryBuilder('u').orderBy('u.email', 'ASC').limit(limit);
    if (after) qb.andWhere('u.email > :email', { email: after.email });
    words.forEach((w, i) =>
      qb.andWhere(`(u.name ILIKE :w${i} OR u.email ILIKE :w${i})`, {
        [`w${i}`]: `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      }),
    );
    return qb.getMany();
  }

  /** Changes the given fields; returns the user as it now is, or null when there is none. */
  async update(
    id: string,
    changes: Partial<Pick<UserEntity, 'name' | 'roles' | 'timezone' | 'active'>>,
  ): Promise<UserEntity | null> {
    if (Object.keys(changes).length) await this.repo.update({ id }, changes);
    return this.findById(id);
  }

  async updatePasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.repo.update({ id }, { passwordHash });
  }
}
