import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { UserEntity } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectRepository(UserEntity) private readonly repo: Repository<UserEntity>) {}

  findById(id: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<UserEntity[]> {
    return ids.length ? this.repo.find({ where: { id: In(ids) } }) : Promise.resolve([]);
  }

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.repo.findOne({ where: { email: email.toLowerCase() } });
  }

  /** Inserts unless the email is taken; returns null when it was. */
  async insertIfAbsent(user: Omit<UserEntity, 'id' | 'createdAt' | 'updatedAt'>): Promise<UserEntity | null> {
    const result = await this.repo.createQueryBuilder().insert().values(user).orIgnore().returning(['id']).execute();
    const id = (result.raw as Array<{ id: string }>)[0]?.id;
    return id ? this.findById(id) : null;
  }

  async listPage(limit: number, after?: { email: string }): Promise<UserEntity[]> {
    const qb = this.repo.createQueryBuilder('u').orderBy('u.email', 'ASC').limit(limit);
    if (after) qb.where('u.email > :email', { email: after.email });
    return qb.getMany();
  }
}
