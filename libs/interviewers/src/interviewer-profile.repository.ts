import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { InterviewerProfileEntity } from './entities/interviewer-profile.entity';

@Injectable()
export class InterviewerProfileRepository {
  constructor(
    @InjectRepository(InterviewerProfileEntity) private readonly repo: Repository<InterviewerProfileEntity>,
  ) {}

  findByUserIds(userIds: string[]): Promise<InterviewerProfileEntity[]> {
    return userIds.length ? this.repo.find({ where: { userId: In(userIds) } }) : Promise.resolve([]);
  }

  /** Users whose profile lists every one of these competencies (case-insensitive) and question type. */
  async userIdsWith(competency?: string, questionType?: string): Promise<string[]> {
    const qb = this.repo.createQueryBuilder('p').select('p.user_id', 'user_id');
    if (competency) qb.andWhere(':c = ANY(p.competencies)', { c: competency.toLowerCase() });
    if (questionType) qb.andWhere(':t = ANY(p.question_types)', { t: questionType });
    return (await qb.getRawMany<{ user_id: string }>()).map((r) => r.user_id);
  }

  async upsert(values: Partial<InterviewerProfileEntity> & { userId: string }): Promise<void> {
    await this.repo.upsert(values, { conflictPaths: ['userId'] });
  }
}
