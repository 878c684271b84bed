import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { HeartbeatEntity } from './heartbeat.entity';

@Injectable()
export class HeartbeatRepository {
  constructor(@InjectRepository(HeartbeatEntity) private readonly repo: Repository<HeartbeatEntity>) {}

  /** Idempotent: a retried job writes the same row once. */
  async record(beat: HeartbeatEntity): Promise<void> {
    await this.repo.createQueryBuilder().insert().values(beat).orIgnore().execute();
  }

  findByJobId(jobId: string): Promise<HeartbeatEntity | null> {
    return this.repo.findOne({ where: { jobId } });
  }

  findLatest(): Promise<HeartbeatEntity | null> {
    return this.repo.createQueryBuilder('h').orderBy('h.processedAt', 'DESC').limit(1).getOne();
  }
}
